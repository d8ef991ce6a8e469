import Foundation

/// A seeded xoshiro256** generator: the same seed gives the same sequence on every platform and Swift version,
/// unlike `SystemRandomNumberGenerator` or anything built on Swift's per-process seeded `Hasher`.
public struct Rng: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose 256-bit state is expanded from `seed` with SplitMix64, as the xoshiro authors advise.
    public init(seed: UInt64) {
        var sm = seed
        s0 = Rng.splitMix(&sm)
        s1 = Rng.splitMix(&sm)
        s2 = Rng.splitMix(&sm)
        s3 = Rng.splitMix(&sm)
    }

    /// One SplitMix64 step: advances `state` and returns a well-mixed 64-bit value.
    public static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A double uniformly distributed in [0, 1), from the top 53 bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A double uniformly distributed in [lo, hi).
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * uniform()
    }

    /// An integer uniformly distributed in the range, without modulo bias (Lemire's method).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(Int64(bitPattern: next())) }
        var m = next().multipliedFullWidth(by: span)
        if m.low < span {
            let threshold = (0 &- span) % span
            while m.low < threshold { m = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound &+ Int(m.high)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// A standard normal variate (Box–Muller; one of the pair is discarded so the state stays a plain value).
    public mutating func normal() -> Double {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - uniform()
        let u2 = uniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A normal variate with the given mean and standard deviation.
    public mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// A log-normal variate: `exp(mu + sigma · N(0,1))`; the median is `exp(mu)`.
    public mutating func lognormal(mu: Double, sigma: Double) -> Double { exp(mu + sigma * normal()) }

    /// An index drawn with probability proportional to `weights` (non-positive weights are never drawn).
    public mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights where w > 0 { total += w }
        guard total > 0 else { return 0 }
        var x = uniform() * total
        var last = 0
        for (i, w) in weights.enumerated() where w > 0 {
            if x < w { return i }
            x -= w
            last = i
        }
        return last
    }

    /// Geometric count of failures before a success with probability `p` (0, 1, 2, …; mean (1-p)/p).
    public mutating func geometric(_ p: Double) -> Int {
        guard p > 0, p < 1 else { return 0 }
        let u = 1.0 - uniform()
        // A tiny p makes the quotient huge; the cap keeps the conversion to Int from trapping.
        return Int(min(log(u) / log(1 - p), 1e9))
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// Precomputed cumulative weights for fast repeated weighted draws.
public struct WeightedTable: Sendable {
    private let cumulative: [Double]

    /// A table over the given weights; negative weights count as zero.
    public init(_ weights: [Double]) {
        var c: [Double] = []
        var sum = 0.0
        for w in weights {
            sum += max(0, w)
            c.append(sum)
        }
        cumulative = c
    }

    /// An index drawn with probability proportional to its weight.
    public func draw(_ rng: inout Rng) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let x = rng.uniform() * total
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
