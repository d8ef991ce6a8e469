/// Completion at the cursor, decided by the tokens before it (a half-typed statement does not parse,
/// so the parse cannot say what may come next): statement keywords and snippets at the start of a
/// statement, names and functions where an operand goes, operators and clause keywords after one,
/// a table's fields after `visits.`, units after a number, a tiers field's labels after `tier ==`.
extension EditorWorkspace {
    /// The completions at a cursor position.
    public func completions(path: String, at: SourceLocation) -> [EditorCompletion] {
        let p = EditorPaths.standardized(path)
        let text = self.text(of: p) ?? ""
        let before = EditorText.prefix(text, upTo: SourceFile(name: p, text: text).offset(of: at))
        var tokens = Lexer(source: SourceFile(name: p, text: before)).tokenize().tokens.filter { $0.kind != .eof }
        // The word being typed is completed, not read as context.
        var typed = ""
        if let last = tokens.last, last.span.end.offset == before.utf8.count {
            switch last.kind {
            case .identifier, .keyword:
                typed = last.text
                tokens.removeLast()
            case .number, .string, .date, .symbol, .eof: break
            }
        }
        let a = analysis(p)
        let context = CompletionContext(tokens: tokens, cursorLine: at.line)
        return candidates(context, a).filter { typed.isEmpty || $0.label.lowercased().hasPrefix(typed.lowercased()) }
    }

    /// Every candidate for a context, before the typed word filters them.
    func candidates(_ c: CompletionContext, _ a: EditorAnalysis) -> [EditorCompletion] {
        let tables = a.compilation.program?.tables ?? cache.lastTables(a.path)
        if let keyword = c.statement, case .tiers = keyword, c.depth(of: .lbrace) > 0, c.atLineStart { return [] }
        guard let keyword = c.statement, !c.atStatementStart else { return EditorWorkspace.statementStarts }
        let s = Array(c.statementTokens)
        // `visits.` : that table's fields only.
        if case .symbol(.dot)? = c.previous?.kind {
            guard s.count >= 2, case .identifier(let t) = s[s.count - 2].kind, let table = tables.first(where: { $0.name == t }) else { return [] }
            return table.fields.map { EditorWorkspace.fieldItem($0, table: table) }
        }
        if case .number? = c.previous?.kind {
            return DurationUnit.words.map { EditorCompletion(label: $0, kind: .unit, detail: "duration unit") }
        }
        if let tier = c.comparedTier, let d = a.index.definitions[tier], case .tiers(_, let arms) = d.stmt.kind {
            return arms.map { EditorCompletion(label: "\"\($0.label.text)\"", kind: .tierLabel, detail: "label of \(tier)",
                                               documentation: $0.condition.map { "where " + d.file.source.slice($0.span) } ?? "otherwise") }
        }
        let afterKeyword = s.count
        switch keyword {
        case .load:
            if afterKeyword == 1 { return EditorWorkspace.keywords([.from]) }
            if afterKeyword >= 3, case .string? = c.previous?.kind {
                return ["linked by", "matched by", "key", "encoding"].map { EditorCompletion(label: $0, kind: .keyword) }
            }
            return []
        case .segment:
            // The new name, then `where`.
            if afterKeyword == 0 { return [] }
            if afterKeyword == 1 { return EditorWorkspace.keywords([.where]) }
        case .let, .derive:
            if afterKeyword <= 1 { return [] }
        case .tiers:
            if c.depth(of: .lbrace) == 0 { return [] }
            // An arm's label, then `where` or `otherwise`.
            if c.lineTokens.count == 1, case .identifier? = c.previous?.kind { return EditorWorkspace.keywords([.where, .otherwise]) }
        case .include:
            return []
        case .schema:
            if case .symbol(.colon)? = c.previous?.kind {
                return [ValueType.number, .string, .bool, .date].map { EditorCompletion(label: $0.name, kind: .keyword, detail: "type") }
            }
            return []
        case .set:
            if afterKeyword == 0 { return [EditorCompletion(label: "as_of", kind: .keyword, detail: "setting: date", documentation: "the reference date for date arithmetic")] }
        default:
            break
        }
        if c.expectsOperand {
            return names(a, tables) + EditorWorkspace.keywords([.not, .null, .true, .false])
        }
        if case .keyword(.order)? = c.previous?.kind { return EditorWorkspace.keywords([.by]) }
        if case .keyword(.is)? = c.previous?.kind { return EditorWorkspace.keywords([.null, .not]) }
        return EditorWorkspace.keywords([.and, .or, .not, .in, .between, .is] + c.clauseKeywords(keyword))
    }

