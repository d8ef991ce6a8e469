/// Recursive-descent parser from source text to a `ParsedFile`, reporting every syntax error it can recover from.
public enum Parser {
    /// Parses a rule file (or, with `allowBareExpressions`, a REPL input that may hold bare expressions).
    public static func parse(_ source: SourceFile, allowBareExpressions: Bool = false) -> (program: ParsedFile, diagnostics: [Diagnostic]) {
        let lexed = Lexer(source: source).tokenize()
        var state = ParserState(tokens: lexed.tokens, source: source, repl: allowBareExpressions)
        let statements = state.parseProgram()
        // Lexical and syntactic messages are interleaved by position so they read top to bottom.
        let all = (lexed.diagnostics + state.diagnostics).enumerated().sorted {
            ($0.element.span.start.offset, $0.offset) < ($1.element.span.start.offset, $1.offset)
        }.map(\.element)
        return (ParsedFile(statements: statements, comments: lexed.comments, source: source, unparsed: state.unparsed), all)
    }
}

/// A syntax error that abandons the current statement; the parser then resynchronises.
struct SyntaxError: Error {
    var diagnostic: Diagnostic
}

struct ParserState {
    let tokens: [Token]
    let source: SourceFile
    let repl: Bool
    var pos = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// The statements skipped after a syntax error.
    var unparsed: [UnparsedStatement] = []
    /// Brackets opened and not yet closed, innermost last, so a missing closer can point at its opener.
    var openers: [(token: Token, close: Symbol)] = []

    /// Deep enough for any real rule, shallow enough that recursion cannot exhaust a thread's stack.
    static let maxDepth = 64
    /// Binary operators in one expression: a chain of them is as deep as it is long in the (left-nested)
    /// tree that later passes recurse over. Longer lists of values belong in `in [...]`.
    static let maxChain = 2000
    var chain = 0

    init(tokens: [Token], source: SourceFile, repl: Bool) {
        var toks = tokens
        if toks.last?.kind != .eof {
            let end = toks.last?.span.end ?? SourceSpan.zero.end
            toks.append(Token(.eof, SourceSpan(start: end, end: end), ""))
        }
        self.tokens = toks
        self.source = source
        self.repl = repl
    }

    // MARK: - Token access

    var current: Token { peek(0) }

    func peek(_ k: Int) -> Token { token(at: pos + k) }

    /// The token at index `j`, or the final end-of-input token past either end.
    func token(at j: Int) -> Token {
        if j >= 0, j < tokens.count { return tokens[j] }
        return tokens[tokens.count - 1]
    }

    var atEnd: Bool { current.kind == .eof }

    /// End of the last consumed token: where a node that just finished ends.
    var lastEnd: SourceLocation { pos > 0 ? peek(-1).span.end : current.span.start }

