/// Compiles rule sources against a catalog into a `Program`, with no data and no evaluator in sight.
/// A whole file is compiled at once (`compile(_:catalog:)`); the REPL keeps one compiler and feeds it
/// statement by statement (`compile(_:in:)`), so both check with the same code.
public struct Compiler: Sendable {
    /// The type checker, holding the names defined so far.
    public private(set) var checker: Checker
    /// The checked expression of each `let`, `derive` and `segment` so far: what output columns and
    /// personal data are traced through.
    public private(set) var definitions: [String: TypedExpr] = [:]
    /// The customer table's schema, once one is in use.
    public private(set) var customers: TableSchema?
    /// The folder that paths in sources without a file (REPL inputs) are relative to.
    public var baseDirectory: String

    /// A compiler with nothing defined. `interactive`: a name may be redefined (the REPL).
    public init(interactive: Bool = false, baseDirectory: String = ".") {
        checker = Checker(source: SourceFile(name: "<none>", text: ""))
        checker.allowRedefinition = interactive
        self.baseDirectory = baseDirectory
    }

    /// Compiles a whole program. `lint` adds the warnings `strata check` gives.
    public static func compile(_ set: SourceSet, catalog: Catalog, loadedAt: (file: String, span: SourceSpan)? = nil,
                               baseDirectory: String = ".", lint: Bool = false) -> Program {
        var compiler = Compiler(baseDirectory: baseDirectory)
        return compiler.compileProgram(set, catalog: catalog, loadedAt: loadedAt, lint: lint)
    }

    /// Compiles a whole program with this compiler, which then holds its names (the REPL goes on from there).
    public mutating func compileProgram(_ set: SourceSet, catalog: Catalog, loadedAt: (file: String, span: SourceSpan)? = nil,
                                        lint: Bool = false) -> Program {
        var program = Program()
        program.sources = set.sources
        if let customers = catalog.customers { use(customers, at: loadedAt) }
        for t in catalog.tables where t.grain != .customers { checker.addTable(t) }
        checker.laterDefinitions = set.definedNames
        // A definition lost to a syntax error still exists: its uses are not each reported as unknown.
        for (u, file) in set.skipped {
            if let n = u.name { checker.defineFailed(n, file: file.name) }
        }
        for s in set.statements where s.stmt.kind.role.isChecked {
            if let c = compile(s.stmt, in: s.source) { program.statements.append(c) }
        }
        checker.laterDefinitions = [:]
        program.diagnostics = set.diagnostics + checker.takeDiagnostics()
        program.customers = customers
        program.tables = catalog.tables
        program.scope = checker.scope
        if lint { program.diagnostics += warnings(set, program.statements) + checker.events.hidingWarnings }
        program.diagnostics = Diagnostic.inSourceOrder(program.diagnostics)
        return program
    }

    /// Lets later statements redefine names (the REPL, after the rule file it opened with).
    public mutating func becomeInteractive() { checker.allowRedefinition = true }

    /// Makes a table's fields known (replacing the fields of the table used before, in the REPL).
    public mutating func use(_ table: TableSchema, at place: (file: String, span: SourceSpan)?) {
        if let old = customers {
            for f in old.fields where checker.scope.lookup(f.name).map({ !$0.kind.isDefinition }) ?? false { checker.undefine(f.name) }
            checker.undefine(old.name)
        }
        customers = table
        if let p = place { checker.setSource(SourceFile(name: p.file, text: "")) }
        checker.addTable(name: table.name, fields: table.fields.map { ($0.name, $0.type) }, at: place?.span)
        checker.fieldNotes = Dictionary(table.fields.compactMap { f in f.textBecause.map { (f.name, $0) } }, uniquingKeysWith: { a, _ in a })
        checker.undeclaredFields = table.undeclared
    }

    /// Makes a linked or matched table known (the REPL, as it loads one).
    public mutating func useSideTable(_ table: TableSchema) { checker.addTable(table) }

    /// Checks one statement and completes what the rules decide about its output; nil when it has
    /// errors (they wait in `takeDiagnostics()`).
    public mutating func compile(_ stmt: Stmt, in source: SourceFile) -> CompiledStatement? {
        checker.setSource(source)
        checker.events.singleValue = stmt.kind.wantsSingleValue
        guard let checked = checker.check(stmt) else { return nil }
        let planned = plan(checked, source: source)
        if let n = planned.definedName {
            switch planned.kind {
            case .let(_, let e), .derive(_, let e), .segment(_, let e): definitions[n] = e
            case .tiers: definitions[n] = nil
            case .setAsOf, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: break
            }
        }
        return CompiledStatement(stmt: stmt, source: source, checked: planned)
    }

    /// The diagnostics gathered since the last call.
    public mutating func takeDiagnostics() -> [Diagnostic] { checker.takeDiagnostics() }

    /// Forgets a definition (the REPL re-checks what depended on it).
    public mutating func undefine(_ name: String) {
        checker.undefine(name)
        definitions[name] = nil
    }

    /// Declares a name whose definition was lost, so its uses are accepted silently.
    public mutating func defineFailed(_ name: Name, file: String) { checker.defineFailed(name, file: file) }

    /// Names the program defines further down, to tell "used before defined" from "unknown" (none in the REPL).
    public mutating func expectDefinitions(_ names: [String: (file: String, span: SourceSpan)]) { checker.laterDefinitions = names }

    /// The warnings of `strata check`: unused segments, impossible conditions, `as_of` not set, confusable names.
    func warnings(_ set: SourceSet, _ compiled: [CompiledStatement]) -> [Diagnostic] {
        let items = compiled.map { Lint.Item(stmt: $0.stmt, checked: $0.checked, file: $0.source.name) }
        // A segment read only by a statement with errors (or one skipped for a syntax error) is still used.
        var mentioned = set.skipped.reduce(into: Set<String>()) { $0.formUnion($1.0.mentions) }
        let ok = Set(compiled.map { "\($0.source.name):\($0.stmt.span.start.offset)" })
        for s in set.statements where !ok.contains("\(s.source.name):\(s.stmt.span.start.offset)") { mentioned.formUnion(s.stmt.mentionedNames) }
        let fields = customers?.fields.map(\.name) ?? []
        let setsAsOf = set.statements.contains { $0.stmt.kind.setting?.text == "as_of" }
        return Lint.warnings(items, fields: fields, alsoUsed: mentioned, setsAsOf: setsAsOf)
    }
}
