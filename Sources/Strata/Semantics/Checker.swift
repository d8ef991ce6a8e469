/// Type-checks statements against the data's schema and the names defined so far, producing
/// checked statements and diagnostics. Holds its scope between calls so the REPL can feed it
/// one input at a time.
public struct Checker: Sendable {
    public internal(set) var scope = Scope()
    public internal(set) var diagnostics: [Diagnostic] = []
    /// In the REPL a definition may replace an earlier one; in a file that is an error.
    public var allowRedefinition = false
    /// Why some text fields of the data are text (a cell that was not a number or date), for type errors.
    public var fieldNotes: [String: Message] = [:]
    /// Fields the data has but the rule file's `schema` does not declare, with how to declare each. A
    /// file that uses one would pass `strata run` yet fail `strata check` without the data, so (outside
    /// the REPL) using one is an error either way.
    public var undeclaredFields: [String: Message] = [:]
    /// The names of tables defined by `load`.
    public private(set) var tableName: String?
    var source: SourceFile
    /// Names the current program defines further down (with the file of their first definition), to tell
    /// "used before defined" from "unknown". `as_of` is listed when the program has a `set as_of`.
    public var laterDefinitions: [String: (file: String, span: SourceSpan)] = [:]
    /// Where the program's `set as_of` is, once checked: `as_of` read before it would silently be today,
    /// and a second one would silently win.
    public private(set) var asOfSetAt: (file: String, span: SourceSpan)?
    /// Inside an aggregate's argument, where another aggregate would be nested.
    var insideAggregate = false
    /// Linked and matched tables, and the event aggregate being checked, if any.
    public internal(set) var events = EventScope()
    static let scoringNames: Set<String> = ["ntile", "abc", "rank"]

    public init(source: SourceFile) {
        self.source = source
        scope.define(Binding(name: "as_of", kind: .setting(.date), file: nil, span: nil))
    }

    /// Switches to another source text (the next REPL input, or an included file) keeping the scope.
    public mutating func setSource(_ source: SourceFile) { self.source = source }

    /// Makes the fields of a loaded table known.
    public mutating func addTable(name: String, fields: [(String, ValueType)], at span: SourceSpan?) {
        tableName = name
        scope.define(Binding(name: name, kind: .table, file: source.name, span: span))
        for (n, t) in fields { scope.define(Binding(name: n, kind: .field(t), file: nil, span: nil)) }
    }

    /// Gives a field of the table a (new) type: an empty column takes the type its schema declares.
    public mutating func addField(_ name: String, _ type: ValueType) {
        scope.define(Binding(name: name, kind: .field(type), file: nil, span: nil))
    }

    /// Drops diagnostics gathered so far (the REPL shows them per input).
    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// Records a message about `span` in the current source; the checker goes on to find the next one.
    mutating func report(_ message: DiagnosticMessage, at span: SourceSpan) {
        diagnostics.append(Diagnostic(message, file: source.name, span: span))
    }

    /// The source text of a span, for messages.
    func text(_ span: SourceSpan) -> String { source.slice(span) }

    /// An expression as output labels show it: canonical, so `strata fmt` never changes what a run prints.
    func label(_ e: Expr) -> String { Formatter.canonical(e, in: source) }

    /// Checks one statement; nil when it has errors (they are in `diagnostics`).
    public mutating func check(_ stmt: Stmt) -> CheckedStmt? {
        let before = diagnostics.filter { $0.severity == .error }.count
        let kind = checkKind(stmt)
        let after = diagnostics.filter { $0.severity == .error }.count
        guard after == before, let k = kind else {
            // In a file the name still exists, so its later uses do not each report it again.
            if !allowRedefinition, let n = stmt.kind.definedName { defineFailed(n, file: source.name) }
            return nil
        }
        return CheckedStmt(kind: k, span: stmt.span, file: source.name)
    }

