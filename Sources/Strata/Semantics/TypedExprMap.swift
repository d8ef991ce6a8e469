extension TypedExpr {
    /// The same expression with each direct child replaced by `f(child)` (type, span and level kept): the
    /// one place that knows where every kind keeps its children, for rewrites such as per-group aggregates.
    public func mapChildren<E: Error>(_ f: (TypedExpr) throws(E) -> TypedExpr) throws(E) -> TypedExpr {
        func opt(_ x: TypedExpr?) throws(E) -> TypedExpr? {
            guard let x else { return nil }
            return try f(x)
        }
        var out = self
        switch kind {
        case .constant, .column, .segment, .scalar, .eventColumn:
            return self
        case .negate(let x): out.kind = .negate(try f(x))
        case .not(let x): out.kind = .not(try f(x))
        case .and(let a, let b): out.kind = .and(try f(a), try f(b))
        case .or(let a, let b): out.kind = .or(try f(a), try f(b))
        case .arith(let op, let a, let b): out.kind = .arith(op, try f(a), try f(b))
        case .dateShift(let a, let b, let sign): out.kind = .dateShift(try f(a), try f(b), sign: sign)
        case .compare(let op, let a, let b): out.kind = .compare(op, try f(a), try f(b))
        case .inList(let x, let items, let negated):
            var mapped: [TypedExpr] = []
            for i in items { mapped.append(try f(i)) }
            out.kind = .inList(try f(x), mapped, negated: negated)
        case .isNull(let x, let negated): out.kind = .isNull(try f(x), negated: negated)
        case .call(let fn, let args):
            var mapped: [TypedExpr] = []
            for a in args { mapped.append(try f(a)) }
            out.kind = .call(fn, mapped)
        case .aggregate(let fn, let a, let filter, let p): out.kind = .aggregate(fn, argument: try opt(a), filter: try opt(filter), parameter: try opt(p))
        case .ranking(var r):
            r.value = try f(r.value)
            r.group = try opt(r.group)
            out.kind = .ranking(r)
        case .eventAggregate(var g):
            g.argument = try opt(g.argument)
            g.by = try opt(g.by)
            g.filter = try opt(g.filter)
            g.parameter = try opt(g.parameter)
            out.kind = .eventAggregate(g)
        }
        return out
    }
}
