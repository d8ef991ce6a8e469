import Foundation

/// One definition the session holds, as written and as compiled.
public typealias Definition = CompiledStatement

/// The REPL's program, compiled one input at a time through the same `Compiler` a rule file goes
/// through, and run by the same `Runner`: statements run in turn, a bare expression prints its value,
/// and redefining a name replaces it and recomputes everything that depends on it.
public final class ReplSession {
    public internal(set) var options: RunOptions
    var compiler: Compiler
    let runner: Runner
    /// Definitions in the order they hold, for recomputing dependents, `.segments` and `.save`.
    public internal(set) var definitionList: [Definition] = []
    /// Definitions waiting for data they fit, as written: ones that stopped checking after a `.load`, and a
    /// rule file's when its data did not load. Each load checks them again, in order.
    var suspended: [Sourced] = []
    /// The `load` in force (with the encoding it names), for `.save` (which writes the date in force from the store).
    var loadedFrom: (name: String, path: String, encoding: TextEncoding?)?
    /// A `schema` typed in the session: the data loaded next is verified against it.
    var declared: SchemaDeclaration?
    /// Linked and matched tables loaded in the session, read again against each new customer table.
    var sideTables: [(plan: PlannedTable, table: Table)] = []
    /// The rule file's `schema` blocks for those tables: their `pii` and `public` flags hold after a relink.
    var sideDeclared: [SchemaDeclaration] = []
    /// The customer table's key field (`key FIELD` on its `load`, else `id`).
    var customerKey = "id"
    var renderer = DiagnosticRenderer()
    /// The folder paths typed at the prompt are relative to: the working folder.
    public let baseDirectory: String

    /// `.maxrows`: the most rows a `show` typed at the prompt prints unless it has its own `limit`; 0 is no limit.
    /// A rule file the session opens prints as `strata run` would.
    public var maxRows = 40

    public init(options: RunOptions = RunOptions(), baseDirectory: String = ".") {
        self.options = options
        self.baseDirectory = baseDirectory
        compiler = Compiler(interactive: true, baseDirectory: baseDirectory)
        runner = Runner(table: nil, options: options, export: Exporter.writer)
    }

    /// The customer table, once data is loaded.
    public var table: Table? { loadedFrom == nil && runner.table.columns.isEmpty ? nil : runner.table }
    /// Segment memberships computed so far.
    public var segments: [String: Bitset] { runner.segments }
    /// Constants and settings computed so far.
    public var scalars: [String: Value] { runner.scalars }
    /// Every name the session knows, in definition order (for completion).
    public var scope: Scope { compiler.checker.scope }
    /// The linked event tables, by name, with the field that links their rows to customers.
    public var eventTables: [(name: String, by: String, table: Table)] {
        runner.linked.keys.sorted().compactMap { n in
            guard let l = runner.linked[n], case .linked(let by)? = compiler.checker.events.linked[n]?.grain else { return nil }
            return (n, by, l.table)
        }
    }

    /// The fields of a linked or matched table (for completion after `visits.`), nil for another name.
    public func fields(ofTable name: String) -> [String]? {
        let events = compiler.checker.events
        return (events.linked[name] ?? events.matched[name])?.fields.map(\.name)
    }

    /// Where the current data was loaded from, if anywhere.
    public var dataPath: String? { loadedFrom?.path }

    /// Opens the session on a rule file: its program runs as `strata run` would run it, and its
    /// definitions stay in the session.
    public func open(path: String) -> RunResult {
        let source: SourceFile
        switch RuleSource.read(path: path) {
        case .success(let s): source = s
        case .failure(let f): return Pipeline.unreadable(f)
        }
        var c = Pipeline(options: options).compile(source, forCheck: false)
        for s in c.program?.sources ?? [source] { renderer.add(s) }
        guard let program = c.program, var comp = c.compiler, c.result.exitCode == 0 else {
            // The rules did not compile, but the data did load: the session explores it (every column).
            if let t = c.table, let file = c.dataFile {
                runner.replaceTable(t)
                loadedFrom = (file.table, file.path, file.encoding)
                declared = c.declared.first { $0.table == c.table?.name }
                // Exploring, every column of the file may be used, declared or not (the interactive checker
                // does not hold a session to its schema's fields); `pii` and `key` still hold.
                compiler.use(DataBinding.schema(of: t, declared: c.declared.first { $0.table == t.name }), at: nil)
            }
            if c.table == nil, c.result.exitCode == 3 { keepUntilData(source, &c.result) }
            return c.rendered()
        }
        comp.becomeInteractive()
        compiler = comp
        if let t = c.table { runner.replaceTable(t) }
        runner.linked = c.linked
        sideTables = c.sides
        sideDeclared = c.declared.filter { d in c.sides.contains { $0.plan.name == d.table } }
        if !c.sides.isEmpty { customerKey = program.customers?.key ?? "id" }
        loadedFrom = c.dataFile.map { ($0.table, $0.path, $0.encoding) }
        declared = c.declared.first { $0.table == c.table?.name }
        runner.run(program, into: &c.result)
        for s in program.statements where s.name != nil { definitionList.append(s) }
        return c.rendered()
    }

