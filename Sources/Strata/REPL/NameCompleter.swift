/// Tab completion for the REPL: keywords, functions, fields, definitions and dot-commands, by prefix.
public struct NameCompleter {
    let session: ReplSession

    public init(session: ReplSession) { self.session = session }

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
        // After an opening backtick the word is a name to be closed with one: `la → `last visit`.
        var ticked = false
        if let open = NameCompleter.openBacktick(chars, before: end) {
            start = open
            ticked = true
        }
        let prefix = String(chars[(ticked ? start + 1 : start)..<end])
        // After `visits.` the word is one of that table's fields.
        if !ticked, start > 0, chars[start - 1] == "." {
            var t = start - 1
            while t > 0, NameCompleter.isWordChar(chars[t - 1]) { t -= 1 }
            if let fields = session.fields(ofTable: String(chars[t..<(start - 1)])) {
                return (start, fields.filter { $0.hasPrefix(prefix) }.sorted())
            }
        }
        if !ticked, let names = whyNames(chars, start: start) { return (start, names.filter { $0.hasPrefix(prefix) }) }
        guard !prefix.isEmpty || ticked else { return (start, []) }
        if prefix.hasPrefix(".") { return (start, Repl.dotCommands.filter { $0.hasPrefix(prefix) }) }
        let words = ticked ? [] : Keyword.allCases.map(\.rawValue) + Checker.functionNames + NameCompleter.durationUnits
            + SummaryPlan.defaultHeaders
 + NameCompleter.clauseWords
        // A name that cannot be written bare is offered with its backticks, so the completed text parses.
        let names = session.scope.names.filter { $0.hasPrefix(prefix) }.map { n in
            ticked || !Lexer.isBareName(n) ? "`\(n)`" : n
        }
        return (start, Set(words.filter { $0.hasPrefix(prefix) } + names).sorted())
    }

    static let durationUnits = DurationUnit.words

    /// Words of a clause that are not keywords (so fields may bear them): `limit 3 per city`.
    static let clauseWords = Keyword.clauseWords

    /// The offset of an unclosed backtick that opens the current word, if any.
    static func openBacktick(_ chars: [Character], before end: Int) -> Int? {
        guard chars[..<end].filter({ $0 == "`" }).count % 2 == 1, let open = chars[..<end].lastIndex(of: "`") else { return nil }
        return open
    }

    static func isWordChar(_ c: Character) -> Bool {
        c == "_" || c.isLetter || c.isNumber
    }
}
