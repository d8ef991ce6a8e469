/// The tier warnings of `strata check` decided on the rules alone: an arm that never matches because an
/// earlier arm always matches first, and a `tiers` without `otherwise` whose arms leave a range of one
/// field without a tier. Only what can be proved is reported: tests of fields against constants
/// (the interval reasoning of `Contradiction`) and terms written the same way in both arms.
extension Lint {
    /// Both tier warnings for one statement (nothing for other statements).
    static func tierWarnings(_ item: Item) -> [Diagnostic] {
        guard case .tiers(let name, let arms) = item.stmt.kind, case .tiers(_, let checked) = item.checked.kind,
              arms.count == checked.count else { return [] }
        var out: [Diagnostic] = []
        for j in arms.indices {
            guard let cj = checked[j].condition else { continue }
            var termsJ: [TypedExpr] = []
            Contradiction.flatten(cj, into: &termsJ)
            // An arm that can never be true is the impossible-condition warning's, not this one's.
            if Contradiction.impossibleField(termsJ) != nil { continue }
            for i in 0..<j {
                guard let ci = checked[i].condition, TierImplication.implies(termsJ, ci) else { continue }
                out.append(Diagnostic(.tierUnreachable(arms[j].label.text, earlier: arms[i].label.text, tiers: name.text),
                                      file: item.file, span: arms[j].span))
                break
            }
        }
        if !checked.contains(where: { $0.condition == nil }),
           let gap = TierImplication.uncovered(checked.compactMap(\.condition)) {
            out.append(Diagnostic(.tierGap(name.text, gap: gap), file: item.file, span: name.span))
        }
        return out
    }
}

/// Whether one tier condition implies another, and what the arms of a tiers leave uncovered.
enum TierImplication {
    /// Whether every customer passing all of `terms` (an `and` chain) passes `condition`.
    static func implies(_ terms: [TypedExpr], _ condition: TypedExpr) -> Bool {
        var needed: [TypedExpr] = []
        Contradiction.flatten(condition, into: &needed)
        return needed.allSatisfy { termImplied($0, by: terms) }
    }

    /// One term of the earlier arm: the same term written in the later arm, an `or` one of whose sides is
    /// implied, or a test of a field that the later arm's tests of that field narrow to within it.
    static func termImplied(_ t: TypedExpr, by terms: [TypedExpr]) -> Bool {
        if let s = shape(t), terms.contains(where: { shape($0) == s }) { return true }
        if case .or(let a, let b) = t.kind { return implies(terms, a) || implies(terms, b) }
        // A text range (`city > "m"`) is no interval the constraints track: nothing follows from it.
        if case .compare(let op, let a, let b) = t.kind, op != .eq, op != .ne,
           !(a.type == .number || a.type == .date || b.type == .number || b.type == .date) { return false }
        guard let (field, narrowT) = Contradiction.test(t) else { return false }
        var wanted = Contradiction.Constraint()
        narrowT(&wanted)
        var given = Contradiction.Constraint()
        var any = false
        for u in terms {
            guard let (f, narrow) = Contradiction.test(u), f == field else { continue }
            narrow(&given)
            any = true
        }
        return any && wanted.contains(given)
    }

    /// A text for an expression made of names, constants and operators, equal for equal expressions
    /// whatever their layout; nil for anything else (calls, aggregates), which then never match.
    static func shape(_ e: TypedExpr) -> String? {
        func list(_ xs: [TypedExpr]) -> String? {
            let parts = xs.compactMap(shape)
            return parts.count == xs.count ? parts.joined(separator: ",") : nil
        }
        switch e.kind {
        case .constant(let v): return "k:\(v)"
        case .column(let f): return "c:\(f)"
        case .segment(let s): return "s:\(s)"
        case .scalar(let s): return "v:\(s)"
        case .not(let x): return shape(x).map { "not(\($0))" }
        case .negate(let x): return shape(x).map { "neg(\($0))" }
        case .and(let a, let b): return list([a, b]).map { "and(\($0))" }
        case .or(let a, let b): return list([a, b]).map { "or(\($0))" }
        case .compare(let op, let a, let b): return list([a, b]).map { "\(op.rawValue)(\($0))" }
        case .arith(let op, let a, let b): return list([a, b]).map { "\(op.rawValue)(\($0))" }
        case .isNull(let x, let negated): return shape(x).map { "null\(negated)(\($0))" }
        case .inList(let x, let items, let negated): return list([x] + items).map { "in\(negated)(\($0))" }
        case .dateShift, .call, .aggregate, .ranking, .eventColumn, .eventAggregate: return nil
        }
    }

