/// The outline of a rule file: what it loads, defines and summarizes, in source order.
extension EditorWorkspace {
    /// The outline of a file: loads (tables), segments, tiers (with their labels), lets, derives and summaries.
    public func symbols(path: String) -> [EditorSymbol] {
        let p = EditorPaths.standardized(path)
        guard let text = text(of: p) else { return [] }
        let source = SourceFile(name: p, text: text)
        return Parser.parse(source).program.statements.compactMap { EditorWorkspace.symbol($0, in: source) }
    }

    /// The outline entry of one statement, if it has one.
    static func symbol(_ s: Stmt, in source: SourceFile) -> EditorSymbol? {
        switch s.kind {
        case .load(let t, let path, _, _, _):
            return EditorSymbol(name: t.text, kind: .table, detail: path.text, span: s.span, selectionSpan: t.span)
        case .segment(let n, let e):
            return EditorSymbol(name: n.text, kind: .segment, detail: "where " + source.slice(e.span), span: s.span, selectionSpan: n.span)
        case .tiers(let n, let arms):
            let labels = arms.map { a in
                EditorSymbol(name: a.label.text, kind: .tierLabel, detail: a.condition.map { "where " + source.slice($0.span) } ?? "otherwise",
                             span: a.span, selectionSpan: a.label.span)
            }
            return EditorSymbol(name: n.text, kind: .tier, detail: "\(arms.count) tiers", span: s.span, selectionSpan: n.span, children: labels)
        case .let(let n, let e):
            return EditorSymbol(name: n.text, kind: .letName, detail: source.slice(e.span), span: s.span, selectionSpan: n.span)
        case .derive(let n, let e):
            return EditorSymbol(name: n.text, kind: .derived, detail: source.slice(e.span), span: s.span, selectionSpan: n.span)
        case .summarize(let g):
            let by = g.by.map { source.slice($0.span) }.joined(separator: ", ")
            return EditorSymbol(name: "\(g.form.rawValue) \(source.slice(g.target.span)) by \(by)", kind: .summary, detail: nil,
                                span: s.span, selectionSpan: g.target.span)
        case .set, .show, .count, .export, .assert, .include, .schema, .expression, .print, .overlap:
            return nil
        }
    }
}
