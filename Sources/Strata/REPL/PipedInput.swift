/// Cuts piped REPL input (`strata repl < rules.strata`) into inputs where the rule-file parser ends
/// statements, so a replayed file runs the same statements as `strata run` on it.
///
/// In a rule file a line break does not end a statement: a statement goes on for as long as its next token
/// can continue it, so `strata fmt`'s layout of a long condition
///
///     segment happy where vip
///       and satisfaction >= 4.5
///
/// is one statement. Whether a line continues the statement before it is therefore decided by the parser
/// itself, not by a list of operators: the held text and the held text with the line are both parsed, and
/// the line continues the held statements when it changes where they end (or leaves the last one unfinished).
/// A line that begins a statement of its own (a statement keyword, a bare expression, a dot-command) ends
/// the held input, which then runs. So a statement runs when the next one begins, at a `;` ending it, or at
/// the end of the input. Blank lines and comments are held with the statement and decide nothing.
struct PipedInput {
    /// Lines read and not yet run: at most one unfinished input, with the blank and comment lines among it.
    private var held = ""

    /// Takes the next line; returns the inputs it completes, in order: none, one, or a statement and a dot-command.
    mutating func add(_ line: String) -> [String] {
        guard Self.hasTokens(held) else {
            // Only blank or comment lines are held: they are not an input of their own (they would take a `<repl:N>`).
            if InputCompleteness.isDotCommand(line) {
                held = ""
                return [line]
            }
            hold(line)
            return takeIfEnded()
        }
        // A blank or comment line decides nothing; an unfinished statement takes whatever comes next, as in a file.
        if !Self.hasTokens(line) || !InputCompleteness.isComplete(held) {
            hold(line)
            return takeIfEnded()
        }
        if InputCompleteness.isDotCommand(line) {
            defer { held = "" }
            return [held, line]
        }
        if Self.continues(held, with: line) {
            hold(line)
            return takeIfEnded()
        }
        let done = held
        held = line
        return [done] + takeIfEnded()
    }

    /// At the end of the input: what is still held, unless it is only blank and comment lines.
    mutating func finish() -> String? {
        defer { held = "" }
        return Self.hasTokens(held) ? held : nil
    }

    private mutating func hold(_ line: String) {
        held += held.isEmpty ? line : "\n" + line
    }

    /// A complete input whose last token is `;` cannot be continued (the parser ends a statement there), so it
    /// runs at once instead of waiting for the next line: a program feeding the REPL can end each statement with `;`.
    private mutating func takeIfEnded() -> [String] {
        let tokens = Lexer(source: SourceFile(name: "<repl>", text: held)).tokenize().tokens
        guard tokens.dropLast().last?.kind == .symbol(.semicolon), InputCompleteness.isComplete(held) else { return [] }
        defer { held = "" }
        return [held]
    }

    /// Whether the text has anything to run: a token, or a character the lexer rejects (an error to report).
    static func hasTokens(_ text: String) -> Bool {
        let lexed = Lexer(source: SourceFile(name: "<repl>", text: text)).tokenize()
        return lexed.tokens.count > 1 || !lexed.diagnostics.isEmpty
    }

    /// Whether `line` continues the complete statements of `text`, as the rule-file parser reads them.
    static func continues(_ text: String, with line: String) -> Bool {
        let alone = Parser.parse(SourceFile(name: "<repl>", text: text), allowBareExpressions: true)
        // A complete input with a syntax error is over: no further line mends it (a file's parser would skip
        // that line with the broken statement, but in the REPL the line gets its own chance).
        if alone.diagnostics.contains(where: { $0.severity == .error }) { return false }
        let joined = Parser.parse(SourceFile(name: "<repl>", text: text + "\n" + line), allowBareExpressions: true)
        let ends = alone.program.statements.map(\.span)
        // The line either moves the end of the last statement or leaves it unfinished (it is then missing
        // from `joined`); a line that starts a statement of its own leaves the held ones as they were.
        return Array(joined.program.statements.prefix(ends.count).map(\.span)) != ends
    }
}