    /// A rule file whose data did not load keeps its definitions: they wait, as the ones a `.load` breaks do,
    /// and the next load checks them against its table and computes those that fit. `set as_of` needs no
    /// data and holds at once (unless `--as-of` was given, which wins over the file as in `strata run`).
    func keepUntilData(_ source: SourceFile, _ result: inout RunResult) {
        let set = SourceSet.read(source, baseDirectory: SourceSet.folder(of: source.name, fallback: baseDirectory))
        for s in set.sources { renderer.add(s) }
        var kept = 0
        for s in set.statements {
            if s.stmt.kind.definedName != nil {
                suspended.append(s)
                kept += 1
            } else if s.stmt.kind.setting?.text == "as_of", options.asOf == nil {
                define(s, &result)
            }
        }
        guard kept > 0 else { return }
        result.outputs.append(.note(ReplText.keptUntilData(ReplText.counted(kept, ["file": .text(source.name)]))))
    }

    /// Uses an already loaded table as the session's data (tests, embedding apps).
    public func attach(_ t: Table) {
        runner.replaceTable(t)
        loadedFrom = nil
        compiler.use(DataBinding.schema(of: t, declared: nil), at: nil)
    }

    /// Runs one REPL input (one or more statements, `include`s expanded). Later statements still run after one fails.
    public func interactive(_ source: SourceFile) -> RunResult {
        var result = RunResult()
        let set = SourceSet.read(source, baseDirectory: baseDirectory, bareExpressions: true)
        for s in set.sources { renderer.add(s) }
        result.diagnostics += set.diagnostics
        if !set.usable || set.diagnostics.contains(where: { $0.severity == .error }) {
            result.exitCode = 1
        } else {
            compiler.expectDefinitions([:])
            runner.options.showLimit = maxRows > 0 ? maxRows : nil
            defer { runner.options.showLimit = nil }
            for s in set.statements {
                step(s, &result)
                // Ctrl-C stops the whole input, not only the statement it landed in.
                if result.cancelled { break }
            }
        }
        if result.failedAssertions > 0 { result.exitCode = 1 }
        // A cancellation is one line, said by the front end (`Repl`), not a message pointing into the input.
        result.renderedDiagnostics = renderer.render(result.diagnostics.filter { $0.code != .cancelled })
        return result
    }

    func step(_ s: Sourced, _ result: inout RunResult) {
        switch s.stmt.kind {
        case .load(let t, let p, let link, let key, let e):
            let path = options.dataOverrides[t.text] ?? SourceSet.resolve(p.text, from: s.source.name, fallback: baseDirectory)
            let encoding = e.flatMap { TextEncoding(named: $0.text) }
            if let link {
                let plan = PlannedTable(name: t.text, path: path, link: link, key: "id", place: (s.source.name, p.span), nameSpan: t.span,
                                        fromCommandLine: options.dataOverrides[t.text] != nil, encoding: encoding)
                if loadSideTable(plan, &result) { recomputeAll(&result) }
                return
            }
            if let error = load(name: t.text, path: path, encoding: encoding, at: (s.source.name, p.span),
                                fromCommandLine: options.dataOverrides[t.text] != nil, &result) {
                result.fail([error], exitCode: 3)
            } else {
                customerKey = key?.text ?? "id"
                result.outputs.append(.note(ReplText.loadedCustomers(ReplText.counted(runner.rowCount, ["path": .text(path)]))))
                if !sideTables.isEmpty { relinkSideTables(&result) }
                recomputeAll(&result)
            }
            return
        case .schema:
            declareSchema(s, &result)
            return
        case .include:
            return  // expanded by SourceSet before any statement runs
        case .set, .let, .derive, .segment, .tiers, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap:
            define(s, &result)
        }
    }

