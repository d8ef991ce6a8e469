/// `overlap` takes a list of segments or conditions, or nothing (every segment): the statement ends at the
/// end of its line, at the end of the input, or at a `;`.
extension ParserState {
    mutating func parseOverlapItems(after keyword: Token) throws(SyntaxError) -> [Expr] {
        if atEnd || current.span.start.line > keyword.span.end.line || current.kind == .symbol(.semicolon) { return [] }
        return try parseExpressionList()
    }
}
