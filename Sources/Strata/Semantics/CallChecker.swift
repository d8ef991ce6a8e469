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
            report(.filterOnScalarFunction(n, comparesArguments: isMinMaxScalar), at: f.span)
            return nil
        }
        if Checker.scoringNames.contains(n) { return ranking(fn, args, options, s) }
        if let b = options.by {
            report(.byNotAccepted(n), at: b.span)
            return nil
        }
        guard let sf = ScalarFunction(rawValue: n) else {
            report(.unknownFunction(n, nearest: Suggest.nearest(n, in: Checker.functionNames), all: Checker.functionNames), at: fn.span)
            return nil
        }
        var typed: [TypedExpr] = []
        for a in args {
            guard let t = expr(a) else { return nil }
            typed.append(t)
        }
        return scalarCall(sf, fn, typed, s)
    }

    mutating func arity(_ fn: Name, _ count: Int, _ allowed: ClosedRange<Int>, _ s: SourceSpan) -> Bool {
        guard allowed.contains(count) else {
            report(.argumentCount(fn.text, allowed: allowed, found: count), at: s)
            return false
        }
        return true
    }

    mutating func argType(_ fn: Name, _ t: TypedExpr, _ allowed: [ValueType], position: Int) -> Bool {
        if t.type == .null || allowed.contains(t.type) { return true }
        // Text where only numbers or dates will do: how to read it as one.
        let wanted: ValueType? = allowed.contains(.string) ? nil : allowed.contains(.number) ? .number : allowed.contains(.date) ? .date : nil
        report(.argumentType(fn.text, position: position, allowed: allowed, found: t.type, written: text(t.span),
                             conversion: wanted.flatMap { conversion(t, to: $0) }), at: t.span)
        return false
    }

    mutating func scalarCall(_ f: ScalarFunction, _ fn: Name, _ a: [TypedExpr], _ s: SourceSpan) -> TypedExpr? {
        let row = a.contains { $0.rowLevel }
        func make(_ t: ValueType) -> TypedExpr { TypedExpr(.call(f, a), t, rowLevel: row, s) }
        // `if` and `coalesce` pass a per-customer duration on to the shift that uses it (Eval/ComputedDuration).
        guard f == .if || f == .coalesce || durationOnlyInShift(fn, a) else { return nil }
        switch f {
        case .abs, .floor, .ceil:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.number], position: 1) else { return nil }
            return make(.number)
        case .round:
            guard arity(fn, a.count, 1...2, s), argType(fn, a[0], [.number], position: 1) else { return nil }
            if a.count == 2 { guard argType(fn, a[1], [.number], position: 2), roundDigits(a[1]) else { return nil } }
            return make(.number)
        case .min, .max, .coalesce:
            guard arity(fn, a.count, (f == .coalesce ? 1 : 2)...999, s) else { return nil }
            let t = a.first { $0.type != .null }?.type ?? .null
            for (i, x) in a.enumerated() where x.type != t && x.type != .null {
                report(.mixedArgumentTypes(fn.text, position: i + 1, found: x.type, first: t), at: x.span)
                return nil
            }
            if f != .coalesce, t == .bool || t == .duration {
                report(.unorderedArguments(fn.text, type: t), at: s)
                return nil
            }
            return make(t)
        case .lower, .upper:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.string], position: 1) else { return nil }
            return make(.string)
        case .length:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.string], position: 1) else { return nil }
            return make(.number)
        case .contains, .starts_with, .ends_with:
            guard arity(fn, a.count, 2...2, s), argType(fn, a[0], [.string], position: 1),
                  argType(fn, a[1], [.string], position: 2) else { return nil }
            return make(.bool)
        case .days_between, .months_between, .years_between:
            guard arity(fn, a.count, 2...2, s), argType(fn, a[0], [.date], position: 1),
                  argType(fn, a[1], [.date], position: 2) else { return nil }
            return make(.number)
        case .year, .month:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.date], position: 1) else { return nil }
            return make(.number)
        case .if:
            guard arity(fn, a.count, 3...3, s), expect(a[0], .bool, .ifCondition, a[0].span) else { return nil }
            let t = a[1].type == .null ? a[2].type : a[1].type
            guard a[2].type == t || a[2].type == .null else {
                report(.ifBranchTypes(then: a[1].type, else: a[2].type), at: a[2].span)
                return nil
            }
            return make(t)
        case .date:
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.string], position: 1) else { return nil }
            if case .constant(.string(let str)) = a[0].kind {
                guard let d = CivilDate.parse(str) else {
                    report(.invalidDateText(str), at: a[0].span)
                    return nil
                }
                return TypedExpr(.constant(.date(d)), .date, rowLevel: false, s)
            }
            return make(.date)
        case .number:
            // Text read as the loader reads a cell; a number is itself (the same rules on either export).
            guard arity(fn, a.count, 1...1, s), argType(fn, a[0], [.string, .number], position: 1) else { return nil }
            return make(.number)
        case .pow, .exp, .ln, .log10, .sqrt, .day, .weekday, .day_of_year, .days, .months, .text, .concat:
            return seedFunctionCall(f, fn, a, s)
        }
    }

    mutating func aggregate(_ agg: AggregateFunction, _ fn: Name, _ args: [Expr], _ filter: Expr?, _ s: SourceSpan) -> TypedExpr? {
        guard !insideAggregate else {
            report(.nestedAggregate(fn.text), at: s)
            return nil
        }
        insideAggregate = true
        defer { insideAggregate = false }
        var arg: TypedExpr?
        var param: TypedExpr?
        switch agg {
        case .count:
            guard arity(fn, args.count, 0...1, s) else { return nil }
            if let a = args.first { guard let t = expr(a), durationOnlyInShift(fn, [t]) else { return nil }; arg = t }
        case .percentile:
            guard arity(fn, args.count, 2...2, s), let t = expr(args[0]), argType(fn, t, [.number], position: 1) else { return nil }
            arg = t
            guard let p = expr(args[1]), argType(fn, p, [.number], position: 2) else { return nil }
            guard !p.rowLevel else {
                report(.percentilePerCustomer, at: p.span)
                return nil
            }
            if case .constant(.number(let v)) = p.kind, !(0...1).contains(v) {
                report(.percentileOutOfRange(text(p.span), value: v), at: p.span)
                return nil
            }
            param = p
        case .sum, .avg, .median, .stddev, .min, .max:
            guard arity(fn, args.count, 1...1, s), let t = expr(args[0]) else { return nil }
            let allowed: [ValueType] = (agg == .min || agg == .max) ? [.number, .date, .string] : [.number]
            guard argType(fn, t, allowed, position: 1) else { return nil }
            arg = t
        }
        var f: TypedExpr?
        if let fe = filter {
            guard let t = expr(fe), expect(t, .bool, .whereFilter, fe.span) else { return nil }
            f = t
        }
        let type: ValueType
        switch agg {
        case .count, .sum, .avg, .median, .stddev, .percentile: type = .number
        case .min, .max: type = arg?.type ?? .number
        }
        return TypedExpr(.aggregate(agg, argument: arg, filter: f, parameter: param), type, rowLevel: false, s)
    }
}
