/// What part a statement plays in a program. Every fact the pipeline needs about a kind of statement is
/// stated here once, by exhaustive switches: adding a statement makes the compiler point at each one.
public enum StatementRole: Sendable, Hashable, CaseIterable {
    /// `load`, `include`, `schema`: they say where the data and the other sources are; the pipeline acts on
    /// them before any rule is checked, so the checker never sees them.
    case data
    /// `set as_of`: a setting every later rule may read.
    case setting
    /// `let`, `derive`, `segment`, `tiers`: define a name.
    case definition
    /// `show`, `count`, `export`, and a bare expression in the REPL: produce results.
    case output
    /// `assert`: a test of the rules on the data.
    case assertion

    /// Whether losing a statement of this role to a syntax error leaves the others checkable as they stand.
    /// A lost `load`, `schema`, `include` or `set` would make every field or date look wrong.
    public var skippableAfterSyntaxError: Bool {
        switch self {
        case .data, .setting: return false
        case .definition, .output, .assertion: return true
        }
    }

    /// Whether statements of this role reach the checker (data statements are handled before it).
    public var isChecked: Bool {
        switch self {
        case .data: return false
        case .setting, .definition, .output, .assertion: return true
        }
    }

    /// Whether a statement of this role prints or writes something (a program with none prints a summary).
    public var producesOutput: Bool {
        switch self {
        case .output: return true
        case .data, .setting, .definition, .assertion: return false
        }
    }
}

extension Stmt.Kind {
    /// The role of this statement.
    public var role: StatementRole {
        switch self {
        case .load, .include, .schema: return .data
        case .set: return .setting
        case .let, .derive, .segment, .tiers: return .definition
        case .show, .count, .export, .expression, .summarize, .print, .overlap: return .output
        case .assert: return .assertion
        }
    }

    /// The name a definition statement defines; nil for every other statement.
    public var definedName: Name? {
        switch self {
        case .let(let n, _), .derive(let n, _), .segment(let n, _), .tiers(let n, _): return n
        case .load, .set, .show, .count, .export, .assert, .include, .schema, .expression, .summarize, .print, .overlap: return nil
        }
    }

    /// Whether the statement wants one value (`let`, `set`, `assert`, a bare expression), so an aggregate over
    /// an event table standing on its own there runs over all events instead of per customer.
    public var wantsSingleValue: Bool {
        switch self {
        case .let, .set, .assert, .expression, .print: return true
        case .load, .derive, .segment, .tiers, .show, .count, .export, .include, .schema, .summarize, .overlap: return false
        }
    }

    /// The setting a `set` statement sets.
    public var setting: Name? {
        switch self {
        case .set(let n, _): return n
        case .load, .let, .derive, .segment, .tiers, .show, .count, .export, .assert, .include, .schema, .expression, .summarize, .print, .overlap: return nil
        }
    }
}

extension Keyword {
    /// The role of the statement this keyword begins; nil for keywords that begin no statement.
    public var statementRole: StatementRole? {
        switch self {
        case .load, .include, .schema: return .data
        case .set: return .setting
        case .let, .derive, .segment, .tiers: return .definition
        case .show, .count, .export, .summarize, .print, .overlap: return .output
        case .assert: return .assertion
        case .from, .where, .otherwise, .limit, .order, .by, .asc, .desc, .columns, .to,
             .and, .or, .not, .in, .between, .is, .null, .true, .false:
            return nil
        }
    }
}
