/// A checked statement with the statement as written and the source it came from.
public struct CompiledStatement: Sendable {
    public var stmt: Stmt
    public var source: SourceFile
    public var checked: CheckedStmt

    /// The name the statement defines, if it is a definition.
    public var name: String? { checked.definedName }
    /// The statement's text as written.
    public var text: String { source.slice(stmt.span) }
}

/// A checked rule program: the single artifact every back end takes. It exists without data — built
/// from rule sources and a catalog of table schemas — and holds everything the rules decide: resolved
/// names and types, the statements in dependency order, default output columns, personal data, labels.
public struct Program: Sendable {
    /// The checked statements in the order they run (a name is defined before it is read).
    public var statements: [CompiledStatement] = []
    /// The customer table the program reads, as the catalog described it.
    public var customers: TableSchema?
    /// Every table the program was compiled against (the customer table, linked and matched ones), as
    /// the catalog described them: what a back end that reads the tables itself (SQL) needs to know.
    public var tables: [TableSchema] = []
    /// Every name the program defines or reads, in definition order.
    public var scope = Scope()
    /// Errors (and, when compiled for `check`, warnings), in source order.
    public var diagnostics: [Diagnostic] = []
    /// Every source the program was read from, for rendering diagnostics.
    public var sources: [SourceFile] = []

    /// Whether the program compiled without errors (it can then be evaluated).
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// A program that prints nothing itself gets a summary of every segment and tier.
    public var printsSummary: Bool { !statements.contains { $0.stmt.kind.role.producesOutput } }

    /// The segments and tiers fields, in definition order (what the summary lists).
    public var classifications: [Binding] {
        scope.all.filter {
            switch $0.kind {
            case .segment, .tiers: return true
            case .field, .derived, .constant, .setting, .table, .failed: return false
            }
        }
    }
}
