/// Aggregates over event rows, grouped by customer in one pass over the rows (never a scan per
/// customer): `groupOf[r]` is row r's group (its customer, or 0 for all rows in a `let`), −1 for none.
/// A group with no selected rows gets 0 from `count` and null from everything else, as SQL's
/// LEFT JOIN + GROUP BY gives. A group's result that overflows is null (`Value.finite`'s rule).
enum EventAggregates {
    /// The aggregate of `arg` (and `by`) over the selected rows of each group: a vector of `groups` values.
    static func compute(_ f: EventAggregateFunction, arg: Vector?, by: Vector?, type: ValueType, p: Double,
                        rows: Bitset, groupOf: [Int32], groups: Int) -> Vector {
        let m = groupOf.count
        // A constant argument (`sum(1)`) is the same value on every row.
        let a = arg.map { v -> Vector in
            if case .scalar(let x) = v { return Vector.broadcast(x, type: x.isNull ? type : x.type, count: m) }
            return v
        }
        let sel = a.map { rows & $0.validity(m) } ?? rows
        switch f {
        case .count:
            var counts = [Double](repeating: 0, count: groups)
            sel.forEach { r in counts[Int(groupOf[r])] += 1 }
            return .number(counts, valid: Bitset(count: groups, filled: true))
        case .sum, .avg:
            guard case .number(let xs, _)? = a else { return .scalar(.null) }
            var sums = [Double](repeating: 0, count: groups), ns = [Int](repeating: 0, count: groups)
            sel.forEach { r in
                let g = Int(groupOf[r])
                sums[g] += xs[r]
                ns[g] += 1
            }
            if f == .avg { for g in 0..<groups where ns[g] > 0 { sums[g] /= Double(ns[g]) } }
            return .number(sums, valid: Bitset.build(count: groups) { ns[$0] > 0 && sums[$0].isFinite })
        case .min, .max:
            return extreme(f == .min, a, sel, groupOf: groupOf, groups: groups)
        case .first, .last:
            guard let a, let by else { return .scalar(.null) }
            return firstOrLast(f == .last, a, by: by, rows: rows, groupOf: groupOf, groups: groups)
        case .countDistinct:
            guard let a else { return .scalar(.null) }
            if let inOrder = distinctInOrder(a, sel, groupOf: groupOf, groups: groups) { return inOrder }
            var grouped = groupValues(orderKeys(a, count: m), sel, groupOf: groupOf, groups: groups)
            var out = [Double](repeating: 0, count: groups)
            grouped.values.withUnsafeMutableBufferPointer { all in
                for g in 0..<groups {
                    let lo = grouped.offsets[g], hi = grouped.offsets[g + 1]
                    guard hi > lo else { continue }
                    // Sorted in place: a customer's rows are few, and no array is made per customer.
                    var slice = UnsafeMutableBufferPointer(rebasing: all[lo..<hi])
                    slice.sort()
                    var distinct = 1
                    for i in 1..<slice.count where slice[i] != slice[i - 1] { distinct += 1 }
                    out[g] = Double(distinct)
                }
            }
            return .number(out, valid: Bitset(count: groups, filled: true))
        case .median, .percentile, .stddev:
            guard case .number(let xs, _)? = a else { return .scalar(.null) }
            var grouped = groupValues(xs, sel, groupOf: groupOf, groups: groups)
            var out = [Double](repeating: 0, count: groups)
            var present = [Bool](repeating: false, count: groups)
            grouped.values.withUnsafeMutableBufferPointer { all in
                for g in 0..<groups {
                    let lo = grouped.offsets[g], hi = grouped.offsets[g + 1]
                    guard hi > lo else { continue }
                    var slice = UnsafeMutableBufferPointer(rebasing: all[lo..<hi])
                    if f == .stddev {
                        guard slice.count >= 2 else { continue }
                        var mean = 0.0, m2 = 0.0, k = 0.0
                        for x in slice {
                            k += 1
                            let d = x - mean
                            mean += d / k
                            m2 += d * (x - mean)
                        }
                        out[g] = (m2 / (k - 1)).squareRoot()
                    } else {
                        slice.sort()
                        out[g] = quantile(slice, f == .median ? 0.5 : p)
                    }
                    present[g] = out[g].isFinite
                }
            }
            return .number(out, valid: Bitset.build(count: groups) { present[$0] })
        }
    }

