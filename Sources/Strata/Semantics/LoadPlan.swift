/// One table a program reads: its name, the file, how it relates to the customers, and where the rules
/// asked for it.
public struct PlannedTable: Sendable {
    public var name: String
    public var path: String
    /// nil for the customer table; `linked by`/`matched by` for the others.
    public var link: TableLink?
    /// The customer table's key field (`key FIELD`, else `id`).
    public var key: String
    /// The `load` statement's path, nil for a lone `--data`.
    public var place: (file: String, span: SourceSpan)?
    /// The `load` statement's table name, for messages about the table.
    public var nameSpan: SourceSpan?
    /// The path came from `--data` (relative to the current folder, not the rule file).
    public var fromCommandLine: Bool
    /// The encoding the `load` names (kept when `--data` replaces its path); nil detects it.
    public var encoding: TextEncoding? = nil

    /// The field that names each row's customer, for a linked or matched table.
    public var linkField: String? {
        switch link {
        case .linked(let by)?, .matched(let by)?: return by.text
        case nil: return nil
        }
    }
}

/// Which data a program reads, decided by its `load` statements and the command line's `--data`
/// before anything is read.
public enum LoadPlan: Sendable {
    /// The program reads no data (only bare expressions, in the REPL).
    case nothing
    /// The caller already holds the customer table (tests, an embedding app).
    case preloaded
    /// Read these tables, the customer table (if the program loads one) first.
    case files([PlannedTable])

    /// Why a plan cannot be made, with the exit code it implies (1 a rule error, 2 a usage error).
    public struct Refusal: Error, Sendable {
        public var diagnostic: Diagnostic
        public var exitCode: Int32
    }

    /// The plan for a program's statements. `overrides` are `--data NAME=PATH`; `preloaded` says the
    /// caller holds a table already; `baseDirectory` is where paths in REPL inputs are relative to.
    public static func make(_ statements: [Sourced], root: SourceFile, overrides: [String: String], preloaded: Bool,
                            baseDirectory: String) -> Result<LoadPlan, Refusal> {
        var tables: [PlannedTable] = []
        var seen: [String: SourceSpan] = [:]
        for s in statements {
            guard case .load(let t, let p, let link, let key, let encoding) = s.stmt.kind else { continue }
            if let first = seen[t.text] {
                return .failure(Refusal(diagnostic: Diagnostic(.tableLoadedTwice(t.text, firstLine: first.start.line), file: s.source.name, span: t.span),
                                        exitCode: 1))
            }
            seen[t.text] = t.span
            if link == nil, let customers = tables.first(where: { $0.link == nil }) {
                return .failure(Refusal(diagnostic: Diagnostic(.secondCustomerTable(first: customers.name), file: s.source.name, span: t.span),
                                        exitCode: 1))
            }
            if link != nil, let k = key {
                return .failure(Refusal(diagnostic: Diagnostic(.keyOnLinkedTable, file: s.source.name, span: k.span),
                                        exitCode: 1))
            }
            let path = overrides[t.text] ?? SourceSet.resolve(p.text, from: s.source.name, fallback: baseDirectory)
            tables.append(PlannedTable(name: t.text, path: path, link: link, key: key?.text ?? "id", place: (s.source.name, p.span),
                                       nameSpan: t.span, fromCommandLine: overrides[t.text] != nil,
                                       encoding: encoding.flatMap { TextEncoding(named: $0.text) }))
        }
        // A `--data` that replaces nothing is a typo in the command, not something to ignore.
        if let first = tables.first, let other = overrides.keys.sorted().first(where: { seen[$0] == nil }) {
            return .failure(Refusal(diagnostic: Diagnostic(.dataNamesNoTable(other, loaded: tables.map(\.name)),
                                                           file: first.place?.file ?? root.name, span: first.nameSpan ?? .zero),
                                    exitCode: 2))
        }
        if !tables.isEmpty {
            if preloaded {
                if let c = tables.first(where: { $0.link == nil }) {
                    return .failure(Refusal(diagnostic: Diagnostic(.dataAlreadyLoaded, file: c.place?.file ?? root.name, span: c.nameSpan ?? .zero), exitCode: 1))
                }
            }
            // The customer table first: the others are read against its keys.
            return .success(.files(tables.filter { $0.link == nil } + tables.filter { $0.link != nil }))
        }
        if preloaded { return .success(.preloaded) }
        if overrides.count == 1, let (name, path) = overrides.first {
            return .success(.files([PlannedTable(name: name, path: path, link: nil, key: "id", place: nil, nameSpan: nil, fromCommandLine: true)]))
        }
        let needsData = statements.contains { s in
            if case .expression = s.stmt.kind { return false }
            return true
        }
        guard needsData else { return .success(.nothing) }
        return .failure(Refusal(diagnostic: Diagnostic(.noDataLoaded, file: root.name, span: statements.first?.stmt.span ?? .zero), exitCode: 1))
    }
}
