/// How each built-in function is called and what it gives, in one line: what the editor's completion
/// and hover show. Kept by the function enums' exhaustive switches, so a new function cannot lack one.
public struct FunctionSignature: Sendable, Hashable {
    /// The call as written, e.g. `days_between(a, b) -> number`.
    public var signature: String
    /// One line: what it computes.
    public var summary: String
}

extension ScalarFunction {
    /// The signature and one-line summary of the per-customer function.
    public var signature: FunctionSignature {
        switch self {
        case .abs: return .init(signature: "abs(x) -> number", summary: "the absolute value")
        case .round: return .init(signature: "round(x[, digits]) -> number", summary: "rounded, halves away from zero")
        case .floor: return .init(signature: "floor(x) -> number", summary: "the greatest whole number not above x")
        case .ceil: return .init(signature: "ceil(x) -> number", summary: "the least whole number not below x")
        case .min: return .init(signature: "min(a, b, …)", summary: "the least non-null argument (one argument: the aggregate)")
        case .max: return .init(signature: "max(a, b, …)", summary: "the greatest non-null argument (one argument: the aggregate)")
        case .coalesce: return .init(signature: "coalesce(a, b, …)", summary: "the first non-null argument")
        case .lower: return .init(signature: "lower(s) -> text", summary: "the text in lower case")
        case .upper: return .init(signature: "upper(s) -> text", summary: "the text in upper case")
        case .length: return .init(signature: "length(s) -> number", summary: "the number of characters (Unicode code points)")
        case .contains: return .init(signature: "contains(s, part) -> bool", summary: "whether the text contains part")
        case .starts_with: return .init(signature: "starts_with(s, prefix) -> bool", summary: "whether the text starts with prefix")
        case .ends_with: return .init(signature: "ends_with(s, suffix) -> bool", summary: "whether the text ends with suffix")
        case .days_between: return .init(signature: "days_between(a, b) -> number", summary: "days from date a to date b (b − a)")
        case .months_between: return .init(signature: "months_between(a, b) -> number", summary: "calendar month boundaries crossed from a to b")
        case .years_between: return .init(signature: "years_between(a, b) -> number", summary: "calendar year boundaries crossed from a to b")
        case .year: return .init(signature: "year(d) -> number", summary: "the year of a date")
        case .month: return .init(signature: "month(d) -> number", summary: "the month of a date (1–12)")
        case .day: return .init(signature: "day(d) -> number", summary: "the day of the month (1–31)")
        case .weekday: return .init(signature: "weekday(d) -> number", summary: "the ISO weekday, 1 = Monday … 7 = Sunday")
        case .day_of_year: return .init(signature: "day_of_year(d) -> number", summary: "the day of the year (1–366)")
        case .if: return .init(signature: "if(cond, a, b)", summary: "a when cond is true, else b")
        case .date: return .init(signature: "date(s) -> date", summary: "a date from text (null if it is not one)")
        case .number: return .init(signature: "number(s) -> number", summary: "a number from text as the loader reads a cell")
        case .pow: return .init(signature: "pow(x, y) -> number", summary: "x to the power y")
        case .exp: return .init(signature: "exp(x) -> number", summary: "e to the power x")
        case .ln: return .init(signature: "ln(x) -> number", summary: "the natural logarithm")
        case .log10: return .init(signature: "log10(x) -> number", summary: "the base-10 logarithm")
        case .sqrt: return .init(signature: "sqrt(x) -> number", summary: "the square root")
        case .days: return .init(signature: "days(n) -> duration", summary: "a duration of n days, for date ± …")
        case .months: return .init(signature: "months(n) -> duration", summary: "a duration of n months, for date ± …")
        case .text: return .init(signature: "text(x) -> text", summary: "the text Strata prints for a value")
        case .concat: return .init(signature: "concat(a, b, …) -> text", summary: "the texts of the arguments joined; null when any is null")
        }
    }
}

extension AggregateFunction {
    /// The signature and one-line summary of the aggregate over all customers.
    public var signature: FunctionSignature {
        switch self {
        case .count: return .init(signature: "count([x] [where cond]) -> number", summary: "how many customers (or non-null values, or those for whom x is true)")
        case .sum: return .init(signature: "sum(x [where cond]) -> number", summary: "the total over all customers")
        case .avg: return .init(signature: "avg(x [where cond]) -> number", summary: "the mean over all customers")
        case .min: return .init(signature: "min(x [where cond])", summary: "the least value over all customers")
        case .max: return .init(signature: "max(x [where cond])", summary: "the greatest value over all customers")
        case .median: return .init(signature: "median(x [where cond]) -> number", summary: "the middle value over all customers")
        case .stddev: return .init(signature: "stddev(x [where cond]) -> number", summary: "the sample standard deviation over all customers")
        case .percentile: return .init(signature: "percentile(x [where cond], p) -> number", summary: "the p-th quantile (0–1), interpolated linearly")
        }
    }
}

extension Checker {
    /// The signature of every callable name (`Checker.functionNames`): a per-customer function's, else
    /// the aggregate's, else the ranking's or event function's.
    public static func signature(of name: String) -> FunctionSignature? {
        if let f = ScalarFunction(rawValue: name) {
            // min/max: one name for both; the per-customer signature says what one argument does.
            return f.signature
        }
        if let a = AggregateFunction(rawValue: name) { return a.signature }
        switch name {
        case "ntile": return .init(signature: "ntile(x, n [by g]) -> number", summary: "1…n, groups of (nearly) equal size, 1 for the lowest values")
        case "abc": return .init(signature: "abc(x[, a, b] [by g]) -> text", summary: "the Pareto grade A, B or C by cumulative share (0.8, 0.95)")
        case "rank": return .init(signature: "rank(x [by g]) -> number", summary: "1 for the highest value, ties in load order")
        case "first": return .init(signature: "first(E.x by E.y [where cond])", summary: "x on the event row with the least y")
        case "last": return .init(signature: "last(E.x by E.y [where cond])", summary: "x on the event row with the greatest y")
        default: return nil
        }
    }
}
