/// The type checker's messages about calls — scalar functions, aggregates and scoring — one function per
/// message kind, with how each function is called (the help of most of them).
extension DiagnosticMessage {
    /// How each function is called, as the help of a wrong call shows it: code, or a catalog text where
    /// the line has words.
    static let usage: [String: Slot] = [
        "abs": "abs(x)", "round": .message(CallText.usageRound.message), "floor": "floor(x)", "ceil": "ceil(x)",
        "min": .message(CallText.usageMin.message), "max": .message(CallText.usageMax.message),
        "coalesce": "coalesce(a, b, …)", "lower": "lower(text)", "upper": "upper(text)", "length": "length(text)",
        "contains": "contains(text, part)", "starts_with": "starts_with(text, prefix)", "ends_with": "ends_with(text, suffix)",
        "days_between": "days_between(from, to)", "months_between": "months_between(from, to)", "years_between": "years_between(from, to)",
        "year": "year(date)", "month": "month(date)", "if": "if(condition, then, else)", "date": "date(\"2026-06-30\")",
        "number": .message(CallText.usageNumber.message),
        "count": "count(), count(segment), count(where condition)", "sum": "sum(x [where condition])", "avg": "avg(x [where condition])",
        "median": "median(x [where condition])", "stddev": "stddev(x [where condition])",
        "percentile": .message(CallText.usagePercentile.message),
        "first": "first(table.x by table.y [where condition])", "last": "last(table.x by table.y [where condition])",
        "ntile": "ntile(x, n)", "abc": .message(CallText.usageAbc.message),
        "rank": .message(CallText.usageRank.message), "pow": "pow(x, y)", "exp": "exp(x)", "ln": "ln(x)", "log10": "log10(x)",
        "sqrt": "sqrt(x)", "day": "day(date)", "weekday": .message(CallText.usageWeekday.message),
        "day_of_year": "day_of_year(date)", "days": .message(CallText.usageDays.message), "months": .message(CallText.usageMonths.message),
        "text": "text(x)", "concat": "concat(a, b, …)",
    ]

    /// `usage: …` for a function (every built-in has a usage line, so the fallback is never shown).
    private static func usageHint(_ function: String) -> Message { CallText.usage(["usage": usage[function] ?? "\(function)(…)"]) }

    /// A `where` filter on a per-customer function; `comparesArguments` for `min`/`max` of several arguments.
    static func filterOnScalarFunction(_ function: String, comparesArguments: Bool) -> Self {
        Self(code: .filterOnScalarFunction, text: CallText.filterOnScalarFunction(["function": "\(function)"]),
             help: comparesArguments ? CallText.comparesArgumentsPerCustomer(["function": "\(function)"]) : CallText.filterWithSegment.message)
    }

    /// A call of no known function; `nearest` is a function it resembles, else `all` are listed.
    static func unknownFunction(_ name: String, nearest: String?, all: [String]) -> Self {
        Self(code: .unknownFunction, text: CallText.unknownFunction(["name": "\(name)"]),
             help: Message.didYouMean(nearest) ?? CallText.functionList(["names": .list(all)]))
    }

    /// A call with `found` arguments where `allowed` many are accepted (99 or more means "or more").
    static func argumentCount(_ function: String, allowed: ClosedRange<Int>, found: Int) -> Self {
        let (low, high) = (allowed.lowerBound, allowed.upperBound)
        let want = low == high ? CallText.wantExactly(["n": "\(low)"]) : high >= 99 ? CallText.wantOrMore(["low": "\(low)"])
            : high == low + 1 ? CallText.wantOr(["low": "\(low)", "high": "\(high)"]) : CallText.wantRange(["low": "\(low)", "high": "\(high)"])
        return argumentCount(function, want: want, plural: high != 1, found: found)
    }

    /// `abc` with other than its one or three arguments.
    static func abcArgumentCount(found: Int) -> Self { argumentCount("abc", want: CallText.wantOr(["low": "1", "high": "3"]), plural: true, found: found) }

