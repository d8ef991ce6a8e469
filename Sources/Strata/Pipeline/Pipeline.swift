import Foundation

/// The one façade over the pipeline — rule sources → `SourceSet` → (data → catalog) → `Program` →
/// `Runner` → results — that `run`, `check`, `test`, the REPL, and the tests all go through.
public struct Pipeline: Sendable {
    public var options: RunOptions
    /// A table the caller already holds (tests, an embedding app), used in place of a `load`.
    public var preloaded: Table?
    /// The folder that paths in sources without a file are relative to.
    public var baseDirectory = "."
    /// Texts that stand in for rule files, by canonical path (`SourceSet.canonical`): an editor's unsaved documents.
    public var overlays: [String: String] = [:]
    /// Tables already read, reused while their files are unchanged (the editor checks at every keystroke).
    public var tableCache: TableCache?

    public init(options: RunOptions = RunOptions(), preloaded: Table? = nil) {
        self.options = options
        self.preloaded = preloaded
    }

    /// What compiling produced: the program (when there was one to make), the data it was compiled
    /// against, and the diagnostics and exit code so far.
    public struct Compilation: Sendable {
        public var program: Program?
        /// The compiler after the program: the names it defined (the REPL goes on from here).
        public var compiler: Compiler?
        public var table: Table?
        /// The linked event tables, with each row's customer.
        public var linked: [String: LinkedTable] = [:]
        /// The linked and matched tables as read (the REPL links them again to a new customer table).
        var sides: [(plan: PlannedTable, table: Table)] = []
        /// The table read, the file it came from and the encoding its `load` names.
        public var dataFile: (table: String, path: String, encoding: TextEncoding?)?
        /// The tables the rules load and the files they come from (empty for a preloaded table).
        public var planned: [PlannedTable] = []
        /// The program's `schema` blocks, one declaration per table.
        public var declared: [SchemaDeclaration] = []
        public var result = RunResult()
        var renderer = DiagnosticRenderer()
    }

    /// Reads a rule file the one way every command does (UTF-8, BOM dropped, one message otherwise).
    public static func read(path: String) -> Result<SourceFile, RuleSource.Failure> { RuleSource.read(path: path) }

    /// The canonical layout of a source (`strata fmt`), or the syntax errors that prevent one.
    public static func format(_ source: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) { Formatter.format(source) }

    /// Reads, compiles and runs the rule file at `path`.
    public func run(path: String) -> RunResult {
        switch RuleSource.read(path: path) {
        case .success(let source): return run(source)
        case .failure(let f): return Pipeline.unreadable(f)
        }
    }

    /// Compiles and runs one source (a rule file's text); a file is checked whole before anything runs.
    public func run(_ source: SourceFile) -> RunResult { execute(source).result }

    /// Compiles and runs one source, handing back the runner too (its table and segments, for tests).
    public func execute(_ source: SourceFile) -> (runner: Runner?, result: RunResult) {
        let (_, runner, result) = evaluate(source)
        return (runner, result)
    }

    /// Compiles and runs one source, handing back the program and the runner with everything it computed.
    public func evaluate(_ source: SourceFile) -> (program: Program?, runner: Runner?, result: RunResult) {
        var c = projected(source) ?? compile(source, forCheck: false)
        guard let program = c.program, c.result.exitCode == 0 else { return (nil, nil, c.rendered()) }
        let runner = Runner(table: c.table, linked: c.linked, options: options, export: Exporter.writer)
        runner.run(program, into: &c.result)
        return (program, runner, c.rendered())
    }

    /// Reads and checks the rule file at `path` without evaluating it (`strata check`).
    public func check(path: String) -> RunResult {
        switch RuleSource.read(path: path) {
        case .success(let source): return check(source)
        case .failure(let f): return Pipeline.unreadable(f)
        }
    }

    /// Parses and type-checks a source without evaluating it, with the warnings of `strata check`. A
    /// `schema` block stands in for the data; without one the data is read, every row, for its fields —
    /// only the columns the rules use when that gives the same answer (`projected`), as `run` reads it.
    public func check(_ source: SourceFile) -> RunResult { checked(source).rendered() }

    /// What `check` reports, with the program and the data it was checked against (the editor's hover reads them).
    public func checked(_ source: SourceFile) -> Compilation {
        var c = projected(source, lint: true) ?? compile(source, forCheck: true)
        addTierDataWarnings(&c)
        return c
    }

