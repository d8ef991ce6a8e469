extension TypedExpr {
    /// Every name this expression reads: fields, derived fields, segments and constants (for recomputing dependents).
    public var dependencies: Set<String> {
        var out: Set<String> = []
        collect(into: &out)
        return out
    }

    private func collect(into out: inout Set<String>) {
        switch kind {
        case .constant: break
        case .column(let n), .segment(let n), .scalar(let n): out.insert(n)
        case .negate(let e), .not(let e), .isNull(let e, _), .ntile(let e, _), .abc(let e, _, _): e.collect(into: &out)
        case .and(let a, let b), .or(let a, let b), .arith(_, let a, let b), .dateShift(let a, let b, _), .compare(_, let a, let b):
            a.collect(into: &out)
            b.collect(into: &out)
        case .inList(let e, let items, _):
            e.collect(into: &out)
            for i in items { i.collect(into: &out) }
        case .call(_, let args): for a in args { a.collect(into: &out) }
        case .aggregate(_, let a, let f, let p):
            a?.collect(into: &out)
            f?.collect(into: &out)
            p?.collect(into: &out)
        }
    }
}

extension CheckedStmt {
    /// The name a definition statement defines, if it is one.
    public var definedName: String? {
        switch kind {
        case .let(let n, _), .derive(let n, _), .segment(let n, _), .tiers(let n, _): return n
        default: return nil
        }
    }

    /// Names a definition reads.
    public var dependencies: Set<String> {
        switch kind {
        case .let(_, let e), .derive(_, let e), .segment(_, let e), .setAsOf(let e): return e.dependencies
        case .tiers(_, let arms):
            var out: Set<String> = []
            for a in arms { if let c = a.condition { out.formUnion(c.dependencies) } }
            return out
        default: return []
        }
    }
}
