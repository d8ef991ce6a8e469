/// The truth of one clause for one customer, in three-valued logic; `none` for a line that shows a value.
public enum WhyTruth: String, Sendable, Hashable {
    case yes = "true", no = "false", unknown
    /// A tier arm after the one that matched: never looked at.
    case notReached = "not reached"
    /// A value line (a derived field's formula, a constant): no truth of its own.
    case none = ""

    /// The truth as a person reads it: `true`/`false` as the language writes them, the others in words.
    public var word: String {
        switch self {
        case .yes, .no, .none: rawValue
        case .unknown: WhyText.unknown.message.text()
        case .notReached: WhyText.notReached.message.text()
        }
    }

    /// The truth of a condition's value: null is unknown.
    init(_ v: Value) {
        switch v {
        case .bool(true): self = .yes
        case .bool(false): self = .no
        default: self = .unknown
        }
    }
}

/// One line of a `why` explanation: a clause with its values, its truth, a note, and the clauses inside it.
public struct WhyNode: Sendable, Hashable {
    /// The clause with the customer's values in it (`clv = 1,850,000 ≥ 2,000,000`), or a value (`recency = 12`).
    public var text: String
    public var truth: WhyTruth
    /// Where a value comes from or how to read the line (`segment, expanded`, `derived: days_between(…)`),
    /// rendered in the output's language.
    public var note: Message?
    /// How a person reads `text` when it is Strata's own word (`all of`: 以下全部); nil: `text` as written.
    public var wording: Message?
    public var children: [WhyNode]

    /// A line with its clauses.
    public init(_ text: String, _ truth: WhyTruth, note: Message? = nil, wording: Message? = nil, children: [WhyNode] = []) {
        self.text = text
        self.truth = truth
        self.note = note
        self.wording = wording
        self.children = children
    }
}

/// Why one customer is or is not in a segment, or which tier they got: the customer, the name, the result
/// and a tree of the rule's clauses, each with the value the evaluator computed for that customer.
public struct WhyReport: Sendable, Hashable {
    /// The key field and the customer's key.
    public var keyField: String
    public var key: String
    /// The segment or tiers field explained.
    public var name: String
    /// True for a tiers field (`result` is the tier's label), false for a segment (`result` is true/false).
    public var isTiers: Bool
    public var result: String
    /// The segment's rule, or one line per tier arm.
    public var clauses: [WhyNode]
}

/// What `why` needs from the compiled rules: each definition's checked statement and source (for the
/// clauses' text), and which values are personal data. The pipeline and the REPL each build one.
struct WhyRules {
    /// The statement defining each name, and the source its spans point into.
    var definitions: [String: (kind: CheckedStmt.Kind, source: SourceFile)]
    /// The kind of personal data a value shows (nil: ordinary data), as output columns decide it.
    var personal: (TypedExpr) -> PII.Kind?

    init(_ statements: [CompiledStatement], personal: @escaping (TypedExpr) -> PII.Kind?) {
        var d: [String: (kind: CheckedStmt.Kind, source: SourceFile)] = [:]
        for s in statements { if let n = s.name { d[n] = (s.checked.kind, s.source) } }
        definitions = d
        self.personal = personal
    }
}

extension Runner {
    /// Explains `name` (a segment or tiers field) for the customer at `row` from the columns this runner
    /// computed: every value shown is one the evaluator produced, read at that row.
    func why(_ name: String, row: Int, key: (field: String, value: String), rules: WhyRules) throws(EvalError) -> WhyReport? {
        let x = WhyExplainer(ev: evaluator, row: row, rules: rules, reveal: options.revealPII)
        guard let def = rules.definitions[name] else { return nil }
        switch def.kind {
        case .segment(_, let e):
            let member = segments[name].map { row < $0.count && $0[row] } ?? false
            let clause = try x.clause(e, def.source, expand: true)
            return WhyReport(keyField: key.field, key: key.value, name: name, isTiers: false, result: member ? "true" : "false", clauses: [clause])
        case .tiers(_, let arms):
            var lines: [WhyNode] = []
            var matched: String?
            for arm in arms {
                let written = arm.label + (arm.condition.map { " where " + def.source.slice($0.span) } ?? " otherwise")
                guard matched == nil else {
                    lines.append(WhyNode(written, .notReached))
                    continue
                }
                guard let cond = arm.condition else {
                    matched = arm.label
                    lines.append(WhyNode(written, .yes, note: WhyText.tierOtherwise.message))
                    continue
                }
                var clause = try x.clause(cond, def.source, expand: true)
                let holds = clause.truth == .yes
                if holds { matched = arm.label }
                let note = holds ? WhyText.tierFirstThatHolds.message
                    : clause.truth == .unknown ? WhyText.tierUnknownIsNoMatch.message : WhyText.notThisTier.message
                // An arm's `a and b` lists its clauses right under the arm; anything else is one clause.
                clause = WhyNode(written, clause.truth, note: note,
                                 children: x.isAllOf(cond) ? clause.children : [clause])
                lines.append(clause)
            }
            let stored = table.column(named: name).map { Vector($0).value(at: row) } ?? .null
            let result = stored.isNull ? "(none)" : ValueFormat.text(stored)
            return WhyReport(keyField: key.field, key: key.value, name: name, isTiers: true, result: result, clauses: lines)
        case .setAsOf, .let, .derive, .show, .count, .export, .assert, .expression, .overlap, .summarize, .print:
            return nil
        }
    }

