/// The fields a program reads from each table, so only those columns need to be parsed from a large
/// export (what a lazy query engine calls projection pushdown).
extension Program {
    /// Field names read per table name: the customer table's (under its name), each event table's, and
    /// each matched table's (`may.clv` is the field `clv` of `may`). Names the program defines itself
    /// (derived and tiers fields) may be among them; a loader simply finds no such column.
    public var fieldsRead: [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        let customers = self.customers?.name ?? "customers"
        func walk(_ e: TypedExpr) {
            switch e.kind {
            case .column(let n):
                if let dot = n.firstIndex(of: ".") {
                    // A matched table's field joined in as `may.clv`; a customer field with a dot in its name is read as well.
                    out[String(n[..<dot]), default: []].insert(String(n[n.index(after: dot)...]))
                }
                out[customers, default: []].insert(n)
            case .eventColumn(let t, let f):
                out[t, default: []].insert(f)
            case .constant, .segment, .scalar, .negate, .not, .and, .or, .arith, .dateShift, .compare, .inList, .isNull, .call,
                 .aggregate, .ranking, .eventAggregate:
                break
            }
            for c in e.children { walk(c) }
        }
        for s in statements { for e in s.checked.expressions { walk(e) } }
        return out
    }
}

extension CheckedStmt {
    /// Every expression the statement evaluates.
    public var expressions: [TypedExpr] {
        switch kind {
        case .setAsOf(let e), .let(_, let e), .derive(_, let e), .segment(_, let e): return [e]
        case .tiers(_, let arms): return arms.compactMap(\.condition)
        case .show(_, let target, let limit, let orderBy, let columns): return [target] + [limit?.per].compactMap { $0 } + orderBy.map(\.0) + columns.map(\.expr)
        case .count(_, .members(let e)), .count(_, .groups(let e, _, _)): return [e]
        case .export(_, let target, _, let columns): return [target] + columns.map(\.expr)
        case .assert(let e, _, _, let sides): return [e] + sides.map(\.expr)
        case .expression(let e, _, _, let columns): return [e] + columns.map(\.expr)
        case .summarize(let plan): return [plan.target] + plan.by.map(\.expr) + plan.columns.map(\.expr)
        case .print(let figures): return figures.map(\.expr)
        case .overlap(_, let items): return items.map(\.condition)
        }
    }
}
