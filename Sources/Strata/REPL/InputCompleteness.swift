import Foundation

/// Decides whether REPL input is a complete statement or needs a continuation line
/// (an open bracket or brace, a trailing operator or `where`, an unfinished statement).
public enum InputCompleteness {
    /// A line that starts with `.` is a dot-command: complete as it is, never part of a statement.
    public static func isDotCommand(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).hasPrefix(".")
    }

    /// True when the text can be run as it is (including when it has an error that more input would not fix).
    public static func isComplete(_ text: String) -> Bool {
        if text.allSatisfy({ $0.isWhitespace }) { return true }
        let source = SourceFile(name: "<repl>", text: text)
        let lexed = Lexer(source: source).tokenize()
        var depth = 0
        for t in lexed.tokens {
            guard case .symbol(let s) = t.kind else { continue }
            switch s {
            case .lparen, .lbracket, .lbrace: depth += 1
            case .rparen, .rbracket, .rbrace: depth -= 1
            default: break
            }
        }
        if depth > 0 { return false }
        guard let eof = lexed.tokens.last else { return true }
        // An error found only at the end of the input means the statement stops short: more is coming.
        // (The parser puts a missing piece right after the last token, which may be lines before the end.)
        let end = lexed.tokens.dropLast().last?.span.end.offset ?? eof.span.start.offset
        let (_, diagnostics) = Parser.parse(source, allowBareExpressions: true)
        return !diagnostics.contains { $0.severity == .error && $0.span.start.offset >= end }
    }
}
