/// Type rules for the functions that rank customers against each other — `ntile`, `abc` and `rank` —
/// over everyone or, with `by`, within groups (SQL's window functions with `PARTITION BY`).
extension Checker {
    /// `ntile(x, n [by g])`, `abc(x [, a, b] [by g])`, `rank(x [by g])`.
    mutating func ranking(_ fn: Name, _ args: [Expr], _ options: CallOptions, _ s: SourceSpan) -> TypedExpr? {
        let function: Ranking.Function
        let value: TypedExpr
        switch fn.text {
        case "ntile":
            guard arity(fn, args.count, 2...2, s), let x = expr(args[0]),
                  argType(fn, x, [.number, .date, .string], position: 1), let n = expr(args[1]) else { return nil }
            guard case .constant(.number(let v)) = n.kind, v >= 1, v <= 1_000_000, v == v.rounded() else {
                report(.ntileBuckets, at: n.span)
                return nil
            }
            (function, value) = (.ntile(buckets: Int(v)), x)
        case "abc":
            guard args.count == 1 || args.count == 3 else {
                report(.abcArgumentCount(found: args.count), at: s)
                return nil
            }
            guard let x = expr(args[0]), argType(fn, x, [.number], position: 1), let cut = abcCutoffs(args) else { return nil }
            (function, value) = (.abc(a: cut.a, b: cut.b), x)
        default:
            guard arity(fn, args.count, 1...1, s), let x = expr(args[0]), argType(fn, x, [.number, .date, .string], position: 1) else {
                return nil
            }
            (function, value) = (.rank, x)
        }
        var group: TypedExpr?
        if let b = options.by {
            // `ntile(x by city, 5)` would read as ranking by city's buckets: the groups come last, once.
            guard options.byAfterArguments == args.count else {
                let written = args.map { text($0.span) }.joined(separator: ", ")
                report(.rankingByPosition(fn.text, usage: "\(fn.text)(\(written) by \(text(b.span)))"), at: b.span)
                return nil
            }
            guard let g = expr(b) else { return nil }
            guard g.type != .duration else {
                report(.rankingGroupType(fn.text, found: g.type, written: text(b.span)), at: b.span)
                return nil
            }
            group = g
        }
        let type: ValueType
        switch function {
        case .ntile, .rank: type = .number
        case .abc: type = .string
        }
        return TypedExpr(.ranking(Ranking(function: function, value: value, group: group)), type, rowLevel: true, s)
    }

    /// The cut-offs of `abc(x, a, b)`: written numbers with 0 < a < b <= 1; 0.8 and 0.95 when not given.
    private mutating func abcCutoffs(_ args: [Expr]) -> (a: Double, b: Double)? {
        guard args.count == 3 else { return (0.8, 0.95) }
        var vals: [Double] = []
        for a in args[1...] {
            guard let t = expr(a), case .constant(.number(let v)) = t.kind else {
                report(.abcCutoffsNotConstant, at: a.span)
                return nil
            }
            vals.append(v)
        }
        guard vals.count == 2, vals[0] > 0, vals[0] < vals[1], vals[1] <= 1 else {
            report(.abcCutoffsOrder, at: args[1].span.merged(with: args[2].span))
            return nil
        }
        return (vals[0], vals[1])
    }
}
