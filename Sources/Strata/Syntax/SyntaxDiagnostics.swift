/// The syntax phase's messages — lexer, parser, rule sources and includes, and the formatter's self-check —
/// one function per message kind, so the wording of each kind and its code live side by side.
extension DiagnosticMessage {
    // MARK: - Lexer

    /// An IME's full-width punctuation where the language expects ASCII.
    static func fullWidthPunctuation(_ written: Unicode.Scalar, ascii: Unicode.Scalar) -> Self {
        let slots: [String: Slot] = ["written": "\(written)", "ascii": "\(ascii)"]
        return Self(code: .fullWidthPunctuation, text: SyntaxText.fullWidthPunctuation(slots), help: SyntaxText.fullWidthPunctuationHelp(slots))
    }

    /// A character no token starts with; `shown` is the character or its code point.
    static func unexpectedCharacter(_ shown: String, isDot: Bool) -> Self {
        Self(code: .unexpectedCharacter, text: SyntaxText.unexpectedCharacter(["shown": "\(shown)"]),
             help: isDot ? SyntaxText.unexpectedDotHelp.message : SyntaxText.unexpectedCharacterHelp.message)
    }

    static func numberTooLarge(_ written: String) -> Self {
        Self(code: .numberTooLarge, text: SyntaxText.numberTooLarge(["written": "\(written)"]), help: SyntaxText.numberTooLargeHelp.message)
    }

    static func invalidDate(_ written: String) -> Self {
        Self(code: .invalidDate, text: SyntaxText.invalidDate(["written": "\(written)"]), help: SyntaxText.invalidDateHelp.message)
    }

    static func unterminatedString(quote: Unicode.Scalar) -> Self {
        Self(code: .unterminatedString, text: SyntaxText.unterminatedString.message, help: SyntaxText.unterminatedStringHelp(["quote": "\(quote)"]))
    }

    static var invalidUnicodeEscape: Self {
        Self(code: .invalidUnicodeEscape, text: SyntaxText.invalidUnicodeEscape.message, help: SyntaxText.invalidUnicodeEscapeHelp.message)
    }

    static func unknownEscape(_ letter: Unicode.Scalar) -> Self {
        Self(code: .unknownEscape, text: SyntaxText.unknownEscape(["letter": "\(letter)"]), help: SyntaxText.unknownEscapeHelp.message)
    }

    static var emptyBacktickName: Self {
        Self(code: .emptyBacktickName, text: SyntaxText.emptyBacktickName.message, help: SyntaxText.emptyBacktickNameHelp.message)
    }

    static var unterminatedBacktickName: Self {
        Self(code: .unterminatedBacktickName, text: SyntaxText.unterminatedBacktickName.message, help: SyntaxText.unterminatedBacktickNameHelp.message)
    }

    /// `<>`, `&&`, `||` and the like, with the operator or word the language has instead.
    static func notAnOperator(_ written: String, use replacement: String) -> Self {
        Self(code: .notAnOperator, text: SyntaxText.notAnOperator(["written": "\(written)"]),
             help: SyntaxText.useReplacement(["replacement": "\(replacement)"]))
    }

    /// A lone `!`, which could mean `!=` or `not`.
    static var bangIsNotAnOperator: Self {
        Self(code: .notAnOperator, text: SyntaxText.notAnOperator(["written": "!"]), help: SyntaxText.bangHelp.message)
    }

    // MARK: - Parser

    /// A bracket the input never closed: the message sits at the opener.
    static func unclosedBracket(_ opener: String, close: Symbol, before found: Found, at place: SourceLocation?) -> Self {
        var slots: [String: Slot] = ["opener": "\(opener)", "close": "\(close.rawValue)", "found": found.slot]
        if let place {
            slots["line"] = "\(place.line)"
            slots["column"] = "\(place.column)"
        }
        return Self(code: .unclosedBracket, text: place == nil ? SyntaxText.unclosedBracket(slots) : SyntaxText.unclosedBracketAt(slots),
                    help: SyntaxText.unclosedBracketHelp(slots))
    }

