/// Which data a program reads, decided by its `load` statements and the command line's `--data`
/// before anything is read: the table's name, the file, and where the rules asked for it.
public enum LoadPlan: Sendable {
    /// The program reads no data (only bare expressions, in the REPL).
    case nothing
    /// The caller already holds the table (tests, an embedding app).
    case preloaded
    /// Read the table `table` from `path`; `place` is the `load` statement's path, nil for a lone `--data`.
    case file(table: String, path: String, place: (file: String, span: SourceSpan)?)

    /// Why a plan cannot be made, with the exit code it implies (1 a rule error, 2 a usage error).
    public struct Refusal: Error, Sendable {
        public var diagnostic: Diagnostic
        public var exitCode: Int32
    }

    /// The plan for a program's statements. `overrides` are `--data NAME=PATH`; `preloaded` says the
    /// caller holds a table already; `baseDirectory` is where paths in REPL inputs are relative to.
    public static func make(_ statements: [Sourced], root: SourceFile, overrides: [String: String], preloaded: Bool,
                            baseDirectory: String) -> Result<LoadPlan, Refusal> {
        let loads = statements.compactMap { s -> (table: Name, path: Name, source: SourceFile)? in
            if case .load(let t, let p) = s.stmt.kind { return (t, p, s.source) }
            return nil
        }
        if loads.count > 1 {
            let second = loads[1]
            return .failure(Refusal(diagnostic: Diagnostic(.oneTableOnly(first: loads[0].table.text), file: second.source.name, span: second.table.span),
                                    exitCode: 1))
        }
        if let l = loads.first {
            // A `--data` that replaces nothing is a typo in the command, not something to ignore.
            if let other = overrides.keys.sorted().first(where: { $0 != l.table.text }) {
                return .failure(Refusal(diagnostic: Diagnostic(.dataNamesNoTable(other, loaded: l.table.text), file: l.source.name, span: l.table.span),
                                        exitCode: 2))
            }
            if preloaded {
                return .failure(Refusal(diagnostic: Diagnostic(.dataAlreadyLoaded, file: l.source.name, span: l.table.span), exitCode: 1))
            }
            let path = overrides[l.table.text] ?? SourceSet.resolve(l.path.text, from: l.source.name, fallback: baseDirectory)
            return .success(.file(table: l.table.text, path: path, place: (l.source.name, l.path.span)))
        }
        if preloaded { return .success(.preloaded) }
        if overrides.count == 1, let (name, path) = overrides.first { return .success(.file(table: name, path: path, place: nil)) }
        let needsData = statements.contains { s in
            if case .expression = s.stmt.kind { return false }
            return true
        }
        guard needsData else { return .success(.nothing) }
        return .failure(Refusal(diagnostic: Diagnostic(.noDataLoaded, file: root.name, span: statements.first?.stmt.span ?? .zero), exitCode: 1))
    }
}
