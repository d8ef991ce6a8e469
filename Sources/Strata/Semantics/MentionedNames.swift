extension Stmt {
    /// Every name the statement's expressions mention, as written; for statements that did not check,
    /// whose typed form (and so its dependencies) does not exist.
    var mentionedNames: Set<String> {
        var roots: [Expr] = []
        switch kind {
        case .set(_, let e), .let(_, let e), .derive(_, let e), .segment(_, let e), .count(let e), .assert(let e, _), .expression(let e):
            roots = [e]
        case .tiers(_, let arms): roots = arms.compactMap(\.condition)
        case .show(let t, let limit, let order, let cols): roots = [t] + [limit?.count, limit?.per].compactMap { $0 } + order.map(\.expr) + cols
        case .export(let t, _, let cols): roots = [t] + cols
        case .load, .include, .schema: roots = []
        case .summarize(let g): roots = [g.target] + g.by + g.columns.map(\.expr) + g.orderBy.map(\.expr) + (g.limit.map { [$0] } ?? [])
        case .print(let figures): roots = figures.map(\.expr)
        case .overlap(let items): roots = items
        }
        var out: Set<String> = []
        // A worklist: generated rules can nest deeply.
        while let e = roots.popLast() {
            switch e.kind {
            case .name(let n): out.insert(n)
            case .number, .string, .bool, .null, .date, .duration: break
            case .unary(_, let x), .paren(let x), .isNull(let x, _): roots.append(x)
            case .binary(_, let a, let b): roots += [a, b]
            case .inList(let x, let items, _): roots += [x] + items
            case .between(let x, let lo, let hi, _): roots += [x, lo, hi]
            case .call(_, let args, let filter, let options): roots += args + (filter.map { [$0] } ?? []) + (options.by.map { [$0] } ?? [])
            case .member(let table, let field): out.insert(table.text); out.insert(table.text + "." + field.text)
            }
        }
        return out
    }
}
