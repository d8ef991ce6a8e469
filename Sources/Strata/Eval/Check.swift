extension Session {
    /// Parses and type-checks a rule file without evaluating it, adding warnings. The data (or a
    /// `schema` block in its place) supplies the fields. Warnings are reported next to errors: a CI
    /// annotation should not vanish because another line has a mistake.
    public func check(_ source: SourceFile) -> Result {
        var result = Result()
        var all: [Sourced] = [], checked: [(Sourced, CheckedStmt)] = []
        var mentioned: Set<String> = []
        _ = prepare(source, bare: false, checkOnly: true, &result) { all = $0; checked = $1; mentioned = $2 }
        let items = checked.map { Lint.Item(stmt: $0.0.stmt, checked: $0.1, file: $0.0.source.name) }
        // A segment read only by a statement with errors (or one skipped for a syntax error) is still used.
        let ok = Set(checked.map { "\($0.0.source.name):\($0.0.stmt.span.start.offset)" })
        for s in all where !ok.contains("\(s.source.name):\(s.stmt.span.start.offset)") { mentioned.formUnion(s.stmt.mentionedNames) }
        let fields = table?.columns.map(\.name) ?? checker.scope.all.compactMap {
            if case .field = $0.kind { return $0.name } else { return nil }
        }
        let setsAsOf = all.contains { if case .set(let n, _) = $0.stmt.kind { return n.text == "as_of" } else { return false } }
        result.diagnostics += Lint.warnings(items, fields: fields, alsoUsed: mentioned, setsAsOf: setsAsOf)
        result.diagnostics = Session.inSourceOrder(result.diagnostics)
        result.renderedDiagnostics = renderer.render(result.diagnostics)
        return result
    }

    /// Errors, then warnings, each top to bottom within a file (files in the order they first appear),
    /// each note kept behind the message it belongs to: syntax and type errors are found in separate passes.
    static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var units: [[Diagnostic]] = []
        for d in diagnostics {
            if d.severity == .note, !units.isEmpty { units[units.count - 1].append(d) } else { units.append([d]) }
        }
        var fileRank: [String: Int] = [:]
        for u in units where fileRank[u[0].file] == nil { fileRank[u[0].file] = fileRank.count }
        let sorted = units.enumerated().sorted {
            let (a, b) = ($0.element[0], $1.element[0])
            let (ra, rb) = (a.severity == .error ? 0 : 1, b.severity == .error ? 0 : 1)
            return (ra, fileRank[a.file] ?? 0, a.span.start.offset, $0.offset) < (rb, fileRank[b.file] ?? 0, b.span.start.offset, $1.offset)
        }
        return sorted.flatMap(\.element)
    }
}
