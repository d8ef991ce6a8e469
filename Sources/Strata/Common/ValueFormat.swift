import Foundation

/// Deterministic text for values, shared by tables, CSV and JSON so every output agrees on the digits.
public enum ValueFormat {
    /// The text of one value: integers without a fraction, other numbers in shortest round-trip form
    /// (no exponent between 1e-6 and 1e15), dates as ISO `YYYY-MM-DD`, null as the empty string.
    public static func text(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .number(let d): return number(d)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let days): return CivilDate.format(days)
        case .duration(let months, let days): return duration(months: months, days: days)
        }
    }

    /// The text of a value in a table for people: numbers to 15 significant digits, so float noise
    /// (`2048210.0000000014`) does not show; CSV and JSON keep every digit (`text`).
    public static func display(_ v: Value) -> String {
        guard case .number(let d) = v, d.isFinite, d != d.rounded() || abs(d) >= 1e15 else { return text(v) }
        return number(Double(String(format: "%.15g", d)) ?? d)
    }

    /// The text of a number; `"null"` for NaN and infinities, which no output format can carry.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        // Below 1e18 every integral double converts to Int64 exactly, and integer text never needs an exponent.
        if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
        let shortest = d.description
        let magnitude = abs(d)
        guard shortest.contains("e"), magnitude >= 1e-6, magnitude <= 1e15 else { return shortest }
        return expandExponent(shortest)
    }

    /// A fraction as a percentage with one decimal: 0.1234 → `12.3%`.
    public static func share(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "null" }
        // A few customers out of many are not "0.0%", nor all but a few "100.0%".
        if fraction > 0, fraction < 0.0005 { return "<0.1%" }
        if fraction < 1, fraction >= 0.9995 { return ">99.9%" }
        let tenths = Int64((fraction * 1000).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = tenths.magnitude
        return "\(sign)\(a / 10).\(a % 10)%"
    }

    /// "1 customer", "5000 customers", for messages.
    public static func customers(_ n: Int) -> String { n == 1 ? "1 customer" : "\(n) customers" }

    /// An integer with thousands separators: 1234567 → `1,234,567`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        let lead = digits.count % 3
        for (i, ch) in digits.enumerated() {
            if i > 0, (i - lead) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// A duration as the language writes it: `90 days`, `6 months`, `1 year 2 months 3 days`.
    public static func duration(months: Int, days: Int) -> String {
        if months == 0 && days == 0 { return "0 days" }
        // One leading minus reads better than a sign on every part when the whole span is negative.
        let negative = months <= 0 && days <= 0
        let m = negative ? -months : months
        let dd = negative ? -days : days
        var parts: [String] = []
        func unit(_ n: Int, _ name: String) {
            guard n != 0 else { return }
            parts.append("\(n) \(name)\(abs(n) == 1 ? "" : "s")")
        }
        unit(m / 12, "year")
        unit(m % 12, "month")
        unit(dd, "day")
        return (negative ? "-" : "") + parts.joined(separator: " ")
    }

    /// Rewrites Swift's `1.25e-05` as `0.0000125` by moving the decimal point.
    static func expandExponent(_ s: String) -> String {
        let parts = s.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exp = Int(parts[1]) else { return s }
        var mantissa = Substring(parts[0])
        var sign = ""
        if mantissa.hasPrefix("-") {
            sign = "-"
            mantissa = mantissa.dropFirst()
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = pieces.first.map(String.init) ?? ""
        let fracPart = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exp
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        var body: String
        if point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            body = digits + String(repeating: "0", count: point - digits.count)
        } else {
            let idx = digits.index(digits.startIndex, offsetBy: point)
            body = String(digits[..<idx]) + "." + String(digits[idx...])
        }
        if body.contains(".") {
            while body.hasSuffix("0") { body.removeLast() }
            if body.hasSuffix(".") { body.removeLast() }
        }
        return sign + body
    }
}
