/// The syntax phase's messages — lexer, parser, rule sources and includes, and the formatter's self-check —
/// one function per message kind, so the wording of each kind and its code live side by side.
extension DiagnosticMessage {
    // MARK: - Lexer

    /// An IME's full-width punctuation where the language expects ASCII.
    static func fullWidthPunctuation(_ written: Unicode.Scalar, ascii: Unicode.Scalar) -> Self {
        Self(code: .fullWidthPunctuation, text: "full-width `\(written)`; use `\(ascii)`", suggestion: "replace `\(written)` with `\(ascii)`")
    }

    /// A character no token starts with; `shown` is the character or its code point.
    static func unexpectedCharacter(_ shown: String, isDot: Bool) -> Self {
        Self(code: .unexpectedCharacter, text: "unexpected character `\(shown)`",
             suggestion: isDot ? "numbers are written `0.5`; names cannot contain `.` (use backticks: `a.b`)"
                 : "remove it; put unusual text in quotes (\"…\") or names in backticks (`…`)")
    }

    static func numberTooLarge(_ written: String) -> Self {
        Self(code: .numberTooLarge, text: "the number `\(written)` is too large", suggestion: "numbers must be below about 1.8e308")
    }

    static func invalidDate(_ written: String) -> Self {
        Self(code: .invalidDate, text: "`\(written)` is not a valid date", suggestion: "a date is written YYYY-MM-DD and must exist in the calendar")
    }

    static func unterminatedString(quote: Unicode.Scalar) -> Self {
        Self(code: .unterminatedString, text: "unterminated string", suggestion: "close it with `\(quote)` on the same line")
    }

    static var invalidUnicodeEscape: Self {
        Self(code: .invalidUnicodeEscape, text: "invalid unicode escape",
             suggestion: "write `\\u{XXXX}` with 1 to 8 hex digits naming a valid character")
    }

    static func unknownEscape(_ letter: Unicode.Scalar) -> Self {
        Self(code: .unknownEscape, text: "unknown escape `\\\(letter)`", suggestion: "valid escapes are \\\\ \\\" \\' \\n \\t \\r \\u{XXXX}")
    }

    static var emptyBacktickName: Self {
        Self(code: .emptyBacktickName, text: "empty name in backticks", suggestion: "write the name between the backticks")
    }

    static var unterminatedBacktickName: Self {
        Self(code: .unterminatedBacktickName, text: "unterminated backtick name", suggestion: "close it with `` ` `` on the same line")
    }

    /// `<>`, `&&`, `||` and the like, with the operator or word the language has instead.
    static func notAnOperator(_ written: String, use replacement: String) -> Self {
        Self(code: .notAnOperator, text: "`\(written)` is not an operator", suggestion: "use `\(replacement)`")
    }

    /// A lone `!`, which could mean `!=` or `not`.
    static var bangIsNotAnOperator: Self {
        Self(code: .notAnOperator, text: "`!` is not an operator", suggestion: "did you mean `!=` or `not`?")
    }

    // MARK: - Parser

    /// A bracket the input never closed: the message sits at the opener.
    static func unclosedBracket(_ opener: String, close: Symbol, before found: String, at place: SourceLocation?) -> Self {
        let at = place.map { " at \($0.line):\($0.column)" } ?? ""
        return Self(code: .unclosedBracket, text: "unclosed `\(opener)`: expected `\(close.rawValue)` before \(found)\(at)",
                    suggestion: "add `\(close.rawValue)` to close it")
    }

    /// Something else where `what` was expected, at what was found.
    static func expected(_ what: Expectation, found: String) -> Self {
        Self(code: what.code, text: "expected \(what.text), found \(found)", suggestion: what.suggestion ?? "write \(what.text) here")
    }

    /// A statement that stopped short of `what`: the message sits at the end of its line. `nextLine` is
    /// where the following token is, nil at the end of the input.
    static func expectedAtEndOfLine(_ what: Expectation, found: String, nextLine: Int?) -> Self {
        let next = nextLine.map { "\(found) on line \($0)" } ?? found
        return Self(code: what.code, text: "expected \(what.text) at the end of this line, found \(next)",
                    suggestion: what.suggestion ?? "write \(what.text) here")
    }

    /// A word at the start of a statement that is no statement keyword; `nearest` is the keyword it resembles.
    static func unknownStatement(_ found: String, nearest: String?) -> Self {
        Self(code: .unknownStatement, text: "unknown statement \(found)",
             suggestion: didYouMean(nearest) ?? Expectation.statementKeywordsHint)
    }

