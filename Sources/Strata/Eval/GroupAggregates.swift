/// Aggregates computed for every group at once. The rows are put in group order once (a counting sort on
/// the group ids); each aggregate then reads its argument column in that order, one pass for all groups.
struct GroupAggregates {
    /// Row numbers grouped: group g's rows are `rows[starts[g]..<starts[g + 1]]`, in load order.
    let rows: [Int32]
    let starts: [Int]
    var groups: Int { starts.count - 1 }

    init(ids: [Int32], groups: Int) {
        var starts = [Int](repeating: 0, count: groups + 1)
        for g in ids where g >= 0 && Int(g) < groups { starts[Int(g) + 1] += 1 }
        for g in 0..<groups { starts[g + 1] += starts[g] }
        var next = Array(starts.dropLast())
        var rows = [Int32](repeating: 0, count: starts[groups])
        for (i, g) in ids.enumerated() where g >= 0 && Int(g) < groups {
            rows[next[Int(g)]] = Int32(i)
            next[Int(g)] += 1
        }
        self.rows = rows
        self.starts = starts
    }

    /// `f(argument where filter)` per group, with the answers of `Aggregates.compute` for each group alone.
    func compute(_ f: AggregateFunction, _ v: Vector?, type: ValueType, selection sel: Bitset, p: Double, count: Int) -> [Value] {
        guard var v else {
            // `count()`: the selected rows.
            return (0..<groups).map { g in .number(Double(slice(g).reduce(0) { $0 + (sel[Int($1)] ? 1 : 0) })) }
        }
        if case .scalar(let s) = v { v = Vector.broadcast(s, type: type, count: count) }
        let valid = v.validity(count) & sel
        var out = [Value](repeating: .null, count: groups)
        for g in 0..<groups {
            let rs = slice(g)
            switch v {
            case .bool(let t, _):
                if f == .count { out[g] = .number(Double(rs.reduce(0) { $0 + (t[Int($1)] && sel[Int($1)] ? 1 : 0) })) }
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

    func slice(_ g: Int) -> ArraySlice<Int32> { rows[starts[g]..<starts[g + 1]] }

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
