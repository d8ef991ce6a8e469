/// `date ± days(n)` and `date ± months(n)` where n differs per customer: every row's date is shifted by
/// its own amount (a written amount is a constant duration and goes through `Kernels.shift`).
enum DurationShift {
    /// The whole number of days or months a value of n stands for; nil for null, a fraction (a part of a
    /// day is no day) or an amount beyond any date.
    @inline(__always)
    static func amount(_ x: Double) -> Int? {
        guard x == x.rounded(), Swift.abs(x) <= 4_000_000 else { return nil }
        return Int(x)
    }

    /// The duration `days(n)` or `months(n)` of one value; null when n has no whole amount.
    static func duration(_ n: Value, months: Bool) -> Value {
        guard case .number(let x) = n, let k = amount(x) else { return .null }
        return months ? .duration(months: k, days: 0) : .duration(months: 0, days: k)
    }

    static func shift(_ date: Vector, by n: Vector, months: Bool, sign: Int, _ count: Int) -> Vector {
        var out = [Int32](repeating: 0, count: count)
        var valid = Bitset(count: count)
        for i in 0..<count {
            guard case .date(let d) = date.value(at: i), case .number(let x) = n.value(at: i), let k = amount(x) else { continue }
            if let r = Kernels.shift(d, months ? k * sign : 0, months ? 0 : k * sign) {
                out[i] = r
                valid[i] = true
            }
        }
        return .date(out, valid: valid)
    }
}
