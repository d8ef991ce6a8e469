import Foundation

/// Functions, aggregates over customers and event aggregates, in SQL.
extension SQLExpressionWriter {
    func call(_ f: ScalarFunction, _ args: [TypedExpr], _ e: TypedExpr, _ cx: SQLContext) throws(Failure) -> String {
        var a: [String] = []
        for x in args { a.append(try sql(x, cx)) }
        func arg(_ i: Int) -> String { i < a.count ? a[i] : "NULL" }
        switch f {
        case .abs: return "ABS(\(arg(0)))"
        case .floor: return dialect.floorOrCeil("FLOOR", arg(0))
        case .ceil: return dialect.floorOrCeil("CEIL", arg(0))
        case .round: return try rounded(arg(0), digits: args.count > 1 ? args[1] : nil, e, cx)
        case .min, .max:
            // GREATEST/LEAST skip nulls in all three engines, as Strata's min/max of values do.
            // An argument written twice is dropped: max(a, a) is a, and DuckDB 2.0 fails on a repeated
            // column in GREATEST when its plan is serialized ("Duplicate named argument"; found by
            // Tests/SQL/random_check.py).
            var parts: [String] = []
            for part in zip(a, args).map({ dialect.ordered($0, $1.type) }) where !parts.contains(part) {
                parts.append(part)
            }
            if parts.count == 1, let only = parts.first { return only }
            return "\(f == .min ? "LEAST" : "GREATEST")(\(parts.joined(separator: ", ")))"
        case .coalesce: return "COALESCE(\(a.joined(separator: ", ")))"
        case .lower: return dialect.caseMapped("LOWER", arg(0))
        case .upper: return dialect.caseMapped("UPPER", arg(0))
        case .length: return dialect.textLength(arg(0))
        case .contains, .starts_with, .ends_with: return dialect.textTest(f, arg(0), arg(1))
        case .days_between: return dialect.daysBetween(arg(0), arg(1))
        case .months_between:
            return "CAST(((EXTRACT(YEAR FROM \(arg(1))) * 12 + EXTRACT(MONTH FROM \(arg(1)))) - (EXTRACT(YEAR FROM \(arg(0))) * 12 + "
                + "EXTRACT(MONTH FROM \(arg(0))))) AS \(dialect.doubleType))"
        case .years_between:
            return "CAST((EXTRACT(YEAR FROM \(arg(1))) - EXTRACT(YEAR FROM \(arg(0)))) AS \(dialect.doubleType))"
        case .year: return "CAST(EXTRACT(YEAR FROM \(arg(0))) AS \(dialect.doubleType))"
        case .month: return "CAST(EXTRACT(MONTH FROM \(arg(0))) AS \(dialect.doubleType))"
        case .if: return "(CASE WHEN \(arg(0)) THEN \(arg(1)) ELSE \(arg(2)) END)"
        case .date:
            // A written date is a date literal; a computed text is read as Strata reads it (SQL/SQLTextReading.swift).
            guard case .string(let text)? = args.first.flatMap(constantValue) else { return dateFromText(arg(0)) }
            return CivilDate.parse(text).map(dialect.date) ?? "NULL"
        case .number:
            // A number stays itself; text is read with the loader's forms (`1,200`, `¥3万`, `85%`).
            return args.first?.type == .number ? arg(0) : numberFromText(arg(0))
        case .pow, .exp, .ln, .log10, .sqrt, .day, .weekday, .day_of_year, .days, .months, .text, .concat:
            return try seedCall(f, args, a, e)
            // A number stays itself; text is read with the loader's forms (`1,200`, `¥3万`, `85%`).
            return args.first?.type == .number ? arg(0) : numberFromText(arg(0))
        }
    }

    /// An aggregate over the customers of the current stage: a scalar subquery, the filter as a CASE
    /// (so every aggregate, percentiles included, skips the customers it leaves out as nulls).
    func aggregate(_ f: AggregateFunction, _ arg: TypedExpr?, _ filter: TypedExpr?, _ param: TypedExpr?, _ e: TypedExpr,
                   _ cx: SQLContext) throws(Failure) -> String {
        var inner = SQLContext(stage: cx.stage)
        inner.windows = false
        inner.lifted = cx.lifted
        let keep = try filter.map { (x: TypedExpr) throws(Failure) -> String in try sql(x, inner) }
        func kept(_ v: String) -> String { keep.map { "CASE WHEN \($0) THEN \(v) END" } ?? v }
        let body: String
        switch (f, arg) {
        case (.count, nil): body = keep.map { "COUNT(CASE WHEN \($0) THEN 1 END)" } ?? "COUNT(*)"
        case (.count, let x?) where x.type == .bool:
            // count(condition) counts the customers for whom it is true.
            let c = try sql(x, inner)
            body = "COUNT(CASE WHEN \(keep.map { "(\($0)) AND " } ?? "")\(c) THEN 1 END)"
        case (_, nil): throw fail("`\(f.rawValue)()`", .needsValue, e)
        case (_, let x?): body = try valueAggregate(f, kept(try sql(x, inner)), x.type, param, e, cx)
        }
        // COUNT is an integer in SQL; Strata's numbers are doubles.
        let typed = f == .count ? "CAST(\(body) AS \(dialect.doubleType))" : body
        return "(SELECT \(typed) FROM \(cx.stage))"
    }

