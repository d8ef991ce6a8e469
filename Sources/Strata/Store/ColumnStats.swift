/// Why a column whose cells looked like numbers or dates was read as text: the cell that broke the
/// pattern. The cell is kept apart from the sentence because the store cannot tell whether it is
/// personal data; the catalog, which can, decides how it is shown (`DataBinding.schema(of:declared:)`).
public struct TypeNote: Sendable, Equatable {
    public var line: Int
    public var cell: String
    /// What the cells above it were: numbers, valid dates.
    public var expected: Expectation
    /// How many cells above it were.
    public var seen: Int
    /// How many cells above it were not, each read as null while the column could still be one of that type.
    public var missed = 0

    /// The kinds of value a column's cells were expected to be.
    public enum Expectation: Sendable, Equatable {
        case number, validDate, exactNumber

        var text: Message {
            switch self {
            case .number: LoadText.expectedNumber.message
            case .validDate: LoadText.expectedValidDate.message
            case .exactNumber: LoadText.expectedExactNumber.message
            }
        }
    }

    /// The reason as a sentence, with the cell shown as given (masked or not).
    public func text(showing shown: String) -> Message {
        let are: (Int) -> Slot = { $0 == 1 ? "is" : "are" }
        let counts: [String: Slot] = ["seen": "\(seen)", "missed": "\(missed)", "en_s": seen == 1 ? "" : "s", "en_are": are(seen), "en_are2": are(missed)]
        let above = missed > 0 ? LoadText.aboveSome(counts) : seen == 1 ? LoadText.aboveOne(counts) : LoadText.aboveAll(counts)
        return LoadText.typeNote(["line": "\(line)", "cell": .text(shown), "expected": .message(expected.text), "above": .message(above)])
    }
}

/// Cells of a number, date or bool column that are not of its type, read as null: how many, and the
/// first one with its line (the load warns once per column, with the cell masked when it is personal).
public struct UnreadCells: Sendable, Equatable {
    public var count: Int
    public var line: Int
    public var cell: String
    /// The column's type.
    public var type: ValueType
    /// The type comes from a `schema`, not from the cells.
    public var declared: Bool
    /// When no cell is of the declared type: what the cells' own type is (inferred from the first
    /// rows), for the message that the schema names the wrong column.
    public var found: ValueType?
}

/// Type inference for one column over all its cells.
///
/// A column is **bool** if every non-empty cell is `true`/`false`, `yes`/`no`, `y`/`n` (any case) or
/// `是`/`否`, **number** if every one is a decimal number (sign, fraction, exponent, the suffixes 万 ×10⁴
/// and 亿 ×10⁸, a leading `¥`/`￥`/`$`, grouped thousands `1,234`, a trailing `%` ÷100 and full-width
/// digits allowed), **date** if every one is a date (`2026-06-30`, `2026/6/30`, `2026年6月30日`,
/// optionally with a time, which is dropped), otherwise
/// **string**. Empty cells are null and do not vote; an all-empty column is a string column (the catalog
/// gives it no type: `DataBinding.schema`). A number or date column may have a few cells that are not
/// of its type (`n/a` among a thousand amounts): they are read as null and counted (`tolerates`).
/// Identifier-like columns stay strings even when every cell is digits: a key-like name (`id`, `…_id`,
/// `phone`, `mobile`, `tel`, `手机`, `电话`, `身份证`, `id_number`, `zip`, `postcode`, `邮编`, `编号`,
/// `code`, `…_code`, any name `PII` reads as a phone, ID or WeChat/QQ account), or any cell with a
/// leading zero (`007`) or of 11 or more digits (phone and ID numbers), or an integer beyond 2⁵³, which
/// no number holds exactly (`wideInteger`).
struct ColumnStats {
    /// Hashes of the first cells, to tell near-unique text (ids, phones, e-mail) from categories.
    var sample: Set<UInt64> = []
    var sampled = 0
    static let sampleSize = 2048
    var nonEmpty = 0
    var maybeNumber = true, maybeBool = true, maybeDate = true
    var identifierLike = false
    var identifierName = false
    /// Cells seen so far that were numbers / dates, and those that were not while the column could
    /// still be one (read as null if it is), with the first of them.
    var numbersSeen = 0, datesSeen = 0
    var numberMisses = 0, dateMisses = 0
    var firstNumberMiss: TypeNote?, firstDateMiss: TypeNote?
    /// Why a column that looked like numbers or dates became text: the cell that broke the pattern.
    var textBecause: TypeNote?
    /// The first integer beyond 2⁵³ (`12345678901234567`), which makes the column text rather than rounded.
    var wideInteger: TypeNote?

