/// One line of formatted code: its full text (with indentation) and the source offset where its tokens begin,
/// so comments can find the line holding the token they followed.
struct CodeLine {
    var text: String
    var start: Int
    var comment: Comment?
}

/// A run of output lines that comments attach to as a unit: a statement, a tiers header, one tiers arm,
/// or a tiers block's closing brace.
struct LineGroup {
    /// Indentation of own-line comments placed before the group.
    var indent: Int
    var startLoc: SourceLocation
    /// Source offset just past the group's last token.
    var end: Int
    var lines: [CodeLine]
    /// Own-line comments that stood before the group in the source.
    var leading: [Comment] = []
    /// Comments from inside the group that could not keep their exact place.
    var hoisted: [Comment] = []
    var isClosingBrace = false
}

/// Prints syntax trees in the canonical layout, taking literal and name text from the source as written.
struct FormatPrinter {
    let source: SourceFile
    /// Every token of the source, in order (ending with `.eof`).
    let tokens: [Token]
    /// Start offsets of the tokens that trailing comments follow, ascending; a statement breaks to keep them in place.
    let trailingAnchors: [Int]

    static let maxWidth = 100

    func text(_ span: SourceSpan) -> String { source.slice(span) }

    func expr(_ e: Expr) -> String {
        switch e.kind {
        case .number(_, let t), .date(_, let t):
            return t
        case .string, .name:
            // Quote style, escapes and backticks stay exactly as the author wrote them.
            return text(e.span)
        case .bool(let b):
            return b ? "true" : "false"
        case .null:
            return "null"
        case .duration(_, _, let t):
            return t.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        case .unary(.negate, let x):
            return "-" + expr(x)
        case .unary(.not, let x):
            return "not " + expr(x)
        case .binary(let op, let l, let r):
            return "\(expr(l)) \(op.rawValue) \(expr(r))"
        case .inList(let x, let items, let negated):
            return "\(expr(x)) \(negated ? "not in" : "in") [\(items.map(expr).joined(separator: ", "))]"
        case .between(let x, let low, let high, let negated):
            return "\(expr(x)) \(negated ? "not between" : "between") \(expr(low)) and \(expr(high))"
        case .isNull(let x, let negated):
            return "\(expr(x)) is \(negated ? "not null" : "null")"
        case .member(let table, let field):
            return text(table.span) + "." + text(field.span)
        case .call(let name, let args, let filter, let options):
            var parts = args.map(expr)
            if options.distinct, !parts.isEmpty { parts[0] = "distinct " + parts[0] }
            if let b = options.by, !parts.isEmpty {
                let at = Swift.min(Swift.max(options.byAfterArguments, 1), parts.count) - 1
                parts[at] += " by " + expr(b)
            }
            if let f = filter {
                if parts.isEmpty { parts = ["where " + expr(f)] } else { parts[0] += " where " + expr(f) }
            }
            // `count` is a keyword, and keywords are printed in lower case however they were written.
            return (name.text == "count" ? "count" : text(name.span)) + "(" + parts.joined(separator: ", ") + ")"
        case .paren(let x):
            return "(" + expr(x) + ")"
        }
    }

    /// The operands of a top-level `and`/`or` chain (left-nested, unparenthesised), or nil if there is none.
    func chain(_ e: Expr) -> (BinaryOp, [Expr])? {
        guard case .binary(let op, _, _) = e.kind, op.isLogical else { return nil }
        var operands: [Expr] = []
        var cur = e
        while case .binary(let o, let l, let r) = cur.kind, o == op {
            operands.append(r)
            cur = l
        }
        operands.append(cur)
        return (op, operands.reversed())
    }

