/// Columns built from values one row at a time: small tables (JSON files, tests) and values computed
/// during evaluation. Bulk CSV loading has its own builders.
extension Column {
    /// A column of `type` with `value(i)` in row i; a value of another type is null.
    static func build(named name: String, type: ValueType, count: Int, _ value: (Int) -> Value) -> Column {
        switch type {
        case .number:
            var a = [Double](repeating: 0, count: count)
            var valid = Bitset(count: count)
            for i in 0..<count { if case .number(let x) = value(i) { a[i] = x; valid[i] = true } }
            return Column(name: name, storage: .number(a), valid: valid)
        case .date:
            var a = [Int32](repeating: 0, count: count)
            var valid = Bitset(count: count)
            for i in 0..<count { if case .date(let x) = value(i) { a[i] = x; valid[i] = true } }
            return Column(name: name, storage: .date(a), valid: valid)
        case .bool:
            var t = Bitset(count: count), f = Bitset(count: count)
            for i in 0..<count { if case .bool(let b) = value(i) { if b { t[i] = true } else { f[i] = true } } }
            return Column(name: name, storage: .bool(t), valid: t | f)
        case .string, .duration, .null:
            var enc = StringEncoder()
            var codes = [Int32](repeating: 0, count: count)
            var valid = Bitset(count: count)
            for i in 0..<count { if case .string(let s) = value(i) { codes[i] = enc.code(s); valid[i] = true } }
            return Column(name: name, storage: .string(codes: codes, dictionary: enc.dictionary), valid: valid)
        }
    }
}

/// Dictionary encoding for strings built row by row (codes in order of first appearance).
struct StringEncoder {
    // Keyed by UTF-8 bytes: Swift's `==` folds canonically equivalent strings, Strata compares scalars.
    private var index: [[UInt8]: Int32] = [:]
    private(set) var dictionary: [String] = []

    mutating func code(_ s: String) -> Int32 {
        let key = Array(s.utf8)
        if let c = index[key] { return c }
        let c = Int32(dictionary.count)
        index[key] = c
        dictionary.append(s)
        return c
    }
}


extension Column {
    /// A text column read as `type` (number, date or bool) the way the loader reads a declared column's
    /// cells: each distinct text parsed once, cells that are not of the type null. Also the count of
    /// those cells and the first one's row; nil for a column that is not text or a type that is not one of those.
    func reading(as type: ValueType) -> (column: Column, misses: Int, first: (row: Int, cell: String)?)? {
        guard case .string(let codes, let dict) = storage else { return nil }
        let parse: (String) -> Value
        switch type {
        case .number: parse = { NumberParser.number(in: $0).map(Value.number) ?? .null }
        case .date: parse = { CivilDate.parse($0).map(Value.date) ?? .null }
        case .bool: parse = { s in Array(s.utf8).withUnsafeBufferPointer { ColumnStats.isBool($0, 0, $0.count) }.map(Value.bool) ?? .null }
        case .string, .duration, .null: return nil
        }
        let values = dict.map(parse)
        var misses = 0
        var first: (row: Int, cell: String)?
        let column = Column.build(named: name, type: type, count: count) { r in
            guard valid[r] else { return .null }
            let c = Int(codes[r])
            guard c >= 0, c < values.count else { return .null }
            if values[c].isNull {
                misses += 1
                if first == nil { first = (r, dict[c]) }
            }
            return values[c]
        }
        return (column, misses, first)
    }
}
