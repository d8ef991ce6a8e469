/// The type checker's messages about calls — scalar functions, aggregates and scoring — one function per
/// message kind, with how each function is called (the help of most of them).
extension DiagnosticMessage {
    /// How each function is called, as the help of a wrong call shows it.
    static let usage: [String: String] = [
        "abs": "abs(x)", "round": "round(x) or round(x, digits)", "floor": "floor(x)", "ceil": "ceil(x)",
        "min": "min(x) over all customers, or min(a, b, …) per customer", "max": "max(x) over all customers, or max(a, b, …) per customer",
        "coalesce": "coalesce(a, b, …)", "lower": "lower(text)", "upper": "upper(text)", "length": "length(text)",
        "contains": "contains(text, part)", "starts_with": "starts_with(text, prefix)", "ends_with": "ends_with(text, suffix)",
        "days_between": "days_between(from, to)", "months_between": "months_between(from, to)", "years_between": "years_between(from, to)",
        "year": "year(date)", "month": "month(date)", "if": "if(condition, then, else)", "date": "date(\"2026-06-30\")",
        "number": "number(text), e.g. number(\"1,200\")",
        "count": "count(), count(segment), count(where condition)", "sum": "sum(x [where condition])", "avg": "avg(x [where condition])",
        "median": "median(x [where condition])", "stddev": "stddev(x [where condition])",
        "percentile": "percentile(x [where condition], p) with p between 0 and 1",
        "first": "first(table.x by table.y [where condition])", "last": "last(table.x by table.y [where condition])",
        "ntile": "ntile(x, n)", "abc": "abc(x) or abc(x, 0.8, 0.95)",
        "rank": "rank(x) or rank(x by city)", "pow": "pow(x, y)", "exp": "exp(x)", "ln": "ln(x)", "log10": "log10(x)",
        "sqrt": "sqrt(x)", "day": "day(date)", "weekday": "weekday(date), 1 = Monday … 7 = Sunday",
        "day_of_year": "day_of_year(date)", "days": "days(n), e.g. birthday + days(7)", "months": "months(n), e.g. birthday + months(12 * age)",
        "text": "text(x)", "concat": "concat(a, b, …)",
    ]

    /// `usage: …` for a function (every built-in has a usage line, so the fallback is never shown).
    private static func usageHint(_ function: String) -> String { "usage: \(usage[function] ?? function + "(…)")" }

    /// A `where` filter on a per-customer function; `comparesArguments` for `min`/`max` of several arguments.
    static func filterOnScalarFunction(_ function: String, comparesArguments: Bool) -> Self {
        Self(code: .filterOnScalarFunction, text: "only aggregates take `where`; `\(function)` works per customer",
             suggestion: comparesArguments ? "`\(function)` with two or more arguments compares them per customer" : "filter with a segment instead")
    }

    /// A call of no known function; `nearest` is a function it resembles, else `all` are listed.
    static func unknownFunction(_ name: String, nearest: String?, all: [String]) -> Self {
        Self(code: .unknownFunction, text: "unknown function `\(name)`",
             suggestion: didYouMean(nearest) ?? "functions: " + all.joined(separator: ", "))
    }

    /// A call with `found` arguments where `allowed` many are accepted (99 or more means "or more").
    static func argumentCount(_ function: String, allowed: ClosedRange<Int>, found: Int) -> Self {
        let (low, high) = (allowed.lowerBound, allowed.upperBound)
        let want = low == high ? "\(low)" : high >= 99 ? "\(low) or more" : high == low + 1 ? "\(low) or \(high)" : "\(low) to \(high)"
        return argumentCount(function, want: want, plural: high != 1, found: found)
    }

    /// `abc` with other than its one or three arguments.
    static func abcArgumentCount(found: Int) -> Self { argumentCount("abc", want: "1 or 3", plural: true, found: found) }

