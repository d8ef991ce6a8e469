/// Builds one typed column cell by cell, for a type decided beforehand (from a sample or a `schema`).
/// A cell that is not of the type (`n/a` among amounts) is a *miss*: null, counted, and up to
/// `Misses` kept for the reader to judge (`ColumnStats.tolerates`). A cell that shows the type was
/// wrong (an identifier among numbers, too many misses) marks the builder `failed`; the reader then
/// reads that column again with inference over every row, so the result is what full inference would give.
struct ColumnBuilder {
    /// What a builder does with cells that are not of its type.
    enum Misses {
        /// The type was guessed from a sample: up to `limit` misses are null, each with the count of
        /// values before it (for the reader's rule over the whole column); more fail the builder.
        case guessed(limit: Int)
        /// The type was decided over every row, or declared: every miss is null, only counted. Declared
        /// types also take identifier-like numbers (`007` is 7 when the schema says number).
        case decided(declared: Bool)
        /// Any miss fails the builder (bool columns, whose misses are not tolerated).
        case none
    }

    let type: ValueType
    /// Near-unique text: one dictionary entry per row, no hashing (equal values may repeat).
    let unique: Bool
    let misses: Misses
    /// Skipped in this pass: the column is read on its own afterwards.
    var failed: Bool
    var rawStrings: [String] = []
    /// A date cell had a time of day, which was dropped (the load says so, once per column).
    var timeDropped = false
    /// How many cells were misses; with `.guessed`, the number of values read before each one.
    var missCount = 0
    var valuesBeforeMiss: [Int] = []
    let numbers: ColumnBuffer<Double>
    let dates: ColumnBuffer<Int32>
    let codes: ColumnBuffer<Int32>
    var dictionary = ByteDictionary()
    let validWords: ColumnBuffer<UInt64>
    let boolWords: ColumnBuffer<UInt64>
    var count = 0

    init(type: ValueType, capacity: Int, unique: Bool = false, skip: Bool = false, misses: Misses = .none) {
        self.type = type
        self.unique = unique && type == .string
        self.failed = skip
        self.misses = misses
        let n = skip ? 0 : capacity
        validWords = ColumnBuffer(capacity: n / 64 + 1)
        numbers = ColumnBuffer(capacity: type == .number ? n : 0)
        dates = ColumnBuffer(capacity: type == .date ? n : 0)
        boolWords = ColumnBuffer(capacity: type == .bool ? n / 64 + 1 : 0)
        codes = ColumnBuffer(capacity: type == .string ? n : 0)
        if self.unique, !skip { rawStrings.reserveCapacity(capacity) }
    }

    /// Declared types take every number the loader can read, identifier-like or not.
    var declared: Bool { if case .decided(true) = misses { return true } else { return false } }

    /// Appends one cell (empty cells are null). False when the cell was a miss (null), for the caller
    /// to note its line; everything else, including a failure, is true.
    @discardableResult
    mutating func add(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if failed { return true }
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
            guard !blank else { numbers.append(0); return true }
            if let v = NumberParser.parse(p, s, e) {
                if NumberParser.looksLikeIdentifier(p, s, e) {
                    guard declared else { failed = true; return true }
                    // A declared number is read as one, but never rounded: 17–19 digit integers are misses.
                    guard !NumberParser.beyondExact(p, s, e) else { numbers.append(0); return miss() }
                }
                numbers.append(v)
            } else if let loose = NumberParser.parseLoose(p, s, e) {
                // `¥1,200`, `85%`, `１２３`: looked at only once the plain parse failed.
                if loose.identifier {
                    guard declared else { failed = true; return true }
                    guard !loose.wide else { numbers.append(0); return miss() }
                }
                numbers.append(loose.value)
            } else {
                numbers.append(0)
                return miss()
            }
        case .date:
            guard !blank else { dates.append(0); return true }
            guard let d = CivilDate.parse(UnsafeBufferPointer(rebasing: p[s..<e]).drop(while: { $0 == 0x20 })) else {
                dates.append(0)
                return miss()
            }
            // Looked for only until found: a column of plain dates pays one short scan per cell.
            if !timeDropped, ColumnStats.hasTime(p, s, e) { timeDropped = true }
            dates.append(d)
        case .bool:
            guard !blank else { return true }
            guard let b = ColumnStats.isBool(p, s, e) else { return miss() }
            if b { boolWords.updateLast { $0 |= bit } }
        default:
            guard !blank else { codes.append(0); return true }
            if unique {
                codes.append(Int32(rawStrings.count))
                rawStrings.append(String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self))
            } else {
                codes.append(dictionary.code(p, s, e))
            }
        }
        validWords.updateLast { $0 |= bit }
        return true
    }

    /// A cell not of the type, already appended as a null slot: counted, or the builder fails.
    private mutating func miss() -> Bool {
        switch misses {
        case .none:
            failed = true
            return true
        case .guessed(let limit):
            guard missCount < limit else { failed = true; return true }
            // Rare (a few per column): counting the values so far is cheaper than a counter on every cell.
            var values = 0
            for w in validWords.buffer { values += w.nonzeroBitCount }
            valuesBeforeMiss.append(values)
        case .decided:
            break
        }
        missCount += 1
        return false
    }

    /// The values (non-null cells) read.
    var values: Int {
        var n = 0
        for w in validWords.buffer { n += w.nonzeroBitCount }
        return n
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
