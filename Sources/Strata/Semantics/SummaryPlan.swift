/// A checked `summarize` or `count … by`: what to group, what to compute per group, and how to order the groups.
/// Everything is decided here (headers, label order, personal data); evaluation only counts.
public struct SummaryPlan: Sendable {
    public var form: SummaryForm
    /// The target as written (canonical), for titles.
    public var label: String
    /// The set of customers summarised: a segment or condition.
    public var target: TypedExpr
    /// One or two group fields.
    public var by: [GroupField]
    /// The `columns` as written; empty: the default sizes, shares, rate and lift.
    public var columns: [SummaryColumn]
    /// `order by`: a column of the summary (an index into `headers`), descending or not.
    public var orderBy: [(column: Int, descending: Bool)]
    public var limit: Int?

    /// The headers of the summary's columns, group fields first: the names `order by` may use.
    public var headers: [String] {
        by.map(\.header) + (columns.isEmpty ? SummaryPlan.defaultHeaders : columns.map(\.header))
    }

    /// The columns of a summary without `columns`: the group's members in the target, their share of the
    /// target, the group's size among all customers, the share of the group in the target, and that rate
    /// divided by the target's share of all customers.
    public static let defaultHeaders = ["members", "share", "group_size", "rate", "lift"]
}

/// A field a summary groups by: its header, its per-customer value, the order of its labels when it is a
/// tiers field (nil: decided by the values), and the kind of personal data its values are (labels masked).
public struct GroupField: Sendable {
    public var header: String
    public var expr: TypedExpr
    public var labels: [String]?
    public var personal: PII.Kind?
}

/// A named value computed per group (`avg_clv = avg(clv)`), or once (`print`): an expression over aggregates.
public struct SummaryColumn: Sendable {
    public var header: String
    public var expr: TypedExpr
    public var personal: PII.Kind?
}

extension SummaryPlan {
    /// Names the summary reads: the target, the group fields, the columns.
    public var dependencies: Set<String> {
        var out = target.dependencies
        for b in by { out.formUnion(b.expr.dependencies) }
        for c in columns { out.formUnion(c.expr.dependencies) }
        return out
    }
}