    @discardableResult
    mutating func advance() -> Token {
        let t = current
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func isSymbol(_ s: Symbol) -> Bool { current.kind == .symbol(s) }
    func isKeyword(_ k: Keyword) -> Bool { current.kind == .keyword(k) }

    mutating func eat(_ s: Symbol) -> Token? { isSymbol(s) ? advance() : nil }
    mutating func eat(_ k: Keyword) -> Token? { isKeyword(k) ? advance() : nil }

    /// True when the current token is the first on its line (or follows `;`): a safe place to restart.
    var startsFreshStatement: Bool {
        guard pos > 0 else { return true }
        let prev = peek(-1)
        return prev.kind == .symbol(.semicolon) || prev.span.end.line < current.span.start.line
    }

    var atStatementKeyword: Bool {
        if case .keyword(let k) = current.kind { return Keyword.statementStarts.contains(k) }
        return false
    }

    // MARK: - Diagnostics

    /// A message placed at `span` in the source being parsed.
    func diagnostic(_ message: DiagnosticMessage, at span: SourceSpan) -> Diagnostic {
        Diagnostic(message, file: source.name, span: span)
    }

    /// Records an error the statement recovers from (it is still parsed).
    mutating func report(_ message: DiagnosticMessage, at span: SourceSpan) {
        diagnostics.append(diagnostic(message, at: span))
    }

    /// "expected X, found Y" at the current token; if the input ran out inside a bracket, the unclosed bracket instead.
    func expected(_ what: Expectation) -> SyntaxError {
        let found = DiagnosticMessage.describe(current)
        if let open = openers.last, atEnd || (atStatementKeyword && startsFreshStatement) {
            return SyntaxError(diagnostic: diagnostic(
                .unclosedBracket(open.token.text, close: open.close, before: found, at: atEnd ? nil : current.span.start), at: open.token.span))
        }
        // What is missing belongs at the end of the line the statement stopped on, not on the next line.
        if pos > 0, pos - 1 < tokens.count, tokens[pos - 1].span.end.line < current.span.start.line {
            // Zero-width at the token's end: the character after it may be a line break or a wide one, so a
            // one-character span would end at an offset its line and column do not name (the caret is drawn either way).
            let end = tokens[pos - 1].span.end
            let after = SourceSpan(start: end, end: end)
            return SyntaxError(diagnostic: diagnostic(.expectedAtEndOfLine(what, found: found, nextLine: atEnd ? nil : current.span.start.line),
                                                      at: after))
        }
        return SyntaxError(diagnostic: diagnostic(.expected(what, found: found), at: current.span))
    }

    mutating func open(_ token: Token, _ close: Symbol) { openers.append((token, close)) }
    mutating func close() { _ = openers.popLast() }

    mutating func expect(_ k: Keyword, _ what: Expectation) throws(SyntaxError) -> Token {
        guard let t = eat(k) else { throw expected(what) }
        return t
    }

    /// Consumes the closing bracket; `expected` turns a bracket evidently never closed into a message at its opener.
    mutating func expectClosing(_ close: Symbol, _ what: Expectation) throws(SyntaxError) -> Token {
        guard let t = eat(close) else { throw expected(what) }
        return t
    }

    // MARK: - ParsedFile

    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        while !atEnd {
            if eat(.semicolon) != nil { continue }
            let start = pos
            do {
                let stmt = try parseStatement()
                statements.append(stmt)
                try expectStatementEnd(after: stmt)
            } catch {
                diagnostics.append(error.diagnostic)
                synchronize(from: start)
                unparsed.append(skipped(from: start, to: pos))
            }
        }
        return statements
    }

    /// What a skipped statement from token `start` up to `end` would have been.
    func skipped(from start: Int, to end: Int) -> UnparsedStatement {
        let first = token(at: start)
        var keyword: Keyword?
        if case .keyword(let k) = first.kind, Keyword.statementStarts.contains(k) { keyword = k }
        var name: Name?
        let second = token(at: start + 1)
        let defining: Set<Keyword> = [.segment, .let, .derive, .tiers]
        if let k = keyword, defining.contains(k), start + 1 < end, case .identifier(let n) = second.kind {
            name = Name(n, second.span)
        }
        var mentions: Set<String> = []
        for j in start..<max(start, end) {
            if case .identifier(let n) = token(at: j).kind { mentions.insert(n) }
        }
        return UnparsedStatement(keyword: keyword, name: name, mentions: mentions)
    }

    /// After a statement only `;`, the end, a new line, or another statement keyword may follow.
    func expectStatementEnd(after stmt: Stmt) throws(SyntaxError) {
        if atEnd || isSymbol(.semicolon) || startsFreshStatement || atStatementKeyword { return }
        if case .expression = stmt.kind { throw expected(.statementEnd(keyword: nil)) }
        throw expected(.statementEnd(keyword: firstWord(stmt)))
    }

    func firstWord(_ stmt: Stmt) -> String {
        let text = source.slice(stmt.span)
        return String(text.prefix { $0.isLetter })
    }