    /// When every arm tests only one and the same number or date field against constants (an `and` of
    /// such tests), the first range of its values no arm takes, in words (`clv < 0`); nil when the arms
    /// cover every value or are anything else.
    static func uncovered(_ conditions: [TypedExpr]) -> Message? {
        var field: String?
        var dates = false
        var ranges: [Contradiction.Constraint] = []
        for c in conditions {
            var terms: [TypedExpr] = []
            Contradiction.flatten(c, into: &terms)
            var k = Contradiction.Constraint()
            for t in terms {
                guard let (f, narrow) = Contradiction.test(t), field == nil || field == f else { return nil }
                guard case .compare(_, let a, let b) = t.kind, a.type == .number || a.type == .date else { return nil }
                dates = a.type == .date || b.type == .date
                field = f
                narrow(&k)
            }
            // Only ranges: a test of listed values leaves the gaps between them, which is no finding.
            guard k.allowed == nil, k.excluded.isEmpty else { return nil }
            if !k.isEmpty { ranges.append(k) }
        }
        guard let field, !ranges.isEmpty else { return nil }
        // Sweep from −∞: the point reached so far (and whether it is itself covered).
        var at = -Double.infinity, atCovered = false
        let sorted = ranges.sorted { ($0.low, $0.lowOpen ? 1 : 0) < ($1.low, $1.lowOpen ? 1 : 0) }
        for r in sorted {
            let reaches = r.low < at || (r.low == at && (!r.lowOpen || atCovered))
            guard reaches || (r.low == -.infinity) else {
                return describe(field, from: at, fromCovered: atCovered, to: r.low, toCovered: !r.lowOpen, dates: dates)
            }
            if r.high > at || (r.high == at && !r.highOpen) {
                at = r.high
                atCovered = !r.highOpen
            }
        }
        if at == .infinity { return nil }
        return describe(field, from: at, fromCovered: atCovered, to: .infinity, toCovered: false, dates: dates)
    }

    /// `clv < 0`, `clv >= 500`, `clv = 100`, `clv >= 100 and <= 200`: the values from `from` to `to`
    /// (each end excluded when covered).
    static func describe(_ f: String, from: Double, fromCovered: Bool, to: Double, toCovered: Bool, dates: Bool) -> Message {
        func v(_ d: Double) -> Slot { .text(dates ? CivilDate.format(Int32(clamping: Int64(d))) : ValueFormat.number(d)) }
        if from == -.infinity { return LintText.gapOneSide(["field": "\(f)", "op": toCovered ? "<" : "<=", "value": v(to)]) }
        if to == .infinity { return LintText.gapOneSide(["field": "\(f)", "op": fromCovered ? ">" : ">=", "value": v(from)]) }
        if from == to { return LintText.gapOneSide(["field": "\(f)", "op": "=", "value": v(from)]) }
        return LintText.gapBetween(["field": "\(f)", "op1": fromCovered ? ">" : ">=", "low": v(from), "op2": toCovered ? "<" : "<=", "high": v(to)])
    }
}

extension Contradiction.Constraint {
    /// Whether every value (or null) `other` allows, this allows too.
    func contains(_ other: Contradiction.Constraint) -> Bool {
        if other.isEmpty { return true }
        if null { return other.null }
        if notNull, !other.notNull { return false }
        if let mine = allowed {
            // A finite set holds a range only when the other is a finite set of its members.
            guard let theirs = other.allowed else { return false }
            return theirs.subtracting(other.excluded).allSatisfy { k in
                (k.position.map(other.inRange) ?? true) == false || (mine.contains(k) && !excluded.contains(k) && (k.position.map(inRange) ?? true))
            }
        }
        if let theirs = other.allowed {
            return theirs.subtracting(other.excluded).allSatisfy { k in
                guard k.position.map(other.inRange) ?? true else { return true }
                return !excluded.contains(k) && (k.position.map(inRange) ?? true)
            }
        }
        for e in excluded where !other.excluded.contains(e) && (e.position.map(other.inRange) ?? true) { return false }
        let lowOK = other.low > low || (other.low == low && (other.lowOpen || !lowOpen))
        let highOK = other.high < high || (other.high == high && (other.highOpen || !highOpen))
        return lowOK && highOK
    }
}
