/// Reserved words of the language. Function names (`count`, `min`, `date`…) and duration units are not keywords,
/// except `count`, which also starts a statement and is accepted as a function name in call position.
public enum Keyword: String, CaseIterable, Sendable, Hashable {
    case load, from, set, `let`, derive, segment, `where`, tiers, otherwise
    case show, limit, order, by, asc, desc, columns, count, export, to, assert, include, schema
    case and, or, not, `in`, between, `is`, null, `true`, `false`
    case summarize, print
    case overlap

    /// The keyword a word spells in any letter case (`LOAD`, `Where`), or nil. Keywords are ASCII, so only
    /// ASCII words are folded; `strata fmt` prints every keyword in lower case.
    public init?(word: String) {
        if let k = Keyword(rawValue: word) {
            self = k
            return
        }
        guard word.utf8.count <= 9, word.utf8.allSatisfy({ $0 < 0x80 }), let k = Keyword(rawValue: word.lowercased()) else { return nil }
        self = k
    }

    /// Keywords that begin a statement; the parser resynchronises at these after an error.
    public static let statementStarts: Set<Keyword> = Set(allCases.filter { $0.statementRole != nil })
}

/// Punctuation and operators.
public enum Symbol: String, CaseIterable, Sendable, Hashable {
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
    case comma = ",", semicolon = ";"
    /// Only in `schema` blocks: `clv: number`.
    case colon = ":"
    /// A field of a named table: `visits.date`, `may.clv`, `customers.channel`.
    case dot = "."
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    /// A single `=`: valid only in `set`/`let`/`derive`; in an expression the parser suggests `==`.
    case assign = "="
}

/// What a token is, with its decoded value.
public enum TokenKind: Sendable, Hashable {
    /// A name, plain or backticked; the payload is the name without backticks.
    case identifier(String)
    case keyword(Keyword)
    /// A number; `200万` is 2_000_000, `3亿` is 300_000_000, `1_000` is 1000.
    case number(Double)
    /// A string literal with escapes decoded.
    case string(String)
    /// An ISO date literal as days since 1970-01-01.
    case date(Int32)
    case symbol(Symbol)
    case eof
}

/// One token: its kind, its span, and its source text exactly as written (for the formatter).
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var span: SourceSpan
    public var text: String

    public init(_ kind: TokenKind, _ span: SourceSpan, _ text: String) {
        self.kind = kind
        self.span = span
        self.text = text
    }
}

/// A `#` comment, kept out of the token stream but remembered for the formatter.
public struct Comment: Sendable, Hashable {
    /// The comment text including the leading `#`.
    public var text: String
    public var span: SourceSpan
    /// True when code precedes the comment on the same line.
    public var trailing: Bool
}