    private mutating func checkKind(_ stmt: Stmt) -> CheckedStmt.Kind? {
        switch stmt.kind {
        case .load, .include, .schema:
            // Data statements are acted on before checking (their role is `.data`); none reaches here.
            return nil
        case .set(let name, let e):
            guard name.text == "as_of" else {
                report(.unknownSetting(name.text, nearest: Suggest.nearest(name.text, in: ["as_of"])), at: name.span)
                return nil
            }
            if let prior = asOfSetAt, !allowRedefinition {
                report(.asOfSetTwice(first: prior), at: name.span)
                return nil
            }
            asOfSetAt = (source.name, name.span)
            guard let t = expr(e) else { return nil }
            guard expect(t, .date, .asOf, e.span) else { return nil }
            guard requireScalar(t, .setAsOf) else { return nil }
            return .setAsOf(t)
        case .let(let name, let e):
            guard let t = expr(e) else { return nil }
            guard requireScalar(t, .let(name.text)) else { return nil }
            guard t.type != .null else {
                report(.alwaysNull(name.text), at: e.span)
                return nil
            }
            guard define(name, .constant(t.type)) else { return nil }
            return .let(name.text, t)
        case .derive(let name, let e):
            guard let t = expr(e) else { return nil }
            guard t.type != .null, t.type != .duration else {
                report(.derivedType(t.type), at: e.span)
                return nil
            }
            guard define(name, .derived(t.type)) else { return nil }
            return .derive(name.text, t)
        case .segment(let name, let e):
            guard let t = expr(e), expect(t, .bool, .segmentCondition, e.span) else { return nil }
            guard define(name, .segment) else { return nil }
            return .segment(name.text, t)
        case .tiers(let name, let arms):
            return checkTiers(name, arms)
        case .show(let target, let limit, let orderBy, let columns):
            guard let t = checkTarget(target) else { return nil }
            var lim: RowLimit?
            if let l = limit {
                guard let n = limitCount(l.count) else { return nil }
                lim = RowLimit(count: n, per: nil)
                if let p = l.per {
                    guard let g = expr(p) else { return nil }
                    guard g.type != .duration else {
                        report(.rankingGroupType("limit … per", found: g.type, written: text(p.span)), at: p.span)
                        return nil
                    }
                    lim?.per = g
                }
            }
            var keys: [(TypedExpr, descending: Bool)] = []
            for k in orderBy {
                guard let te = expr(k.expr) else { return nil }
                guard te.type != .duration else {
                    report(.orderByDuration, at: k.expr.span)
                    return nil
                }
                keys.append((te, k.descending))
            }
            guard let cols = outputColumns(columns) else { return nil }
            return .show(label: label(target), target: t, limit: lim, orderBy: keys, columns: cols)
        case .count(let target):
            return checkCount(target)
        case .overlap(let items):
            return checkOverlap(items, at: stmt.span)
        case .export(let target, let path, let columns):
            guard let t = checkTarget(target), let cols = outputColumns(columns) else { return nil }
            let lower = path.text.lowercased()
            guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else {
                report(.exportFileType, at: path.span)
                return nil
            }
            return .export(label: label(target), target: t, path: path.text, columns: cols)
        case .assert(let e, let message):
            guard let t = expr(e), expect(t, .bool, .assertion, e.span) else { return nil }
            guard requireScalar(t, .assertion) else { return nil }
            return .assert(t, text: label(e), message: message, sides: assertSides(e))
        case .expression(let e):
            guard let t = expr(e) else { return nil }
            return .expression(t, text: label(e), personal: nil, columns: [])
        case .summarize(let g):
            return checkSummary(g)
        case .print(let figures):
            return checkPrint(figures)
        }
    }

    /// Declares a name whose definition was lost to a syntax error, so its uses are accepted silently.
    public mutating func defineFailed(_ name: Name, file: String) {
        if scope.lookup(name.text) == nil { scope.define(Binding(name: name.text, kind: .failed, file: file, span: name.span)) }
    }

    /// Defines a user name, refusing clashes with fields and (outside the REPL) earlier definitions.
    mutating func define(_ name: Name, _ kind: SymbolKind) -> Bool {
        if let old = scope.lookup(name.text) {
            let isDef = old.kind.isDefinition
            if !isDef || !allowRedefinition {
                let first = old.span.flatMap { s in old.file.map { (file: $0, span: s) } }
                report(isDef ? .alreadyDefined(name.text, first: first) : .nameInUse(name.text, by: old.kind.nounText, at: first), at: name.span)
                return false
            }
        }
        scope.define(Binding(name: name.text, kind: kind, file: source.name, span: name.span))
        return true
    }