    /// An aggregate of the values `v` (nulls skipped), the same over customers and over event rows.
    func valueAggregate(_ f: AggregateFunction, _ v: String, _ type: ValueType, _ param: TypedExpr?, _ e: TypedExpr,
                        _ cx: SQLContext? = nil) throws(Failure) -> String {
        switch f {
        case .count: return "COUNT(\(v))"
        case .sum: return "SUM(\(v))"
        case .avg: return "AVG(\(v))"
        case .min: return "MIN(\(dialect.ordered(v, type)))"
        case .max: return "MAX(\(dialect.ordered(v, type)))"
        case .stddev: return "STDDEV_SAMP(\(v))"
        case .median: return dialect.percentile(v, dialect.number(0.5))
        case .percentile:
            if let p = param.flatMap(constantValue), case .number(let q) = p, (0...1).contains(q) {
                return dialect.percentile(v, dialect.number(q))
            }
            guard let param, let cx else { throw fail(.message(SQLText.percentileWithFraction.message), .percentileFraction, e) }
            return computedPercentile(v, try sql(param, cx))
        }
    }

    /// The link field of an event table.
    func link(of table: String, _ e: TypedExpr) throws(Failure) -> String {
        for t in tables where t.name == table {
            if case .linked(let by) = t.grain { return by }
        }
        throw fail(.message(SQLText.aggregateOver(["table": .text(table)])), .tableNotLinked, e)
    }

    /// The query of an event aggregate over `stage`'s customers: one row per customer (`_k`, `v`) when
    /// `grouped`, else one value over every row that belongs to a customer. Rows are joined to their
    /// customer (which drops rows that name none) so the filter can read customer values.
    func eventQuery(_ g: EventAggregate, _ e: TypedExpr, stage: String, grouped: Bool, lifted: [SourceSpan: String] = [:]) throws(Failure) -> String {
        let by = dialect.quote(try link(of: g.table, e))
        var cx = SQLContext(stage: stage, customerAlias: "c", eventAlias: "e")
        cx.windows = false
        cx.lifted = lifted  // windows computed in the stage before (SQLStages)
        let from = "FROM \(names.quoted(g.table)) e JOIN \(stage) c ON e.\(by) = c.\(key)"
        var conditions: [String] = []
        if let f = g.filter { conditions.append(try sql(f, cx)) }
        let x = try g.argument.map { (a: TypedExpr) throws(Failure) -> String in try sql(a, cx) }
        let k = grouped ? "e.\(by) AS \(dialect.quote("_k")), " : ""
        let group = grouped ? " GROUP BY e.\(by)" : ""
        func whereClause(_ c: [String]) -> String { c.isEmpty ? "" : " WHERE " + c.joined(separator: " AND ") }
        let agg: String
        switch g.function {
        case .count: agg = "CAST(COUNT(\(x ?? "*")) AS \(dialect.doubleType))"
        case .countDistinct: agg = "CAST(COUNT(DISTINCT \(x ?? "*")) AS \(dialect.doubleType))"
        case .sum, .avg, .min, .max, .stddev, .median, .percentile:
            guard let f = g.function.overValues else { throw fail("`\(g.function.rawValue)`", .noSQLAggregate, e) }
            agg = try valueAggregate(f, x ?? "NULL", g.argument?.type ?? .null, g.parameter, e, cx)
        case .first, .last:
            // The row with the least (first) / greatest (last) non-null `by`; ties go to the earlier row for
            // first and the later one for last, by the event table's load order `_row`.
            guard let byExpr = g.by else { throw fail("`\(g.function.rawValue)`", .needsBy, e) }
            let order = dialect.ordered(try sql(byExpr, cx), byExpr.type)
            let dir = g.function == .first ? "ASC" : "DESC"
            let partition = grouped ? "PARTITION BY e.\(by) " : ""
            let rows = "SELECT \(k)\(x ?? "NULL") AS \(dialect.quote("v")), ROW_NUMBER() OVER (\(partition)ORDER BY \(order) \(dir) NULLS LAST, "
                + "e.\(dialect.quote("_row")) \(dir)) AS \(dialect.quote("_rn")) \(from)\(whereClause(conditions + ["\(order) IS NOT NULL"]))"
            let keep = (grouped ? "\(dialect.quote("_k")), " : "") + dialect.quote("v")
            return "SELECT \(keep) FROM (\(rows)) \(dialect.quote("_f")) WHERE \(dialect.quote("_rn")) = 1"
        }
        return "SELECT \(k)\(agg) AS \(dialect.quote("v")) \(from)\(whereClause(conditions))\(group)"
    }
}

extension EventAggregateFunction {
    /// The aggregate over customers that computes the same over event rows; nil for `count distinct`,
    /// `first` and `last`, which are written on their own.
    var overValues: AggregateFunction? {
        switch self {
        case .count: return .count
        case .sum: return .sum
        case .avg: return .avg
        case .min: return .min
        case .max: return .max
        case .median: return .median
        case .stddev: return .stddev
        case .percentile: return .percentile
        case .countDistinct, .first, .last: return nil
        }
    }
}
