/// Type rules for calls: scalar functions, aggregates (with their `where` filter) and scoring.
extension Checker {
    /// Every callable name, for suggestions and completion.
    public static var functionNames: [String] {
        Set(ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue) + scoringNames + EventScope.eventOnlyFunctions).sorted()
    }

    mutating func call(_ fn: Name, _ args: [Expr], _ filter: Expr?, _ options: CallOptions, _ s: SourceSpan) -> TypedExpr? {
        if let overEvents = eventAggregate(fn, args, filter, options, s) { return overEvents }
        let n = fn.text
        let isMinMaxScalar = (n == "min" || n == "max") && args.count >= 2
        if let agg = AggregateFunction(rawValue: n), !isMinMaxScalar {
            return aggregate(agg, fn, args, filter, s)
        }
        if let f = filter {
            error("only aggregates take `where`; `\(n)` works per customer", f.span,
                  suggestion: isMinMaxScalar ? "`\(n)` with two or more arguments compares them per customer" : "filter with a segment instead")
            return nil
        }
        if n == "ntile" { return ntile(fn, args, s) }
        if n == "abc" { return abc(fn, args, s) }
        guard let sf = ScalarFunction(rawValue: n) else {
            let near = Suggest.nearest(n, in: Checker.functionNames)
            error("unknown function `\(n)`", fn.span, suggestion: near.map { "did you mean `\($0)`?" } ?? "functions: " + Checker.functionNames.joined(separator: ", "))
            return nil
        }
        var typed: [TypedExpr] = []
        for a in args {
            guard let t = expr(a) else { return nil }
            typed.append(t)
        }
        return scalarCall(sf, fn, typed, s)
    }

    mutating func arity(_ fn: Name, _ count: Int, _ allowed: ClosedRange<Int>, _ s: SourceSpan, usage: String) -> Bool {
        guard allowed.contains(count) else {
            let want = allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" :
                (allowed.upperBound >= 99 ? "\(allowed.lowerBound) or more"
                    : allowed.upperBound == allowed.lowerBound + 1 ? "\(allowed.lowerBound) or \(allowed.upperBound)" : "\(allowed.lowerBound) to \(allowed.upperBound)")
            error("`\(fn.text)` takes \(want) argument\(allowed.upperBound == 1 ? "" : "s"), found \(count)", s, suggestion: "usage: \(usage)")
            return false
        }
        return true
    }

    mutating func argType(_ fn: Name, _ t: TypedExpr, _ allowed: [ValueType], position: Int) -> Bool {
        if t.type == .null || allowed.contains(t.type) { return true }
        let names = allowed.map(\.name).joined(separator: " or ")
        error("argument \(position) of `\(fn.text)` must be a \(names), found \(t.type.name) `\(text(t.span))`", t.span,
              suggestion: "usage: \(Checker.usage[fn.text] ?? fn.text + "(…)")")
        return false
    }

    static let usage: [String: String] = [
        "abs": "abs(x)", "round": "round(x) or round(x, digits)", "floor": "floor(x)", "ceil": "ceil(x)",
        "min": "min(x) over all customers, or min(a, b, …) per customer", "max": "max(x) over all customers, or max(a, b, …) per customer",
        "coalesce": "coalesce(a, b, …)", "lower": "lower(text)", "upper": "upper(text)", "length": "length(text)",
        "contains": "contains(text, part)", "starts_with": "starts_with(text, prefix)", "ends_with": "ends_with(text, suffix)",
        "days_between": "days_between(from, to)", "months_between": "months_between(from, to)", "years_between": "years_between(from, to)",
        "year": "year(date)", "month": "month(date)", "if": "if(condition, then, else)", "date": "date(\"2026-06-30\")",
        "count": "count(), count(segment), count(where condition)", "sum": "sum(x [where condition])", "avg": "avg(x [where condition])",
        "median": "median(x [where condition])", "stddev": "stddev(x [where condition])",
        "percentile": "percentile(x [where condition], p) with p between 0 and 1",
        "ntile": "ntile(x, n)", "abc": "abc(x) or abc(x, 0.8, 0.95)",
    ]

    mutating func scalarCall(_ f: ScalarFunction, _ fn: Name, _ a: [TypedExpr], _ s: SourceSpan) -> TypedExpr? {
        let row = a.contains { $0.rowLevel }
        let u = Checker.usage[fn.text] ?? fn.text
        func make(_ t: ValueType) -> TypedExpr { TypedExpr(.call(f, a), t, rowLevel: row, s) }
        switch f {
        case .abs, .floor, .ceil:
            guard arity(fn, a.count, 1...1, s, usage: u), argType(fn, a[0], [.number], position: 1) else { return nil }
            return make(.number)
        case .round:
            guard arity(fn, a.count, 1...2, s, usage: u), argType(fn, a[0], [.number], position: 1) else { return nil }
            if a.count == 2 { guard argType(fn, a[1], [.number], position: 2) else { return nil } }
            return make(.number)
        case .min, .max, .coalesce:
            guard arity(fn, a.count, (f == .coalesce ? 1 : 2)...999, s, usage: u) else { return nil }
            let t = a.first { $0.type != .null }?.type ?? .null
            for (i, x) in a.enumerated() where x.type != t && x.type != .null {
                error("the arguments of `\(fn.text)` must all be of one type: argument \(i + 1) is \(x.type.name), argument 1 is \(t.name)", x.span,
                      suggestion: "convert them to one type")
                return nil
            }
            if f != .coalesce, t == .bool || t == .duration {
                error("`\(fn.text)` compares numbers, dates or text, found \(t.name)", s, suggestion: "usage: \(u)")
                return nil
            }
            return make(t)
        case .lower, .upper:
            guard arity(fn, a.count, 1...1, s, usage: u), argType(fn, a[0], [.string], position: 1) else { return nil }
            return make(.string)
        case .length:
            guard arity(fn, a.count, 1...1, s, usage: u), argType(fn, a[0], [.string], position: 1) else { return nil }
            return make(.number)
        case .contains, .starts_with, .ends_with:
            guard arity(fn, a.count, 2...2, s, usage: u), argType(fn, a[0], [.string], position: 1),
                  argType(fn, a[1], [.string], position: 2) else { return nil }
            return make(.bool)
        case .days_between, .months_between, .years_between:
            guard arity(fn, a.count, 2...2, s, usage: u), argType(fn, a[0], [.date], position: 1),
                  argType(fn, a[1], [.date], position: 2) else { return nil }
            return make(.number)
        case .year, .month:
            guard arity(fn, a.count, 1...1, s, usage: u), argType(fn, a[0], [.date], position: 1) else { return nil }
            return make(.number)
        case .if:
            guard arity(fn, a.count, 3...3, s, usage: u), expect(a[0], .bool, what: "the condition of `if`", a[0].span) else { return nil }
            let t = a[1].type == .null ? a[2].type : a[1].type
            guard a[2].type == t || a[2].type == .null else {
                error("both branches of `if` must have one type: \(a[1].type.name) and \(a[2].type.name)", a[2].span, suggestion: "make them the same type")
                return nil
            }
            return make(t)
        case .date:
            guard arity(fn, a.count, 1...1, s, usage: u), argType(fn, a[0], [.string], position: 1) else { return nil }
            if case .constant(.string(let str)) = a[0].kind {
                guard let d = CivilDate.parse(str) else {
                    error("`\(str)` is not a date", a[0].span, suggestion: "write dates as YYYY-MM-DD, e.g. 2026-06-30")
                    return nil
                }
                return TypedExpr(.constant(.date(d)), .date, rowLevel: false, s)
            }
            return make(.date)
        }
    }

    mutating func aggregate(_ agg: AggregateFunction, _ fn: Name, _ args: [Expr], _ filter: Expr?, _ s: SourceSpan) -> TypedExpr? {
        guard !insideAggregate else {
            error("aggregates cannot be nested: `\(fn.text)` inside another aggregate", s,
                  suggestion: "compute the inner one with `let` first")
            return nil
        }
        insideAggregate = true
        defer { insideAggregate = false }
        let u = Checker.usage[fn.text] ?? fn.text
        var arg: TypedExpr?
        var param: TypedExpr?
        switch agg {
        case .count:
            guard arity(fn, args.count, 0...1, s, usage: u) else { return nil }
            if let a = args.first { guard let t = expr(a) else { return nil }; arg = t }
        case .percentile:
            guard arity(fn, args.count, 2...2, s, usage: u), let t = expr(args[0]), argType(fn, t, [.number], position: 1) else { return nil }
            arg = t
            guard let p = expr(args[1]), argType(fn, p, [.number], position: 2) else { return nil }
            guard !p.rowLevel else {
                error("the fraction of `percentile` must be one value, not per customer", p.span, suggestion: "e.g. percentile(clv, 0.9)")
                return nil
            }
            if case .constant(.number(let v)) = p.kind, !(0...1).contains(v) {
                error("the fraction of `percentile` must be between 0 and 1, found \(text(p.span))", p.span,
                      suggestion: v > 1 && v <= 100 ? "write \(ValueFormat.number(v / 100)) for the \(CallChecker.ordinal(text(p.span))) percentile" : "e.g. 0.9 for the 90th percentile")
                return nil
            }
            param = p
        case .sum, .avg, .median, .stddev, .min, .max:
            guard arity(fn, args.count, 1...1, s, usage: u), let t = expr(args[0]) else { return nil }
            let allowed: [ValueType] = (agg == .min || agg == .max) ? [.number, .date, .string] : [.number]
            guard argType(fn, t, allowed, position: 1) else { return nil }
            arg = t
        }
        var f: TypedExpr?
        if let fe = filter {
            guard let t = expr(fe), expect(t, .bool, what: "the `where` filter", fe.span) else { return nil }
            f = t
        }
        let type: ValueType
        switch agg {
        case .count, .sum, .avg, .median, .stddev, .percentile: type = .number
        case .min, .max: type = arg?.type ?? .number
        }
        return TypedExpr(.aggregate(agg, argument: arg, filter: f, parameter: param), type, rowLevel: false, s)
    }

    mutating func ntile(_ fn: Name, _ args: [Expr], _ s: SourceSpan) -> TypedExpr? {
        guard arity(fn, args.count, 2...2, s, usage: "ntile(x, n)"), let x = expr(args[0]),
              argType(fn, x, [.number, .date, .string], position: 1), let n = expr(args[1]) else { return nil }
        guard case .constant(.number(let v)) = n.kind, v >= 1, v <= 1_000_000, v == v.rounded() else {
            error("the number of buckets of `ntile` must be a whole number written out, between 1 and 1000000", n.span,
                  suggestion: "e.g. ntile(recency, 5) for RFM scores 1–5")
            return nil
        }
        return TypedExpr(.ntile(x, buckets: Int(v)), .number, rowLevel: true, s)
    }

    mutating func abc(_ fn: Name, _ args: [Expr], _ s: SourceSpan) -> TypedExpr? {
        guard args.count == 1 || args.count == 3 else {
            error("`abc` takes 1 or 3 arguments, found \(args.count)", s, suggestion: "usage: abc(x) or abc(x, 0.8, 0.95)")
            return nil
        }
        guard let x = expr(args[0]), argType(fn, x, [.number], position: 1) else { return nil }
        var cut = (0.8, 0.95)
        if args.count == 3 {
            var vals: [Double] = []
            for a in args[1...] {
                guard let t = expr(a), case .constant(.number(let v)) = t.kind else {
                    error("the cut-offs of `abc` must be numbers written out", a.span, suggestion: "e.g. abc(clv, 0.8, 0.95)")
                    return nil
                }
                vals.append(v)
            }
            guard vals.count == 2, vals[0] > 0, vals[0] < vals[1], vals[1] <= 1 else {
                error("the cut-offs of `abc` must satisfy 0 < a < b <= 1", args[1].span.merged(with: args[2].span), suggestion: "e.g. abc(clv, 0.8, 0.95)")
                return nil
            }
            cut = (vals[0], vals[1])
        }
        return TypedExpr(.abc(x, a: cut.0, b: cut.1), .string, rowLevel: true, s)
    }
}

enum CallChecker {
    /// "1st", "2nd", "3rd", "11th", "22nd", "90th" for a number written in the rules.
    static func ordinal(_ n: String) -> String {
        guard let v = Int(n) else { return n + "th" }
        let tens = v % 100, ones = v % 10
        if (11...13).contains(tens) { return n + "th" }
        return n + (ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th")
    }
}
