/// What `count` counts: a set of customers, or a distribution over a field's values (tiers, strings, bools).
public enum CountTarget: Sendable {
    case members(TypedExpr)
    /// One row per value; `labels` fixes the order for tiers (arm order), nil means by size.
    case groups(TypedExpr, labels: [String]?)
}

/// One column of `show`/`export` output: its header and its expression.
public struct OutputColumn: Sendable {
    public var header: String
    public var expr: TypedExpr
}

/// A statement after checking, ready to evaluate. `text` is the statement's source, for output labels.
public struct CheckedStmt: Sendable {
    public var kind: Kind
    public var span: SourceSpan
    public var file: String

    public enum Kind: Sendable {
        case load(table: String, path: String)
        case setAsOf(TypedExpr)
        case `let`(String, TypedExpr)
        case derive(String, TypedExpr)
        case segment(String, TypedExpr)
        case tiers(String, [(label: String, condition: TypedExpr?)])
        /// `columns` empty means the default columns chosen at run time from `uses`.
        case show(label: String, target: TypedExpr, limit: Int?, orderBy: [(TypedExpr, descending: Bool)], columns: [OutputColumn])
        case count(label: String, CountTarget)
        case export(label: String, target: TypedExpr, path: String, columns: [OutputColumn])
        /// `sides` holds the operands of the assert's tests (see `Checker.assertSides`), with their canonical text, to report values.
        case assert(TypedExpr, text: String, message: String?, sides: [(String, TypedExpr)])
        case expression(TypedExpr, text: String)
    }
}
