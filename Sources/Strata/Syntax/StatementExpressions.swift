extension Stmt {
    /// The statement's top-level expressions, as written: what name lookups and editors walk.
    public var rootExpressions: [Expr] {
        switch kind {
        case .set(_, let e), .let(_, let e), .derive(_, let e), .segment(_, let e), .count(let e), .assert(let e, _), .expression(let e):
            return [e]
        case .tiers(_, let arms): return arms.compactMap(\.condition)
        case .show(let t, let limit, let order, let cols): return [t] + [limit?.count, limit?.per].compactMap { $0 } + order.map(\.expr) + cols
        case .export(let t, _, let cols): return [t] + cols
        case .load, .include, .schema: return []
        case .summarize(let g): return [g.target] + g.by + g.columns.map(\.expr) + g.orderBy.map(\.expr) + (g.limit.map { [$0] } ?? [])
        case .print(let figures): return figures.map(\.expr)
        case .overlap(let items): return items
        }
    }
}

extension Expr {
    /// The expressions directly inside this one.
    public var children: [Expr] {
        switch kind {
        case .name, .number, .string, .bool, .null, .date, .duration, .member: return []
        case .unary(_, let x), .paren(let x), .isNull(let x, _): return [x]
        case .binary(_, let a, let b): return [a, b]
        case .inList(let x, let items, _): return [x] + items
        case .between(let x, let lo, let hi, _): return [x, lo, hi]
        case .call(_, let args, let filter, let options): return args + (filter.map { [$0] } ?? []) + (options.by.map { [$0] } ?? [])
        }
    }

    /// This expression and every one inside it, parents before children; a worklist, as generated
    /// rules can nest deeper than the stack allows recursion.
    public var descendants: [Expr] {
        var out: [Expr] = []
        var work = [self]
        while let e = work.popLast() {
            out.append(e)
            work += e.children.reversed()
        }
        return out
    }
}
