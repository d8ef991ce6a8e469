/// What `count` counts: a set of customers, or a distribution over a field's values (tiers, strings, bools).
public enum CountTarget: Sendable {
    case members(TypedExpr)
    /// One row per value; `labels` fixes the order for tiers (arm order), nil means by size. `personal`:
    /// the values are personal data, so each group's label is masked.
    case groups(TypedExpr, labels: [String]?, personal: PII.Kind?)
}

/// One column of `show`/`export` output: its header, its expression, and whether it is personal data.
public struct OutputColumn: Sendable {
    public var header: String
    public var expr: TypedExpr
    /// The kind of personal data the column shows (masked unless `--reveal-pii`), nil for ordinary data.
    public var personal: PII.Kind?

    public init(header: String, expr: TypedExpr, personal: PII.Kind? = nil) {
        self.header = header
        self.expr = expr
        self.personal = personal
    }
}

/// One value a failing `assert` reports: the operand's canonical text, its expression, and whether it is personal.
public struct AssertSide: Sendable {
    public var text: String
    public var expr: TypedExpr
    public var personal: PII.Kind?
}

/// A statement after checking, ready to evaluate: everything the rules decide is decided here (default
/// columns, resolved paths, personal data, canonical labels), so evaluation and output decide nothing.
public struct CheckedStmt: Sendable {
    public var kind: Kind
    public var span: SourceSpan
    public var file: String

    public enum Kind: Sendable {
        case setAsOf(TypedExpr)
        case `let`(String, TypedExpr)
        case derive(String, TypedExpr)
        case segment(String, TypedExpr)
        case tiers(String, [(label: String, condition: TypedExpr?)])
        /// `columns` are as written or, when none are, the default ones (key, name, the fields the rule reads).
        case show(label: String, target: TypedExpr, limit: RowLimit?, orderBy: [(TypedExpr, descending: Bool)], columns: [OutputColumn])
        case count(label: String, CountTarget)
        /// `path` is resolved against the rule file's folder (the working folder in the REPL).
        case export(label: String, target: TypedExpr, path: String, columns: [OutputColumn])
        /// `sides` holds the operands of the assert's tests (see `Checker.assertSides`), to report values.
        case assert(TypedExpr, text: String, message: String?, sides: [AssertSide])
        /// A bare expression (REPL): a single value is printed (masked when `personal`); a per-customer
        /// one is shown as rows with `columns`.
        case expression(TypedExpr, text: String, personal: PII.Kind?, columns: [OutputColumn])
        /// `summarize TARGET by …` and `count TARGET by …`.
        case summarize(SummaryPlan)
        /// `print NAME = EXPR, …`: each value under its name.
        case print([SummaryColumn])
        /// `overlap`: the conditions compared pairwise, each with its label (every segment defined before it when none was listed).
        case overlap(label: String, [(label: String, condition: TypedExpr)])
    }
}

/// How many rows `show` prints: `count` in all, or `count` of each group of `per` (`limit 3 per city`).
public struct RowLimit: Sendable {
    public var count: Int
    public var per: TypedExpr?
}