    /// `encoding "…"` on a `load` naming no encoding Strata reads; `nearest` is the accepted name it resembles.
    static func unknownEncoding(_ name: String, nearest: String?) -> Self {
        Self(code: .unknownEncoding, text: "unknown encoding \"\(name)\"",
             suggestion: nearest.map { "did you mean \"\($0)\"?" }
                ?? "the encodings are " + TextEncoding.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
    }

    /// A keyword where a name is written (`written`, as it stands in the source); it is taken as the name.
    static func keywordAsName(written: String) -> Self {
        Self(code: .keywordAsName, text: "`\(written)` is a keyword", suggestion: useAsName(written))
    }

    static func emptyTiers(_ name: String) -> Self {
        Self(code: .emptyTiers, text: "`tiers \(name)` has no tiers", suggestion: "add tiers such as `A where clv >= 5e6` and `C otherwise`")
    }

    static func otherwiseNotLast(label: String) -> Self {
        Self(code: .otherwiseNotLast, text: "`otherwise` must be the last tier",
             suggestion: "move `\(label) otherwise` to the end; tiers after it can never match")
    }

    /// A `show` clause (`limit`, `order`, `columns`) written twice, as written.
    static func repeatedClause(_ clause: String, in statement: String = "show") -> Self {
        Self(code: .repeatedClause, text: "`\(clause)` appears twice in one `\(statement)`", suggestion: "keep one `\(clause)` clause")
    }

    /// Brackets, `-` or `not` nested past the parser's limit (docs/language.md states the same number).
    static func nestedTooDeeply(maxDepth: Int) -> Self {
        Self(code: .nestedTooDeeply, text: "expression is nested more than \(maxDepth) deep (brackets, `-` and `not`)",
             suggestion: "split it with `let` or `derive`")
    }

    static func expressionTooLong(maxOperators: Int) -> Self {
        Self(code: .expressionTooLong, text: "this expression is too long: more than \(maxOperators) operators",
             suggestion: "for a list of values write `field in [a, b, …]`; otherwise split it with `let`, `derive` or `segment`")
    }

    /// `a < b < c`; `rewrite` is the two comparisons as written, when both sides are plain comparisons.
    static func chainedComparison(rewrite: (a: String, op1: String, b: String, op2: String, c: String)?) -> Self {
        let hint = rewrite.map { "write `\($0.a) \($0.op1) \($0.b) and \($0.b) \($0.op2) \($0.c)`" }
        return Self(code: .chainedComparison, text: "comparisons do not chain",
                    suggestion: hint ?? "combine the comparisons with `and`, or add parentheses")
    }

    static var assignmentInComparison: Self {
        Self(code: .assignmentInComparison, text: "`=` assigns; to compare use `==`", suggestion: "use `==`")
    }

    static func fractionalDuration(_ written: String) -> Self {
        Self(code: .fractionalDuration, text: "a duration needs a whole number, found `\(written)`",
             suggestion: "use a smaller unit, e.g. `days` instead of fractional `months`")
    }

    /// How a token is named in a message: its text in backticks, shortened if long.
    static func describe(_ t: Token) -> String {
        if t.kind == .eof { return endOfInput }
        let scalars = Array(t.text.unicodeScalars)
        if scalars.count > 24 {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars.prefix(20))
            return "`\(String(s))…`"
        }
        return "`\(t.text)`"
    }

    static let endOfInput = "the end of the input"

    // MARK: - Rule sources and includes

    static func rulesFileUnreadable(_ path: String) -> Self {
        Self(code: .rulesFileUnreadable, text: "cannot read rules file `\(path)`: no such file or not readable",
             suggestion: "check the path (it is relative to the current folder)")
    }

    static func includedFileUnreadable(_ written: String) -> Self {
        Self(code: .includedFileUnreadable, text: "cannot read included file `\(written)`", suggestion: "the path is relative to this file's folder")
    }

    static var rulesFileNotUTF8: Self {
        Self(code: .rulesFileNotUTF8, text: "the rules file is not UTF-8", suggestion: saveAsUTF8)
    }

    static func includedFileNotUTF8(_ written: String, line: Int) -> Self {
        Self(code: .includedFileNotUTF8, text: "included file `\(written)` is not UTF-8 (line \(line))", suggestion: saveAsUTF8)
    }

    private static let saveAsUTF8 = "save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"