    private static func argumentCount(_ function: String, want: String, plural: Bool, found: Int) -> Self {
        Self(code: .argumentCount, text: "`\(function)` takes \(want) argument\(plural ? "s" : ""), found \(found)", suggestion: usageHint(function))
    }

    /// Argument `position` (1-based) is of type `found` where one of `allowed` is needed.
    static func argumentType(_ function: String, position: Int, allowed: [ValueType], found: ValueType, written: String,
                             conversion: TextConversion? = nil) -> Self {
        Self(code: .argumentType,
             text: "argument \(position) of `\(function)` must be a \(allowed.map(\.name).joined(separator: " or ")), found \(found.name) `\(written)`",
             suggestion: conversion?.text ?? usageHint(function))
    }

    /// `min`, `max` or `coalesce` whose argument `position` is of type `found`, argument 1 of type `first`.
    static func mixedArgumentTypes(_ function: String, position: Int, found: ValueType, first: ValueType) -> Self {
        Self(code: .mixedArgumentTypes,
             text: "the arguments of `\(function)` must all be of one type: argument \(position) is \(found.name), argument 1 is \(first.name)",
             suggestion: "convert them to one type")
    }

    /// `min`/`max` of several bools or durations.
    static func unorderedArguments(_ function: String, type: ValueType) -> Self {
        Self(code: .unorderedArguments, text: "`\(function)` compares numbers, dates or text, found \(type.name)", suggestion: usageHint(function))
    }

    static func ifBranchTypes(then: ValueType, else other: ValueType) -> Self {
        Self(code: .ifBranchTypes, text: "both branches of `if` must have one type: \(then.name) and \(other.name)", suggestion: "make them the same type")
    }

    /// `date("…")` of a text that is no date.
    static func invalidDateText(_ text: String) -> Self {
        Self(code: .invalidDateText, text: "`\(text)` is not a date", suggestion: "write dates as YYYY-MM-DD, e.g. 2026-06-30")
    }

    static func nestedAggregate(_ function: String) -> Self {
        Self(code: .nestedAggregate, text: "aggregates cannot be nested: `\(function)` inside another aggregate",
             suggestion: "compute the inner one with `let` first")
    }

    static var percentilePerCustomer: Self {
        Self(code: .percentilePerCustomer, text: "the fraction of `percentile` must be one value, not per customer", suggestion: "e.g. percentile(clv, 0.9)")
    }

    /// A written fraction outside 0…1; between 1 and 100 it was likely meant as a percentage.
    static func percentileOutOfRange(_ written: String, value: Double) -> Self {
        Self(code: .percentileOutOfRange, text: "the fraction of `percentile` must be between 0 and 1, found \(written)",
             suggestion: value > 1 && value <= 100 ? "write \(ValueFormat.number(value / 100)) for the \(ordinal(written)) percentile"
                 : "e.g. 0.9 for the 90th percentile")
    }

    /// "1st", "2nd", "3rd", "11th", "22nd", "90th" for a number written in the rules.
    static func ordinal(_ n: String) -> String {
        guard let v = Int(n) else { return n + "th" }
        let tens = v % 100, ones = v % 10
        if (11...13).contains(tens) { return n + "th" }
        return n + (ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th")
    }

    static var ntileBuckets: Self {
        Self(code: .ntileBuckets, text: "the number of buckets of `ntile` must be a whole number written out, between 1 and 1000000",
             suggestion: "e.g. ntile(recency, 5) for RFM scores 1–5")
    }

    static var abcCutoffsNotConstant: Self {
        Self(code: .abcCutoffsNotConstant, text: "the cut-offs of `abc` must be numbers written out", suggestion: abcExample)
    }

    static var abcCutoffsOrder: Self {
        Self(code: .abcCutoffsOrder, text: "the cut-offs of `abc` must satisfy 0 < a < b <= 1", suggestion: abcExample)
    }

    private static let abcExample = "e.g. abc(clv, 0.8, 0.95)"
}
