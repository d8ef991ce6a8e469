import Foundation

/// One definition the session holds: its statement as written and as checked.
public struct Definition: Sendable {
    public var name: String
    public var stmt: Stmt
    public var checked: CheckedStmt
    public var source: SourceFile
    /// The statement's text as written.
    public var text: String { source.slice(stmt.span) }
}

/// The one façade over the pipeline: parse, load, check and evaluate rules, keeping the state
/// (data, definitions, segments) between inputs. `strata run`, the REPL and the tests all use it.
public final class Session {
    public var options: RunOptions
    public internal(set) var table: Table?
    var checker: Checker
    var segments: [String: Bitset] = [:]
    var scalars: [String: Value] = [:]
    /// Checked definitions by name, for `show`'s default columns and the REPL.
    var definitions: [String: TypedExpr] = [:]
    /// Definitions in the order they hold, for recomputing dependents, `.segments` and `.save`.
    public internal(set) var definitionList: [Definition] = []
    /// REPL definitions that stopped checking after a `.load`; tried again after the next one.
    var suspended: [Definition] = []
    /// The `load` and `set as_of` in force, as written, for `.save`.
    var loadedFrom: (name: String, path: String)?
    var asOfText: String?
    /// Fields a `schema` block marks `pii` or `key`.
    var declaredPII: Set<String> = []
    var declaredKey: String?
    var renderer = DiagnosticRenderer()
    /// The folder that relative paths in the rules are resolved against.
    public var baseDirectory: String = "."

    public init(options: RunOptions = RunOptions()) {
        self.options = options
        self.checker = Checker(source: SourceFile(name: "<none>", text: ""))
        scalars["as_of"] = .date(options.asOf ?? options.today)
    }

    /// What running a source produced: outputs in order, diagnostics, and the exit status it implies.
    public struct Result: Sendable {
        public var outputs: [OutputItem] = []
        public var diagnostics: [Diagnostic] = []
        /// 0 ok, 1 rule errors or failed assertions, 3 data could not be read.
        public var exitCode: Int32 = 0
        /// Rendered diagnostics (with source lines and carets), for stderr.
        public var renderedDiagnostics: String = ""
        public var failedAssertions = 0
        public var passedAssertions = 0
        /// Every assertion that ran, in order (for `strata test`).
        public var assertions: [AssertionOutcome] = []
        /// Wall time of each phase in milliseconds: reading the data, parsing and checking, evaluating.
        public var timings = Timings()
    }

    /// One assertion's result: where it is, what it says, whether it held and the values involved.
    public struct AssertionOutcome: Sendable {
        public var file: String
        public var span: SourceSpan
        public var text: String
        public var message: String?
        public var passed: Bool
        public var detail: String?
    }

    /// Phase times of one run, for `strata run --timings` and the benchmark.
    public struct Timings: Sendable {
        public var loadMs = 0.0
        public var checkMs = 0.0
        public var evalMs = 0.0
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func ms(since t: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds &- t) / 1e6 }

