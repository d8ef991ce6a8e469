/// Type inference for one column over all its cells.
///
/// A column is **bool** if every non-empty cell is `true`/`false`, `yes`/`no`, `y`/`n` (any case) or
/// `是`/`否`, **number** if every one is a decimal number (sign, fraction, exponent, the suffixes 万 ×10⁴
/// and 亿 ×10⁸, a leading `¥`/`￥`/`$`, grouped thousands `1,234`, a trailing `%` ÷100 and full-width
/// digits allowed), **date** if every one is a date (`2026-06-30`, `2026/6/30`, `2026年6月30日`,
/// optionally with a time, which is dropped), otherwise
/// **string**. Empty cells are null and do not vote; an all-empty column is a string column.
/// Identifier-like columns stay strings even when every cell is digits: a key-like name (`id`, `…_id`,
/// `phone`, `mobile`, `tel`, `手机`, `电话`, `身份证`, `id_number`, `zip`, `postcode`, `邮编`, `编号`,
/// `code`, `…_code`, any name `PII` reads as a phone, ID or WeChat/QQ account), or any cell with a
/// leading zero (`007`) or of 11 or more digits (phone and ID numbers).
/// Why a column whose cells looked like numbers or dates was read as text: the first cell that broke the
/// pattern. The cell is kept apart from the sentence because the store cannot tell whether it is
/// personal data; the catalog, which can, decides how it is shown (`DataBinding.schema(of:declared:)`).
public struct TypeNote: Sendable, Equatable {
    public var line: Int
    public var cell: String
    /// What the cells above it were: "a number", "a valid date".
    public var expected: String
    /// How many cells above it were.
    public var seen: Int

    /// The reason as a sentence, with the cell shown as given (masked or not).
    public func text(showing shown: String) -> String {
        "line \(line) has `\(shown)`, which is not \(expected) (the \(seen) cell\(seen == 1 ? "" : "s") above it \(seen == 1 ? "is" : "are"))"
    }
}

struct ColumnStats {
    /// Hashes of the first cells, to tell near-unique text (ids, phones, e-mail) from categories.
    var sample: Set<UInt64> = []
    var sampled = 0
    static let sampleSize = 2048
    var nonEmpty = 0
    var maybeNumber = true, maybeBool = true, maybeDate = true
    var identifierLike = false
    var identifierName = false
    /// Cells seen so far that were numbers / dates, and why a column that looked like one became text:
    /// the first cell that broke the pattern, with its line (for the checker's message).
    var numbersSeen = 0, datesSeen = 0
    var textBecause: TypeNote?

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
        func broke(_ seen: Int, _ what: String) {
            guard seen > 0, textBecause == nil, line > 0 else { return }
            let cell = String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]).prefix(40), as: UTF8.self)
            textBecause = TypeNote(line: line, cell: cell, expected: what, seen: seen)
        }
        if maybeNumber {
            if NumberParser.parse(p, s, e) != nil {
                numbersSeen += 1
                if NumberParser.looksLikeIdentifier(p, s, e) { identifierLike = true }
            } else if let loose = NumberParser.parseLoose(p, s, e) {
                numbersSeen += 1
                if loose.identifier { identifierLike = true }
            } else { maybeNumber = false; broke(numbersSeen, "a number") }
        }
        if maybeBool, ColumnStats.isBool(p, s, e) == nil { maybeBool = false }
        if maybeDate {
            if CivilDate.parse(UnsafeBufferPointer(rebasing: p[s..<e]).drop { $0 == 0x20 }) == nil { maybeDate = false; broke(datesSeen, "a valid date") }
            else { datesSeen += 1 }
        }
    }

    /// Why the column is text although its cells looked like numbers or dates, if that is the case.
    var textNote: TypeNote? { type == .string && !identifierLike && !identifierName ? textBecause : nil }

    /// Combines the evidence of two row ranges of the same column.
    mutating func merge(_ o: ColumnStats) {
        nonEmpty += o.nonEmpty
        maybeNumber = maybeNumber && o.maybeNumber
        maybeBool = maybeBool && o.maybeBool
        maybeDate = maybeDate && o.maybeDate
        identifierLike = identifierLike || o.identifierLike
        if sampled < ColumnStats.sampleSize {
            sample.formUnion(o.sample)
            sampled += o.sampled
        }
    }

    var type: ValueType {
        if nonEmpty == 0 { return .string }
        if maybeBool { return .bool }
        if maybeNumber { return identifierLike || identifierName ? .string : .number }
        if maybeDate { return .date }
        return .string
    }
}

/// Builds one typed column cell by cell, for a type decided beforehand (from a sample). A cell that
/// does not fit the type marks the builder `failed`; the reader then reads that column again with
/// inference over every row, so the result is what full inference would give.
struct ColumnBuilder {
    let type: ValueType
    /// Near-unique text: one dictionary entry per row, no hashing (equal values may repeat).
    let unique: Bool
    /// Skipped in this pass: the column is read on its own afterwards.
    var failed: Bool
    var rawStrings: [String] = []
    /// A date cell had a time of day, which was dropped (the load says so, once per column).
    var timeDropped = false
    let numbers: ColumnBuffer<Double>
    let dates: ColumnBuffer<Int32>
    let codes: ColumnBuffer<Int32>
    var dictionary = ByteDictionary()
    let validWords: ColumnBuffer<UInt64>
    let boolWords: ColumnBuffer<UInt64>
    var count = 0