    /// The row of the customer whose key is `key` (its text as `ValueFormat` writes it); nil when none has it.
    func row(ofKey key: String, field: String) -> Int? {
        guard let c = table.column(named: field) else { return nil }
        let v = Vector(c)
        // A text key is found through its dictionary entry, without building each row's text.
        if case .string(let codes, let dict, let valid) = v {
            let wanted = Set(dict.indices.filter { dict[$0] == key }.map { Int32($0) })
            guard !wanted.isEmpty else { return nil }
            return codes.indices.first { valid[$0] && wanted.contains(codes[$0]) }
        }
        return (0..<rowCount).first { ValueFormat.text(v.value(at: $0)) == key }
    }

    /// Every key of the customer table as text, for suggesting the closest ones to a key not found.
    func keys(field: String) -> [String] {
        guard let c = table.column(named: field) else { return [] }
        let v = Vector(c)
        return (0..<rowCount).compactMap { let x = v.value(at: $0); return x.isNull ? nil : ValueFormat.text(x) }
    }
}

/// Walks a rule's checked expression for one customer: each node's value is the evaluator's column for
/// that node read at the customer's row, so `why` can never disagree with membership.
struct WhyExplainer {
    let ev: Evaluator
    let row: Int
    let rules: WhyRules
    let reveal: Bool

    /// The customer's value of `e`.
    func value(_ e: TypedExpr) throws(EvalError) -> Value {
        let v = try ev.eval(e)
        if case .scalar(let s) = v { return s }
        return row < ev.count ? v.value(at: row) : .null
    }

    /// The value as shown: masked when personal (unless revealed); integers with thousands separators.
    func shown(_ e: TypedExpr) throws(EvalError) -> String {
        var v = try value(e)
        if !reveal, let k = rules.personal(e) { v = PII.mask(v, kind: k) }
        return WhyExplainer.text(v)
    }

