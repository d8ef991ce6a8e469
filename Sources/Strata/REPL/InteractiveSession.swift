import Foundation

/// REPL semantics on top of the session: statements run one at a time, bare expressions print their
/// value, and redefining a name replaces it and recomputes everything that depends on it.
extension Session {
    /// Runs one REPL input (one or more statements). Later statements still run after one fails.
    public func interactive(_ source: SourceFile) -> Result {
        renderer.add(source)
        var result = Result()
        checker.allowRedefinition = true
        let (program, parseDiagnostics) = Parser.parse(source, allowBareExpressions: true)
        result.diagnostics += parseDiagnostics
        if parseDiagnostics.contains(where: { $0.severity == .error }) {
            result.exitCode = 1
        } else {
            checker.laterDefinitions = [:]
            for stmt in program.statements { step(stmt, source, &result) }
        }
        if result.failedAssertions > 0 { result.exitCode = 1 }
        result.renderedDiagnostics = renderer.render(result.diagnostics)
        return result
    }

    func step(_ stmt: Stmt, _ source: SourceFile, _ result: inout Result) {
        checker.setSource(source)
        if case .load(let t, let p) = stmt.kind {
            let path = options.dataOverrides[t.text] ?? p.text
            if let error = replaceTable(name: t.text, path: path, span: p.span, file: source.name) {
                result.diagnostics.append(error)
                result.exitCode = 3
            } else {
                result.outputs.append(.note("loaded \(ValueFormat.customers(rowCount)) from \(path)"))
                recomputeAll(&result)
            }
            return
        }
        let isSetAsOf: Bool
        if case .set(let setting, _) = stmt.kind, setting.text == "as_of" { isSetAsOf = true } else { isSetAsOf = false }
        // `set as_of` in a session is a redefinition of the setting: what reads `as_of` is recomputed.
        let name = Session.definedName(stmt) ?? (isSetAsOf ? "as_of" : nil)
        let previous = name.flatMap { n in definitionList.first { $0.name == n } }
        let dependents = name.map(dependentsOf) ?? []
        let replacing = previous != nil || (isSetAsOf && !dependents.isEmpty)
        // A redefinition takes effect whole or not at all: on any failure the session is put back as it was.
        let saved = snapshot()
        func refuse(_ message: String, _ span: SourceSpan, _ suggestion: String) {
            restore(saved)
            result.diagnostics.append(Diagnostic(.error, message, file: source.name, span: span, suggestion: suggestion))
            result.exitCode = 1
        }
        guard let c = checker.check(stmt) else {
            result.diagnostics += checker.takeDiagnostics()
            result.exitCode = 1
            if replacing { restore(saved) }
            return
        }
        result.diagnostics += checker.takeDiagnostics()
        // A `set as_of` typed in the session wins over a `--as-of` given when it started.
        if isSetAsOf { options.asOf = nil }
        guard replacing, let n = name else {
            _ = executeAndRecord(c, stmt, source, &result)
            return
        }
        if previous != nil, c.dependencies.contains(n) {
            return refuse("`\(n)` cannot use itself: the old `\(n)` is kept", stmt.span,
                          "give the new definition its own name (e.g. `\(n)_2`), or write its rule out in full")
        }
        if let loop = dependents.first(where: { c.dependencies.contains($0.name) }) {
            return refuse("`\(n)` cannot use `\(loop.name)`: `\(loop.name)` depends on `\(n)`", stmt.span,
                          "define it from other fields, or redefine `\(loop.name)` first")
        }
        if let old = previous { forget(old) }
        definitionList.removeAll { $0.name == n || dependents.map(\.name).contains($0.name) }
        // executeAndRecord has reported the error; undoing the session leaves the result as it is.
        guard executeAndRecord(c, stmt, source, &result) else { return restore(saved) }
        var redone: [String] = []
        for d in dependents {
            if let why = recomputeOne(d) {
                return refuse("`\(n)` was not replaced: `\(d.name)`, which depends on it, would fail: \(why)", stmt.span,
                              "redefine `\(d.name)` first, or choose a value it accepts")
            }
            redone.append(d.name)
        }
        let what = isSetAsOf ? "setting" : noun(c)
        result.outputs.append(.note("replaced \(what) `\(n)`" + (redone.isEmpty ? "" : "; recomputed " + redone.map { "`\($0)`" }.joined(separator: ", "))))
    }

    /// Everything a redefinition can change, so a failed one can be undone.
    struct Snapshot {
        var table: Table?
        var checker: Checker
        var segments: [String: Bitset]
        var scalars: [String: Value]
        var definitions: [String: TypedExpr]
        var definitionList: [Definition]
        var asOfText: String?
        var options: RunOptions
    }

    func snapshot() -> Snapshot {
        Snapshot(table: table, checker: checker, segments: segments, scalars: scalars, definitions: definitions,
                 definitionList: definitionList, asOfText: asOfText, options: options)
    }

    func restore(_ s: Snapshot) {
        table = s.table
        checker = s.checker
        segments = s.segments
        scalars = s.scalars
        definitions = s.definitions
        definitionList = s.definitionList
        asOfText = s.asOfText
        options = s.options
    }