    /// Fields, definitions, tables and functions: what may stand where an operand goes.
    func names(_ a: EditorAnalysis, _ tables: [TableSchema]) -> [EditorCompletion] {
        var out: [EditorCompletion] = []
        let customers = tables.first { $0.grain == .customers }
        for f in customers?.fields ?? [] { out.append(EditorWorkspace.fieldItem(f, table: customers)) }
        for t in tables where t.grain != .customers {
            let how: String
            switch t.grain {
            case .customers: how = "customers"
            case .linked(let by): how = "linked by \(by)"
            case .matched(let by): how = "matched by \(by)"
            }
            out.append(EditorCompletion(label: t.name, kind: .table, detail: "table, \(how)", insertText: EditorWorkspace.written(t.name)))
        }
        for d in a.index.definitions.values.sorted(by: { $0.name < $1.name }) {
            out.append(EditorCompletion(label: d.name, kind: d.completionKind, detail: d.described(in: a.compilation.program), documentation: d.file.source.slice(d.stmt.span),
                                        insertText: EditorWorkspace.written(d.name)))
        }
        for f in Checker.functionNames {
            let s = Checker.signature(of: f)
            out.append(EditorCompletion(label: f, kind: .function, detail: s?.signature, documentation: s?.summary))
        }
        return out
    }

    static func fieldItem(_ f: FieldSchema, table: TableSchema?) -> EditorCompletion {
        EditorCompletion(label: f.name, kind: .field, detail: "\(f.type.name) · \(table?.name ?? "customers")", insertText: written(f.name))
    }

    /// A name as the rules write it: bare, or in backticks when it needs them; nil when bare (the label is inserted).
    static func written(_ name: String) -> String? { Lexer.isBareName(name) ? nil : "`\(name)`" }

    static func keywords(_ ks: [Keyword]) -> [EditorCompletion] {
        ks.map { EditorCompletion(label: $0.rawValue, kind: .keyword, documentation: $0.help) }
    }

    /// At the start of a statement: its keywords and a snippet of each common statement.
    static let statementStarts: [EditorCompletion] = keywords(Keyword.allCases.filter { Keyword.statementStarts.contains($0) }) + [
        ("segment", "segment ${1:name} where ${2:condition}", "segment NAME where COND"),
        ("tiers", "tiers ${1:name} {\n  ${2:A} where ${3:condition}\n  ${4:B} otherwise\n}", "tiers NAME { LABEL where COND … LABEL otherwise }"),
        ("let", "let ${1:name} = ${2:value}", "let NAME = EXPR"),
        ("derive", "derive ${1:name} = ${2:expression}", "derive NAME = EXPR"),
        ("load", "load ${1:customers} from \"${2:data/customers.csv}\"", "load NAME from \"PATH\""),
        ("show", "show ${1:target} limit ${2:20}", "show TARGET limit N"),
        ("count", "count ${1:target}", "count TARGET"),
        ("summarize", "summarize ${1:target} by ${2:field}", "summarize TARGET by FIELD"),
        ("assert", "assert ${1:condition}, \"${2:message}\"", "assert COND, \"message\""),
        ("include", "include \"${1:common.strata}\"", "include \"PATH\""),
    ].map { EditorCompletion(label: $0.0, kind: .snippet, detail: $0.2, insertText: $0.1, isSnippet: true) }
}

/// Where the cursor stands among the tokens before it.
struct CompletionContext {
    /// The tokens before the cursor, without the word being typed.
    var tokens: [Token]
    var cursorLine: Int