    static func text(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .string(let s): return "\"\(s)\""
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return ValueFormat.grouped(Int(d))
        default: return ValueFormat.display(v)
        }
    }

    /// An operand as shown in a clause: a literal as its value, anything else as `text = value`. A literal
    /// compared with personal data (`other`) is masked as that data is.
    func operand(_ e: TypedExpr, _ source: SourceFile, like other: TypedExpr? = nil) throws(EvalError) -> String {
        if case .constant(let v) = e.kind {
            if !reveal, let o = other, let k = rules.personal(o) { return WhyExplainer.text(PII.mask(v, kind: k)) }
            return try shown(e)
        }
        return source.slice(e.span) + " = " + (try shown(e))
    }

    /// Whether `e` is shown as an "all of" line (an `and` as written, not a `between`).
    func isAllOf(_ e: TypedExpr) -> Bool {
        guard case .and = e.kind else { return false }
        return !e.children.allSatisfy { $0.span == e.span }
    }

    /// A condition as a line with its truth; `expand`: a segment it names is shown with its own rule
    /// (one level, so a chain of segments does not unroll the whole file).
    func clause(_ e: TypedExpr, _ source: SourceFile, expand: Bool) throws(EvalError) -> WhyNode {
        let truth = WhyTruth(try value(e))
        switch e.kind {
        case .and, .or:
            var isAnd = false
            if case .and = e.kind { isAnd = true }
            var parts: [WhyNode] = []
            for p in flattened(e, and: isAnd) { parts.append(try clause(p, source, expand: expand)) }
            // `x between a and b` is checked as two comparisons at the same place: shown as written.
            let between = e.children.allSatisfy { $0.span == e.span }
            let text = between ? source.slice(e.span) : isAnd ? "all of" : "any of"
            let wording = between ? nil : isAnd ? WhyText.allOf.message : WhyText.anyOf.message
            return WhyNode(text, truth, wording: wording, children: parts)
        case .not(let x):
            return WhyNode("not", truth, wording: WhyText.not.message, children: [try clause(x, source, expand: expand)])
        case .compare(let op, let a, let b):
            // A literal compared with personal data is masked as that data is (`phone == "138…"` shows no number).
            let text = (try operand(a, source, like: b)) + " " + WhyExplainer.symbol(op) + " " + (try operand(b, source, like: a))
            return WhyNode(text, truth, children: try context(a, source) + context(b, source))
        case .segment(let name):
            guard expand, let def = rules.definitions[name], case .segment(_, let rule) = def.kind else {
                return WhyNode(name, truth, note: WhyText.segmentNotExpanded.message)
            }
            return WhyNode(name, truth, note: WhyText.segmentExpanded(["name": "\(name)", "rule": "\(def.source.slice(rule.span))"]),
                           children: [try clause(rule, def.source, expand: false)])
        case .column(let name):
            return WhyNode(name, truth, note: derivedNote(name), children: try formulaContext(name))
        case .scalar(let name):
            return WhyNode(name, truth, note: name == "as_of" ? WhyText.setting.message : WhyText.constant.message)
        case .isNull(let x, _), .inList(let x, _, _):
            return WhyNode(source.slice(e.span), truth, note: .verbatim(try operand(x, source)), children: try context(x, source))
        case .constant, .negate, .arith, .dateShift, .call, .aggregate, .ranking, .eventColumn, .eventAggregate:
            var values: [String] = []
            for c in e.children where !isConstant(c) { values.append(try operand(c, source)) }
            var ctx: [WhyNode] = []
            for c in e.children { ctx += try context(c, source) }
            return WhyNode(source.slice(e.span), truth, note: values.isEmpty ? nil : .verbatim(values.joined(separator: ", ")), children: ctx)
        }
    }

    func isConstant(_ e: TypedExpr) -> Bool {
        if case .constant = e.kind { return true }
        return false
    }

    /// The operands of a chain of the same operator, left to right (`a and b and c` is three clauses); a
    /// `between` inside it stays one clause.
    func flattened(_ e: TypedExpr, and: Bool) -> [TypedExpr] {
        var out: [TypedExpr] = []
        for c in e.children {
            var same = false
            switch c.kind {
            case .and: same = and
            case .or: same = !and
            default: break
            }
            if same, !c.children.allSatisfy({ $0.span == c.span }) { out += flattened(c, and: and) } else { out.append(c) }
        }
        return out
    }

    static func symbol(_ op: CompareOp) -> String {
        switch op {
        case .eq: return "=="
        case .ne: return "≠"
        case .lt: return "<"
        case .le: return "≤"
        case .gt: return ">"
        case .ge: return "≥"
        }
    }

    /// The lines that say where an operand's values come from: derived fields (value and formula), lets,
    /// and per-customer computations inside it (event aggregates, `ntile`, `abc`) with this customer's value.
    func context(_ e: TypedExpr, _ source: SourceFile, depth: Int = 0) throws(EvalError) -> [WhyNode] {
        guard depth < 8 else { return [] }
        switch e.kind {
        case .column(let name):
            guard case .derive? = rules.definitions[name]?.kind else { return [] }
            return [WhyNode(name + " = " + (try shown(e)), .none, note: derivedNote(name), children: try formulaContext(name))]
        case .scalar(let name):
            guard name != "as_of", let def = rules.definitions[name], case .let(_, let f) = def.kind else { return [] }
            return [WhyNode(name + " = " + (try shown(e)), .none, note: WhyText.constantRule(["rule": "\(def.source.slice(f.span))"]))]
        case .eventAggregate, .ranking, .aggregate:
            // Its value is what matters (the rows inside it are other customers' or events).
            return depth == 0 ? [] : [WhyNode(source.slice(e.span) + " = " + (try shown(e)), .none, note: computedNote(e))]
        default:
            var out: [WhyNode] = []
            for c in e.children { out += try context(c, source, depth: depth + 1) }
            return out
        }
    }

    func derivedNote(_ name: String) -> Message? {
        guard let def = rules.definitions[name], case .derive(_, let f) = def.kind else { return nil }
        return WhyText.derivedRule(["rule": "\(def.source.slice(f.span))"])
    }

    /// The computed values inside a derived field's formula (its event aggregates, ranks, other derived fields).
    func formulaContext(_ name: String) throws(EvalError) -> [WhyNode] {
        guard let def = rules.definitions[name], case .derive(_, let f) = def.kind else { return [] }
        switch f.kind {
        // The formula is the computation itself: the derived field's line already shows its value.
        case .eventAggregate, .ranking, .aggregate: return []
        default: return try context(f, def.source, depth: 1)
        }
    }

    func computedNote(_ e: TypedExpr) -> Message {
        switch e.kind {
        case .eventAggregate(let g): return WhyText.customersEvents(["table": "\(g.table)"])
        case .ranking(let r): return r.group == nil ? WhyText.rankAmongAll.message : WhyText.rankInGroup.message
        default: return WhyText.overAllCustomers.message
        }
    }
}
