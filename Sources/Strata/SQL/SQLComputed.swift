import Foundation

/// The constructs whose operand is computed rather than written: a date shifted by a computed duration,
/// `round` with computed digits and `percentile` with a computed fraction. Each is written to give
/// Strata's answer for every value the operand can take (docs/sql.md, "Computed operands").
extension SQLExpressionWriter {
    // MARK: durations

    /// `date ± duration` for a duration that is not written out (`if(vip, 1 month, 2 months)`, a `let`
    /// that computes one): months first, then days, the day clamped to the month's end, as the evaluator
    /// does (Eval/ComputedDuration.swift).
    func shiftByComputed(_ d: TypedExpr, _ dur: TypedExpr, sign: Int, _ e: TypedExpr, _ cx: SQLContext) throws(Failure) -> String {
        let parts = try durationParts(dur, cx)
        func signed(_ x: String) -> String { sign < 0 ? "(-\(x))" : x }
        return dialect.shift(try sql(d, cx), months: signed(parts.months), days: signed(parts.days))
    }

    /// A duration as two whole numbers of SQL, its months and its days (both null where it is null).
    func durationParts(_ e: TypedExpr, _ cx: SQLContext) throws(Failure) -> (months: String, days: String) {
        if let v = constantValue(e) {
            guard case .duration(let m, let d) = v else { return ("NULL", "NULL") }
            return (String(m), String(d))
        }
        switch e.kind {
        case .scalar(let name):
            guard let l = lets[name] else { throw fail("`\(name)`", .notAConstant, e) }
            return ("(SELECT \(dialect.quote("m")) FROM \(l.cte))", "(SELECT \(dialect.quote("d")) FROM \(l.cte))")
        case .call(.if, let args) where args.count == 3:
            let c = try sql(args[0], cx)
            let a = try durationParts(args[1], cx), b = try durationParts(args[2], cx)
            return ("(CASE WHEN \(c) THEN \(a.months) ELSE \(b.months) END)", "(CASE WHEN \(c) THEN \(a.days) ELSE \(b.days) END)")
        case .call(.coalesce, let args):
            // Months and days are null together, so the first duration whose months are known is the one.
            var parts: [(months: String, days: String)] = []
            for a in args { parts.append(try durationParts(a, cx)) }
            let months = parts.map { "WHEN \($0.months) IS NOT NULL THEN \($0.months)" }.joined(separator: " ")
            let days = parts.map { "WHEN \($0.months) IS NOT NULL THEN \($0.days)" }.joined(separator: " ")
            return ("(CASE \(months) ELSE NULL END)", "(CASE \(days) ELSE NULL END)")
        case .call(let f, let args) where (f == .days || f == .months) && args.count == 1:
            // The whole amount, as the evaluator takes it: null for a fraction or beyond any date (4,000,000).
            let n = try sql(args[0], cx)
            let whole = "(CASE WHEN \(n) = FLOOR(\(n)) AND ABS(\(n)) <= 4000000 THEN CAST(\(n) AS BIGINT) END)"
            let zero = "(CASE WHEN \(whole) IS NULL THEN NULL ELSE 0 END)"
            return f == .months ? (whole, zero) : (zero, whole)
        default:
            throw fail(.message(SQLText.thisDuration.message), .durationsThatTranslate, e)
        }
    }

    // MARK: round

    /// `round(x, digits)` exactly as the evaluator: digits that are not whole give null; below 0 the
    /// value is divided by 10^−digits, rounded and multiplied back; a result that is not finite gives back
    /// the value, and more than 308 tens below the point give 0.
    func rounded(_ x: String, digits: TypedExpr?, _ e: TypedExpr, _ cx: SQLContext) throws(Failure) -> String {
        guard let digits else { return halfAway(x) }
        if let v = constantValue(digits) {
            guard case .number(let written) = v, !written.isNaN, written == written.rounded() else { return "NULL" }
            let d = Int(Swift.max(-400, Swift.min(400, written.rounded(.towardZero))))
            if d == 0 { return halfAway(x) }
            if d <= -309 { return "(CASE WHEN \(x) IS NULL THEN NULL ELSE \(dialect.number(0)) END)" }
            if d >= 309 { return x }
            let p = dialect.number(Foundation.pow(10.0, Double(Swift.abs(d))))
            return d < 0 ? scaledDown(x, p) : scaledUp(x, p)
        }
        let raw = try sql(digits, cx)
        let t = dialect.truncate(raw)
        let p = "POWER(\(dialect.number(10)), ABS(\(t)))"
        // Digits that are not whole give null, as in the evaluator (`Functions`): a fraction of a digit has no meaning.
        return "(CASE WHEN \(t) IS NULL OR \(raw) <> \(t) THEN NULL WHEN \(t) <= -309 THEN (CASE WHEN \(x) IS NULL THEN NULL ELSE \(dialect.number(0)) END) "
            + "WHEN \(t) >= 309 THEN \(x) WHEN \(t) < 0 THEN \(scaledDown(x, p)) ELSE \(scaledUp(x, p)) END)"
    }

