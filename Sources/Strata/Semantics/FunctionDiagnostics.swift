/// The checker's messages about ranking within groups and the number, calendar and text functions of
/// issue 13, one function per message kind.
extension DiagnosticMessage {
    /// `by` in a call that takes none (`round(x by city)`).
    static func byNotAccepted(_ function: String) -> Self {
        Self(code: .byNotAccepted, text: "`\(function)` takes no `by`",
             suggestion: "`by` ranks within groups in ntile, abc and rank (`rank(clv by city)`), and orders rows in first and last")
    }

    /// `ntile(x by city, 5)`: the groups must follow the last argument.
    static func rankingByPosition(_ function: String, usage: String) -> Self {
        Self(code: .rankingByPosition, text: "the groups of `\(function)` come after its last argument", suggestion: "write \(usage)")
    }

    /// Groups of a ranking that are durations.
    static func rankingGroupType(_ function: String, found: ValueType, written: String) -> Self {
        Self(code: .argumentType, text: "the groups of `\(function)` must be a number, text, date or bool, found \(found.name) `\(written)`",
             suggestion: "group by a field, e.g. `\(function)(clv by city)`")
    }

    /// `round(x, 2.5)`.
    static func roundDigits(_ written: String) -> Self {
        Self(code: .roundDigits, text: "the digits of `round` must be a whole number, found `\(written)`",
             suggestion: "e.g. round(x, 2) for cents, round(x, -3) for thousands")
    }

    /// `days(2.5)`, `months(1e9)`.
    static func durationAmount(_ function: String, written: String, whole: Bool) -> Self {
        Self(code: whole ? .durationTooLong : .fractionalDuration,
             text: whole ? "`\(function)(\(written))` is beyond any date" : "`\(function)` needs a whole number, found `\(written)`",
             suggestion: whole ? "durations reach at most 4000000 days or months" : "use a smaller unit, e.g. days(45) instead of months(1.5)")
    }

    /// A per-customer duration somewhere other than `date ± duration`.
    static func durationPerCustomer(_ written: String) -> Self {
        Self(code: .durationPerCustomer, text: "`\(written)` differs per customer, so it can only shift a date",
             suggestion: "use it as `date + \(written)` or `date - \(written)`")
    }
}
