/// Type rules for the functions the seeds' practices needed: numbers (`pow`, `exp`, `ln`, `log10`,
/// `sqrt` for CLV discounting), calendar (`day`, `weekday`, `day_of_year`, `days(n)`, `months(n)` for
/// birthdays) and text (`text`, `concat` for RFM cells such as "555").
extension Checker {
    mutating func seedFunctionCall(_ f: ScalarFunction, _ fn: Name, _ a: [TypedExpr], _ s: SourceSpan) -> TypedExpr? {
        let row = a.contains { $0.rowLevel }
        func make(_ t: ValueType) -> TypedExpr { TypedExpr(.call(f, a), t, rowLevel: row, s) }
        switch f {
        case .pow:
            guard arity(fn, a.count, 2...2, s), argType(fn, a[0], [.number], position: 1),
                  argType(fn, a[1], [.number], position: 2) else { return nil }
            return make(.number)
        case .exp, .ln, .log10, .sqrt:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.number], position: 1) else { return nil }
            return make(.number)
        case .day, .weekday, .day_of_year:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.date], position: 1) else { return nil }
            return make(.number)
        case .days, .months:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.number], position: 1) else { return nil }
            // A written amount is a written duration (`days(7)` is `7 days`), so it translates to SQL as one.
            if case .constant(.number(let v)) = a[0].kind {
                guard v == v.rounded(), Swift.abs(v) <= 4_000_000 else {
                    report(.durationAmount(fn.text, written: text(a[0].span), whole: v == v.rounded()), at: a[0].span)
                    return nil
                }
                let amount = Int(v)
                return TypedExpr(.constant(f == .days ? .duration(months: 0, days: amount) : .duration(months: amount, days: 0)),
                                 .duration, rowLevel: false, s)
            }
            return make(.duration)
        case .text:
            guard arity(fn, a.count, 1...1, s), shownAsText(fn, a[0], position: 1) else { return nil }
            return make(.string)
        case .concat:
            guard arity(fn, a.count, 1...999, s) else { return nil }
            for (i, x) in a.enumerated() { guard shownAsText(fn, x, position: i + 1) else { return nil } }
            return make(.string)
        case .abs, .round, .floor, .ceil, .min, .max, .coalesce, .lower, .upper, .length, .contains, .starts_with, .ends_with,
             .days_between, .months_between, .years_between, .year, .month, .if, .date, .number:
            return scalarCall(f, fn, a, s)
        }
    }

    /// An argument `text` and `concat` print: any value but a duration, which has no one text.
    private mutating func shownAsText(_ fn: Name, _ t: TypedExpr, position: Int) -> Bool {
        argType(fn, t, [.string, .number, .date, .bool], position: position)
    }

    /// `round(x, digits)`: written digits must be a whole number (`round(x, 2.5)` has no meaning); computed
    /// digits that are not whole give null when the rule runs.
    mutating func roundDigits(_ d: TypedExpr) -> Bool {
        guard case .constant(.number(let v)) = d.kind, v != v.rounded() else { return true }
        report(.roundDigits(text(d.span)), at: d.span)
        return false
    }

    /// A per-customer duration (`days(n)` of a field) stands only where a date is shifted by it, or in an
    /// `if`/`coalesce` that passes it on to one: there is no column of durations to hold it anywhere else.
    mutating func durationOnlyInShift(_ fn: Name, _ args: [TypedExpr]) -> Bool {
        for x in args where x.type == .duration && x.rowLevel {
            report(.durationPerCustomer(text(x.span)), at: x.span)
            return false
        }
        return true
    }
}
