/// The warnings of `strata check` (see `Lint`), one function per message kind.
extension DiagnosticMessage {
    static func unusedSegment(_ name: String) -> Self {
        Self(code: .unusedSegment, severity: .warning, text: "segment `\(name)` is never used or shown",
             suggestion: "count it, show it, use it in another rule, or remove it")
    }

    /// Tests of `field` joined by `and` that no value passes.
    static func impossibleCondition(field: String) -> Self {
        Self(code: .impossibleCondition, severity: .warning, text: "this condition can never be true: no `\(field)` satisfies all its tests",
             suggestion: "check the tests on `\(field)`; did you mean `or`?")
    }

    static var asOfNotSet: Self {
        Self(code: .asOfNotSet, severity: .warning, text: "`as_of` is not set, so results depend on the day the rules run",
             suggestion: "add `set as_of = 2026-06-30` (or pass --as-of) for repeatable results")
    }

    static func functionName(_ name: String) -> Self {
        Self(code: .functionName, severity: .warning, text: "`\(name)` has the name of a function",
             suggestion: "`\(name)(…)` still calls the function; a different name reads better")
    }

    static func caseConfusable(_ name: String, field: String) -> Self {
        Self(code: .caseConfusable, severity: .warning, text: "`\(name)` differs from the field `\(field)` only by letter case",
             suggestion: "choose a name that cannot be mistaken for `\(field)`")
    }
}
