/// Tab completion for the REPL: keywords, functions, fields, definitions and dot-commands, by prefix.
public struct NameCompleter {
    let session: Session

    public init(session: Session) { self.session = session }

    /// The word before the cursor (Character offsets: `start..<cursor`) and the names it could become.
    public func completions(for line: String, cursor: Int) -> (start: Int, candidates: [String]) {
        let chars = Array(line)
        let end = max(0, min(cursor, chars.count))
        var start = end
        while start > 0, NameCompleter.isWordChar(chars[start - 1]) { start -= 1 }
        // A dot-command is completed only as the first word of the line.
        if start > 0, chars[start - 1] == ".", chars[..<(start - 1)].allSatisfy({ $0.isWhitespace }) {
            start -= 1
        }
        let prefix = String(chars[start..<end])
        guard !prefix.isEmpty else { return (start, []) }
        let pool: [String]
        if prefix.hasPrefix(".") {
            pool = Repl.dotCommands
        } else {
            pool = Keyword.allCases.map(\.rawValue) + Checker.functionNames + session.checker.scope.names
        }
        return (start, Set(pool.filter { $0.hasPrefix(prefix) }).sorted())
    }

    static func isWordChar(_ c: Character) -> Bool {
        c == "_" || c.isLetter || c.isNumber
    }
}