    /// Something else where `what` was expected, at what was found.
    static func expected(_ what: Expectation, found: Found) -> Self {
        let slots: [String: Slot] = ["what": .message(what.text), "found": found.slot]
        return Self(code: what.code, text: found == .endOfInput ? SyntaxText.expectedAtEndOfInput(slots) : SyntaxText.expected(slots),
             help: what.suggestion ?? SyntaxText.writeHere(["what": .message(what.text)]))
    }

    /// A statement that stopped short of `what`: the message sits at the end of its line. `nextLine` is
    /// where the following token is, nil at the end of the input.
    static func expectedAtEndOfLine(_ what: Expectation, found: Found, nextLine: Int?) -> Self {
        let slots: [String: Slot] = ["what": .message(what.text), "found": found.slot, "line": "\(nextLine ?? 0)"]
        return Self(code: what.code, text: nextLine == nil ? SyntaxText.expectedAtEndOfLine(slots) : SyntaxText.expectedAtEndOfLineNext(slots),
                    help: what.suggestion ?? SyntaxText.writeHere(slots))
    }

    /// A word at the start of a statement that is no statement keyword; `nearest` is the keyword it resembles.
    static func unknownStatement(_ found: Found, nearest: String?) -> Self {
        Self(code: .unknownStatement, text: SyntaxText.unknownStatement(["found": found.slot]),
             help: Message.didYouMean(nearest) ?? Expectation.statementKeywordsHint)
    }

    /// `encoding "…"` on a `load` naming no encoding Strata reads; `nearest` is the accepted name it resembles.
    static func unknownEncoding(_ name: String, nearest: String?) -> Self {
        Self(code: .unknownEncoding, text: SyntaxText.unknownEncoding(["name": "\(name)"]),
             help: nearest.map { SyntaxText.didYouMeanEncoding(["name": "\($0)"]) }
                ?? SyntaxText.encodingsAre(["names": .list(TextEncoding.allCases.map { "\"\($0.rawValue)\"" })]))
    }

    /// A keyword where a name is written (`written`, as it stands in the source); it is taken as the name.
    static func keywordAsName(written: String) -> Self {
        Self(code: .keywordAsName, text: SyntaxText.keywordAsName(["written": "\(written)"]), help: useAsName(written))
    }

    static func emptyTiers(_ name: String) -> Self {
        Self(code: .emptyTiers, text: SyntaxText.emptyTiers(["name": "\(name)"]), help: SyntaxText.emptyTiersHelp.message)
    }

    static func otherwiseNotLast(label: String) -> Self {
        Self(code: .otherwiseNotLast, text: SyntaxText.otherwiseNotLast.message, help: SyntaxText.otherwiseNotLastHelp(["label": "\(label)"]))
    }

    /// A `show` clause (`limit`, `order`, `columns`) written twice, as written.
    static func repeatedClause(_ clause: String, in statement: String = "show") -> Self {
        let slots: [String: Slot] = ["clause": "\(clause)", "statement": "\(statement)"]
        return Self(code: .repeatedClause, text: SyntaxText.repeatedClause(slots), help: SyntaxText.repeatedClauseHelp(slots))
    }

    /// Brackets, `-` or `not` nested past the parser's limit (docs/language.md states the same number).
    static func nestedTooDeeply(maxDepth: Int) -> Self {
        Self(code: .nestedTooDeeply, text: SyntaxText.nestedTooDeeply(["depth": "\(maxDepth)"]), help: SyntaxText.splitWithLetOrDerive.message)
    }

    static func expressionTooLong(maxOperators: Int) -> Self {
        Self(code: .expressionTooLong, text: SyntaxText.expressionTooLong(["count": "\(maxOperators)"]), help: SyntaxText.expressionTooLongHelp.message)
    }

    /// `a < b < c`; `rewrite` is the two comparisons as written, when both sides are plain comparisons.
    static func chainedComparison(rewrite: (a: String, op1: String, b: String, op2: String, c: String)?) -> Self {
        let hint = rewrite.map { SyntaxText.chainedComparisonRewrite(["a": "\($0.a)", "op1": "\($0.op1)", "b": "\($0.b)", "op2": "\($0.op2)", "c": "\($0.c)"]) }
        return Self(code: .chainedComparison, text: SyntaxText.chainedComparison.message, help: hint ?? SyntaxText.chainedComparisonHelp.message)
    }