    init(type: ValueType, capacity: Int, unique: Bool = false, skip: Bool = false) {
        self.type = type
        self.unique = unique && type == .string
        self.failed = skip
        let n = skip ? 0 : capacity
        validWords = ColumnBuffer(capacity: n / 64 + 1)
        numbers = ColumnBuffer(capacity: type == .number ? n : 0)
        dates = ColumnBuffer(capacity: type == .date ? n : 0)
        boolWords = ColumnBuffer(capacity: type == .bool ? n / 64 + 1 : 0)
        codes = ColumnBuffer(capacity: type == .string ? n : 0)
        if self.unique, !skip { rawStrings.reserveCapacity(capacity) }
    }

    /// Appends one cell (empty cells are null).
    mutating func add(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) {
        if failed { return }
        let row = count
        count += 1
        if row & 63 == 0 {
            validWords.append(0)
            if type == .bool { boolWords.append(0) }
        }
        let bit = UInt64(1) << UInt64(row & 63)
        let blank = ColumnStats.isBlank(p, s, e)
        switch type {
        case .number:
            guard !blank else { numbers.append(0); return }
            if let v = NumberParser.parse(p, s, e) {
                guard !NumberParser.looksLikeIdentifier(p, s, e) else { failed = true; return }
                numbers.append(v)
            } else {
                // `¥1,200`, `85%`, `１２３`: looked at only once the plain parse failed.
                guard let loose = NumberParser.parseLoose(p, s, e), !loose.identifier else { failed = true; return }
                numbers.append(loose.value)
            }
        case .date:
            guard !blank else { dates.append(0); return }
            guard let d = CivilDate.parse(UnsafeBufferPointer(rebasing: p[s..<e]).drop(while: { $0 == 0x20 })) else { failed = true; return }
            // Looked for only until found: a column of plain dates pays one short scan per cell.
            if !timeDropped, ColumnStats.hasTime(p, s, e) { timeDropped = true }
            dates.append(d)
        case .bool:
            guard !blank else { return }
            guard let b = ColumnStats.isBool(p, s, e) else { failed = true; return }
            if b { boolWords.updateLast { $0 |= bit } }
        default:
            guard !blank else { codes.append(0); return }
            if unique {
                codes.append(Int32(rawStrings.count))
                rawStrings.append(String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self))
            } else {
                codes.append(dictionary.code(p, s, e))
            }
        }
        validWords.updateLast { $0 |= bit }
    }

    var valid: Bitset { Bitset(words: Array(validWords.buffer), count: count) }
    var bools: Bitset { Bitset(words: Array(boolWords.buffer), count: count) }

    /// One column from the builders of consecutive row ranges; string dictionaries are merged in
    /// order, so codes still follow first appearance in the file. Each array is built once, at its final size.
    static func merge(_ parts: [ColumnBuilder], name: String, rows: Int) -> Column {
        guard var first = parts.first else { return Column(name: name, storage: .string(codes: [], dictionary: []), valid: Bitset(count: 0)) }
        // After a column was read again on its own, the first part holds every row.
        let used = first.count == rows ? [first] : parts
        let valid = used.count == 1 ? first.valid : Bitset.concatenate(used.map(\.valid))
        switch first.type {
        case .number: return Column(name: name, storage: .number(ColumnBuffer.joined(used.map(\.numbers))), valid: valid)
        case .date: return Column(name: name, storage: .date(ColumnBuffer.joined(used.map(\.dates))), valid: valid)
        case .bool:
            let bools = used.count == 1 ? first.bools : Bitset.concatenate(used.map(\.bools))
            return Column(name: name, storage: .bool(bools), valid: valid)
        default:
            guard used.count > 1 else {
                let dict = first.unique ? first.rawStrings : first.dictionary.strings
                return Column(name: name, storage: .string(codes: Array(first.codes.buffer), dictionary: dict), valid: valid)
            }
            // Each later range's codes are shifted (near-unique text) or remapped into the first range's dictionary.
            var maps: [[Int32]] = [[]]
            var strings = first.rawStrings
            for part in used.dropFirst() {
                if first.unique {
                    maps.append([Int32(strings.count)])
                    strings.append(contentsOf: part.rawStrings)
                } else {
                    maps.append((0..<part.dictionary.count).map { k in part.dictionary.withBytes(k) { first.dictionary.code($0, $1, $2) } })
                }
            }
            let unique = first.unique
            let total = used.reduce(0) { $0 + $1.codes.count }
            let codes = [Int32](unsafeUninitializedCapacity: total) { out, initialized in
                var at = 0
                for (i, part) in used.enumerated() {
                    let src = part.codes.buffer
                    let map = maps[i]
                    for c in src {
                        if i == 0 { out[at] = c }
                        else if unique { out[at] = c + map[0] }
                        else { out[at] = Int(c) < map.count ? map[Int(c)] : 0 }
                        at += 1
                    }
                }
                initialized = at
            }
            return Column(name: name, storage: .string(codes: codes, dictionary: unique ? strings : first.dictionary.strings), valid: valid)
        }
    }
}