    /// Checks and runs a rule statement; a redefinition takes effect whole or not at all.
    func define(_ s: Sourced, _ result: inout RunResult) {
        let (stmt, source) = (s.stmt, s.source)
        let isSetAsOf = stmt.kind.setting?.text == "as_of"
        // `set as_of` in a session is a redefinition of the setting: what reads `as_of` is recomputed.
        let name = stmt.kind.definedName?.text ?? (isSetAsOf ? "as_of" : nil)
        let previous = name.flatMap { n in definitionList.first { $0.name == n } }
        let dependents = name.map(dependentsOf) ?? []
        let replacing = previous != nil || (isSetAsOf && !dependents.isEmpty)
        // On any failure the session is put back as it was.
        let saved = snapshot()
        func refuse(_ message: DiagnosticMessage) {
            restore(saved)
            result.fail([Diagnostic(message, file: source.name, span: stmt.span)], exitCode: 1)
        }
        guard let c = compiler.compile(stmt, in: source) else {
            result.fail(compiler.takeDiagnostics(), exitCode: 1)
            if replacing { restore(saved) }
            return
        }
        result.diagnostics += compiler.takeDiagnostics()
        // A `set as_of` typed in the session wins over a `--as-of` given when it started.
        if isSetAsOf {
            options.asOf = nil
            runner.options.asOf = nil
        }
        // Before any data (a `schema` made the fields known) a definition that reads fields is checked and
        // waits for the data; one that needs none (`let n = 3`) is computed at once.
        if table == nil, !replacing, c.name != nil {
            var scratch = RunResult()
            if runner.runOne(c.checked, into: &scratch) {
                result.outputs += scratch.outputs
                record(c)
            } else {
                suspended.removeAll { $0.stmt.kind.definedName?.text == c.name }
                suspended.append(Sourced(stmt: c.stmt, source: c.source))
                result.outputs.append(.note(ReplText.checkedUntilData(["name": .text(c.name ?? "")])))
            }
            return
        }
        guard replacing, let n = name else {
            // A definition that did not evaluate (cancelled, say) leaves no name behind in the compiler.
            if !executeAndRecord(c, &result) { restore(saved) }
            return
        }
        if previous != nil, c.checked.dependencies.contains(n) {
            return refuse(.redefinitionUsesItself(n))
        }
        if let loop = dependents.first(where: { c.checked.dependencies.contains($0.name ?? "") }) {
            return refuse(.redefinitionCycle(n, through: loop.name ?? ""))
        }
        if previous != nil { runner.forget(n) }
        let dependentNames = Set(dependents.compactMap(\.name))
        definitionList.removeAll { $0.name == n || dependentNames.contains($0.name ?? "") }
        // executeAndRecord has reported the error; undoing the session leaves the result as it is.
        guard executeAndRecord(c, &result) else { return restore(saved) }
        var redone: [String] = []
        for d in dependents {
            if let why = recomputeOne(Sourced(stmt: d.stmt, source: d.source)) {
                if runner.options.cancellation?.isRequested == true {
                    restore(saved)
                    return result.fail([Diagnostic(.cancelled, file: source.name, span: stmt.span)], exitCode: 1)
                }
                return refuse(.redefinitionBreaksDependent(n, dependent: d.name ?? "", why: why))
            }
            redone.append(d.name ?? "")
        }
        let what: Slot = .message(isSetAsOf ? ReplText.nounSetting.message : ReplText.noun(c.checked.kind))
        let replaced = redone.isEmpty ? ReplText.replaced(["what": what, "name": .text(n)])
            : ReplText.replacedRecomputed(["what": what, "name": .text(n), "names": .list(redone.map { "`\($0)`" })])
        result.outputs.append(.note(replaced))
    }

    /// Evaluates a compiled statement and remembers it; false (with the error reported) when it fails.
    func executeAndRecord(_ c: CompiledStatement, _ result: inout RunResult) -> Bool {
        guard runner.runOne(c.checked, into: &result) else { return false }
        record(c)
        return true
    }

    /// Remembers a definition, replacing one of the same name in place; one of that name still waiting for
    /// data is dropped (typed after it, this one is the newer).
    func record(_ c: CompiledStatement) {
        guard let name = c.name else { return }
        suspended.removeAll { $0.stmt.kind.definedName?.text == name }
        if let i = definitionList.firstIndex(where: { $0.name == name }) {
            definitionList[i] = c
        } else {
            definitionList.append(c)
        }
    }
}
