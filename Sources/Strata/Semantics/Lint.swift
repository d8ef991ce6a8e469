/// Warnings worth having in a rule repository: unused segments, conditions that can never be true,
/// date arithmetic without a fixed `as_of`, and names that are easily confused.
public enum Lint {
    /// One checked statement with the statement it came from and the file it is in.
    public struct Item: Sendable {
        public var stmt: Stmt
        public var checked: CheckedStmt
        public var file: String
    }

    /// `alsoUsed`: names read by statements that are not among the items (they had errors);
    /// `setsAsOf`: the program has a `set as_of`, also if it had errors (it is then not among the items).
    public static func warnings(_ items: [Item], fields: [String], alsoUsed: Set<String> = [], setsAsOf: Bool = false) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out += unusedSegments(items, alsoUsed: alsoUsed)
        for i in items { out += impossibleConditions(i) }
        if !setsAsOf { out += asOfNotSet(items) }
        out += confusableNames(items, fields: fields)
        for i in items { out += tierWarnings(i) }
        return out
    }

    /// Names read by every statement after a definition, plus what outputs and asserts read.
    static func unusedSegments(_ items: [Item], alsoUsed: Set<String>) -> [Diagnostic] {
        var used = alsoUsed
        for i in items {
            switch i.checked.kind {
            case .show(_, let t, _, let order, let cols):
                used.formUnion(t.dependencies)
                for (e, _) in order { used.formUnion(e.dependencies) }
                for c in cols { used.formUnion(c.expr.dependencies) }
            case .count(_, .members(let e)), .count(_, .groups(let e, _, _)): used.formUnion(e.dependencies)
            case .export(_, let t, _, let cols):
                used.formUnion(t.dependencies)
                for c in cols { used.formUnion(c.expr.dependencies) }
            case .assert(let e, _, _, _), .expression(let e, _, _, _): used.formUnion(e.dependencies)
            case .summarize(let plan): used.formUnion(plan.dependencies)
            case .print(let figures): for f in figures { used.formUnion(f.expr.dependencies) }
            case .setAsOf, .let, .derive, .segment, .tiers: used.formUnion(i.checked.dependencies)
            case .overlap(_, let items): for c in items { used.formUnion(c.condition.dependencies) }
            }
        }
        return items.compactMap { i in
            guard case .segment(let name, _) = i.stmt.kind, !used.contains(name.text) else { return nil }
            return Diagnostic(.unusedSegment(name.text), file: i.file, span: name.span)
        }
    }

    /// The conditions a statement tests.
    static func conditions(_ c: CheckedStmt) -> [TypedExpr] {
        switch c.kind {
        case .segment(_, let e), .assert(let e, _, _, _): return [e]
        case .tiers(_, let arms): return arms.compactMap(\.condition)
        case .show(_, let t, _, _, _), .export(_, let t, _, _), .count(_, .members(let t)): return [t]
        case .overlap(_, let items): return items.map(\.condition)
        case .setAsOf, .let, .derive, .count(_, .groups), .expression, .print: return []
        case .summarize(let plan): return [plan.target]
        }
    }

    /// `x > 1 and x < 0`, `city == "a" and city == "b"`: tests of one field against constants, joined by
    /// `and` anywhere in a rule (inside `or`, aggregate filters, `if`), that no customer can pass.
    static func impossibleConditions(_ item: Item) -> [Diagnostic] {
        var exprs = conditions(item.checked)
        switch item.checked.kind {
        case .let(_, let e), .derive(_, let e), .expression(let e, _, _, _): exprs.append(e)
        case .print(let figures): exprs += figures.map(\.expr)
        case .summarize(let plan): exprs += plan.columns.map(\.expr)
        case .setAsOf, .segment, .tiers, .show, .count, .export, .assert, .overlap: break
        }
        var out: [Diagnostic] = []
        for e in exprs {
            for chain in Contradiction.andChains(e) {
                guard let field = Contradiction.impossibleField(chain.terms) else { continue }
                out.append(Diagnostic(.impossibleCondition(field: field), file: item.file, span: chain.span))
            }
        }
        return out
    }

    static func find(_ e: TypedExpr, _ pred: (TypedExpr) -> Bool) -> TypedExpr? {
        if pred(e) { return e }
        for c in e.children { if let hit = find(c, pred) { return hit } }
        return nil
    }

    /// Using `as_of` without `set as_of`: the results change with the day the rules run.
    static func asOfNotSet(_ items: [Item]) -> [Diagnostic] {
        if items.contains(where: { if case .setAsOf = $0.checked.kind { return true } else { return false } }) { return [] }
        for i in items {
            let exprs: [TypedExpr]
            switch i.checked.kind {
            case .let(_, let e), .derive(_, let e), .expression(let e, _, _, _): exprs = [e]
            case .print(let figures): exprs = figures.map(\.expr)
            case .summarize(let plan): exprs = conditions(i.checked) + plan.by.map(\.expr) + plan.columns.map(\.expr)
            case .setAsOf, .segment, .tiers, .show, .count, .export, .assert, .overlap: exprs = conditions(i.checked)
            }
            for e in exprs {
                if let use = find(e, { if case .scalar("as_of") = $0.kind { return true } else { return false } }) {
                    return [Diagnostic(.asOfNotSet, file: i.file, span: use.span)]
                }
            }
        }
        return []
    }

    /// A definition named like a function, or like a field but for letter case.
    static func confusableNames(_ items: [Item], fields: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let functions = Set(Checker.functionNames)
        for i in items {
            guard let name = i.stmt.kind.definedName else { continue }
            if functions.contains(name.text) {
                out.append(Diagnostic(.functionName(name.text), file: i.file, span: name.span))
            } else if let f = fields.first(where: { $0 != name.text && $0.lowercased() == name.text.lowercased() }) {
                out.append(Diagnostic(.caseConfusable(name.text, field: f), file: i.file, span: name.span))
            }
        }
        return out
    }
}