    /// At least this many cells of a column's type before it may have cells that are not (read as null).
    static let leastValues = 100

    /// Whether a column may still be of a type after its `misses`-th cell that is not, with `seen` cells
    /// above that are: one such cell, plus one per hundred that are. Counted down the file, so the
    /// answer never depends on what comes later and a sample's "no" is final: one `n/a` among a
    /// thousand amounts is a number column; a column of names, or of room numbers with a few `12A`, is text.
    static func tolerates(misses: Int, seen: Int) -> Bool { misses <= 1 + seen / 100 }

    /// True once nothing but string is possible and the sample is taken, so later cells need not be looked at.
    var settled: Bool { !maybeNumber && !maybeBool && !maybeDate && sampled >= ColumnStats.sampleSize }

    /// Text whose sampled values are nearly all different: dictionary encoding would only cost time.
    var nearlyUnique: Bool { sampled >= 256 && sample.count * 10 >= sampled * 9 }

    static func isIdentifierName(_ name: String) -> Bool {
        let n = name.lowercased()
        let exact: Set<String> = ["id", "key", "phone", "mobile", "tel", "telephone", "手机", "手机号", "电话", "联系电话", "身份证", "身份证号",
                                  "id_number", "id_card", "zip", "zipcode", "postcode", "邮编", "编号", "客户编号", "code"]
        if exact.contains(n) || n.hasSuffix("_id") || n.hasSuffix("_code") || n.hasSuffix("编号") || n.hasSuffix("_phone") { return true }
        // Whatever a phone, ID or WeChat/QQ column is called (`联系方式`, `qq`), its digits are text: a
        // number would lose leading zeros and print in another form than the one that is masked.
        switch PII.kind(fieldName: name) {
        case .phone?, .idNumber?, .account?: return true
        case .name?, .email?, .address?, nil: return false
        }
    }

