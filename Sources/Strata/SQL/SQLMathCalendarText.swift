import Foundation

/// The number, calendar and text functions of issue 13 in SQL. Where Strata gives null (outside a
/// function's domain) an engine may raise an error or give NaN, so the domain is tested first.
extension SQLExpressionWriter {
    func seedCall(_ f: ScalarFunction, _ args: [TypedExpr], _ a: [String], _ e: TypedExpr) throws(Failure) -> String {
        func arg(_ i: Int) -> String { i < a.count ? a[i] : "NULL" }
        let x = arg(0)
        switch f {
        case .pow:
            let y = arg(1)
            return "(CASE WHEN (\(x) < 0 AND \(y) <> FLOOR(\(y))) OR (\(x) = 0 AND \(y) < 0) THEN NULL ELSE POWER(\(x), \(y)) END)"
        case .exp:
            // Beyond ln(1.8e308) the power overflows: null in Strata, infinity or an error in the engines.
            return "(CASE WHEN \(x) <= 709.78 THEN EXP(\(x)) END)"
        case .ln: return "(CASE WHEN \(x) > 0 THEN LN(\(x)) END)"
        case .log10: return "(CASE WHEN \(x) > 0 THEN LOG10(\(x)) END)"
        case .sqrt: return "(CASE WHEN \(x) >= 0 THEN SQRT(\(x)) END)"
        case .day: return "CAST(EXTRACT(DAY FROM \(x)) AS \(dialect.doubleType))"
        case .weekday: return dialect.isoWeekday(x)
        case .day_of_year: return dialect.dayOfYear(x)
        case .days, .months:
            // A written amount was folded into a duration by the checker; a computed one shifts each row by its own.
            throw fail(.message(SQLText.ofComputedNumber(["function": .text(f.rawValue)])), .onlyWrittenDurations, e)
        case .text:
            return try textOf(args.first, x, e)
        case .concat:
            var parts: [String] = []
            for (t, s) in zip(args, a) { parts.append(try textOf(t, s, e)) }
            // `||` is null when a part is null, as Strata's concat is (CONCAT would skip it).
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " || ") + ")"
        case .abs, .round, .floor, .ceil, .min, .max, .coalesce, .lower, .upper, .length, .contains, .starts_with, .ends_with,
             .days_between, .months_between, .years_between, .year, .month, .if, .date, .number:
            throw fail("`\(f.rawValue)`", .translatedWithOtherFunctions, e)
        }
    }

    /// A value as Strata prints it. Numbers translate when they are known to be whole (scores, ranks,
    /// counts, calendar parts), because each engine writes fractions in its own way (`1e-05`, `1.2E7`).
    private func textOf(_ t: TypedExpr?, _ s: String, _ e: TypedExpr) throws(Failure) -> String {
        guard let t else { return "NULL" }
        switch t.type {
        case .string, .null: return s
        case .bool: return "(CASE WHEN \(s) THEN 'true' WHEN NOT \(s) THEN 'false' END)"
        case .date: return "CAST(\(s) AS \(dialect.textType))"
        case .number:
            guard isWhole(t) else {
                throw fail(.message(SQLText.textOfFraction.message), .fractionText, t)
            }
            // Below 10^18 Strata writes every digit; beyond, the shortest form with an exponent, as the engines do.
            return "(CASE WHEN ABS(\(s)) < 1e18 THEN CAST(CAST(\(s) AS BIGINT) AS \(dialect.textType)) ELSE CAST(\(s) AS \(dialect.textType)) END)"
        case .duration: throw fail(.message(SQLText.textOfDuration.message), .durationHasNoText, e)
        }
    }

    /// Whether a number is whole wherever it is not null: written whole numbers, ranks, counts, calendar
    /// parts, `round(x)`, and sums and differences of them (through derived fields and constants known to be whole).
    func isWhole(_ t: TypedExpr) -> Bool {
        switch t.kind {
        case .constant(.number(let v)): return v == v.rounded() && Swift.abs(v) < 1e15
        case .constant: return false
        case .column(let n), .scalar(let n): return wholeNames.contains(n)
        case .ranking(let r):
            switch r.function {
            case .ntile, .rank: return true
            case .abc: return false
            }
        case .negate(let x): return isWhole(x)
        case .arith(let op, let x, let y):
            switch op {
            case .add, .sub: return isWhole(x) && isWhole(y)
            case .mul, .div, .mod: return false
            }
        case .call(let f, let args):
            switch f {
            case .day, .weekday, .day_of_year, .year, .month, .length, .days_between, .months_between, .years_between: return true
            case .round: return args.count == 1
            case .if: return args.count == 3 && isWhole(args[1]) && isWhole(args[2])
            case .coalesce, .min, .max: return args.allSatisfy(isWhole)
            default: return false
            }
        case .aggregate(.count, _, _, _): return true
        case .eventAggregate(let g): return g.function == .count || g.function == .countDistinct
        default: return false
        }
    }
}
