/// A construct the SQL generator does not translate (yet, or for this dialect), with its position:
/// it becomes a diagnostic, never SQL that would give another answer.
struct SQLUntranslatable: Error, Sendable {
    var message: DiagnosticMessage
    var span: SourceSpan

    /// `construct` (as the user would name it) is not translated; `why` says what is missing.
    static func notTranslated(_ construct: String, _ dialect: SQLDialect, why: String, at span: SourceSpan) -> Self {
        Self(message: .sqlNotTranslated(construct, dialect: dialect, why: why), span: span)
    }
}

extension DiagnosticMessage {
    /// A construct `strata sql` cannot (yet) write for `dialect`.
    static func sqlNotTranslated(_ construct: String, dialect: SQLDialect, why: String) -> Self {
        Self(code: .sqlNotTranslated, text: "\(construct) is not translated to SQL for \(dialect.rawValue): \(why)",
             suggestion: "run these rules with `strata run`; docs/sql.md lists what translates")
    }

    /// Two names the engine would take for one (Spark and DuckDB ignore letter case in names).
    static func sqlNameCollision(_ a: String, _ b: String, dialect: SQLDialect) -> Self {
        Self(code: .sqlNameCollision, text: "`\(a)` and `\(b)` are one name in \(dialect.rawValue), which ignores letter case in names",
             suggestion: "rename one of them")
    }
}
