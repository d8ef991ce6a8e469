/// Type-checks statements against the data's schema and the names defined so far, producing
/// checked statements and diagnostics. Holds its scope between calls so the REPL can feed it
/// one input at a time.
public struct Checker: Sendable {
    public internal(set) var scope = Scope()
    public internal(set) var diagnostics: [Diagnostic] = []
    /// In the REPL a definition may replace an earlier one; in a file that is an error.
    public var allowRedefinition = false
    /// Why some text fields of the data are text (a cell that was not a number or date), for type errors.
    public var fieldNotes: [String: String] = [:]
    /// Fields the data has but the rule file's `schema` does not declare, with how to declare each. A
    /// file that uses one would pass `strata run` yet fail `strata check` without the data, so (outside
    /// the REPL) using one is an error either way.
    public var undeclaredFields: [String: String] = [:]
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
    static let scoringNames: Set<String> = ["ntile", "abc"]

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

    mutating func error(_ message: String, _ span: SourceSpan, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, file: source.name, span: span, suggestion: suggestion))
    }

    mutating func warning(_ message: String, _ span: SourceSpan, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, file: source.name, span: span, suggestion: suggestion))
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
                error("unknown setting `\(name.text)`", name.span, suggestion: Suggest.nearest(name.text, in: ["as_of"]).map { "did you mean `\($0)`?" } ?? "the only setting is `as_of`")
                return nil
            }
            if let prior = asOfSetAt, !allowRedefinition {
                error("`as_of` is already set at \(prior.file):\(prior.span.start.line):\(prior.span.start.column)", name.span,
                      suggestion: "keep one `set as_of`; a second one would silently override the first")
                return nil
            }
            asOfSetAt = (source.name, name.span)
            guard let t = expr(e) else { return nil }
            guard expect(t, .date, what: "`as_of`", e.span) else { return nil }
            guard requireScalar(t, what: "`set as_of`", suggestion: "use a date such as 2026-06-30") else { return nil }
            return .setAsOf(t)
        case .let(let name, let e):
            guard let t = expr(e) else { return nil }
            guard requireScalar(t, what: "`let`", suggestion: "use `derive \(name.text) = …` for a per-customer field, or an aggregate such as avg(…)") else { return nil }
            guard t.type != .null else {
                error("`\(name.text)` would always be null", e.span, suggestion: "give it a value of a definite type")
                return nil
            }
            guard define(name, .constant(t.type)) else { return nil }
            return .let(name.text, t)
        case .derive(let name, let e):
            guard let t = expr(e) else { return nil }
            guard t.type != .null, t.type != .duration else {
                error("a derived field cannot be of type \(t.type.name)", e.span, suggestion: "derive a number, string, bool or date")
                return nil
            }
            guard define(name, .derived(t.type)) else { return nil }
            return .derive(name.text, t)
        case .segment(let name, let e):
            guard let t = expr(e), expect(t, .bool, what: "a segment's condition", e.span) else { return nil }
            guard define(name, .segment) else { return nil }
            return .segment(name.text, t)
        case .tiers(let name, let arms):
            return checkTiers(name, arms)
        case .show(let target, let limit, let orderBy, let columns):
            guard let t = checkTarget(target) else { return nil }
            var lim: Int?
            if let l = limit {
                guard let n = constantCount(l, what: "`limit`") else { return nil }
                lim = n
            }
            var keys: [(TypedExpr, descending: Bool)] = []
            for k in orderBy {
                guard let te = expr(k.expr) else { return nil }
                guard te.type != .duration else {
                    error("cannot order by a duration", k.expr.span, suggestion: "order by a field")
                    return nil
                }
                keys.append((te, k.descending))
            }
            guard let cols = outputColumns(columns) else { return nil }
            return .show(label: label(target), target: t, limit: lim, orderBy: keys, columns: cols)
        case .count(let target):
            return checkCount(target)
        case .export(let target, let path, let columns):
            guard let t = checkTarget(target), let cols = outputColumns(columns) else { return nil }
            let lower = path.text.lowercased()
            guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else {
                error("export writes .csv or .json files", path.span, suggestion: "end the file name with .csv or .json")
                return nil
            }
            return .export(label: label(target), target: t, path: path.text, columns: cols)
        case .assert(let e, let message):
            guard let t = expr(e), expect(t, .bool, what: "`assert`", e.span) else { return nil }
            guard requireScalar(t, what: "`assert`", suggestion: "assert on an aggregate, e.g. `assert count(vip) > 0`") else { return nil }
            return .assert(t, text: label(e), message: message, sides: assertSides(e))
        case .expression(let e):
            guard let t = expr(e) else { return nil }
            return .expression(t, text: label(e), personal: nil, columns: [])
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
                var where_ = ""
                if let s = old.span, let f = old.file { where_ = " at \(f):\(s.start.line):\(s.start.column)" }
                let what = isDef ? "already defined\(where_)" : "already a \(old.kind.noun)\(where_)"
                error("`\(name.text)` is \(what)", name.span, suggestion: "choose another name, e.g. `\(name.text)_2`")
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

    mutating func expect(_ t: TypedExpr, _ type: ValueType, what: String, _ span: SourceSpan) -> Bool {
        if t.type == type || t.type == .null { return true }
        var hint = "write a \(type.name) expression"
        if type == .bool, t.type == .number { hint = "compare it, e.g. `\(text(span)) > 0`" }
        error("\(what) must be a \(type.name), found \(t.type.name) `\(text(span))`", span, suggestion: hint)
        return false
    }

    mutating func requireScalar(_ t: TypedExpr, what: String, suggestion: String) -> Bool {
        guard t.rowLevel else { return true }
        error("\(what) needs a single value, but `\(text(t.span))` differs per customer", t.span, suggestion: suggestion)
        return false
    }

    /// A non-negative whole-number constant (for `limit`).
    mutating func constantCount(_ e: Expr, what: String) -> Int? {
        guard let t = expr(e) else { return nil }
        if case .constant(.number(let v)) = t.kind, v >= 0, v == v.rounded(), v < 1e12 { return Int(v) }
        error("\(what) needs a whole number written out, found `\(text(e.span))`", e.span, suggestion: "e.g. `limit 20`")
        return nil
    }

    mutating func checkTarget(_ e: Expr) -> TypedExpr? {
        guard let t = expr(e) else { return nil }
        guard t.type == .bool || t.type == .null else {
            var hint = "use a segment or a condition such as `clv > 1e6`"
            if case .tiers = kindOfName(e) { hint = "to pick one tier write `\(text(e.span)) == \"…\"`; `count \(text(e.span))` gives every tier's size" }
            error("expected a segment or condition, found \(t.type.name) `\(text(e.span))`", e.span, suggestion: hint)
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
        error("`count` needs a segment, a condition or a text field, found \(t.type.name) `\(label)`", target.span,
              suggestion: "e.g. `count vip`, `count clv > 1e6` or `count city`")
        return nil
    }

    mutating func checkTiers(_ name: Name, _ arms: [TierArm]) -> CheckedStmt.Kind? {
        var out: [(label: String, condition: TypedExpr?)] = []
        var seen: Set<String> = []
        var ok = true
        for arm in arms {
            if !seen.insert(arm.label.text).inserted {
                error("tier `\(arm.label.text)` appears twice in `\(name.text)`", arm.label.span, suggestion: "give each tier its own label")
                ok = false
            }
            if let c = arm.condition {
                guard let t = expr(c), expect(t, .bool, what: "a tier's condition", c.span) else { ok = false; continue }
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
                error("cannot show a duration as a column", c.span, suggestion: "show a field or a date")
                return nil
            }
            // A plain field is headed by its own name (`last visit`), not by how it had to be written.
            if case .name(let n) = c.kind { out.append(OutputColumn(header: n, expr: t)) } else { out.append(OutputColumn(header: label(c), expr: t)) }
        }
        return out
    }
}
