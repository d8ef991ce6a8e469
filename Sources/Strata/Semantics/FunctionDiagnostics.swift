/// The checker's messages about ranking within groups and the number, calendar and text functions of
/// issue 13, one function per message kind; their words are in `FunctionText`.
extension DiagnosticMessage {
    /// `by` in a call that takes none (`round(x by city)`).
    static func byNotAccepted(_ function: String) -> Self {
        Self(code: .byNotAccepted, text: FunctionText.byNotAccepted(["function": "\(function)"]), help: FunctionText.byNotAcceptedHelp.message)
    }

    /// `ntile(x by city, 5)`: the groups must follow the last argument.
    static func rankingByPosition(_ function: String, usage: String) -> Self {
        Self(code: .rankingByPosition, text: FunctionText.rankingByPosition(["function": "\(function)"]),
             help: FunctionText.writeUsage(["usage": "\(usage)"]))
    }

    /// Groups of a ranking that are durations.
    static func rankingGroupType(_ function: String, found: ValueType, written: String) -> Self {
        Self(code: .argumentType, text: FunctionText.rankingGroupType(["function": "\(function)", "type": found.slot, "written": "\(written)"]),
             help: FunctionText.rankingGroupTypeHelp(["function": "\(function)"]))
    }

    /// `round(x, 2.5)`.
    static func roundDigits(_ written: String) -> Self {
        Self(code: .roundDigits, text: FunctionText.roundDigits(["written": "\(written)"]), help: FunctionText.roundDigitsHelp.message)
    }

    /// `days(2.5)`, `months(1e9)`.
    static func durationAmount(_ function: String, written: String, whole: Bool) -> Self {
        let slots: [String: Slot] = ["function": "\(function)", "written": "\(written)"]
        return whole
            ? Self(code: .durationTooLong, text: FunctionText.durationTooLong(slots), help: FunctionText.durationTooLongHelp.message)
            : Self(code: .fractionalDuration, text: FunctionText.fractionalDuration(slots), help: FunctionText.fractionalDurationHelp.message)
    }

    /// A per-customer duration somewhere other than `date ± duration`.
    static func durationPerCustomer(_ written: String) -> Self {
        Self(code: .durationPerCustomer, text: FunctionText.durationPerCustomer(["written": "\(written)"]),
             help: FunctionText.durationPerCustomerHelp(["written": "\(written)"]))
    }
}