    /// An include that leads back to a file being included; `firstInclude` is where the cycle starts, when known.
    static func includeCycle(_ written: String, firstInclude: (file: String, span: SourceSpan)?) -> Self {
        let hint = firstInclude.map { f in
            "`\(written)` is already being included (its include at \(f.file):\(f.span.start.line):\(f.span.start.column) leads back here)"
        }
        return Self(code: .includeCycle, text: "include cycle: `\(written)` includes this file again", suggestion: hint ?? "remove one of the includes")
    }

    static var includeCycleStart: Self {
        Self(code: .includeCycleStart, severity: .note, text: "the cycle starts with this include",
             suggestion: "shared definitions belong in a file that includes nothing that includes it")
    }

    // MARK: - Formatter

    /// `strata fmt`'s last guard failed: the layout it made would not parse back to the same program.
    static var formatterChangedMeaning: Self {
        Self(code: .formatterChangedMeaning,
             text: "internal formatter error: the formatted text would change the file's meaning or comments; file left unchanged",
             suggestion: "please report this file")
    }
}

/// How to write a keyword as a name: in backticks, in the case it was written (names keep their case, so
/// a column headed `Order` is `` `Order` ``, not `` `order` ``).
private func useAsName(_ written: String) -> String { "write `` `\(written)` `` to use it as a name" }

/// What the parser looked for where it found something else: the phrase after "expected", the kind of
/// message it makes, and a hint when "write … here" would not help.
enum Expectation: Sendable {
    /// A table name after `load` or `schema`.
    case tableName(after: Keyword)
    /// The name a `set`, `let`, `derive` or `tiers` statement defines.
    case definedName(after: Keyword)
    case segmentName
    /// A field name in a `schema` block.
    case fieldName
    case tierLabel
    /// A tier label, or the `}` that ends the block.
    case tierLabelOrEnd
    /// A file path string after `from`, `to` or `include`.
    case filePath(after: Keyword)
    /// The message string after an `assert`'s `,`.
    case assertMessage
    /// The type of a `schema` field.
    case fieldType(field: String)
    case fromAfterTable
    case whereAfterSegment
    case toAfterExportTarget
    case byAfterOrder
    /// `null` after `is` or `is not`.
    case null(negated: Bool)
    case inOrBetweenAfterNot
    case andBetweenBounds
    case whereOrOtherwise(label: String)
    /// The `=` of `set`, `let` or `derive`; `foundDoubleEquals` when `==` was written instead.
    case assign(after: Keyword, name: String, foundDoubleEquals: Bool)
    /// The `{` after `schema NAME` or `tiers NAME`.
    case openBrace(after: Keyword, name: String)
    /// The list after `in` or `not in`.
    case list(negated: Bool)
    /// The separator or closing bracket of an `in` list.
    case listContinuation(close: Symbol)
    case closingParenthesis
    /// A second argument followed by `where`, which belongs after the first.
    case argumentAfterFilter
    case callContinuation(function: String)
    case statement
    /// A statement where the line starts with something that starts none.
    case statementKeyword
    /// The end of a bare expression (`keyword` nil) or of the statement `keyword` starts.
    case statementEnd(keyword: String?)
    case expression
    /// An expression where a keyword stands that could be meant as a name (not one that shapes statements).
    case expressionNotKeyword(written: String)
    /// An expression where a `[...]` list stands.
    case expressionNotList
    /// The field after `visits.`.
    case memberField(table: String)
    /// `by` after `linked` or `matched` in a `load`.
    case byAfterLink(word: String)
    /// The field that names the customer after `linked by` / `matched by`.
    case linkField(word: String)
    /// The field after `key` in a `load`.
    case keyField
    /// A `load` clause given a second time.
    case loadClauseOnce(clause: String)
    /// The string after `encoding` in a `load`.
    case encodingName
    /// `by` and the group fields after the target of `summarize` or `count … by`.
    case byAfterSummaryTarget(form: String)

