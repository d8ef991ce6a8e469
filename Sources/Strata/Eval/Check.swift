extension Session {
    /// Parses and type-checks a rule file without evaluating it, adding warnings. The data (or a
    /// `schema` block in its place) supplies the fields.
    public func check(_ source: SourceFile) -> Result {
        var result = Result()
        if let checked = prepare(source, bare: false, checkOnly: true, &result) {
            let items = checked.map { Lint.Item(stmt: $0.0.stmt, checked: $0.1, file: $0.0.source.name) }
            result.diagnostics += Lint.warnings(items, fields: table?.columns.map(\.name) ?? checker.scope.all.compactMap {
                if case .field = $0.kind { return $0.name } else { return nil }
            })
        }
        result.renderedDiagnostics = renderer.render(result.diagnostics)
        return result
    }
}
