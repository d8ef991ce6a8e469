/// The rows with a value, sorted by (group, value, row) for ranking within groups: one stable radix sort
/// by value, then one stable radix sort by group, so each group's rows are a run in value order with
/// ties in load order — never a filter and a sort per group.
struct GroupedOrder {
    /// Rows with a non-null value: by group, then by value (ascending or descending), then by row.
    var rows: [Int]
    /// The bounds in `rows` of each group's rows (one run over everyone without groups).
    var runs: [Range<Int>]

    init(_ v: Vector, groups: Vector?, count: Int, descending: Bool) {
        let sorted = Scoring.sortedRows(v, count: count, descending: descending)
        guard let g = groups, !sorted.isEmpty else {
            rows = sorted
            runs = sorted.isEmpty ? [] : [0..<sorted.count]
            return
        }
        let keys = GroupedOrder.groupKeys(g, count: count)
        let byGroup = RadixSort.sort(rows: sorted, keys: sorted.map { keys[$0] }, descending: false)
        var bounds: [Range<Int>] = []
        var start = 0
        for i in 1..<byGroup.count where keys[byGroup[i]] != keys[byGroup[i - 1]] {
            bounds.append(start..<i)
            start = i
        }
        bounds.append(start..<byGroup.count)
        rows = byGroup
        runs = bounds
    }

    /// One key per row whose equality is the group's: equal values, equal keys. Customers whose group
    /// value is null form one group of their own, as in SQL's `PARTITION BY` (the key no value has).
    static func groupKeys(_ g: Vector, count: Int) -> [UInt64] {
        let none = UInt64.max
        var keys = [UInt64](repeating: none, count: count)
        switch g {
        case .scalar(let s):
            // One value for everyone: one group (or the group of nulls).
            if !s.isNull { for i in 0..<count { keys[i] = 0 } }
        case .number(let xs, let valid):
            for i in 0..<min(count, xs.count) where valid[i] { keys[i] = RadixSort.key(xs[i]) }
        case .date(let ds, let valid):
            for i in 0..<min(count, ds.count) where valid[i] { keys[i] = RadixSort.key(ds[i]) }
        case .string(let codes, let dict, let valid):
            // The dictionary may hold one text twice: equal texts get one key.
            // Compared as bytes, as SQL compares text (Swift's `==` would merge composed and decomposed forms).
            var first: [[UInt8]: UInt64] = [:]
            var canon = [UInt64](repeating: none, count: dict.count)
            for (c, text) in dict.enumerated() {
                let bytes = Array(text.utf8)
                if let k = first[bytes] { canon[c] = k } else { first[bytes] = UInt64(c); canon[c] = UInt64(c) }
            }
            for i in 0..<min(count, codes.count) where valid[i] {
                let c = Int(codes[i])
                if c >= 0, c < canon.count { keys[i] = canon[c] }
            }
        case .bool(let t, let f):
            for i in 0..<count {
                if t[i] { keys[i] = 1 } else if f[i] { keys[i] = 0 }
            }
        }
        return keys
    }
}
