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
                result.outputs.append(.note("loaded \(rowCount) customers from \(path)"))
                recomputeAll(&result)
            }
            return
        }
        let name = Session.definedName(stmt)
        let previous = name.flatMap { n in definitionList.first { $0.name == n } }
        let oldBinding = name.flatMap { checker.scope.lookup($0) }
        guard let c = checker.check(stmt) else {
            result.diagnostics += checker.takeDiagnostics()
            result.exitCode = 1
            return
        }
        result.diagnostics += checker.takeDiagnostics()
        if let n = name, let old = previous {
            let dependents = dependentsOf(n)
            if let loop = dependents.first(where: { c.dependencies.contains($0.name) }) {
                if let b = oldBinding { checker.restore(b) }
                result.diagnostics.append(Diagnostic(.error, "`\(n)` cannot use `\(loop.name)`: `\(loop.name)` depends on `\(n)`", file: source.name,
                                                     span: stmt.span, suggestion: "define it from other fields, or redefine `\(loop.name)` first"))
                result.exitCode = 1
                return
            }
            forget(old)
            definitionList.removeAll { $0.name == n || dependents.map(\.name).contains($0.name) }
            guard executeAndRecord(c, stmt, source, &result) else { return }
            let redone = recompute(dependents, &result)
            let what = noun(c)
            result.outputs.append(.note("replaced \(what) `\(n)`" + (redone.isEmpty ? "" : "; recomputed " + redone.map { "`\($0)`" }.joined(separator: ", "))))
            return
        }
        _ = executeAndRecord(c, stmt, source, &result)
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

    /// Re-checks and re-evaluates definitions in order; one that no longer checks is dropped with a note.
    @discardableResult
    func recompute(_ defs: [Definition], _ result: inout Result) -> [String] {
        var done: [String] = []
        for d in defs {
            forget(d)
            definitionList.removeAll { $0.name == d.name }
            checker.setSource(d.source)
            checker.undefine(d.name)
            guard let c = checker.check(d.stmt) else {
                let why = checker.takeDiagnostics().first.map { ": " + $0.message } ?? ""
                result.outputs.append(.note("dropped `\(d.name)`, which no longer checks\(why)"))
                continue
            }
            _ = checker.takeDiagnostics()
            do throws(EvalError) {
                try execute(c, &result)
                record(c, d.stmt, d.source)
                done.append(d.name)
            } catch {
                result.outputs.append(.note("dropped `\(d.name)`: \(error.message)"))
            }
        }
        return done
    }

    /// After new data is loaded every definition is computed again on it.
    func recomputeAll(_ result: inout Result) {
        let all = definitionList
        let redone = recompute(all, &result)
        if !redone.isEmpty { result.outputs.append(.note("recomputed \(redone.count) definition\(redone.count == 1 ? "" : "s") on the new data")) }
    }

    /// Loads a table in place of the current one; returns the error instead of throwing.
    public func replaceTable(name: String, path: String, span: SourceSpan?, file: String) -> Diagnostic? {
        do throws(LoadError) {
            let t = try TableLoader.load(path: path, tableName: name, parallel: options.parallel)
            if let old = table { for c in old.columns { checker.undefine(c.name) }; checker.undefine(old.name) }
            table = t
            loadedFrom = (name, path)
            checker.addTable(name: name, fields: t.columns.map { ($0.name, $0.type) }, at: span)
            return nil
        } catch {
            return Diagnostic(.error, error.description, file: file, span: span ?? .zero, suggestion: "check the path and that the file is a CSV, JSON or JSON Lines export")
        }
    }

    /// The session's definitions as a rule file that `strata run` accepts; `dataPath` is how the file should name the data.
    public func ruleFileText(dataPath: String?) -> String {
        var lines = ["# Saved from a strata REPL session."]
        if let (name, path) = loadedFrom {
            let p = (dataPath ?? path).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("load \(name) from \"\(p)\"")
        }
        if let a = asOfText { lines.append(a) }
        for d in definitionList { lines.append(d.text) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where the current data was loaded from, if anywhere.
    public var dataPath: String? { loadedFrom?.path }
}