    /// Runs a whole rule file from disk.
    public func runFile(path: String) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            var r = Result()
            r.exitCode = 2
            r.renderedDiagnostics = "error: cannot read rules file `\(path)`: no such file or not readable\n"
            return r
        }
        let bytes = [UInt8](data)
        if let bad = TableLoader.firstInvalidUTF8(bytes) {
            // One message, not a flood of "unexpected character" errors from a file saved as GB18030.
            var r = Result()
            r.exitCode = 1
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            r.renderedDiagnostics = "\(path):\(line): error: the rules file is not UTF-8\n  = help: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)\n"
            return r
        }
        let text = String(decoding: bytes, as: UTF8.self)
        baseDirectory = (path as NSString).deletingLastPathComponent
        if baseDirectory.isEmpty { baseDirectory = "." }
        return run(SourceFile(name: path, text: text), summaryIfSilent: true)
    }

    /// Parses, checks and evaluates one source. A file is checked whole before anything runs.
    public func run(_ source: SourceFile, summaryIfSilent: Bool = false, bareExpressions: Bool = false) -> Result {
        renderer.add(source)
        var result = evaluate(source, summaryIfSilent: summaryIfSilent, bareExpressions: bareExpressions)
        result.renderedDiagnostics = renderer.render(result.diagnostics)
        return result
    }

    /// Parses (with includes), loads the data or applies the schema, and checks every statement.
    /// With `checkOnly` a `schema` block stands in for the data and nothing is evaluated. `checked` sees
    /// every statement and those that checked, also when others had errors (`strata check` lints them).
    func prepare(_ source: SourceFile, bare: Bool, checkOnly: Bool, _ result: inout Result,
                 checked report: ([Sourced], [(Sourced, CheckedStmt)], _ skippedMentions: Set<String>) -> Void = { _, _, _ in })
        -> [(Sourced, CheckedStmt)]? {
        var clock = Session.now()
        // `strata check` goes on around syntax errors to report the type errors of the other statements too.
        guard let (stmts, skipped) = expand(source, bare: bare, aroundSyntaxErrors: checkOnly, &result) else {
            result.exitCode = 1
            return nil
        }
        let errorsBefore = result.diagnostics.count { $0.severity == .error }
        let schema = declaredSchema(stmts, &result)
        if result.diagnostics.count(where: { $0.severity == .error }) > errorsBefore {
            result.exitCode = 1
            return nil
        }
        result.timings.checkMs = Session.ms(since: clock)
        clock = Session.now()
        if checkOnly, let (name, fields) = schema, table == nil {
            checker.addTable(name: name, fields: fields.map { ($0.name, $0.type) }, at: nil)
        } else {
            // Data first: the checker types every rule against the loaded schema.
            guard loadData(stmts, source, sample: checkOnly, &result) else { return nil }
            if let (_, fields) = schema, let t = table {
                guard verify(t, against: fields, &result) else {
                    result.exitCode = 3
                    return nil
                }
                checker.undeclaredFields = Session.undeclared(t, by: fields)
            }
        }
        if let (_, fields) = schema {
            declaredPII = Set(fields.filter(\.pii).map(\.name))
            declaredKey = fields.first(where: \.key)?.name
        }
        result.timings.loadMs = Session.ms(since: clock)
        clock = Session.now()
        checker.laterDefinitions = Session.definedNames(stmts)
        // A definition lost to a syntax error still exists: its uses are not each reported as unknown.
        for (u, file) in skipped {
            if let n = u.name { checker.defineFailed(n, file: file.name) }
        }
        var checked: [(Sourced, CheckedStmt)] = []
        for s in stmts {
            switch s.stmt.kind {
            case .load, .include, .schema: continue
            default: break
            }
            checker.setSource(s.source)
            if let c = checker.check(s.stmt) { checked.append((s, c)) }
        }
        result.diagnostics += checker.takeDiagnostics()
        report(stmts, checked, skipped.reduce(into: Set<String>()) { $0.formUnion($1.0.mentions) })
        result.timings.checkMs += Session.ms(since: clock)
        if result.diagnostics.contains(where: { $0.severity == .error }) {
            result.exitCode = 1
            return nil
        }
        return checked
    }

    func evaluate(_ source: SourceFile, summaryIfSilent: Bool, bareExpressions: Bool) -> Result {
        var result = Result()
        guard let checked = prepare(source, bare: bareExpressions, checkOnly: false, &result) else { return result }
        let clock = Session.now()
        let trace = ProcessInfo.processInfo.environment["STRATA_TRACE"] != nil
        var i = 0
        while i < checked.count {
            let batch = independentRun(checked, from: i)
            let t = Session.now()
            do throws(EvalError) {
                if batch.count > 1, options.parallel, rowCount >= 50_000 {
                    try executeInParallel(batch.map { checked[$0] })
                } else {
                    for k in batch { try execute(checked[k].1, &result) }
                }
                for k in batch { record(checked[k].1, checked[k].0.stmt, checked[k].0.source) }
            } catch {
                let c = checked[i].1
                result.diagnostics.append(Diagnostic(.error, error.message, file: c.file, span: error.span, suggestion: error.suggestion))
                result.exitCode = 1
                result.timings.evalMs = Session.ms(since: clock)
                return result
            }
            // STRATA_TRACE=1: per-statement (or per-batch) times on stderr, for profiling rule files.
            if trace {
                let what = batch.map { checked[$0].0.source.slice(checked[$0].0.stmt.span).prefix(40) }.joined(separator: " | ")
                FileHandle.standardError.write(Data(String(format: "%8.2f ms  %@\n", Session.ms(since: t), what).utf8))
            }
            i += batch.count
        }
        let hasOutput = checked.contains {
            switch $0.1.kind {
            case .show, .count, .export, .expression: return true
            default: return false
            }
        }
        if summaryIfSilent, !hasOutput { result.outputs.append(summary()) }
        if result.failedAssertions > 0 { result.exitCode = 1 }
        result.timings.evalMs = Session.ms(since: clock)
        return result
    }

    /// Remembers a definition (replacing one of the same name in place) and the `set as_of` text.
    func record(_ c: CheckedStmt, _ stmt: Stmt, _ source: SourceFile) {
        if case .setAsOf = c.kind { asOfText = source.slice(stmt.span) }
        guard let name = c.definedName else { return }
        let d = Definition(name: name, stmt: stmt, checked: c, source: source)
        if let i = definitionList.firstIndex(where: { $0.name == name }) {
            definitionList[i] = d
        } else {
            definitionList.append(d)
        }
    }

    /// The table's fields a schema leaves out, each with the line that would declare it.
    static func undeclared(_ t: Table, by fields: [DeclaredField]) -> [String: String] {
        let declared = Set(fields.map(\.name))
        guard let last = fields.last else { return [:] }
        var out: [String: String] = [:]
        for c in t.columns where !declared.contains(c.name) {
            let line = (Lexer.isBareName(c.name) ? c.name : "`\(c.name)`") + ": " + c.type.name
            out[c.name] = "declare it in the schema (\(last.file):\(last.span.start.line)): \(line)"
        }
        return out
    }

    /// Every name a program's statements define (and `as_of` if it is set), with its first definition's place.
    static func definedNames(_ stmts: [Sourced]) -> [String: (file: String, span: SourceSpan)] {
        var out: [String: (file: String, span: SourceSpan)] = [:]
        for s in stmts {
            switch s.stmt.kind {
            case .let(let n, _), .derive(let n, _), .segment(let n, _), .tiers(let n, _):
                if out[n.text] == nil { out[n.text] = (s.source.name, n.span) }
            case .set(let n, _) where n.text == "as_of":
                if out[n.text] == nil { out[n.text] = (s.source.name, n.span) }
            default: break
            }
        }
        return out
    }

    /// Loads the table a `load` statement (or a lone `--data`) names; false after a load error. With
    /// `sample` only the first rows are read, enough to learn the fields (`strata check`).
    func loadData(_ stmts: [Sourced], _ source: SourceFile, sample: Bool = false, _ result: inout Result) -> Bool {
        let loads = stmts.compactMap { s -> (Name, Name, SourceSpan, SourceFile)? in
            if case .load(let t, let p) = s.stmt.kind { return (t, p, s.stmt.span, s.source) }
            return nil
        }
        if loads.count > 1 {
            let s = loads[1].2
            result.diagnostics.append(Diagnostic(.error, "only one table can be loaded in this version", file: loads[1].3.name, span: s,
                                                 suggestion: "keep one `load` statement; use `--data \(loads[0].0.text)=PATH` to switch files"))
            result.exitCode = 1
            return false
        }
        var name: String, path: String, span: SourceSpan?
        var loadFile = source.name
        if let (t, _, _, src) = loads.first, let other = options.dataOverrides.keys.sorted().first(where: { $0 != t.text }) {
            // A `--data` that replaces nothing is a typo in the command, not something to ignore.
            result.diagnostics.append(Diagnostic(.error, "`--data \(other)=…` names no table: the rules load `\(t.text)`", file: src.name, span: t.span,
                                                 suggestion: "use `--data \(t.text)=PATH`"))
            result.exitCode = 2
            return false
        }
        if let (t, p, _, src) = loads.first {
            loadFile = src.name
            if table != nil, checker.tableName != nil, !checker.allowRedefinition {
                result.diagnostics.append(Diagnostic(.error, "data is already loaded", file: src.name, span: t.span,
                                                     suggestion: "remove this `load`"))
                result.exitCode = 1
                return false
            }
            name = t.text
            span = p.span
            if let override = options.dataOverrides[t.text] {
                path = override
            } else {
                let folder = Session.folder(of: src.name, fallback: baseDirectory)
                path = p.text.hasPrefix("/") ? p.text : (folder == "." ? p.text : folder + "/" + p.text)
            }
        } else if table == nil, options.dataOverrides.count == 1, let (n, p) = options.dataOverrides.first {
            name = n
            path = p
        } else {
            if table == nil, stmts.contains(where: { if case .expression = $0.stmt.kind { return false } else { return true } }) {
                result.diagnostics.append(Diagnostic(.error, "no data loaded", file: source.name, span: stmts.first?.stmt.span ?? .zero,
                                                     suggestion: "start the rules with `load customers from \"customers.csv\"` or pass `--data customers=PATH`"))
                result.exitCode = 1
                return false
            }
            return true
        }
        do throws(LoadError) {
            let t = try sample ? Session.loadSample(path: path, tableName: name) : TableLoader.load(path: path, tableName: name, parallel: options.parallel)
            loadedFrom = (name, path)
            checker.setSource(source)
            use(t, at: span)
            return true
        } catch {
            result.diagnostics.append(Diagnostic(.error, error.description, file: loadFile, span: span ?? .zero,
                                                 suggestion: error.advice))
            result.exitCode = 3
            return false
        }
    }

    /// Uses an already loaded table as the session's data (tests, embedding apps, the REPL's `.load`).
    public func attach(_ t: Table) { use(t, at: nil) }

    /// Makes `t` the session's data and tells the checker its fields, and why some are text.
    func use(_ t: Table, at span: SourceSpan?) {
        table = t
        checker.addTable(name: t.name, fields: t.columns.map { ($0.name, $0.type) }, at: span)
        checker.fieldNotes = t.typeNotes
    }

    var rowCount: Int { table?.rowCount ?? 0 }

    var evaluator: Evaluator {
        Evaluator(table: table ?? Table(name: "", columns: [], rowCount: 0, source: ""), segments: segments, scalars: scalars)
    }

    func share(_ n: Int) -> Double { rowCount == 0 ? 0 : Double(n) / Double(rowCount) }
}
