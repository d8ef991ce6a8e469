/// The amount `days(n)` and `months(n)` stand for: a written amount is a constant duration (`Kernels.shift`);
/// one per customer shifts each row by its own (`Evaluator.durationParts`).
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
}
