/// The text encodings a data file may be read in: what `load … encoding "NAME"` accepts and what
/// detection may decide. Named here so the parser (the name), the loader (the conversion) and the
/// messages (the notice) agree on one list.
public enum TextEncoding: String, CaseIterable, Sendable, Hashable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case gbk = "gbk"
    case gb2312 = "gb2312"
    /// Byte order from the byte order mark; without one, little-endian (what Windows writes).
    case utf16 = "utf-16"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// The encoding a name in a rule file stands for: any case, `_` for `-`, and the aliases Windows and
    /// Python use (`utf8`, `cp936` for GBK, `euc-cn` for GB2312, `utf16le`); nil for a name not known.
    public init?(named text: String) {
        let key = text.lowercased().replacingOccurrences(of: "_", with: "-")
        guard let e = TextEncoding.aliases[key] ?? TextEncoding(rawValue: key) else { return nil }
        self = e
    }

    /// Other spellings of the canonical names.
    static let aliases: [String: TextEncoding] = [
        "utf8": .utf8, "gb-18030": .gb18030, "cp936": .gbk, "ms936": .gbk, "windows-936": .gbk, "euc-cn": .gb2312,
        "utf16": .utf16, "utf16le": .utf16le, "utf16be": .utf16be,
    ]

    /// Every name `encoding "…"` accepts, canonical names first, for "did you mean" and the list in messages.
    public static var acceptedNames: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    /// The encoding as messages name it (`GB18030`, `UTF-16LE`).
    public var displayName: String { rawValue.uppercased() }

    /// The name glibc's iconv converts from. GBK and GB2312 are read as GB18030, the standard that
    /// contains both: exports labelled GB2312 routinely hold GBK characters (镕, 堃), and GB18030 reads
    /// them the same. Nil for UTF-8, which needs no conversion.
    public var iconvName: String? {
        switch self {
        case .utf8: return nil
        case .gb18030, .gbk, .gb2312: return "GB18030"
        case .utf16, .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        }
    }

    /// Whether this is one of the UTF-16 forms (whose byte order mark is two bytes, FF FE or FE FF).
    public var isUTF16: Bool {
        switch self {
        case .utf16, .utf16le, .utf16be: return true
        case .utf8, .gb18030, .gbk, .gb2312: return false
        }
    }
}
