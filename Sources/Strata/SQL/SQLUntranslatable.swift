/// A construct the SQL generator does not translate (yet, or for this dialect), with its position:
/// it becomes a diagnostic, never SQL that would give another answer.
struct SQLUntranslatable: Error, Sendable {
    var message: DiagnosticMessage
    var span: SourceSpan

    /// `construct` (its code as written, or a catalog phrase) is not translated; `why` says what is missing.
    static func notTranslated(_ construct: Slot, _ dialect: SQLDialect, why: SQLText, at span: SourceSpan) -> Self {
        Self(message: .sqlNotTranslated(construct, dialect: dialect, why: why), span: span)
    }
}

extension DiagnosticMessage {
    /// A construct `strata sql` cannot (yet) write for `dialect`.
    static func sqlNotTranslated(_ construct: Slot, dialect: SQLDialect, why: SQLText) -> Self {
        Self(code: .sqlNotTranslated, text: SQLText.notTranslated(["construct": construct, "dialect": .text(dialect.rawValue), "why": .message(why.message)]),
             help: SQLText.notTranslatedHelp.message)
    }

    /// Two names the engine would take for one (Spark and DuckDB ignore letter case in names).
    static func sqlNameCollision(_ a: String, _ b: String, dialect: SQLDialect) -> Self {
        Self(code: .sqlNameCollision, text: SQLText.nameCollision(["a": .text(a), "b": .text(b), "dialect": .text(dialect.rawValue)]),
             help: SQLText.nameCollisionHelp.message)
    }
}