    /// Skips to a statement keyword that starts a line or follows `;`, so one mistake gives one message.
    mutating func synchronize(from start: Int) {
        openers.removeAll()
        if pos == start { advance() }
        while !atEnd {
            if atStatementKeyword && startsFreshStatement { return }
            if startsFreshStatement && looksLikeMisspeltStatement { return }
            if repl && pos > 0 && peek(-1).kind == .symbol(.semicolon) { return }
            advance()
        }
    }

    /// `segmnet vip …` at the start of a line: close to a statement keyword and followed by a name on the same line.
    var looksLikeMisspeltStatement: Bool {
        guard case .identifier(let word) = current.kind else { return false }
        let next = peek(1)
        guard next.span.start.line == current.span.start.line else { return false }
        switch next.kind {
        case .identifier, .keyword: break
        default: return false
        }
        return Suggest.nearest(word, in: Keyword.statementStarts.map(\.rawValue)) != nil
    }

    // MARK: - Statements

    mutating func parseStatement() throws(SyntaxError) -> Stmt {
        let first = current
        guard case .keyword(let kw) = first.kind, Keyword.statementStarts.contains(kw) else {
            return try parseNonKeywordStatement()
        }
        if repl, kw == .count, peek(1).kind == .symbol(.lparen), peek(1).span.start.offset == first.span.end.offset {
            let e = try parseExpression()
            return Stmt(.expression(e), e.span)
        }
        advance()
        let kind: Stmt.Kind
        switch kw {
        case .load:
            let table = try parseName(.tableName(after: .load), follow: .keyword(.from))
            _ = try expect(.from, .fromAfterTable)
            let path = try parseStringName(.filePath(after: .from))
            kind = try parseLoadClauses(table: table, path: path)
        case .set, .let, .derive:
            let name = try parseName(.definedName(after: kw), follow: .symbol(.assign))
            if eat(.assign) == nil { throw expected(.assign(after: kw, name: name.text, foundDoubleEquals: isSymbol(.eq))) }
            let value = try parseExpression()
            kind = kw == .set ? .set(name, value) : kw == .let ? .let(name, value) : .derive(name, value)
        case .segment:
            let name = try parseName(.segmentName, follow: .keyword(.where))
            _ = try expect(.where, .whereAfterSegment)
            kind = .segment(name, try parseExpression())
        case .tiers:
            kind = try parseTiers()
        case .show:
            kind = try parseShow()
        case .count:
            let target = try parseExpression()
            kind = isKeyword(.by) ? try parseGroupedSummary(.count, target: target) : .count(target)
        case .overlap:
            kind = .overlap(try parseOverlapItems(after: first))
        case .export:
            let target = try parseExpression()
            _ = try expect(.to, .toAfterExportTarget)
            let path = try parseStringName(.filePath(after: .to))
            var columns: [Expr] = []
            if eat(.columns) != nil { columns = try parseExpressionList() }
            kind = .export(target: target, path: path, columns: columns)
        case .assert:
            let cond = try parseExpression()
            var message: String?
            if eat(.comma) != nil { message = try parseStringName(.assertMessage).text }
            kind = .assert(cond, message: message)
        case .include:
            kind = .include(path: try parseStringName(.filePath(after: .include)))
        case .schema:
            kind = try parseSchema()
        case .summarize:
            kind = try parseGroupedSummary(.summarize)
        case .print:
            kind = .print(try parseNamedExpressions(after: .print))
        default:
            throw expected(.statement)
        }
        return Stmt(kind, SourceSpan(start: first.span.start, end: lastEnd))
    }