    /// Evaluates a checked statement and remembers it; false (with the error reported) when it fails.
    func executeAndRecord(_ c: CheckedStmt, _ stmt: Stmt, _ source: SourceFile, _ result: inout Result) -> Bool {
        do throws(EvalError) {
            try execute(c, &result)
            record(c, stmt, source)
            return true
        } catch {
            result.diagnostics.append(Diagnostic(.error, error.message, file: source.name, span: error.span, suggestion: error.suggestion))
            result.exitCode = 1
            return false
        }
    }

    static func definedName(_ stmt: Stmt) -> String? {
        switch stmt.kind {
        case .let(let n, _), .derive(let n, _), .segment(let n, _), .tiers(let n, _): return n.text
        default: return nil
        }
    }

    func noun(_ c: CheckedStmt) -> String {
        switch c.kind {
        case .segment: return "segment"
        case .derive: return "derived field"
        case .tiers: return "tiers"
        default: return "constant"
        }
    }

    /// Definitions that read `name`, directly or through others, in their current order.
    func dependentsOf(_ name: String) -> [Definition] {
        var affected: Set<String> = [name]
        var out: [Definition] = []
        for d in definitionList where d.name != name && !d.checked.dependencies.isDisjoint(with: affected) {
            affected.insert(d.name)
            out.append(d)
        }
        return out
    }

    /// Drops what a definition put in the store.
    func forget(_ d: Definition) {
        segments[d.name] = nil
        scalars[d.name] = nil
        definitions[d.name] = nil
        switch d.checked.kind {
        case .derive, .tiers: table?.remove(named: d.name)
        default: break
        }
    }

    /// Re-checks and re-evaluates one definition; nil when it holds again, else why it failed (and
    /// then it is gone from the checker and the store, so nothing later can read a stale value).
    func recomputeOne(_ d: Definition) -> String? {
        forget(d)
        definitionList.removeAll { $0.name == d.name }
        checker.setSource(d.source)
        checker.undefine(d.name)
        var scratch = Result()
        guard let c = checker.check(d.stmt) else {
            let why = checker.takeDiagnostics().first?.message ?? "it no longer checks"
            checker.undefine(d.name)
            return why
        }
        _ = checker.takeDiagnostics()
        do throws(EvalError) {
            try execute(c, &scratch)
            record(c, d.stmt, d.source)
            return nil
        } catch {
            // Nothing was stored for it (a statement stores only after it evaluated); the name goes.
            checker.undefine(d.name)
            return error.message
        }
    }

    /// Re-checks and re-evaluates definitions in order (after new data is loaded). One that fails is
    /// set aside with a note, and comes back by itself when a later `.load` makes it hold again.
    @discardableResult
    func recompute(_ defs: [Definition], _ result: inout Result) -> [String] {
        var done: [String] = []
        for d in defs {
            if let why = recomputeOne(d) {
                suspended.append(d)
                result.outputs.append(.note("set aside `\(d.name)`: \(why) (it comes back when data it fits is loaded)"))
            } else {
                done.append(d.name)
            }
        }
        return done
    }

    /// After new data is loaded every definition is computed again on it.
    func recomputeAll(_ result: inout Result) {
        let all = definitionList + suspended
        suspended = []
        let redone = recompute(all, &result)
        if !redone.isEmpty { result.outputs.append(.note("recomputed \(redone.count) definition\(redone.count == 1 ? "" : "s") on the new data")) }
    }

    /// Loads a table in place of the current one; returns the error instead of throwing.
    public func replaceTable(name: String, path: String, span: SourceSpan?, file: String) -> Diagnostic? {
        do throws(LoadError) {
            let t = try TableLoader.load(path: path, tableName: name, parallel: options.parallel)
            if let old = table { for c in old.columns { checker.undefine(c.name) }; checker.undefine(old.name) }
            loadedFrom = (name, path)
            use(t, at: span)
            return nil
        } catch {
            return Diagnostic(.error, error.description, file: file, span: span ?? .zero, suggestion: error.advice)
        }
    }

    /// The session's definitions as a rule file that `strata run` accepts; `dataPath` is how the file should name the data.
    public func ruleFileText(dataPath: String?) -> String {
        var lines = ["# Saved from a strata REPL session."]
        if let (name, path) = loadedFrom {
            let p = (dataPath ?? path).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("load \(name) from \"\(p)\"")
        }
        // The date in force, however it was given (`set as_of` or `--as-of`), so the file reproduces the session.
        if asOfText != nil || options.asOf != nil, case .date(let d)? = scalars["as_of"] {
            lines.append("set as_of = \(CivilDate.format(d))")
        }
        for d in definitionList { lines.append(d.text) }
        let text = lines.joined(separator: "\n") + "\n"
        // In the canonical layout, so the saved file passes `strata fmt --check` in a rule repository.
        return Formatter.format(SourceFile(name: "saved.strata", text: text)).text ?? text
    }

    /// Where the current data was loaded from, if anywhere.
    public var dataPath: String? { loadedFrom?.path }
}