    private static func argumentCount(_ function: String, want: Message, plural: Bool, found: Int) -> Self {
        Self(code: .argumentCount, text: CallText.argumentCount(["function": "\(function)", "want": .message(want), "en_s": plural ? "s" : "", "found": "\(found)"]),
             help: usageHint(function))
    }

    /// Argument `position` (1-based) is of type `found` where one of `allowed` is needed.
    static func argumentType(_ function: String, position: Int, allowed: [ValueType], found: ValueType, written: String,
                             conversion: TextConversion? = nil) -> Self {
        Self(code: .argumentType,
             text: CallText.argumentType(["position": "\(position)", "function": "\(function)", "types": oneOf(allowed), "type": found.slot,
                                          "written": "\(written)"]),
             help: conversion?.text ?? usageHint(function))
    }

    /// `min`, `max` or `coalesce` whose argument `position` is of type `found`, argument 1 of type `first`.
    static func mixedArgumentTypes(_ function: String, position: Int, found: ValueType, first: ValueType) -> Self {
        Self(code: .mixedArgumentTypes,
             text: CallText.mixedArgumentTypes(["function": "\(function)", "position": "\(position)", "found": found.slot, "first": first.slot]),
             help: CallText.convertToOneType.message)
    }

    /// `min`/`max` of several bools or durations.
    static func unorderedArguments(_ function: String, type: ValueType) -> Self {
        Self(code: .unorderedArguments, text: CallText.unorderedArguments(["function": "\(function)", "type": type.slot]), help: usageHint(function))
    }

    static func ifBranchTypes(then: ValueType, else other: ValueType) -> Self {
        Self(code: .ifBranchTypes, text: CallText.ifBranchTypes(["then": then.slot, "other": other.slot]), help: CallText.ifBranchTypesHelp.message)
    }

    /// `date("…")` of a text that is no date.
    static func invalidDateText(_ text: String) -> Self {
        Self(code: .invalidDateText, text: CallText.invalidDateText(["text": "\(text)"]), help: CallText.invalidDateTextHelp.message)
    }

    static func nestedAggregate(_ function: String) -> Self {
        Self(code: .nestedAggregate, text: CallText.nestedAggregate(["function": "\(function)"]), help: CallText.nestedAggregateHelp.message)
    }

    static var percentilePerCustomer: Self {
        Self(code: .percentilePerCustomer, text: CallText.percentilePerCustomer.message, help: CallText.percentileExample.message)
    }

    /// A written fraction outside 0…1; between 1 and 100 it was likely meant as a percentage.
    static func percentileOutOfRange(_ written: String, value: Double) -> Self {
        Self(code: .percentileOutOfRange, text: CallText.percentileOutOfRange(["written": "\(written)"]),
             help: value > 1 && value <= 100
                 ? CallText.percentileAsFraction(["fraction": "\(ValueFormat.number(value / 100))", "en_suffix": "\(ordinalSuffix(written))", "written": "\(written)"])
                 : CallText.percentileNinety.message)
    }

    /// The English ordinal's ending of a number written in the rules: "st" (1st), "nd", "rd", "th" (11th, 90th).
    static func ordinalSuffix(_ n: String) -> String {
        guard let v = Int(n) else { return "th" }
        let tens = v % 100, ones = v % 10
        if (11...13).contains(tens) { return "th" }
        return ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th"
    }

    static var ntileBuckets: Self {
        Self(code: .ntileBuckets, text: CallText.ntileBuckets.message, help: CallText.ntileBucketsHelp.message)
    }

    static var abcCutoffsNotConstant: Self {
        Self(code: .abcCutoffsNotConstant, text: CallText.abcCutoffsNotConstant.message, help: CallText.abcExample.message)
    }

    static var abcCutoffsOrder: Self {
        Self(code: .abcCutoffsOrder, text: CallText.abcCutoffsOrder.message, help: CallText.abcExample.message)
    }
}