    /// A statement that does not start with a statement keyword: a bare expression in the REPL, else an error.
    mutating func parseNonKeywordStatement() throws(SyntaxError) -> Stmt {
        let first = current
        var unknown: SyntaxError?
        if case .identifier(let word) = first.kind {
            let near = Suggest.nearest(word, in: Keyword.statementStarts.map(\.rawValue).sorted())
            unknown = SyntaxError(diagnostic: diagnostic(.unknownStatement(DiagnosticMessage.describe(first), nearest: near), at: first.span))
            if repl && near == nil { unknown = nil }
        }
        guard repl else { throw unknown ?? expected(.statementKeyword) }
        do {
            let e = try parseExpression()
            let stmt = Stmt(.expression(e), e.span)
            try expectStatementEnd(after: stmt)
            return stmt
        } catch {
            // In the REPL a misspelt keyword is likelier than a malformed expression.
            throw unknown ?? error
        }
    }

    /// A name where one is required; a keyword followed by what should come next is taken as a name, with a hint.
    mutating func parseName(_ what: Expectation, follow: TokenKind) throws(SyntaxError) -> Name {
        let t = current
        switch t.kind {
        case .identifier(let s):
            advance()
            return Name(s, t.span)
        case .keyword where peek(1).kind == follow:
            // Taken as the name it was written as: names keep their case (`let Order = 1` defines `Order`).
            report(.keywordAsName(written: t.text), at: t.span)
            advance()
            return Name(t.text, t.span)
        default:
            throw expected(what)
        }
    }

    /// `linked by FIELD`, `matched by FIELD`, `key FIELD`, `encoding "NAME"` after `load … from "…"`, in
    /// any order, each once. The words are not reserved: a field may still be called `key`. An encoding
    /// name not known is reported at its string (and the statement kept, so the rest is still checked).
    mutating func parseLoadClauses(table: Name, path: Name) throws(SyntaxError) -> Stmt.Kind {
        var link: TableLink?
        var key: Name?
        var encoding: Name?
        while case .identifier(let word) = current.kind,
              current.span.start.line == path.span.end.line || word == "linked" || word == "matched" || word == "encoding" {
            switch word {
            case "linked", "matched":
                guard link == nil else { throw expected(.loadClauseOnce(clause: "linked by` or `matched by")) }
                advance()
                _ = try expect(.by, .byAfterLink(word: word))
                let field = try parseName(.linkField(word: word), follow: .eof)
                link = word == "linked" ? .linked(by: field) : .matched(by: field)
            case "key":
                guard key == nil else { throw expected(.loadClauseOnce(clause: "key")) }
                advance()
                key = try parseName(.keyField, follow: .eof)
            case "encoding":
                guard encoding == nil else { throw expected(.loadClauseOnce(clause: "encoding")) }
                advance()
                let name = try parseStringName(.encodingName)
                if TextEncoding(named: name.text) == nil {
                    report(.unknownEncoding(name.text, nearest: Suggest.nearest(name.text, in: TextEncoding.acceptedNames)), at: name.span)
                }
                encoding = name
            default:
                return .load(table: table, path: path, link: link, key: key, encoding: encoding)
            }
        }
        return .load(table: table, path: path, link: link, key: key, encoding: encoding)
    }

    mutating func parseStringName(_ what: Expectation) throws(SyntaxError) -> Name {
        let t = current
        guard case .string(let s) = t.kind else { throw expected(what) }
        advance()
        return Name(s, t.span)
    }

    /// `schema NAME { field: type [key] [pii] … }`; fields separated by newlines, `,` or `;`.
    mutating func parseSchema() throws(SyntaxError) -> Stmt.Kind {
        let table = try parseName(.tableName(after: .schema), follow: .symbol(.lbrace))
        guard let open = eat(.lbrace) else { throw expected(.openBrace(after: .schema, name: table.text)) }
        self.open(open, .rbrace)
        defer { close() }
        var fields: [SchemaField] = []
        while !isSymbol(.rbrace) {
            if eat(.comma) != nil || eat(.semicolon) != nil { continue }
            let name = try parseName(.fieldName, follow: .symbol(.colon))
            _ = eat(.colon)
            guard case .identifier(let t) = current.kind else { throw expected(.fieldType(field: name.text)) }
            let type = Name(t, advance().span)
            var flags: [Name] = []
            while case .identifier(let f) = current.kind, current.span.start.line == type.span.start.line {
                flags.append(Name(f, advance().span))
            }
            fields.append(SchemaField(name: name, type: type, flags: flags, span: SourceSpan(start: name.span.start, end: lastEnd)))
        }
        _ = advance()
        return .schema(table: table, fields: fields)
    }