    /// Halves away from zero, exactly: `SIGN(y) · FLOOR(|y| + 0.49999999999999994)`, the largest double
    /// below ½, so a fraction just under ½ is not carried up by the addition's rounding, and from 2^52 on,
    /// where every double is whole, the addition gives |y| back. `y` is written twice (nested rounds would
    /// otherwise multiply the script). PostgreSQL's round of a double goes to even; the others differ at
    /// large magnitudes.
    func halfAway(_ y: String) -> String {
        "(SIGN(\(y)) * \(dialect.floorOrCeil("FLOOR", "(ABS(\(y)) + \(dialect.number(0.49999999999999994)))")))"
    }

    /// round(x · p) / p, or x where x · p is not finite (then neither is the result, and Strata keeps x).
    func scaledUp(_ x: String, _ p: String) -> String {
        let r = "(\(halfAway("(\(x) * \(p))")) / \(p))"
        switch dialect {
        case .duckdb, .spark: return "(CASE WHEN ABS(\(x) * \(p)) <= \(dialect.number(.greatestFiniteMagnitude)) THEN \(r) ELSE \(x) END)"
        case .postgres:
            // PostgreSQL stops with an error on an overflow: x is kept before x · p could overflow. There
            // x · p is far above 2^52, whole, so Strata's answer (x · p) / p is x or its neighbour.
            return "(CASE WHEN ABS(\(x)) >= \(dialect.number(.greatestFiniteMagnitude)) / \(p) / 4 THEN \(x) ELSE \(r) END)"
        }
    }

    /// round(x / p) · p, or x where that is not finite.
    func scaledDown(_ x: String, _ p: String) -> String {
        let r = "(\(halfAway("(\(x) / \(p))")) * \(p))"
        switch dialect {
        case .duckdb, .spark: return finiteOr(r, x)
        case .postgres:
            // Only a value within p/2 of the largest double can overflow when multiplied back.
            return "(CASE WHEN ABS(\(x)) >= \(dialect.number(.greatestFiniteMagnitude)) / 2 THEN \(x) ELSE \(r) END)"
        }
    }

    /// `r` where it is finite, else `x` (infinity and NaN fail the comparison in DuckDB and Spark, which
    /// order NaN above every number).
    func finiteOr(_ r: String, _ x: String) -> String {
        "(CASE WHEN ABS(\(r)) <= \(dialect.number(.greatestFiniteMagnitude)) THEN \(r) ELSE \(x) END)"
    }

    // MARK: percentile

    /// A percentile whose fraction is computed (a `let`, an aggregate): constant over the rows, but not
    /// written. PostgreSQL takes any expression there; DuckDB's `QUANTILE_CONT` and Spark's `PERCENTILE`
    /// want a constant, so they interpolate by hand over the sorted values, as `Aggregates.selectQuantile`
    /// does: the values at ranks ⌊p·(n−1)⌋ and the next, `a + (pos − lo) · (b − a)`. A fraction outside
    /// 0…1 stops the query with an error, as it stops `strata run`.
    func computedPercentile(_ v: String, _ p: String) -> String {
        let n = "COUNT(\(v))"
        let pos = "(\(p) * (\(n) - 1))"
        let lo = "FLOOR(\(pos))"
        let bad = "(\(p) < 0 OR \(p) > 1)"
        let message = dialect.string("percentile fraction outside 0 to 1")
        switch dialect {
        case .postgres:
            return "PERCENTILE_CONT(\(p)) WITHIN GROUP (ORDER BY \(v))"
        case .duckdb:
            let sorted = "LIST_SORT(LIST(\(v)) FILTER (WHERE \(v) IS NOT NULL))"
            let a = "\(sorted)[CAST(\(lo) AS BIGINT) + 1]", b = "\(sorted)[CAST(\(lo) AS BIGINT) + 2]"
            return "(CASE WHEN \(bad) THEN CAST(ERROR(\(message)) AS DOUBLE) WHEN \(n) = 0 THEN NULL WHEN \(lo) < \(pos) "
                + "THEN \(a) + (\(pos) - \(lo)) * (\(b) - \(a)) ELSE \(a) END)"
        case .spark:
            let sorted = "SORT_ARRAY(COLLECT_LIST(\(v)))"
            let a = "ELEMENT_AT(\(sorted), CAST(\(lo) AS INT) + 1)", b = "ELEMENT_AT(\(sorted), CAST(\(lo) AS INT) + 2)"
            return "(CASE WHEN \(bad) THEN CAST(RAISE_ERROR(\(message)) AS DOUBLE) WHEN \(n) = 0 THEN NULL WHEN \(lo) < \(pos) "
                + "THEN \(a) + (\(pos) - \(lo)) * (\(b) - \(a)) ELSE \(a) END)"
        }
    }
}

extension SQLDialect {
    /// `date` moved by `months` whole months (the day clamped to the month's end) and then by `days`,
    /// both SQL integers that may be computed or null.
    func shift(_ date: String, months: String, days: String) -> String {
        switch self {
        case .duckdb, .postgres:
            return "CAST(((\(date) + (\(months)) * INTERVAL '1 month') + (\(days)) * INTERVAL '1 day') AS DATE)"
        case .spark:
            return "DATE_ADD(ADD_MONTHS(\(date), CAST(\(months) AS INT)), CAST(\(days) AS INT))"
        }
    }
}
