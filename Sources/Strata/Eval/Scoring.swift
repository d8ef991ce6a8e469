/// Scoring functions that rank customers against each other: `ntile`, `abc` and `rank`, over everyone or within groups.
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

    /// `ntile`, `abc` or `rank` of `v`, within the groups of `groups` when given (one sort by (group,
    /// value, row), then one pass per group): SQL's window function with `PARTITION BY`.
    static func rank(_ f: Ranking.Function, _ v: Vector, groups: Vector?, count: Int) -> Vector {
        var values = v
        if case .scalar(let s) = v {
            if s.isNull { return .scalar(.null) }
            values = Vector.broadcast(s, type: s.type, count: count)
        }
        switch f {
        case .ntile(let n): return ntile(values, buckets: n, groups: groups, count: count)
        case .abc(let a, let b): return abc(values, a: a, b: b, groups: groups, count: count)
        case .rank:
            let order = GroupedOrder(values, groups: groups, count: count, descending: true)
            var out = [Double](repeating: 0, count: count)
            var valid = Bitset(count: count)
            for run in order.runs {
                for (k, r) in order.rows[run].enumerated() {
                    out[r] = Double(k + 1)
                    valid[r] = true
                }
            }
            return .number(out, valid: valid)
        }
    }

    /// SQL `NTILE(n) OVER (PARTITION BY g ORDER BY x, row)` over non-null x: in each group the first
    /// `m % n` buckets get one extra row.
    static func ntile(_ v: Vector, buckets n: Int, groups: Vector?, count: Int) -> Vector {
        let order = GroupedOrder(v, groups: groups, count: count, descending: false)
        var out = [Double](repeating: 0, count: count)
        var valid = Bitset(count: count)
        guard n > 0 else { return .number(out, valid: valid) }
        for run in order.runs {
            let m = run.count
            let size = m / n, extra = m % n
            var pos = run.lowerBound
            for bucket in 1...n {
                let len = size + (bucket <= extra ? 1 : 0)
                var k = 0
                while k < len, pos < run.upperBound {
                    out[order.rows[pos]] = Double(bucket)
                    valid[order.rows[pos]] = true
                    pos += 1
                    k += 1
                }
                if pos >= run.upperBound { break }
            }
        }
        return .number(out, valid: valid)
    }

    /// ABC (Pareto) grade: by x descending, ties in load order, "A" while the share of the group's total held
    /// by the customers before this one is < a, "B" while < b, else "C". Null x → null; a group whose total
    /// is not positive or overflows → null for its customers.
    static func abc(_ v: Vector, a: Double, b: Double, groups: Vector?, count: Int) -> Vector {
        let labels = ["A", "B", "C"]
        var codes = [Int32](repeating: 0, count: count)
        var valid = Bitset(count: count)
        guard case .number(let xs, _) = v, xs.count >= count else { return .string(codes: codes, dictionary: labels, valid: valid) }
        let order = GroupedOrder(v, groups: groups, count: count, descending: true)
        for run in order.runs {
            var total = 0.0
            for r in order.rows[run] { total += xs[r] }
            // A total that overflows has no shares: every grade is null, as for a total that is not positive.
            guard total > 0, total.isFinite else { continue }
            var before = 0.0
            for r in order.rows[run] {
                let share = before / total
                codes[r] = share < a ? 0 : (share < b ? 1 : 2)
                valid[r] = true
                before += xs[r]
            }
        }
        return .string(codes: codes, dictionary: labels, valid: valid)
    }
}
