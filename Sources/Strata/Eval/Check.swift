extension Session {
    /// Parses and type-checks a rule file without evaluating it, adding warnings. The data (or a
    /// `schema` block in its place) supplies the fields. Warnings are reported next to errors: a CI
    /// annotation should not vanish because another line has a mistake.
    public func check(_ source: SourceFile) -> Result {
        var result = Result()
        var all: [Sourced] = [], checked: [(Sourced, CheckedStmt)] = []
        _ = prepare(source, bare: false, checkOnly: true, &result) { all = $0; checked = $1 }
        let items = checked.map { Lint.Item(stmt: $0.0.stmt, checked: $0.1, file: $0.0.source.name) }
        // A segment read only by a statement with errors is still used.
        var mentioned: Set<String> = []
        let ok = Set(checked.map { "\($0.0.source.name):\($0.0.stmt.span.start.offset)" })
        for s in all where !ok.contains("\(s.source.name):\(s.stmt.span.start.offset)") { mentioned.formUnion(s.stmt.mentionedNames) }
        let fields = table?.columns.map(\.name) ?? checker.scope.all.compactMap {
            if case .field = $0.kind { return $0.name } else { return nil }
        }
        let setsAsOf = all.contains { if case .set(let n, _) = $0.stmt.kind { return n.text == "as_of" } else { return false } }
        result.diagnostics += Lint.warnings(items, fields: fields, alsoUsed: mentioned, setsAsOf: setsAsOf)
        result.renderedDiagnostics = renderer.render(result.diagnostics)
        return result
    }
}
