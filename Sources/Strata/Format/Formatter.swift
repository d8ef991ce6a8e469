/// `strata fmt`: the one canonical layout of a rule file. Formatting is idempotent, keeps the meaning (the
/// syntax tree is unchanged apart from positions) and keeps every comment. A file with syntax errors is
/// never formatted.
///
/// The canonical layout:
///
/// - One statement per line; `;` separators are dropped. No trailing spaces; the file ends with exactly one
///   newline (an empty file stays empty). Leading blank lines are removed; a run of blank lines between
///   statements (or between comments, or between tiers arms) becomes one blank line; where the input had
///   none, none is added.
/// - Single spaces between words, around binary operators (`a + b`, `x >= 2`) and after commas; none inside
///   `( )` and `[ ]`; `not x`; unary minus tight (`-x`); `x in [a, b]` always with brackets (`in (a, b)`
///   becomes `[a, b]`); `x is not null`; `x between a and b`; calls as `f(a, b)`, `avg(clv where vip)`.
/// - Literals exactly as written: `200万`, `2e6`, `1_000`, string quote style and escapes, dates. A duration
///   keeps its number and unit as written, separated by one space (`90 days`).
/// - Names exactly as written, backticks included.
/// - Parentheses exactly where written; none are added or removed.
/// - `show TARGET limit N order by K [desc], … columns A, …`: clauses in that order, `asc` (the default)
///   dropped, `desc` kept.
/// - A `segment … where`, `set`/`let`/`derive … =` or tiers arm `… where` whose line is wider than 100
///   display columns (CJK characters count two; a trailing comment does not count) is broken before each
///   operator of its condition's top-level `and`/`or` chain: one operand per line, continuation lines
///   indented two more spaces than the statement (four in a tiers arm) and starting with the operator.
///   Without a top-level `and`/`or` the line stays long. Other statements are never broken.
/// - `tiers NAME {`, then one arm per line indented two spaces with labels padded (by display width) so that
///   every `where` / `otherwise` lines up, then `}` on its own line.
/// - Comments: an own-line comment stays on its own line before the statement (or tiers arm, or closing `}`)
///   that follows it, at that statement's indentation; comments after the last statement stay at the end.
///   A trailing comment stays at the end of the line holding the token it followed, after one space; a
///   statement whose condition can be broken is broken so that the token ends a line. A comment that cannot
///   keep its place (an own-line comment inside an expression, or a second trailing comment for one output
///   line) moves to its own line just before the statement (or tiers arm). Comment text is unchanged except
///   that trailing whitespace is removed.
public enum Formatter {
    /// Formats a rule file; the text is nil when the file has syntax errors (then the diagnostics say why).
    public static func format(_ source: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        let (program, diagnostics) = Parser.parse(source)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let tokens = Lexer(source: source).tokenize().tokens
        let text = Assembly(program: program, tokens: tokens).run()
        if let problem = selfCheck(original: program, formatted: text, name: source.name) {
            return (nil, diagnostics + [problem])
        }
        return (text, diagnostics)
    }

    /// A last guard before a file is rewritten: the output must parse cleanly with the same statements and comments.
    static func selfCheck(original: ParsedFile, formatted: String, name: String) -> Diagnostic? {
        let (again, ds) = Parser.parse(SourceFile(name: name, text: formatted))
        let sameComments = again.comments.map { trimTrailing($0.text) }.sorted() == original.comments.map { trimTrailing($0.text) }.sorted()
        if ds.isEmpty, again.statements.count == original.statements.count, sameComments { return nil }
        return Diagnostic(.formatterChangedMeaning, file: name, span: .zero)
    }

    static func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last.isWhitespace { t = t.dropLast() }
        return String(t)
    }
}

/// Places comments among the statements' lines and joins everything into the output text.
private struct Assembly {
    let program: ParsedFile
    let tokens: [Token]
    let printer: FormatPrinter
    /// For each comment, the start offset of the token before it (nil at the start of the file).
    let anchors: [Int?]