    static var assignmentInComparison: Self {
        Self(code: .assignmentInComparison, text: SyntaxText.assignmentInComparison.message, help: SyntaxText.useDoubleEquals.message)
    }

    static func fractionalDuration(_ written: String) -> Self {
        Self(code: .fractionalDuration, text: SyntaxText.fractionalDuration(["written": "\(written)"]), help: SyntaxText.fractionalDurationHelp.message)
    }

    /// What the parser found instead: a token, or the end of the input (whose messages are worded apart,
    /// since Chinese does not put it where a token goes).
    enum Found: Equatable {
        case token(String)
        case endOfInput

        /// The token in backticks; the end of the input never fills a slot (its templates say it).
        var slot: Slot {
            switch self {
            case .token(let text): .message(SyntaxText.token(["text": "\(text)"]))
            case .endOfInput: ""
            }
        }
    }

    /// How a token is named in a message: its text in backticks, shortened if long.
    static func describe(_ t: Token) -> Found {
        if t.kind == .eof { return .endOfInput }
        let scalars = Array(t.text.unicodeScalars)
        if scalars.count > 24 {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars.prefix(20))
            return .token("\(String(s))…")
        }
        return .token(t.text)
    }

    // MARK: - Rule sources and includes

    static func rulesFileUnreadable(_ path: String) -> Self {
        Self(code: .rulesFileUnreadable, text: SyntaxText.rulesFileUnreadable(["path": "\(path)"]), help: SyntaxText.rulesFileUnreadableHelp.message)
    }

    static func includedFileUnreadable(_ written: String) -> Self {
        Self(code: .includedFileUnreadable, text: SyntaxText.includedFileUnreadable(["path": "\(written)"]),
             help: SyntaxText.includedFileUnreadableHelp.message)
    }

    static var rulesFileNotUTF8: Self {
        Self(code: .rulesFileNotUTF8, text: SyntaxText.rulesFileNotUTF8.message, help: SyntaxText.saveAsUTF8.message)
    }

    static func includedFileNotUTF8(_ written: String, line: Int) -> Self {
        Self(code: .includedFileNotUTF8, text: SyntaxText.includedFileNotUTF8(["path": "\(written)", "line": "\(line)"]), help: SyntaxText.saveAsUTF8.message)
    }

    /// An include that leads back to a file being included; `firstInclude` is where the cycle starts, when known.
    static func includeCycle(_ written: String, firstInclude: (file: String, span: SourceSpan)?) -> Self {
        let hint = firstInclude.map { f in
            SyntaxText.includeCycleHelp(["path": "\(written)", "place": "\(f.file):\(f.span.start.line):\(f.span.start.column)"])
        }
        return Self(code: .includeCycle, text: SyntaxText.includeCycle(["path": "\(written)"]), help: hint ?? SyntaxText.includeCycleRemoveOne.message)
    }

    static var includeCycleStart: Self {
        Self(code: .includeCycleStart, severity: .note, text: SyntaxText.includeCycleStart.message, help: SyntaxText.includeCycleStartHelp.message)
    }

    // MARK: - Formatter

    /// `strata fmt`'s last guard failed: the layout it made would not parse back to the same program.
    static var formatterChangedMeaning: Self {
        Self(code: .formatterChangedMeaning, text: SyntaxText.formatterChangedMeaning.message, help: SyntaxText.formatterChangedMeaningHelp.message)
    }
}