    /// Linear interpolation between the two nearest ranks of sorted values, like DuckDB's `quantile_cont`.
    static func quantile(_ sorted: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
        let pos = p * Double(sorted.count - 1)
        let lo = max(0, min(sorted.count - 1, Int(pos.rounded(.down))))
        let hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (pos - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Distinct values per group in one pass, for the common log whose rows are in date order: each
    /// group's values then never decrease, and a new value is one greater than the last. Nil as soon as
    /// a value goes down (the general way then sorts).
    static func distinctInOrder(_ a: Vector, _ sel: Bitset, groupOf: [Int32], groups: Int) -> Vector? {
        var last = [Double](repeating: -.infinity, count: groups)
        var counts = [Double](repeating: 0, count: groups)
        var ordered = true
        func scan(_ value: (Int) -> Double) {
            last.withUnsafeMutableBufferPointer { l in
                counts.withUnsafeMutableBufferPointer { c in
                    sel.forEach { r in
                        guard ordered else { return }
                        let g = Int(groupOf[r])
                        let v = value(r)
                        if v > l[g] {
                            l[g] = v
                            c[g] += 1
                        } else if v < l[g] {
                            ordered = false
                        }
                    }
                }
            }
        }
        switch a {
        case .date(let ds, _): scan { Double(ds[$0]) }
        case .number(let xs, _): scan { xs[$0] }
        case .scalar, .string, .bool: return nil
        }
        return ordered ? .number(counts, valid: Bitset(count: groups, filled: true)) : nil
    }

    /// Each group's values, contiguous: a counting sort of the selected rows by group (rows keep file order).
    static func groupValues(_ xs: [Double], _ sel: Bitset, groupOf: [Int32], groups: Int) -> (values: [Double], offsets: [Int]) {
        var offsets = [Int](repeating: 0, count: groups + 1)
        sel.forEach { r in offsets[Int(groupOf[r]) + 1] += 1 }
        for g in 0..<groups { offsets[g + 1] += offsets[g] }
        var next = offsets
        var values = [Double](repeating: 0, count: offsets[groups])
        sel.forEach { r in
            let g = Int(groupOf[r])
            values[next[g]] = xs[r]
            next[g] += 1
        }
        return (values, offsets)
    }

    /// A number per row that orders the values as Strata orders them: numbers, dates as day numbers,
    /// text by its rank in Unicode scalar order, bools as 0/1. Null rows hold 0 (they are never selected).
    static func orderKeys(_ v: Vector, count: Int) -> [Double] {
        switch v {
        case .scalar(let x):
            return [Double](repeating: key(x), count: count)
        case .number(let xs, _):
            return xs
        case .date(let ds, _):
            return ds.map(Double.init)
        case .string(let codes, let dict, _):
            let rank = ranks(dict)
            return codes.map { c in c >= 0 && Int(c) < rank.count ? Double(rank[Int(c)]) : 0 }
        case .bool(let t, _):
            return (0..<count).map { t[$0] ? 1 : 0 }
        }
    }

    static func key(_ x: Value) -> Double {
        switch x {
        case .number(let d): return d
        case .date(let d): return Double(d)
        case .bool(let b): return b ? 1 : 0
        case .string, .null, .duration: return 0
        }
    }

    /// Each dictionary entry's rank in Unicode scalar order; equal strings share a rank.
    static func ranks(_ dict: [String]) -> [Int] {
        let order = dict.indices.sorted { ScalarOrder.less(dict[$0], dict[$1]) }
        var rank = [Int](repeating: 0, count: dict.count)
        var r = 0
        for (k, i) in order.enumerated() {
            if k > 0, !ScalarOrder.equal(dict[order[k - 1]], dict[i]) { r += 1 }
            rank[i] = r
        }
        return rank
    }

    /// The least or greatest value per group, of the argument's own type.
    static func extreme(_ least: Bool, _ a: Vector?, _ sel: Bitset, groupOf: [Int32], groups: Int) -> Vector {
        guard let a else { return .scalar(.null) }
        switch a {
        case .number(let xs, _):
            let (best, seen) = extremes(xs, from: least ? .infinity : -.infinity, least: least, sel, groupOf: groupOf, groups: groups)
            return .number(best, valid: seen)
        case .date(let ds, _):
            let (best, seen) = extremes(ds, from: least ? .max : .min, least: least, sel, groupOf: groupOf, groups: groups)
            return .date(best, valid: seen)
        case .scalar, .string, .bool:
            let keys = orderKeys(a, count: groupOf.count)
            var best = [Int32](repeating: -1, count: groups)
            sel.forEach { r in
                let g = Int(groupOf[r])
                let b = Int(best[g])
                if b < 0 || (least ? keys[r] < keys[b] : keys[r] > keys[b]) { best[g] = Int32(r) }
            }
            return a.gathered(best)
        }
    }

    /// The least or greatest of `xs` over each group's selected rows, and which groups had any.
    static func extremes<T: Comparable>(_ xs: [T], from start: T, least: Bool, _ sel: Bitset, groupOf: [Int32], groups: Int) -> ([T], Bitset) {
        var best = [T](repeating: start, count: groups)
        var seen = Bitset(count: groups)
        best.withUnsafeMutableBufferPointer { b in
            sel.forEach { r in
                let g = Int(groupOf[r])
                let x = xs[r]
                if least ? x < b[g] : x > b[g] { b[g] = x }
                seen[g] = true
            }
        }
        return (best, seen)
    }

    /// The argument on the row with the greatest (`last`) or least (`first`) non-null `by` per group;
    /// ties go to the row later in the file for `last` and earlier for `first`.
    static func firstOrLast(_ last: Bool, _ a: Vector, by: Vector, rows: Bitset, groupOf: [Int32], groups: Int) -> Vector {
        let m = groupOf.count
        let sel = rows & by.validity(m)
        var best = [Int32](repeating: -1, count: groups)
        func pick<K: Comparable>(_ key: (Int) -> K) {
            best.withUnsafeMutableBufferPointer { b in
                sel.forEach { r in
                    let g = Int(groupOf[r])
                    let w = Int(b[g])
                    if w < 0 || (last ? key(r) >= key(w) : key(r) < key(w)) { b[g] = Int32(r) }
                }
            }
        }
        switch by {
        case .date(let ds, _): pick { ds[$0] }
        case .number(let xs, _): pick { xs[$0] }
        case .scalar, .string, .bool:
            let keys = orderKeys(by, count: m)
            pick { keys[$0] }
        }
        return a.gathered(best)
    }
}
