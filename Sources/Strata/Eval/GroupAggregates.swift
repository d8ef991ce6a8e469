/// Aggregates computed for every group at once, one pass over the column for all groups: counts, sums,
/// averages, extremes and standard deviations accumulate per group id in load order; medians, percentiles
/// and extremes of dates and text read the rows put in group order once (a counting sort on the group ids).
final class GroupAggregates {
    /// The group of each row; negative: the row is in no group (not a member of the target).
    let ids: [Int32]
    let groups: Int
    /// Row numbers grouped: group g's rows are `rows[starts[g]..<starts[g + 1]]`, in load order.
    private(set) lazy var grouped: (rows: [Int32], starts: [Int]) = GroupAggregates.sort(ids, groups)

    init(ids: [Int32], groups: Int) {
        self.ids = ids
        self.groups = groups
    }

    static func sort(_ ids: [Int32], _ groups: Int) -> (rows: [Int32], starts: [Int]) {
        var starts = [Int](repeating: 0, count: groups + 1)
        for g in ids where g >= 0 && Int(g) < groups { starts[Int(g) + 1] += 1 }
        for g in 0..<groups { starts[g + 1] += starts[g] }
        var next = Array(starts.dropLast())
        var rows = [Int32](repeating: 0, count: starts[groups])
        for (i, g) in ids.enumerated() where g >= 0 && Int(g) < groups {
            rows[next[Int(g)]] = Int32(i)
            next[Int(g)] += 1
        }
        return (rows, starts)
    }

    /// `f(argument where filter)` per group, with the answers of `Aggregates.compute` for each group alone.
    func compute(_ f: AggregateFunction, _ v: Vector?, type: ValueType, selection sel: Bitset, p: Double, count: Int) -> [Value] {
        guard var v else {
            // `count()`: the selected rows.
            return counts(sel).map { .number(Double($0)) }
        }
        if case .scalar(let s) = v { v = Vector.broadcast(s, type: type, count: count) }
        let valid = v.validity(count) & sel
        if case .bool(let t, _) = v {
            return f == .count ? counts(t & sel).map { .number(Double($0)) } : [Value](repeating: .null, count: groups)
        }
        if case .number(let xs, _) = v, f != .median, f != .percentile { return streamed(f, xs, valid) }
        var out = [Value](repeating: .null, count: groups)
        for g in 0..<groups {
            let rs = slice(g)
            switch v {
            case .bool:
                break
            case .number(let xs, _):
                out[g] = numbers(f, xs, rs, valid, p: p)
            case .date(let ds, _):
                out[g] = extreme(f, rs, valid, get: { Value.date(ds[$0]) })
            case .string(let codes, let dict, _):
                out[g] = extreme(f, rs, valid, get: { i in
                    let c = Int(codes[i])
                    return c >= 0 && c < dict.count ? Value.string(dict[c]) : .null
                })
            case .scalar:
                break
            }
        }
        return out
    }

    func slice(_ g: Int) -> ArraySlice<Int32> { grouped.rows[grouped.starts[g]..<grouped.starts[g + 1]] }

    /// How many rows of each group are in `rows`.
    func counts(_ rows: Bitset) -> [Int] {
        var n = [Int](repeating: 0, count: groups)
        rows.forEach { i in
            let g = Int(ids[i])
            if g >= 0, g < groups { n[g] += 1 }
        }
        return n
    }

    /// count, sum, avg, min, max and stddev of every group in one pass over the rows in load order.
    func streamed(_ f: AggregateFunction, _ xs: [Double], _ valid: Bitset) -> [Value] {
        var n = [Int](repeating: 0, count: groups)
        var acc = [Double](repeating: 0, count: groups), mean = acc, m2 = acc
        var best = [Double](repeating: f == .min ? .infinity : -.infinity, count: groups)
        valid.forEach { i in
            let g = Int(ids[i])
            guard g >= 0, g < groups else { return }
            let x = xs[i]
            n[g] += 1
            switch f {
            case .sum, .avg: acc[g] += x
            case .min: best[g] = Swift.min(best[g], x)
            case .max: best[g] = Swift.max(best[g], x)
            case .stddev:
                let d = x - mean[g]
                mean[g] += d / Double(n[g])
                m2[g] += d * (x - mean[g])
            case .count, .median, .percentile: break
            }
        }
        return (0..<groups).map { g in
            if f == .count { return .number(Double(n[g])) }
            guard n[g] > 0 else { return .null }
            switch f {
            case .sum: return .finite(acc[g])
            case .avg: return .finite(acc[g] / Double(n[g]))
            case .min, .max: return .number(best[g])
            case .stddev: return n[g] < 2 ? .null : .finite((m2[g] / Double(n[g] - 1)).squareRoot())
            case .count, .median, .percentile: return .null
            }
        }
    }

    /// count, sum, avg, min, max, stddev, median, percentile of one group's selected, non-null numbers.
    func numbers(_ f: AggregateFunction, _ xs: [Double], _ rs: ArraySlice<Int32>, _ valid: Bitset, p: Double) -> Value {
        var n = 0, sum = 0.0, lo = Double.infinity, hi = -Double.infinity, mean = 0.0, m2 = 0.0
        var kept: [Double] = []
        let quantile = f == .median || f == .percentile
        for r in rs where valid[Int(r)] {
            let x = xs[Int(r)]
            n += 1
            sum += x
            lo = Swift.min(lo, x)
            hi = Swift.max(hi, x)
            let d = x - mean
            mean += d / Double(n)
            m2 += d * (x - mean)
            if quantile { kept.append(x) }
        }
        if f == .count { return .number(Double(n)) }
        guard n > 0 else { return .null }
        switch f {
        case .count: return .number(Double(n))
        case .sum: return .finite(sum)
        case .avg: return .finite(sum / Double(n))
        case .min: return .number(lo)
        case .max: return .number(hi)
        case .stddev: return n < 2 ? .null : .finite((m2 / Double(n - 1)).squareRoot())
        case .median, .percentile: return .finite(Aggregates.selectQuantile(&kept, f == .median ? 0.5 : p))
        }
    }

    /// count, min and max of dates or text (the other aggregates have no answer for them).
    func extreme(_ f: AggregateFunction, _ rs: ArraySlice<Int32>, _ valid: Bitset, get: (Int) -> Value) -> Value {
        var n = 0
        var best: Value = .null
        for r in rs where valid[Int(r)] {
            n += 1
            guard f == .min || f == .max else { continue }
            let x = get(Int(r))
            if best.isNull { best = x; continue }
            let c = ScalarOrder.compare(x, best)
            if f == .min ? c < 0 : c > 0 { best = x }
        }
        return f == .count ? .number(Double(n)) : best
    }
}