    /// Index of the first token starting at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        tokens.partitionIndex { $0.span.start.offset >= offset }
    }

    func tokenStart(atOrAfter offset: Int) -> Int {
        let i = tokenIndex(atOrAfter: offset)
        return i < tokens.count ? tokens[i].span.start.offset : offset
    }

    /// `prefix + condition` on one line, or broken before each top-level `and`/`or` when too wide or when a
    /// trailing comment follows a token that would otherwise not end a line.
    func condition(prefix: String, _ cond: Expr, start: Int, continuation: Int) -> [CodeLine] {
        let one = prefix + expr(cond)
        guard let (op, operands) = chain(cond) else { return [CodeLine(text: one, start: start)] }
        var starts = [start]
        for k in 1..<operands.count { starts.append(tokenStart(atOrAfter: operands[k - 1].span.end.offset)) }
        let lastStart = starts[starts.count - 1]
        // The anchors are in source order: the first one at or after `start` decides.
        let a = trailingAnchors.partitionIndex { $0 >= start }
        let forced = a < trailingAnchors.count && trailingAnchors[a] < lastStart
        guard forced || DisplayWidth.of(one) > Self.maxWidth else { return [CodeLine(text: one, start: start)] }
        // An operand that is itself a chain of the other operator (`a or b and c and …`) is broken the
        // same way, one level deeper, when its line is still too wide.
        var lines = condition(prefix: prefix, operands[0], start: start, continuation: continuation + 2)
        let pad = String(repeating: " ", count: continuation)
        for k in 1..<operands.count {
            lines += condition(prefix: pad + op.rawValue + " ", operands[k], start: starts[k], continuation: continuation + 2)
        }
        return lines
    }

    func single(_ s: Stmt, _ text: String) -> [LineGroup] {
        [LineGroup(indent: 0, startLoc: s.span.start, end: s.span.end.offset, lines: [CodeLine(text: text, start: s.span.start.offset)])]
    }

    func breakable(_ s: Stmt, _ prefix: String, _ cond: Expr) -> [LineGroup] {
        let lines = condition(prefix: prefix, cond, start: s.span.start.offset, continuation: 2)
        return [LineGroup(indent: 0, startLoc: s.span.start, end: s.span.end.offset, lines: lines)]
    }

    /// The line groups of one statement.
    func groups(_ s: Stmt) -> [LineGroup] {
        switch s.kind {
        case .load(let table, let path, let link, let key, let encoding):
            var line = "load \(text(table.span)) from \(text(path.span))"
            switch link {
            case .linked(let by)?: line += " linked by " + text(by.span)
            case .matched(let by)?: line += " matched by " + text(by.span)
            case nil: break
            }
            if let k = key { line += " key " + text(k.span) }
            if let e = encoding { line += " encoding " + text(e.span) }
            return single(s, line)
        case .set(let n, let e):
            return breakable(s, "set \(text(n.span)) = ", e)
        case .let(let n, let e):
            return breakable(s, "let \(text(n.span)) = ", e)
        case .derive(let n, let e):
            return breakable(s, "derive \(text(n.span)) = ", e)
        case .segment(let n, let e):
            return breakable(s, "segment \(text(n.span)) where ", e)
        case .tiers(let n, let arms):
            return tiers(s, n, arms)
        case .show(let target, let limit, let orderBy, let columns):
            var out = "show " + expr(target)
            if let l = limit { out += " limit " + expr(l.count) + (l.per.map { " per " + expr($0) } ?? "") }
            if !orderBy.isEmpty {
                out += " order by " + orderBy.map { expr($0.expr) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
            }
            if !columns.isEmpty { out += " columns " + columns.map(expr).joined(separator: ", ") }
            return single(s, out)
        case .count(let e):
            return single(s, "count " + expr(e))
        case .export(let target, let path, let columns):
            var out = "export \(expr(target)) to \(text(path.span))"
            if !columns.isEmpty { out += " columns " + columns.map(expr).joined(separator: ", ") }
            return single(s, out)
        case .assert(let e, let message):
            var out = "assert " + expr(e)
            // The message has no span of its own; it is the statement's last token.
            if message != nil, let last = lastToken(in: s.span) { out += ", " + last.text }
            return single(s, out)
        case .include(let path):
            return single(s, "include " + text(path.span))
        case .schema(let table, let fields):
            return schema(s, table, fields)
        case .expression(let e):
            return single(s, expr(e))
        case .summarize(let g):
            return single(s, groupedSummary(g))
        case .print(let figures):
            return single(s, "print " + named(figures))
        case .overlap(let items):
            return single(s, (["overlap"] + [items.map(expr).joined(separator: ", ")].filter { !$0.isEmpty }).joined(separator: " "))
        }
    }

    /// `schema NAME {`, one field per line indented two spaces with the types aligned, then `}`.
    func schema(_ s: Stmt, _ name: Name, _ fields: [SchemaField]) -> [LineGroup] {
        let braceIndex = tokenIndex(atOrAfter: name.span.end.offset)
        let braceEnd = braceIndex < tokens.count ? tokens[braceIndex].span.end.offset : name.span.end.offset
        var groups = [LineGroup(indent: 0, startLoc: s.span.start, end: braceEnd,
                                lines: [CodeLine(text: "schema \(text(name.span)) {", start: s.span.start.offset)])]
        let names = fields.map { text($0.name.span) + ":" }
        let width = names.map { DisplayWidth.of($0) }.max() ?? 0
        for (f, n) in zip(fields, names) {
            let line = "  " + n + String(repeating: " ", count: width - DisplayWidth.of(n)) + " " + ([f.type.text] + f.flags.map(\.text)).joined(separator: " ")
            groups.append(LineGroup(indent: 2, startLoc: f.span.start, end: f.span.end.offset, lines: [CodeLine(text: line, start: f.span.start.offset)]))
        }
        if let close = closingBrace(s) { groups.append(close) }
        return groups
    }

    /// The `}` line that ends a block statement (`tiers`, `schema`).
    func closingBrace(_ s: Stmt) -> LineGroup? {
        guard let close = lastToken(in: s.span) else { return nil }
        var g = LineGroup(indent: 2, startLoc: close.span.start, end: close.span.end.offset,
                          lines: [CodeLine(text: "}", start: close.span.start.offset)])
        g.isClosingBrace = true
        return g
    }

    func lastToken(in span: SourceSpan) -> Token? {
        let i = tokenIndex(atOrAfter: span.end.offset)
        return i > 0 ? tokens[i - 1] : nil
    }

    func tiers(_ s: Stmt, _ name: Name, _ arms: [TierArm]) -> [LineGroup] {
        let braceIndex = tokenIndex(atOrAfter: name.span.end.offset)
        let braceEnd = braceIndex < tokens.count ? tokens[braceIndex].span.end.offset : name.span.end.offset
        var groups = [LineGroup(indent: 0, startLoc: s.span.start, end: braceEnd,
                                lines: [CodeLine(text: "tiers \(text(name.span)) {", start: s.span.start.offset)])]
        let labels = arms.map { text($0.label.span) }
        let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
        for (arm, label) in zip(arms, labels) {
            let padded = "  " + label + String(repeating: " ", count: width - DisplayWidth.of(label))
            let lines: [CodeLine]
            if let cond = arm.condition {
                lines = condition(prefix: padded + " where ", cond, start: arm.span.start.offset, continuation: 4)
            } else {
                lines = [CodeLine(text: padded + " otherwise", start: arm.span.start.offset)]
            }
            groups.append(LineGroup(indent: 2, startLoc: arm.span.start, end: arm.span.end.offset, lines: lines))
        }
        if let close = closingBrace(s) { groups.append(close) }
        return groups
    }
}
