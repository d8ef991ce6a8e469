/// Aggregates over the selected rows, skipping nulls, with SQL's answers for empty input
/// (sum, avg, min, max, median, percentile of nothing are null; stddev needs two values). A result
/// that overflows (`sum` past 1.8e308, or a step of `stddev` or a percentile's interpolation) is null.
enum Aggregates {
    static func compute(_ f: AggregateFunction, _ v: Vector, selection: Bitset, p: Double, count: Int) -> Value {
        let sel = selection & v.validity(count)
        switch v {
        case .scalar(let x):
            // A constant aggregated over the selected rows.
            let n = selection.cardinality
            guard !x.isNull, n > 0 else { return f == .count ? .number(0) : .null }
            if case .number(let d) = x {
                switch f {
                case .sum: return .finite(d * Double(n))
                case .stddev: return n < 2 ? .null : .number(0)
                default: return .number(d)
                }
            }
            return x
        case .number(let xs, _):
            return numbers(f, xs, sel, p: p)
        case .date(let ds, _):
            guard f == .min || f == .max else { return .null }
            var best: Int32?
            sel.forEach { i in
                let d = ds[i]
                if let b = best { best = (f == .min ? min(b, d) : max(b, d)) } else { best = d }
            }
            return best.map(Value.date) ?? .null
        case .string(let codes, let dict, _):
            guard f == .min || f == .max else { return .null }
            var best: String?
            sel.forEach { i in
                let c = Int(codes[i])
                guard c >= 0, c < dict.count else { return }
                let s = dict[c]
                if let b = best {
                    if f == .min ? ScalarOrder.less(s, b) : ScalarOrder.less(b, s) { best = s }
                } else { best = s }
            }
            return best.map(Value.string) ?? .null
        case .bool:
            return .null
        }
    }

    static func numbers(_ f: AggregateFunction, _ xs: [Double], _ sel: Bitset, p: Double) -> Value {
        let n = sel.cardinality
        guard n > 0 else { return f == .count ? .number(0) : .null }
        switch f {
        case .count:
            return .number(Double(n))
        case .sum, .avg:
            var s = 0.0
            sel.forEach { s += xs[$0] }
            return .finite(f == .sum ? s : s / Double(n))
        case .min, .max:
            var best = f == .min ? Double.infinity : -Double.infinity
            sel.forEach { best = f == .min ? min(best, xs[$0]) : max(best, xs[$0]) }
            return .number(best)
        case .stddev:
            guard n >= 2 else { return .null }
            var mean = 0.0, m2 = 0.0, k = 0.0
            sel.forEach { i in
                k += 1
                let d = xs[i] - mean
                mean += d / k
                m2 += d * (xs[i] - mean)
            }
            return .finite((m2 / (k - 1)).squareRoot())
        case .median, .percentile:
            var vals: [Double] = []
            vals.reserveCapacity(n)
            sel.forEach { vals.append(xs[$0]) }
            return .finite(selectQuantile(&vals, f == .median ? 0.5 : p))
        }
    }

    /// The quantile by selection rather than a full sort: the two ranks around p·(n−1), interpolated
    /// exactly as `quantile` does on a sorted array.
    static func selectQuantile(_ v: inout [Double], _ p: Double) -> Double {
        guard !v.isEmpty else { return .nan }
        let pos = p * Double(v.count - 1)
        let lo = max(0, min(v.count - 1, Int(pos.rounded(.down))))
        let a = select(&v, lo)
        guard Double(lo) < pos, lo + 1 < v.count else { return a }
        // After selecting rank lo, everything right of it is >= it: the next rank is their minimum.
        var b = v[lo + 1]
        for i in (lo + 1)..<v.count where v[i] < b { b = v[i] }
        return a + (pos - Double(lo)) * (b - a)
    }

    /// Rearranges `v` so `v[k]` holds the k-th smallest value, smaller ones left of it, larger right.
    static func select(_ v: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = v.count - 1
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        v.withUnsafeMutableBufferPointer { a in
            while lo < hi {
                // A pseudo-random pivot keeps adversarial (sorted, constant) inputs linear on average.
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let pivot = a[lo + Int(seed >> 33) % (hi - lo + 1)]
                var i = lo, j = hi
                while i <= j {
                    while a[i] < pivot { i += 1 }
                    while a[j] > pivot { j -= 1 }
                    if i <= j {
                        a.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { break }
            }
        }
        return v[k]
    }

    /// Linear interpolation between the two nearest ranks, like DuckDB's `quantile_cont`.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return .nan }
        let pos = p * Double(sorted.count - 1)
        let lo = Int(pos.rounded(.down)), hi = Int(pos.rounded(.up))
        guard lo >= 0, hi < sorted.count else { return first }
        return sorted[lo] + (pos - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
