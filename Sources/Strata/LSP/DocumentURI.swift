/// `file:` URIs, as the protocol names documents, to absolute paths and back. Other schemes (`untitled:`,
/// `git:`) name no file Strata can check, so they have no path.
public enum DocumentURI {
    /// The absolute path a `file:` URI names (`file:///a%20b/x.strata` → `/a b/x.strata`), or nil.
    /// The authority must be empty or `localhost`; percent escapes are decoded as UTF-8.
    public static func path(_ uri: String) -> String? {
        let bytes = Array(uri.utf8)
        let scheme = Array("file://".utf8)
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ MessageFramer.lowercased($0) == $1 }) else { return nil }
        var rest = bytes[scheme.count...]
        if rest.starts(with: Array("localhost".utf8)) { rest = rest.dropFirst("localhost".utf8.count) }
        guard rest.first == UInt8(ascii: "/") else { return nil }
        var out: [UInt8] = []
        var i = rest.startIndex
        while i < rest.endIndex {
            let b = rest[i]
            // A query or fragment is not part of the path.
            if b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
            if b == UInt8(ascii: "%") {
                guard i + 2 < rest.endIndex, let hi = JSONEscape.hexDigit(rest[i + 1]), let lo = JSONEscape.hexDigit(rest[i + 2]) else { return nil }
                out.append(UInt8(hi << 4 | lo))
                i += 3
                continue
            }
            out.append(b)
            i += 1
        }
        // A NUL names no file, and a path that is not UTF-8 cannot be a Swift path string.
        guard !out.contains(0), UTF8Validation.firstInvalid(out) == nil else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `file:` URI of an absolute path, percent-encoding every byte but unreserved characters and `/`
    /// (as VS Code writes them, so the client recognises its own documents).
    public static func uri(path: String) -> String {
        var out = "file://"
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for b in path.utf8 {
            if isUnreserved(b) || b == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%"
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 15)])
            }
        }
        return out
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }
}
