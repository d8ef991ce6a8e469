import Foundation

/// The number, calendar and text functions of issue 13 on values, with column kernels for the common
/// cases. A result that is not a finite number is null (the Numbers rule), and so is a value outside a
/// function's domain (`ln(0)`, `sqrt(-1)`, `pow(-8, 1/3)`).
enum MathCalendarTextFunctions {
    /// The function on single values: the reference the kernels below must match.
    static func scalar(_ f: ScalarFunction, _ a: [Value]) -> Value {
        func num(_ i: Int) -> Double? { if i < a.count, case .number(let d) = a[i] { return d }; return nil }
        func day(_ i: Int) -> Int32? { if i < a.count, case .date(let d) = a[i] { return d }; return nil }
        switch f {
        case .pow:
            guard let x = num(0), let y = num(1) else { return .null }
            return .finite(Foundation.pow(x, y))
        case .exp, .ln, .log10, .sqrt:
            return num(0).flatMap { unary(f, $0) }.map(Value.number) ?? .null
        case .day, .weekday, .day_of_year:
            return day(0).map { .number(calendar(f, $0)) } ?? .null
        case .days, .months:
            return DurationShift.duration(a.first ?? .null, months: f == .months)
        case .text:
            return text(a.first ?? .null).map(Value.string) ?? .null
        case .concat:
            // Unknown in, unknown out: an RFM cell with an unknown score is no cell ("55" would pass for one).
            var out = ""
            for v in a {
                guard let t = text(v) else { return .null }
                out += t
            }
            return .string(out)
        case .abs, .round, .floor, .ceil, .min, .max, .coalesce, .lower, .upper, .length, .contains, .starts_with, .ends_with,
             .days_between, .months_between, .years_between, .year, .month, .if, .date, .number:
            return Functions.scalar(f, a)
        }
    }

    /// A column kernel for one-argument calls over a number or date column; nil where the generic
    /// row-by-row path is used.
    static func kernel(_ f: ScalarFunction, _ a: [Vector], count n: Int) -> Vector? {
        guard a.count == 1 else { return nil }
        switch (f, a[0]) {
        case (.exp, .number(let xs, let v)), (.ln, .number(let xs, let v)), (.log10, .number(let xs, let v)), (.sqrt, .number(let xs, let v)):
            return Kernels.numberMap(xs, v, n) { unary(f, $0) }
        case (.day, .date(let ds, let v)), (.weekday, .date(let ds, let v)), (.day_of_year, .date(let ds, let v)):
            var out = [Double](repeating: 0, count: n)
            for i in 0..<min(n, ds.count) where v[i] { out[i] = calendar(f, ds[i]) }
            return .number(out, valid: v)
        case (.text, .string):
            return a[0]
        case (.days, _), (.months, _):
            // A per-customer duration only shifts dates, which `DurationShift` does row by row; the checker
            // refuses it anywhere else, so this is never a column.
            return .scalar(.null)
        default:
            return nil
        }
    }

    /// `exp`, `ln`, `log10`, `sqrt` of one number; nil outside the domain or when not finite.
    @inline(__always)
    static func unary(_ f: ScalarFunction, _ x: Double) -> Double? {
        let r: Double
        switch f {
        case .exp: r = Foundation.exp(x)
        case .ln: guard x > 0 else { return nil }; r = Foundation.log(x)
        case .log10: guard x > 0 else { return nil }; r = Foundation.log10(x)
        case .sqrt: guard x >= 0 else { return nil }; r = x.squareRoot()
        default: return nil
        }
        return r.isFinite ? r : nil
    }

    /// `day` (1–31), `weekday` (ISO: 1 = Monday … 7 = Sunday) and `day_of_year` (1–366) of a day number.
    @inline(__always)
    static func calendar(_ f: ScalarFunction, _ d: Int32) -> Double {
        switch f {
        case .weekday:
            // 1970-01-01, day 0, was a Thursday (ISO 4).
            return Double(((Int(d) % 7 + 7) % 7 + 3) % 7 + 1)
        case .day_of_year:
            let year = CivilDate.civil(d).year
            return Double(Int(d) - CivilDate.daysFromCivil(year, 1, 1) + 1)
        default:
            return Double(CivilDate.civil(d).day)
        }
    }

    /// The text of a value as Strata prints it (`555`, `0.5`, `2026-06-30`, `true`); nil for null and durations.
    static func text(_ v: Value) -> String? {
        switch v {
        case .null, .duration: return nil
        case .number, .string, .bool, .date: return ValueFormat.text(v)
        }
    }
}