    static func isBlank(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if p[i] != 0x20, p[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    static func isBool(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool? {
        var i = s, j = e
        while i < j, p[i] == 0x20 { i += 1 }
        while j > i, p[j - 1] == 0x20 { j -= 1 }
        // Compared byte by byte, lower-cased with 0x20: this runs for every cell of a bool column.
        func matches(_ word: StaticString) -> Bool {
            guard j - i == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for k in 0..<(j - i) where p[i + k] | 0x20 != w[k] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        // Y/N, yes/no and 是/否 as CRM exports write them; checked after true/false, the common case.
        if matches("y") || matches("yes") { return true }
        if matches("n") || matches("no") { return false }
        if j - i == 3 {
            // 是 = E6 98 AF, 否 = E5 90 A6
            if p[i] == 0xE6, p[i + 1] == 0x98, p[i + 2] == 0xAF { return true }
            if p[i] == 0xE5, p[i + 1] == 0x90, p[i + 2] == 0xA6 { return false }
        }
        return nil
    }

    /// Whether a cell `CivilDate.parse` read as a date has a time of day after it (`2026-06-30 10:00`,
    /// `2026-06-30T10:00:00`), which the date drops: a space or `T` inside the trimmed cell.
    static func hasTime(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s, j = e
        while i < j, p[i] == 0x20 { i += 1 }
        while j > i, p[j - 1] == 0x20 { j -= 1 }
        while i < j {
            if p[i] == 0x20 || p[i] == 0x54 { return true }
            i += 1
        }
        return false
    }

    mutating func observe(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, quoted: Bool, line: Int = 0) {
        if ColumnStats.isBlank(p, s, e) { return }
        nonEmpty += 1
        if sampled < ColumnStats.sampleSize {
            sampled += 1
            sample.insert(ByteDictionary.hash(p, s, e))
        }
        func note(_ seen: Int, _ missed: Int, _ what: TypeNote.Expectation) -> TypeNote {
            let cell = String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]).prefix(40), as: UTF8.self)
            return TypeNote(line: line, cell: cell, expected: what, seen: seen, missed: missed)
        }
        // A cell not of the type: counted (null if the column keeps the type) until there are too many.
        func missed(_ seen: Int, _ misses: inout Int, _ first: inout TypeNote?, _ maybe: inout Bool, _ what: TypeNote.Expectation) {
            misses += 1
            if first == nil, line > 0 { first = note(seen, 0, what) }
            guard !ColumnStats.tolerates(misses: misses, seen: seen) else { return }
            maybe = false
            if seen > 0, textBecause == nil, line > 0 { textBecause = note(seen, misses - 1, what) }
        }
        if maybeNumber {
            if NumberParser.parse(p, s, e) != nil {
                numbersSeen += 1
                if NumberParser.looksLikeIdentifier(p, s, e) {
                    identifierLike = true
                    if wideInteger == nil, line > 0, NumberParser.beyondExact(p, s, e) { wideInteger = note(0, 0, .exactNumber) }
                }
            } else if let loose = NumberParser.parseLoose(p, s, e) {
                numbersSeen += 1
                if loose.identifier {
                    identifierLike = true
                    if wideInteger == nil, line > 0, loose.wide { wideInteger = note(0, 0, .exactNumber) }
                }
            } else { missed(numbersSeen, &numberMisses, &firstNumberMiss, &maybeNumber, .number) }
        }
        if maybeBool, ColumnStats.isBool(p, s, e) == nil { maybeBool = false }
        if maybeDate {
            if CivilDate.parse(UnsafeBufferPointer(rebasing: p[s..<e]).drop { $0 == 0x20 }) == nil {
                missed(datesSeen, &dateMisses, &firstDateMiss, &maybeDate, .validDate)
            } else { datesSeen += 1 }
        }
    }

    /// A number column: every non-empty cell a number, or all but a tolerated few among enough numbers.
    var numberFits: Bool { maybeNumber && (numberMisses == 0 || numbersSeen >= ColumnStats.leastValues) }
    /// A date column, by the same rule.
    var dateFits: Bool { maybeDate && (dateMisses == 0 || datesSeen >= ColumnStats.leastValues) }

    /// Cells read so far cannot tell the type yet: some were not numbers (or dates) but too few were to
    /// call it text. A sample that ends like this is no answer; the column is read on its own.
    var undecided: Bool {
        (maybeNumber && numberMisses > 0 && numbersSeen < ColumnStats.leastValues)
            || (maybeDate && dateMisses > 0 && datesSeen < ColumnStats.leastValues)
    }

    /// Why the column is text although its cells looked like numbers or dates, if that is the case.
    var textNote: TypeNote? {
        guard type == .string, !identifierLike, !identifierName else { return nil }
        if let t = textBecause { return t }
        // Too few numbers (dates) for the cells that were not: the first of those made it text.
        if maybeNumber, numbersSeen > 0, let m = firstNumberMiss { return m }
        if maybeDate, datesSeen > 0, let m = firstDateMiss { return m }
        return nil
    }

    /// The first integer beyond 2⁵³ of a column read as text for it (not for its name: `card_id` is text anyway).
    var wideNote: TypeNote? { type == .string && !identifierName ? wideInteger : nil }

    /// The cells a number or date column reads as null, if any.
    var unread: UnreadCells? {
        let t = type
        let (count, first) = t == .number ? (numberMisses, firstNumberMiss) : t == .date ? (dateMisses, firstDateMiss) : (0, nil)
        guard count > 0, let f = first else { return nil }
        return UnreadCells(count: count, line: f.line, cell: f.cell, type: t, declared: false)
    }

    var type: ValueType {
        if nonEmpty == 0 { return .string }
        if maybeBool { return .bool }
        if numberFits { return identifierLike || identifierName ? .string : .number }
        if dateFits { return .date }
        return .string
    }
}
