import Foundation

/// Hover: what the name under the cursor is, its type and its definition; for a field of loaded data,
/// its null share and a few values (personal fields masked as every output masks them).
extension EditorWorkspace {
    /// What hovering at a position shows, if anything.
    public func hover(path: String, at: SourceLocation) -> EditorHover? {
        let p = EditorPaths.standardized(path)
        let a = analysis(p)
        guard let file = a.index.file(p) else { return nil }
        let offset = file.source.offset(of: at)
        if let o = a.index.occurrence(in: p, at: offset), let text = hoverText(o.target, a) {
            return EditorHover(markdown: text, span: o.span)
        }
        // Not in a statement that parsed: the token under the cursor, a keyword or a name of the data.
        let tokens = Lexer(source: file.source).tokenize().tokens
        guard let token = tokens.first(where: { $0.span.start.offset <= offset && offset <= $0.span.end.offset && $0.kind != .eof }) else { return nil }
        switch token.kind {
        case .keyword(let k): return EditorHover(markdown: "**\(k.rawValue)** — \(k.help)", span: token.span)
        case .identifier(let n):
            let customers = a.compilation.program?.customers?.name ?? "customers"
            for t: EditorTarget in [.definition(n), .field(table: customers, name: n), .function(n)] {
                if let text = hoverText(t, a) { return EditorHover(markdown: text, span: token.span) }
            }
            return nil
        case .number, .string, .date, .symbol, .eof: return nil
        }
    }

    /// The Markdown for a target, or nil when there is nothing to say (an unknown name).
    func hoverText(_ target: EditorTarget, _ a: EditorAnalysis) -> String? {
        let program = a.compilation.program
        switch target {
        case .definition(let n):
            guard let d = a.index.definitions[n] else { return nil }
            let kind = d.described(in: program)
            return "**\(kind)** `\(n)`\n\n" + EditorWorkspace.codeBlock(EditorWorkspace.formatted(d.file.source.slice(d.stmt.span)))
                + "\n\nDefined at \(place(d.file.path, d.nameSpan))"
        case .tierLabel(let tier, let label):
            guard let d = a.index.definitions[tier], case .tiers(_, let arms) = d.stmt.kind,
                  let arm = arms.first(where: { $0.label.text == label }) else { return nil }
            let rule = arm.condition.map { "where " + d.file.source.slice($0.span) } ?? "otherwise"
            return "**tier label** `\(label)` of `\(tier)`\n\n" + EditorWorkspace.codeBlock("\(label) \(rule)")
                + "\n\nDefined at \(place(d.file.path, arm.label.span))"
        case .field(let table, let name):
            guard let schema = program?.tables.first(where: { $0.name == table }), let field = schema.field(name) else { return nil }
            var text = "**field** `\(name)`: \(field.type.name) — table `\(table)`"
            if let column = dataColumn(table: table, field: name, a) {
                text += "\n\n" + EditorWorkspace.stats(column, kind: schema.personalKind(of: name))
            }
            return text
        case .table(let t):
            guard let schema = program?.tables.first(where: { $0.name == t }) else { return nil }
            let grain: String
            switch schema.grain {
            case .customers: grain = "the customers, one row each"
            case .linked(let by): grain = "linked by `\(by)`: many rows per customer"
            case .matched(let by): grain = "matched by `\(by)`: at most one row per customer"
            }
            let from = a.compilation.planned.first { $0.name == t }.map { " from `\($0.path)`" } ?? ""
            return "**table** `\(t)`\(from) — \(grain)\n\nfields: " + schema.fields.map { "`\($0.name)` \($0.type.name)" }.joined(separator: ", ")
        case .function(let f):
            guard let s = Checker.signature(of: f) else { return nil }
            return "**function** " + EditorWorkspace.codeBlock(s.signature) + "\n\n" + s.summary
        case .setting(let n):
            let written = a.index.files.lazy.flatMap(\.statements).compactMap { s -> String? in
                if case .set(let name, let e) = s.kind, name.text == n { return a.index.files.first { $0.statements.contains(s) }?.source.slice(e.span) }
                return nil
            }.first
            return "**setting** `\(n)`" + (written.map { " = \($0)" } ?? "")
        }
    }

    /// The column of loaded data holding a field (a matched table's fields are the customers' `table.field`).
    func dataColumn(table: String, field: String, _ a: EditorAnalysis) -> Column? {
        let c = a.compilation
        if table == c.program?.customers?.name { return c.table?.column(named: field) }
        if let l = c.linked[table] { return l.table.column(named: field) }
        return c.table?.column(named: table + "." + field)
    }

    /// The null share and up to three distinct values of a column, masked when the field is personal.
    static func stats(_ column: Column, kind: PII.Kind?) -> String {
        let n = column.count
        guard n > 0 else { return "no rows" }
        let share = Double(column.nullCount) / Double(n) * 100
        var examples: [String] = []
        var seen: Set<String> = []
        // The first rows are enough for examples; a column of few distinct values stops early too.
        for r in 0..<min(n, 10_000) where examples.count < 3 {
            let v = column.value(at: r)
            if case .null = v { continue }
            let shown = ValueFormat.text(kind.map { PII.mask(v, kind: $0) } ?? v)
            if seen.insert(shown).inserted { examples.append("`\(shown)`") }
        }
        let nulls = share == 0 ? "no nulls" : String(format: "%.1f%% null", share)
        return "\(n) rows, \(nulls)" + (examples.isEmpty ? "" : "; e.g. " + examples.joined(separator: ", "))
            + (kind == nil ? "" : " (personal data, masked)")
    }

    /// A statement in its canonical layout (`strata fmt`), or as written when it does not parse alone.
    static func formatted(_ statement: String) -> String {
        let text = Pipeline.format(SourceFile(name: "<hover>", text: statement)).text ?? statement
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func codeBlock(_ code: String) -> String { "```strata\n\(code)\n```" }
}