    init(program: ParsedFile, tokens: [Token]) {
        self.program = program
        self.tokens = tokens
        var anchors: [Int?] = []
        let probe = FormatPrinter(source: program.source, tokens: tokens, trailingAnchors: [])
        for c in program.comments {
            let i = probe.tokenIndex(atOrAfter: c.span.start.offset)
            anchors.append(i > 0 ? tokens[i - 1].span.start.offset : nil)
        }
        self.anchors = anchors
        let trailing = zip(program.comments, anchors).compactMap { $0.trailing ? $1 : nil }
        printer = FormatPrinter(source: program.source, tokens: tokens, trailingAnchors: trailing)
    }

    func run() -> String {
        var groups = program.statements.flatMap { printer.groups($0) }
        var atEnd: [Comment] = []
        for (c, anchor) in zip(program.comments, anchors) {
            if c.trailing, let anchor, attachTrailing(c, anchor: anchor, to: &groups) { continue }
            // Groups are in source order, so their ends ascend.
            let g = groups.partitionIndex { $0.end > c.span.start.offset }
            guard g < groups.count else {
                atEnd.append(c)
                continue
            }
            if groups[g].startLoc.offset >= c.span.end.offset {
                groups[g].leading.append(c)
            } else {
                groups[g].hoisted.append(c)
            }
        }
        return render(groups, atEnd)
    }

    /// Puts a trailing comment at the end of the line holding its token; false when no line holds it.
    func attachTrailing(_ c: Comment, anchor: Int, to groups: inout [LineGroup]) -> Bool {
        // The last group that begins at or before the anchor holds it (groups and their lines are in source order).
        let after = groups.partitionIndex { ($0.lines.first?.start ?? Int.max) > anchor }
        guard after > 0, let li = groups[after - 1].lines.lastIndex(where: { $0.start <= anchor }) else { return false }
        let gi = after - 1
        // Comments arrive in source order, so the later one is the one that really ends the line; an earlier
        // one (after a token now in the middle of the line) moves before the group.
        if let earlier = groups[gi].lines[li].comment { groups[gi].hoisted.append(earlier) }
        groups[gi].lines[li].comment = c
        return true
    }

    func render(_ groups: [LineGroup], _ atEnd: [Comment]) -> String {
        var out: [String] = []
        var afterOpenBrace = false
        func emit(_ line: String, blank: Bool, openBrace: Bool = false) {
            if blank, !out.isEmpty, !afterOpenBrace { out.append("") }
            out.append(line)
            afterOpenBrace = openBrace
        }
        for g in groups {
            let pad = String(repeating: " ", count: g.indent)
            for c in g.leading.sorted(by: { $0.span.start.offset < $1.span.start.offset }) {
                emit(pad + Formatter.trimTrailing(c.text), blank: blankBefore(c.span.start))
            }
            var codeBlank = blankBefore(g.startLoc) && !g.isClosingBrace
            for (i, c) in g.hoisted.sorted(by: { $0.span.start.offset < $1.span.start.offset }).enumerated() {
                emit(pad + Formatter.trimTrailing(c.text), blank: i == 0 && codeBlank)
            }
            if !g.hoisted.isEmpty { codeBlank = false }
            for (i, line) in g.lines.enumerated() {
                let text = line.comment.map { line.text + " " + Formatter.trimTrailing($0.text) } ?? line.text
                emit(text, blank: i == 0 && codeBlank, openBrace: line.text.hasSuffix("{"))
            }
        }
        for c in atEnd {
            emit(Formatter.trimTrailing(c.text), blank: blankBefore(c.span.start))
        }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\r" || s == "\u{FEFF}" || s == "\u{3000}"
    }

    /// True when the item at `loc` begins its line and a blank line separates it from what came before.
    func blankBefore(_ loc: SourceLocation) -> Bool {
        let source = program.source
        let before = source.line(loc.line).unicodeScalars.prefix(max(0, loc.column - 1))
        guard before.allSatisfy(Self.isSpace) else { return false }
        var l = loc.line - 1
        var sawBlank = false
        while l >= 1, source.line(l).unicodeScalars.allSatisfy(Self.isSpace) {
            sawBlank = true
            l -= 1
        }
        return sawBlank && l >= 1
    }
}
