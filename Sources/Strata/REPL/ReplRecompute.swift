import Foundation

/// What changes under a session's definitions: redefinitions undone when they fail, dependents
/// recomputed, new data loaded, a schema declared, and the session written back as a rule file.
extension ReplSession {
    /// Everything a redefinition can change, so a failed one can be undone.
    struct Snapshot {
        var table: Table
        var segments: [String: Bitset]
        var scalars: [String: Value]
        var compiler: Compiler
        var definitionList: [Definition]
        var options: RunOptions
    }

    func snapshot() -> Snapshot {
        Snapshot(table: runner.table, segments: runner.segments, scalars: runner.scalars, compiler: compiler,
                 definitionList: definitionList, options: options)
    }

    func restore(_ s: Snapshot) {
        runner.table = s.table
        runner.segments = s.segments
        runner.scalars = s.scalars
        runner.options = s.options
        compiler = s.compiler
        definitionList = s.definitionList
        options = s.options
    }

    /// Definitions that read `name`, directly or through others, in their current order.
    func dependentsOf(_ name: String) -> [Definition] {
        var affected: Set<String> = [name]
        var out: [Definition] = []
        for d in definitionList where d.name != name && !d.checked.dependencies.isDisjoint(with: affected) {
            if let n = d.name { affected.insert(n) }
            out.append(d)
        }
        return out
    }

    /// Re-checks and re-evaluates one definition; nil when it holds again, else why it failed (and
    /// then it is gone from the compiler and the store, so nothing later can read a stale value).
    func recomputeOne(_ d: Sourced) -> String? {
        guard let name = d.stmt.kind.definedName?.text else { return nil }
        runner.forget(name)
        definitionList.removeAll { $0.name == name }
        compiler.undefine(name)
        guard let c = compiler.compile(d.stmt, in: d.source) else {
            let why = compiler.takeDiagnostics().first?.message ?? DiagnosticMessage.noLongerChecks
            compiler.undefine(name)
            return why
        }
        _ = compiler.takeDiagnostics()
        var scratch = RunResult()
        guard runner.runOne(c.checked, into: &scratch) else {
            // Nothing was stored for it (a statement stores only after it evaluated); the name goes.
            compiler.undefine(name)
            return scratch.diagnostics.first?.message ?? DiagnosticMessage.noLongerEvaluates
        }
        record(c)
        return nil
    }

    /// After new data is loaded every definition is computed again on it. One that fails is set aside
    /// with a note, and comes back by itself when a later `.load` makes it hold again.
    func recomputeAll(_ result: inout RunResult) {
        // Once new data is in, every definition must be computed on it: a Ctrl-C here would leave the
        // rest set aside, so loading runs to the end.
        let cancellation = runner.options.cancellation
        runner.options.cancellation = nil
        defer { runner.options.cancellation = cancellation }
        let all = definitionList.map { Sourced(stmt: $0.stmt, source: $0.source) } + suspended
        suspended = []
        var redone = 0
        for d in all {
            if let why = recomputeOne(d) {
                suspended.append(d)
                result.outputs.append(.note(ReplText.setAside(["name": .text(d.stmt.kind.definedName?.text ?? ""), "why": .text(why)])))
            } else {
                redone += 1
            }
        }
        if redone > 0 { result.outputs.append(.note(ReplText.recomputedOnNewData(ReplText.counted(redone)))) }
    }

    /// Loads a table in place of the current one (a session's schema types forcing the parse; its
    /// notices into `result`); the error instead of throwing. What the load says about the cells goes into `result`.
    func load(name: String, path: String, encoding: TextEncoding?, at place: (file: String, span: SourceSpan)?, fromCommandLine: Bool,
              _ result: inout RunResult) -> Diagnostic? {
        do throws(LoadError) {
            var t = try DataBinding.load(table: name, path: path, parallel: options.parallel, encoding: encoding, declared: declared)
            if let d = declared {
                if let mismatch = DataBinding.verify(&t, against: d).first { return mismatch }
            }
            result.diagnostics += DataBinding.notices(t, path: path)
            runner.replaceTable(t)
            loadedFrom = (name, path, encoding)
            let schema = DataBinding.schema(of: t, declared: declared)
            compiler.use(schema, at: place)
            let cells = DataBinding.cellWarnings(t, path: path, in: schema)
            result.diagnostics += cells.warnings
            result.outputs += cells.notes.map { OutputItem.note($0) }
            return nil
        } catch {
            return DataBinding.diagnostic(error, at: place, root: place?.file ?? "<repl>",
                                          relativeTo: ReplSession.pathBase(file: place?.file ?? "<repl>", fromCommandLine: fromCommandLine))
        }
    }

    /// A `schema` typed in the session: the loaded data is verified against it and its `key` and `pii`
    /// flags take effect; before any data, its fields become known so rules can be written and checked.
    func declareSchema(_ s: Sourced, _ result: inout RunResult) {
        var errors: [Diagnostic] = []
        guard let d = SchemaDeclaration.all([s], &errors).first, errors.isEmpty else {
            result.fail(errors, exitCode: 1)
            return
        }
        if let t = table {
            var verified = t
            let mismatches = DataBinding.verify(&verified, against: d)
            guard mismatches.isEmpty else {
                result.fail(mismatches, exitCode: 1)
                return
            }
            declared = d
            runner.table = verified
            let schema = DataBinding.schema(of: verified, declared: d)
            compiler.use(schema, at: nil)
            // The declared types read text columns again: say which cells were not of them.
            var fresh = verified
            fresh.unreadCells = verified.unreadCells.filter { t.unreadCells[$0.key] == nil }
            result.diagnostics += DataBinding.cellWarnings(fresh, path: loadedFrom?.path ?? t.source, in: schema).warnings
            result.outputs.append(.note(ReplText.dataMatchesSchema(ReplText.counted(d.fields.count, ["table": .text(d.table)]))))
        } else {
            declared = d
            compiler.use(d.tableSchema, at: nil)
            result.outputs.append(.note(ReplText.schemaKnown(ReplText.counted(d.fields.count, ["table": .text(d.table)]))))
        }
    }

    /// The session's definitions as a rule file that `strata run` accepts; `dataPath` is how the file should name the data.
    public func ruleFileText(dataPath: String?) -> String {
        var lines = ["# Saved from a strata REPL session."]
        if let (name, path, encoding) = loadedFrom {
            let p = (dataPath ?? path).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("load \(name) from \"\(p)\"" + (encoding.map { " encoding \"\($0.rawValue)\"" } ?? ""))
        }
        // The date in force, however it came (`set as_of`, `--as-of`, or today's date when neither was given):
        // without it the saved file would take the day it is run on, and its numbers would drift from the session's.
        if case .date(let d)? = runner.scalars["as_of"] {
            lines.append("set as_of = \(CivilDate.format(d))")
        }
        for d in definitionList { lines.append(d.text) }
        let text = lines.joined(separator: "\n") + "\n"
        // In the canonical layout, so the saved file passes `strata fmt --check` in a rule repository.
        return Formatter.format(SourceFile(name: "saved.strata", text: text)).text ?? text
    }

    /// Sizes of each value of a field of the table (tiers in arm order), for `.segments`.
    func groupCounts(_ name: String, labels: [String]?) -> [CountRow] {
        runner.groupCounts(runner.table.column(named: name).map(Vector.init) ?? .scalar(.null), labels: labels)
    }
}
