/// The warnings of `strata check` (see `Lint`), one function per message kind; their words are in `LintText`.
extension DiagnosticMessage {
    static func unusedSegment(_ name: String) -> Self {
        Self(code: .unusedSegment, severity: .warning, text: LintText.unusedSegment(["name": "\(name)"]), help: LintText.unusedSegmentHelp.message)
    }

    /// Tests of `field` joined by `and` that no value passes.
    static func impossibleCondition(field: String) -> Self {
        let slots: [String: Slot] = ["field": "\(field)"]
        return Self(code: .impossibleCondition, severity: .warning, text: LintText.impossibleCondition(slots), help: LintText.impossibleConditionHelp(slots))
    }

    static var asOfNotSet: Self {
        Self(code: .asOfNotSet, severity: .warning, text: LintText.asOfNotSet.message, help: LintText.asOfNotSetHelp.message)
    }

    static func functionName(_ name: String) -> Self {
        let slots: [String: Slot] = ["name": "\(name)"]
        return Self(code: .functionName, severity: .warning, text: LintText.functionName(slots), help: LintText.functionNameHelp(slots))
    }

    static func caseConfusable(_ name: String, field: String) -> Self {
        let slots: [String: Slot] = ["name": "\(name)", "field": "\(field)"]
        return Self(code: .caseConfusable, severity: .warning, text: LintText.caseConfusable(slots), help: LintText.caseConfusableHelp(slots))
    }

    /// A tier arm an earlier arm always takes first.
    static func tierUnreachable(_ label: String, earlier: String, tiers: String) -> Self {
        let slots: [String: Slot] = ["label": "\(label)", "earlier": "\(earlier)", "tiers": "\(tiers)"]
        return Self(code: .tierUnreachable, severity: .warning, text: LintText.tierUnreachable(slots), help: LintText.tierUnreachableHelp(slots))
    }

    /// The values of one field no arm of a `tiers` without `otherwise` takes.
    static func tierGap(_ tiers: String, gap: Message) -> Self {
        let slots: [String: Slot] = ["tiers": "\(tiers)", "gap": .message(gap)]
        return Self(code: .tierGap, severity: .warning, text: LintText.tierGap(slots), help: LintText.tierGapHelp(slots))
    }

    /// `check --data`: an arm that gets nobody although its condition takes `taken` customers.
    static func tierShadowedOnData(_ label: String, tiers: String, taken: Int) -> Self {
        let slots: [String: Slot] = ["label": "\(label)", "tiers": "\(tiers)", "count": "\(ValueFormat.grouped(taken))"]
        return Self(code: .tierShadowedOnData, severity: .warning, text: LintText.tierShadowedOnData(slots), help: LintText.tierShadowedOnDataHelp(slots))
    }

    /// `check --data`: customers without a tier.
    static func customersWithoutTier(_ tiers: String, count: Int, of total: Int) -> Self {
        let slots: [String: Slot] = ["tiers": "\(tiers)", "count": "\(ValueFormat.grouped(count))", "total": "\(ValueFormat.grouped(total))"]
        return Self(code: .customersWithoutTier, severity: .warning, text: LintText.customersWithoutTier(slots), help: LintText.customersWithoutTierHelp.message)
    }
}