    /// Where the current statement starts: the last statement keyword that begins its line.
    var statementStart: Int? {
        tokens.indices.last { i in
            guard case .keyword(let k) = tokens[i].kind, Keyword.statementStarts.contains(k) else { return false }
            return i == 0 || tokens[i - 1].span.end.line < tokens[i].span.start.line
        }
    }

    /// The current statement's keyword.
    var statement: Keyword? {
        guard let i = statementStart, case .keyword(let k) = tokens[i].kind else { return nil }
        return k
    }

    /// The statement's tokens after its keyword.
    var statementTokens: ArraySlice<Token> {
        guard let i = statementStart else { return tokens[...] }
        return tokens[(i + 1)...]
    }

    var previous: Token? { tokens.last }

    /// The tokens on the cursor's line.
    var lineTokens: [Token] { tokens.filter { $0.span.start.line == cursorLine } }

    var atLineStart: Bool { lineTokens.isEmpty }

    /// Nothing written yet on the line, and no bracket of the statement open: a new statement starts here.
    var atStatementStart: Bool {
        statementStart == nil || (atLineStart && depth(of: .lparen) <= 0 && depth(of: .lbracket) <= 0 && depth(of: .lbrace) <= 0
                                  && !expectsOperand)
    }

    /// How many of a bracket are open in the statement.
    func depth(of open: Symbol) -> Int {
        let close: Symbol = open == .lparen ? .rparen : open == .lbracket ? .rbracket : .rbrace
        return statementTokens.reduce(0) { n, t in
            if case .symbol(let s) = t.kind { return s == open ? n + 1 : s == close ? n - 1 : n }
            return n
        }
    }

    /// Whether an operand comes next (after an operator, `(`, `,`, `where`…), not an operator.
    var expectsOperand: Bool {
        guard let p = previous, statementStart != nil else { return false }
        switch p.kind {
        case .identifier, .number, .string, .date, .eof: return false
        case .symbol(let s):
            return s != .rparen && s != .rbracket && s != .rbrace
        case .keyword(let k):
            // Words that end an operand, or that a clause word must follow (`order` → `by`).
            return !CompletionContext.closingWords.contains(k)
        }
    }

    /// `grade ==`, `grade != `, `grade in [`…: the tiers field compared, if it is one.
    var comparedTier: String? {
        var i = tokens.count - 1
        // Inside `in [...]`: back to the `[`.
        while i >= 0, !isSymbol(tokens[i], [.lbracket, .eq, .ne]) {
            if !(isSymbol(tokens[i], [.comma]) || { if case .string = tokens[i].kind { return true } else { return false } }()) { return nil }
            i -= 1
        }
        guard i >= 1 else { return nil }
        var j = i - 1
        if isSymbol(tokens[i], [.lbracket]) {
            guard case .keyword(.in) = tokens[j].kind, j >= 1 else { return nil }
            j -= 1
            if case .keyword(.not) = tokens[j].kind, j >= 1 { j -= 1 }
        }
        if case .identifier(let n) = tokens[j].kind { return n }
        return nil
    }

    private func isSymbol(_ t: Token, _ ss: [Symbol]) -> Bool {
        if case .symbol(let s) = t.kind { return ss.contains(s) }
        return false
    }

    /// The clause keywords of a statement that may follow a complete operand.
    func clauseKeywords(_ k: Keyword) -> [Keyword] {
        if depth(of: .lparen) > 0 { return [.where, .by] }
        return CompletionContext.clauses[k] ?? []
    }

    /// Each statement's clause keywords (a statement not listed has none).
    static let clauses: [Keyword: [Keyword]] = [
        .show: [.limit, .order, .columns, .asc, .desc],
        .count: [.by],
        .summarize: [.by, .columns, .order, .limit],
        .export: [.to, .columns],
    ]

    /// Keywords after which no operand comes.
    static let closingWords: Set<Keyword> = [.null, .true, .false, .asc, .desc, .otherwise, .order]
}