    /// Puts back a binding that a rejected redefinition replaced.
    public mutating func restore(_ binding: Binding) { scope.define(binding) }

    /// Forgets a definition (the REPL re-checks what depended on it).
    public mutating func undefine(_ name: String) { scope.remove(name) }

    /// Whether `t` (the `part` written at `span`) is of `type`; reports it when not.
    mutating func expect(_ t: TypedExpr, _ type: ValueType, _ part: DiagnosticMessage.Part, _ span: SourceSpan) -> Bool {
        if t.type == type || t.type == .null { return true }
        report(.typeMismatch(part, expected: type, found: t.type, written: text(span)), at: span)
        return false
    }

    mutating func requireScalar(_ t: TypedExpr, _ statement: DiagnosticMessage.SingleValueStatement) -> Bool {
        guard t.rowLevel else { return true }
        report(.perCustomerValue(statement, written: text(t.span)), at: t.span)
        return false
    }

    /// The count of a `limit`: a non-negative whole-number constant.
    mutating func limitCount(_ e: Expr) -> Int? {
        guard let t = expr(e) else { return nil }
        if case .constant(.number(let v)) = t.kind, v >= 0, v == v.rounded(), v < 1e12 { return Int(v) }
        report(.limitNotWholeNumber(text(e.span)), at: e.span)
        return nil
    }

    mutating func checkTarget(_ e: Expr) -> TypedExpr? {
        guard let t = expr(e) else { return nil }
        guard t.type == .bool || t.type == .null else {
            var isTiers = false
            if case .tiers = kindOfName(e) { isTiers = true }
            report(.expectedCondition(found: t.type, written: text(e.span), isTiers: isTiers), at: e.span)
            return nil
        }
        return t
    }

    func kindOfName(_ e: Expr) -> SymbolKind? {
        if case .name(let n) = e.kind { return scope.lookup(n)?.kind }
        return nil
    }

    mutating func checkCount(_ target: Expr) -> CheckedStmt.Kind? {
        let label = label(target)
        guard let t = expr(target) else { return nil }
        switch t.type {
        case .bool, .null:
            return .count(label: label, .members(t))
        case .string:
            if case .tiers(let labels) = kindOfName(target) { return .count(label: label, .groups(t, labels: labels, personal: nil)) }
            guard t.rowLevel else { break }
            return .count(label: label, .groups(t, labels: nil, personal: nil))
        default:
            break
        }
        report(.invalidCountTarget(found: t.type, label: label), at: target.span)
        return nil
    }

    mutating func checkTiers(_ name: Name, _ arms: [TierArm]) -> CheckedStmt.Kind? {
        var out: [(label: String, condition: TypedExpr?)] = []
        var seen: Set<String> = []
        var ok = true
        for arm in arms {
            if !seen.insert(arm.label.text).inserted {
                report(.duplicateTier(arm.label.text, in: name.text), at: arm.label.span)
                ok = false
            }
            if let c = arm.condition {
                guard let t = expr(c), expect(t, .bool, .tierCondition, c.span) else { ok = false; continue }
                out.append((arm.label.text, t))
            } else {
                out.append((arm.label.text, nil))
            }
        }
        guard ok, define(name, .tiers(labels: out.map(\.label))) else { return nil }
        return .tiers(name.text, out)
    }

    mutating func outputColumns(_ columns: [Expr]) -> [OutputColumn]? {
        var out: [OutputColumn] = []
        for c in columns {
            guard let t = expr(c) else { return nil }
            guard t.type != .duration else {
                report(.durationColumn, at: c.span)
                return nil
            }
            // A plain field is headed by its own name (`last visit`), not by how it had to be written.
            if case .name(let n) = c.kind { out.append(OutputColumn(header: n, expr: t)) } else { out.append(OutputColumn(header: label(c), expr: t)) }
        }
        return out
    }
}