    /// The shared front half: read the sources, make the catalog (from a schema or the data), compile.
    /// `forCheck` reads around syntax errors and adds warnings; the data, when read, is read whole as `run` reads it.
    public func compile(_ source: SourceFile, forCheck: Bool) -> Compilation {
        var c = Compilation()
        var clock = RunResult.now()
        let base = SourceSet.folder(of: source.name, fallback: baseDirectory)
        let set = SourceSet.read(source, baseDirectory: base, aroundSyntaxErrors: forCheck, overlays: overlays)
        for s in set.sources { c.renderer.add(s) }
        guard set.usable else {
            c.result.fail(set.diagnostics, exitCode: 1)
            return c
        }
        var declarationErrors: [Diagnostic] = []
        let declared = SchemaDeclaration.all(set.statements, &declarationErrors)
        c.declared = declared
        // The customer table's declaration: the one for the first `load` without a link, or the only one.
        let customerLoad = set.statements.lazy.compactMap { s -> String? in
            if case .load(let t, _, nil, _, _) = s.stmt.kind { return t.text } else { return nil }
        }.first
        let customerDeclared = declared.first { $0.table == customerLoad } ?? (customerLoad == nil && declared.count == 1 ? declared.first : nil)
        guard declarationErrors.isEmpty else {
            c.result.fail(set.diagnostics + declarationErrors, exitCode: 1)
            return c
        }
        c.result.timings.checkMs = RunResult.ms(since: clock)
        clock = RunResult.now()
        var catalog = Catalog()
        var loadedAt: (file: String, span: SourceSpan)?
        // A schema stands in for the data, unless data is named on the command line: `check --data` checks that data.
        if forCheck, preloaded == nil, options.dataOverrides.isEmpty, !declared.isEmpty,
           let tables = Pipeline.declaredCatalog(set.statements, declared) {
            catalog = tables
        } else {
            let plan: LoadPlan
            switch LoadPlan.make(set.statements, root: source, overrides: options.dataOverrides, preloaded: preloaded != nil, baseDirectory: base) {
            case .success(let p): plan = p
            case .failure(let refusal):
                c.result.fail(set.diagnostics + [refusal.diagnostic], exitCode: refusal.exitCode)
                return c
            }
            switch plan {
            case .nothing: break
            case .preloaded:
                if var t = preloaded {
                    if let d = customerDeclared {
                        let mismatches = DataBinding.verify(&t, against: d)
                        guard mismatches.isEmpty else {
                            c.result.fail(set.diagnostics + mismatches, exitCode: 3)
                            return c
                        }
                    }
                    c.table = t
                    let schema = DataBinding.schema(of: t, declared: customerDeclared)
                    catalog.tables = [schema]
                    c.result.diagnostics += DataBinding.cellWarnings(t, path: t.source, in: schema).warnings
                }
            case .files(let tables):
                c.planned = tables
                do throws(BoundTables.Failure) {
                    let bound = try BoundTables.bind(tables, preloaded: preloaded, declared: declared,
                                                     parallel: options.parallel, root: source.name, cache: tableCache)
                    c.table = bound.customers
                    c.linked = bound.linked
                    c.sides = bound.sides
                    c.dataFile = bound.customerFile
                    catalog = bound.catalog
                    loadedAt = tables.first { $0.link == nil }?.place
                    if options.strict, !bound.warnings.isEmpty {
                        c.result.fail(set.diagnostics + bound.warnings.map(\.asError), exitCode: 3)
                        return c
                    }
                    c.result.diagnostics += bound.warnings
                    c.result.outputs += bound.notes.map { OutputItem.note($0) }
                } catch {
                    c.result.fail(set.diagnostics + error.diagnostics, exitCode: error.exitCode)
                    return c
                }
            }
        }
        c.result.timings.loadMs = RunResult.ms(since: clock)
        clock = RunResult.now()
        var compiler = Compiler(baseDirectory: base)
        let program = compiler.compileProgram(set, catalog: catalog, loadedAt: loadedAt, lint: forCheck)
        c.compiler = compiler
        c.result.diagnostics += program.diagnostics
        if !program.isValid { c.result.exitCode = 1 }
        c.program = program
        c.result.timings.checkMs += RunResult.ms(since: clock)
        return c
    }

    /// The catalog the `schema` blocks describe, when they describe every table the program loads (a
    /// table without one needs its data read); each table's grain comes from its `load`.
    static func declaredCatalog(_ statements: [Sourced], _ declared: [SchemaDeclaration]) -> Catalog? {
        var catalog = Catalog()
        var loads: [(String, TableLink?)] = []
        for s in statements { if case .load(let t, _, let link, _, _) = s.stmt.kind { loads.append((t.text, link)) } }
        guard loads.allSatisfy({ l in declared.contains { $0.table == l.0 } }) else { return nil }
        for d in declared {
            catalog.tables.append(d.tableSchema.relating(by: loads.first(where: { $0.0 == d.table })?.1))
        }
        // The customer table first, as the compiler expects it.
        catalog.tables.sort { ($0.grain == .customers ? 0 : 1) < ($1.grain == .customers ? 0 : 1) }
        return catalog
    }

    /// A rule file that could not be read: the message, and exit 2 (missing) or 1 (not UTF-8).
    static func unreadable(_ failure: RuleSource.Failure) -> RunResult {
        var r = RunResult()
        let d = failure.diagnostic()
        switch failure {
        case .unreadable: r.fail([d], exitCode: 2)
        case .notUTF8: r.fail([d], exitCode: 1)
        }
        r.renderedDiagnostics = DiagnosticRenderer().render(r.diagnostics)
        return r
    }
}

extension Pipeline.Compilation {
    /// The result with its diagnostics rendered against the sources they point into.
    func rendered() -> RunResult {
        var r = result
        r.renderedDiagnostics = renderer.render(r.diagnostics)
        return r
    }
}