    /// The phrase after "expected".
    var text: String {
        switch self {
        case .tableName(let k): return "a table name after `\(k.rawValue)`"
        case .definedName(let k): return "a name after `\(k.rawValue)`"
        case .segmentName: return "a segment name after `segment`"
        case .fieldName: return "a field name"
        case .tierLabel: return "a tier label"
        case .tierLabelOrEnd: return "a tier label (a name or a string) or `}`"
        case .filePath(let k): return "the file path as a string after `\(k.rawValue)`"
        case .assertMessage: return "a message string after `,`"
        case .fieldType(let f): return "a type (number, string, bool or date) after `\(f)`"
        case .fromAfterTable: return "`from` after the table name"
        case .whereAfterSegment: return "`where` after the segment name"
        case .toAfterExportTarget: return "`to` and a file path after the export target"
        case .byAfterOrder: return "`by` after `order`"
        case .null(let negated): return "`null` after `is\(negated ? " not" : "")`"
        case .inOrBetweenAfterNot: return "`in` or `between` after `not`"
        case .andBetweenBounds: return "`and` between the bounds of `between`"
        case .whereOrOtherwise(let label): return "`where` or `otherwise` after the tier label `\(label)`"
        case .assign(let k, let name, _): return "`=` after `\(k.rawValue) \(name)`"
        case .openBrace(let k, let name): return "`{` after `\(k.rawValue) \(name)`"
        case .list(let negated): return "`[` and a list after `\(negated ? "not in" : "in")`"
        case .listContinuation(let close): return "`,` or `\(close.rawValue)` in the list"
        case .closingParenthesis: return "`)` after the expression"
        case .argumentAfterFilter: return "`,` or `)`"
        case .callContinuation(let f): return "`,` or `)` in the call to `\(f)`"
        case .statement, .statementKeyword: return "a statement"
        case .statementEnd(let k): return k.map { "the end of the `\($0)` statement" } ?? "the end of the expression"
        case .expression, .expressionNotKeyword, .expressionNotList: return "an expression"
        case .memberField(let t): return "a field name after `\(t).`"
        case .byAfterLink(let w): return "`by` after `\(w)`"
        case .linkField(let w): return "the field that names the customer after `\(w) by`"
        case .keyField: return "the key field after `key`"
        case .loadClauseOnce: return "the end of the `load` statement"
        case .encodingName: return "the encoding's name as a string after `encoding`"
        case .byAfterSummaryTarget(let form): return "`by` and the fields to group by after the `\(form)` target"
        }
    }

    /// The help shown instead of "write … here", if any.
    var suggestion: String? {
        switch self {
        case .assign(_, _, let doubled): return doubled ? "use a single `=` to define a name" : nil
        case .argumentAfterFilter: return "a `where` filter must follow the first argument, e.g. `percentile(clv where vip, 0.9)`"
        case .statementKeyword: return Self.statementKeywordsHint
        case .expressionNotKeyword(let written): return useAsName(written)
        case .expressionNotList: return "a `[...]` list may only follow `in`"
        case .memberField: return "write `table.field`, e.g. `visits.date`"
        case .loadClauseOnce(let c): return "give `\(c)` once"
        case .encodingName: return "write it as a string, e.g. `encoding \"gb18030\"`"
        case .byAfterLink, .linkField, .keyField: return nil
        case .byAfterSummaryTarget: return "e.g. `summarize vip by city`"

        case .tableName, .definedName, .segmentName, .fieldName, .tierLabel, .tierLabelOrEnd, .filePath, .assertMessage, .fieldType,
             .fromAfterTable, .whereAfterSegment, .toAfterExportTarget, .byAfterOrder, .null, .inOrBetweenAfterNot, .andBetweenBounds,
             .whereOrOtherwise, .openBrace, .list, .listContinuation, .closingParenthesis, .callContinuation, .statement, .statementEnd,
             .expression:
            return nil
        }
    }

    /// The kind of message: what sort of thing was missing.
    var code: DiagnosticCode {
        switch self {
        case .tableName, .definedName, .segmentName, .fieldName, .tierLabel, .tierLabelOrEnd: return .expectedName
        case .filePath, .assertMessage, .encodingName: return .expectedString
        case .fieldType: return .expectedType
        case .fromAfterTable, .whereAfterSegment, .toAfterExportTarget, .byAfterOrder, .null, .inOrBetweenAfterNot, .andBetweenBounds,
             .whereOrOtherwise:
            return .expectedKeyword
        case .assign, .openBrace, .list, .listContinuation, .closingParenthesis, .argumentAfterFilter, .callContinuation: return .expectedSymbol
        case .memberField, .linkField, .keyField: return .expectedName
        case .byAfterLink, .byAfterSummaryTarget: return .expectedKeyword
        case .loadClauseOnce: return .expectedStatementEnd
        case .statement, .statementKeyword: return .expectedStatement
        case .statementEnd: return .expectedStatementEnd
        case .expression, .expressionNotKeyword, .expressionNotList: return .expectedExpression
        }
    }

    /// Every statement keyword, for when a line starts with something else.
    static var statementKeywordsHint: String {
        "a statement starts with one of: \(Keyword.statementStarts.map(\.rawValue).sorted().joined(separator: ", "))"
    }
}
