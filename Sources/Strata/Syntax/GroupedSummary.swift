/// A name given to an expression in a clause: `avg_clv = avg(clv)` in `summarize … columns`, `share = …` in `print`.
public struct NamedExpr: Sendable, Hashable {
    public var name: Name
    public var expr: Expr
    public init(name: Name, expr: Expr) {
        self.name = name
        self.expr = expr
    }
}

/// Which statement wrote a grouped summary: both group a target's members by fields, and print differently.
public enum SummaryForm: String, Sendable, Hashable {
    /// `summarize TARGET by F`: one row per group with sizes, shares, rate and lift (or the `columns`).
    case summarize
    /// `count TARGET by F`: the members per group; by two fields, a crosstab with totals.
    case count
}

/// `summarize TARGET by F[, G] [columns NAME = EXPR, …] [order by K [desc], …] [limit N]`, or
/// `count TARGET by F[, G]`; clauses in any order, as in `show`.
public struct GroupedSummary: Sendable, Hashable {
    public var form: SummaryForm
    public var target: Expr
    /// The group fields, one or two, as written.
    public var by: [Expr]
    public var columns: [NamedExpr]
    public var orderBy: [OrderKey]
    public var limit: Expr?
    public init(form: SummaryForm, target: Expr, by: [Expr], columns: [NamedExpr] = [], orderBy: [OrderKey] = [], limit: Expr? = nil) {
        self.form = form
        self.target = target
        self.by = by
        self.columns = columns
        self.orderBy = orderBy
        self.limit = limit
    }
}
