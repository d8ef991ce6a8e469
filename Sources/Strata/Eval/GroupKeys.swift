/// The groups of one field: a group id per customer and each group's value, found in one pass over the
/// column (per dictionary entry for text), so a summary never filters the table once per group.
struct GroupKeys {
    /// The group of each row: an index into `values`.
    var ids: [Int32]
    /// Each group's value; `.null` for the customers without one (at most one such group).
    var values: [Value]

    var count: Int { values.count }

    /// Groups of the vector's values over `rows` rows. Tiers keep their declared labels as groups (even
    /// unused ones: the order is theirs), every other field has one group per value that occurs.
    init(_ v: Vector, rows: Int, labels: [String]?) {
        var ids = [Int32](repeating: 0, count: rows)
        var values: [Value] = []
        var nullGroup: Int32 = -1
        func nullID() -> Int32 {
            if nullGroup < 0 {
                nullGroup = Int32(values.count)
                values.append(.null)
            }
            return nullGroup
        }
        switch v {
        case .scalar(let s):
            // One value for everyone (a field of a table with no rows reaches here as null).
            values.append(s)
        case .string(let codes, let dict, let valid):
            // A dictionary may repeat a value (near-unique columns are stored one entry per row): group by value.
            var enc = StringEncoder()
            for l in labels ?? [] { _ = enc.code(l) }
            let canonical = dict.map { enc.code($0) }
            values = enc.dictionary.map(Value.string)
            for i in 0..<rows {
                let c = Int(codes[i])
                ids[i] = valid[i] && c >= 0 && c < canonical.count ? canonical[c] : nullID()
            }
        case .number(let xs, let valid):
            var index: [Double: Int32] = [:]
            for i in 0..<rows {
                guard valid[i] else { ids[i] = nullID(); continue }
                // -0 and 0 are one group, as they are equal.
                let x = xs[i] == 0 ? 0 : xs[i]
                if let g = index[x] { ids[i] = g; continue }
                let g = Int32(values.count)
                index[x] = g
                values.append(.number(x))
                ids[i] = g
            }
        case .date(let ds, let valid):
            var index: [Int32: Int32] = [:]
            for i in 0..<rows {
                guard valid[i] else { ids[i] = nullID(); continue }
                if let g = index[ds[i]] { ids[i] = g; continue }
                let g = Int32(values.count)
                index[ds[i]] = g
                values.append(.date(ds[i]))
                ids[i] = g
            }
        case .bool(let t, let f):
            values = [.bool(false), .bool(true)]
            for i in 0..<rows { ids[i] = t[i] ? 1 : (f[i] ? 0 : nullID()) }
        }
        self.ids = ids
        self.values = values
    }

    /// The groups in display order: tiers in their declared order, numbers, dates and true/false by value,
    /// text by `weight` (members in the target) descending then by value; the group without a value last.
    func order(labels: [String]?, weight: [Int]) -> [Int] {
        var order = Array(values.indices)
        let textual = values.contains { if case .string = $0 { return true } else { return false } }
        order.sort { a, b in
            let x = values[a], y = values[b]
            if x.isNull != y.isNull { return y.isNull }
            if labels != nil { return a < b }
            if textual, weight[a] != weight[b] { return weight[a] > weight[b] }
            let c = ScalarOrder.compare(x, y)
            return c != 0 ? c < 0 : a < b
        }
        return order
    }
}
