/// Scoring functions that rank customers against each other: `ntile` and `abc`.
enum Scoring {
    /// Rows with a value, sorted by it (ascending), ties in load order.
    static func sortedRows(_ v: Vector, count: Int, descending: Bool) -> [Int] {
        var rows = v.validity(count).indices
        switch v {
        case .number(let xs, _):
            return RadixSort.sort(rows: rows, keys: rows.map { RadixSort.key(xs[$0]) }, descending: descending)
        case .date(let xs, _):
            return RadixSort.sort(rows: rows, keys: rows.map { RadixSort.key(xs[$0]) }, descending: descending)
        case .string(let codes, let dict, _):
            // Rank the dictionary once, then sort rows by rank.
            let order = dict.indices.sorted { ScalarOrder.less(dict[$0], dict[$1]) }
            var rank = [Int](repeating: 0, count: dict.count)
            var r = 0
            for (k, idx) in order.enumerated() {
                if k > 0, !ScalarOrder.equal(dict[order[k - 1]], dict[idx]) { r += 1 }
                rank[idx] = r
            }
            func rk(_ i: Int) -> Int { let c = Int(codes[i]); return c >= 0 && c < rank.count ? rank[c] : 0 }
            rows.sort { a, b in
                let x = rk(a), y = rk(b)
                if x != y { return descending ? x > y : x < y }
                return a < b
            }
        default:
            break
        }
        return rows
    }

    /// SQL `NTILE(n) OVER (ORDER BY x, row)` over non-null x: the first `m % n` buckets get one extra row.
    static func ntile(_ v: Vector, buckets n: Int, count: Int) -> Vector {
        if case .scalar(let s) = v {
            return s.isNull ? .scalar(.null) : ntile(Vector.broadcast(s, type: s.type, count: count), buckets: n, count: count)
        }
        let rows = sortedRows(v, count: count, descending: false)
        var out = [Double](repeating: 0, count: count)
        var valid = Bitset(count: count)
        let m = rows.count
        guard n > 0, m > 0 else { return .number(out, valid: valid) }
        let size = m / n, extra = m % n
        var pos = 0
        for bucket in 1...n {
            let len = size + (bucket <= extra ? 1 : 0)
            var k = 0
            while k < len, pos < m {
                out[rows[pos]] = Double(bucket)
                valid[rows[pos]] = true
                pos += 1
                k += 1
            }
        }
        return .number(out, valid: valid)
    }

    /// ABC (Pareto) grade: by x descending, ties in load order, "A" while the share of the total held by
    /// the customers before this one is < a, "B" while < b, else "C". Null x → null; a non-positive or overflowing total → null.
    static func abc(_ v: Vector, a: Double, b: Double, count: Int) -> Vector {
        let labels = ["A", "B", "C"]
        var codes = [Int32](repeating: 0, count: count)
        var valid = Bitset(count: count)
        var xs: [Double]
        switch v {
        case .number(let a, _): xs = a
        case .scalar(.number(let x)): xs = [Double](repeating: x, count: count)
        default: return .string(codes: codes, dictionary: labels, valid: valid)
        }
        let vec: Vector = .number(xs, valid: v.validity(count))
        let rows = sortedRows(vec, count: count, descending: true)
        var total = 0.0
        for r in rows { total += xs[r] }
        // A total that overflows has no shares: every grade is null, as for a total that is not positive.
        guard total > 0, total.isFinite else { return .string(codes: codes, dictionary: labels, valid: valid) }
        var before = 0.0
        for r in rows {
            let share = before / total
            codes[r] = share < a ? 0 : (share < b ? 1 : 2)
            valid[r] = true
            before += xs[r]
        }
        return .string(codes: codes, dictionary: labels, valid: valid)
    }
}