    mutating func parseTiers() throws(SyntaxError) -> Stmt.Kind {
        let name = try parseName(.definedName(after: .tiers), follow: .symbol(.lbrace))
        guard let open = eat(.lbrace) else { throw expected(.openBrace(after: .tiers, name: name.text)) }
        self.open(open, .rbrace)
        defer { close() }
        var arms: [TierArm] = []
        while !isSymbol(.rbrace) {
            if eat(.comma) != nil || eat(.semicolon) != nil { continue }
            let label: Name
            switch current.kind {
            case .string(let s):
                label = Name(s, advance().span)
            case .identifier:
                label = try parseName(.tierLabel, follow: peek(1).kind)
            case .keyword where peek(1).kind == .keyword(.where) || peek(1).kind == .keyword(.otherwise):
                label = try parseName(.tierLabel, follow: peek(1).kind)
            default:
                throw expected(.tierLabelOrEnd)
            }
            let condition: Expr?
            if eat(.where) != nil {
                condition = try parseExpression()
            } else if eat(.otherwise) != nil {
                condition = nil
            } else {
                throw expected(.whereOrOtherwise(label: label.text))
            }
            arms.append(TierArm(label: label, condition: condition, span: SourceSpan(start: label.span.start, end: lastEnd)))
        }
        let close = advance()
        if arms.isEmpty {
            report(.emptyTiers(name.text), at: open.span.merged(with: close.span))
        }
        for arm in arms.dropLast() where arm.condition == nil {
            report(.otherwiseNotLast(label: arm.label.text), at: arm.span)
        }
        return .tiers(name, arms)
    }

    mutating func parseShow() throws(SyntaxError) -> Stmt.Kind {
        let target = try parseExpression()
        var limit: ShowLimit?
        var orderBy: [OrderKey]?
        var columns: [Expr]?
        while case .keyword(let k) = current.kind, k == .limit || k == .order || k == .columns {
            let kwTok = advance()
            let seen = (k == .limit && limit != nil) || (k == .order && orderBy != nil) || (k == .columns && columns != nil)
            if seen { report(.repeatedClause(kwTok.text), at: kwTok.span) }
            switch k {
            case .limit:
                let e = try parseExpression()
                // `per` is a word only here, after the count (a field may be called `per`); in any case, as keywords are.
                var per: Expr?
                if case .identifier(let word) = current.kind, word.lowercased() == "per", startsExpression(peek(1)) {
                    advance()
                    per = try parseExpression()
                }
                if limit == nil { limit = ShowLimit(count: e, per: per) }
            case .order:
                let keys = try parseOrderKeys()
                if orderBy == nil { orderBy = keys }
            default:
                let list = try parseExpressionList()
                if columns == nil { columns = list }
            }
        }
        return .show(target: target, limit: limit, orderBy: orderBy ?? [], columns: columns ?? [])
    }

    /// `by K [asc|desc], …` after `order`.
    mutating func parseOrderKeys() throws(SyntaxError) -> [OrderKey] {
        _ = try expect(.by, .byAfterOrder)
        var keys: [OrderKey] = []
        repeat {
            let e = try parseExpression()
            var descending = false
            if eat(.desc) != nil { descending = true } else { _ = eat(.asc) }
            keys.append(OrderKey(expr: e, descending: descending))
        } while eat(.comma) != nil
        return keys
    }

    mutating func parseExpressionList() throws(SyntaxError) -> [Expr] {
        var list = [try parseExpression()]
        while eat(.comma) != nil { list.append(try parseExpression()) }
        return list
    }
}
