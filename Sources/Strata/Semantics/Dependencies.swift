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
        case .negate(let e), .not(let e), .isNull(let e, _): e.collect(into: &out)
        case .ranking(let r): for c in [r.value, r.group] { c?.collect(into: &out) }
        case .and(let a, let b), .or(let a, let b), .arith(_, let a, let b), .dateShift(let a, let b, _), .compare(_, let a, let b):
            a.collect(into: &out)
            b.collect(into: &out)
        case .inList(let e, let items, _):
            e.collect(into: &out)
            for i in items { i.collect(into: &out) }
        case .call(_, let args): for a in args { a.collect(into: &out) }
        case .eventColumn(_, let f): out.insert(f)
        case .eventAggregate(let g):
            out.insert(g.table)
            for c in [g.argument, g.by, g.filter, g.parameter] { c?.collect(into: &out) }
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
        case .setAsOf, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return nil
        }
    }

    /// Names a definition (or `set as_of`) reads; outputs and asserts read names too, but nothing depends on them.
    public var dependencies: Set<String> {
        switch kind {
        case .let(_, let e), .derive(_, let e), .segment(_, let e), .setAsOf(let e): return e.dependencies
        case .tiers(_, let arms):
            var out: Set<String> = []
            for a in arms { if let c = a.condition { out.formUnion(c.dependencies) } }
            return out
        case .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return []
        }
    }

    /// Whether the statement may be evaluated at the same time as its independent neighbours: it only
    /// computes a value into the store.
    public var parallelizable: Bool {
        switch kind {
        case .let, .derive, .segment: return true
        case .setAsOf, .tiers, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return false
        }
    }

    /// How the kind of definition is named in English; messages use `nounText`.
    public var noun: String { nounText.text(.en) }

    /// How the kind of definition is named in messages, in the output's language.
    public var nounText: Message {
        switch kind {
        case .segment: CheckText.nounSegment.message
        case .derive: CheckText.nounDerived.message
        case .tiers: CheckText.nounTiersStatement.message
        case .let: CheckText.nounConstant.message
        case .setAsOf: CheckText.nounSetting.message
        case .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: CheckText.nounStatement.message
        }
    }
}
