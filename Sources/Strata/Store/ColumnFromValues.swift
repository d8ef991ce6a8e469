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

