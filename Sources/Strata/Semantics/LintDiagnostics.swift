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

    /// A tier arm an earlier arm always takes first.
    static func tierUnreachable(_ label: String, earlier: String, tiers: String) -> Self {
        Self(code: .tierUnreachable, severity: .warning,
             text: "tier `\(label)` of `\(tiers)` can never be given: every customer it takes, `\(earlier)` above it takes first",
             suggestion: "arms are tried in order; put `\(label)` before `\(earlier)`, or narrow `\(earlier)`'s condition")
    }

    /// The values of one field no arm of a `tiers` without `otherwise` takes.
    static func tierGap(_ tiers: String, gap: String) -> Self {
        Self(code: .tierGap, severity: .warning,
             text: "no tier of `\(tiers)` takes customers with \(gap), and there is no `otherwise`: they get no tier",
             suggestion: "add a last arm `… otherwise`, or widen an arm to cover \(gap)")
    }

    /// `check --data`: an arm that gets nobody although its condition takes `taken` customers.
    static func tierShadowedOnData(_ label: String, tiers: String, taken: Int) -> Self {
        Self(code: .tierShadowedOnData, severity: .warning,
             text: "on this data tier `\(label)` of `\(tiers)` gets no customer: the \(ValueFormat.grouped(taken)) its condition takes all get an earlier tier",
             suggestion: "arms are tried in order; check the arms above `\(label)`")
    }

    /// `check --data`: customers without a tier.
    static func customersWithoutTier(_ tiers: String, count: Int, of total: Int) -> Self {
        Self(code: .customersWithoutTier, severity: .warning,
             text: "on this data \(ValueFormat.grouped(count)) of \(ValueFormat.grouped(total)) customers get no `\(tiers)`: no arm takes them and there is no `otherwise`",
             suggestion: "add a last arm `… otherwise`, or widen the arms")
    }
}