/// How to write a keyword as a name: in backticks, in the case it was written (names keep their case, so
/// a column headed `Order` is `` `Order` ``, not `` `order` ``).
private func useAsName(_ written: String) -> Message { SyntaxText.useAsName(["written": "\(written)"]) }

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
    var text: Message {
        switch self {
        case .tableName(let k): return ExpectationText.tableName(["keyword": "\(k.rawValue)"])
        case .definedName(let k): return ExpectationText.definedName(["keyword": "\(k.rawValue)"])
        case .segmentName: return ExpectationText.segmentName.message
        case .fieldName: return ExpectationText.fieldName.message
        case .tierLabel: return ExpectationText.tierLabel.message
        case .tierLabelOrEnd: return ExpectationText.tierLabelOrEnd.message
        case .filePath(let k): return ExpectationText.filePath(["keyword": "\(k.rawValue)"])
        case .assertMessage: return ExpectationText.assertMessage.message
        case .fieldType(let f): return ExpectationText.fieldType(["field": "\(f)"])
        case .fromAfterTable: return ExpectationText.fromAfterTable.message
        case .whereAfterSegment: return ExpectationText.whereAfterSegment.message
        case .toAfterExportTarget: return ExpectationText.toAfterExportTarget.message
        case .byAfterOrder: return ExpectationText.byAfterOrder.message
        case .null(let negated): return ExpectationText.null(["is": negated ? "is not" : "is"])
        case .inOrBetweenAfterNot: return ExpectationText.inOrBetweenAfterNot.message
        case .andBetweenBounds: return ExpectationText.andBetweenBounds.message
        case .whereOrOtherwise(let label): return ExpectationText.whereOrOtherwise(["label": "\(label)"])
        case .assign(let k, let name, _): return ExpectationText.assign(["keyword": "\(k.rawValue)", "name": "\(name)"])
        case .openBrace(let k, let name): return ExpectationText.openBrace(["keyword": "\(k.rawValue)", "name": "\(name)"])
        case .list(let negated): return ExpectationText.list(["op": negated ? "not in" : "in"])
        case .listContinuation(let close): return ExpectationText.listContinuation(["close": "\(close.rawValue)"])
        case .closingParenthesis: return ExpectationText.closingParenthesis.message
        case .argumentAfterFilter: return ExpectationText.commaOrParenthesis.message
        case .callContinuation(let f): return ExpectationText.callContinuation(["function": "\(f)"])
        case .statement, .statementKeyword: return ExpectationText.statement.message
        case .statementEnd(let k): return k.map { ExpectationText.statementEnd(["keyword": "\($0)"]) } ?? ExpectationText.expressionEnd.message
        case .expression, .expressionNotKeyword, .expressionNotList: return ExpectationText.expression.message
        case .memberField(let t): return ExpectationText.memberField(["table": "\(t)"])
        case .byAfterLink(let w): return ExpectationText.byAfterLink(["word": "\(w)"])
        case .linkField(let w): return ExpectationText.linkField(["word": "\(w)"])
        case .keyField: return ExpectationText.keyField.message
        case .loadClauseOnce: return ExpectationText.loadEnd.message
        case .encodingName: return ExpectationText.encodingName.message
        case .byAfterSummaryTarget(let form): return ExpectationText.byAfterSummaryTarget(["form": "\(form)"])
        }
    }

    /// The help shown instead of "write … here", if any.
    var suggestion: Message? {
        switch self {
        case .assign(_, _, let doubled): return doubled ? ExpectationText.singleEqualsHelp.message : nil
        case .argumentAfterFilter: return ExpectationText.argumentAfterFilterHelp.message
        case .statementKeyword: return Self.statementKeywordsHint
        case .expressionNotKeyword(let written): return useAsName(written)
        case .expressionNotList: return ExpectationText.expressionNotListHelp.message
        case .memberField: return ExpectationText.memberFieldHelp.message
        case .loadClauseOnce(let c): return ExpectationText.loadClauseOnceHelp(["clause": "\(c)"])
        case .encodingName: return ExpectationText.encodingNameHelp.message
        case .byAfterLink, .linkField, .keyField: return nil
        case .byAfterSummaryTarget: return ExpectationText.byAfterSummaryTargetHelp.message

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
    static var statementKeywordsHint: Message {
        SyntaxText.statementKeywordsHint(["keywords": .list(Keyword.statementStarts.map(\.rawValue).sorted())])
    }
}
