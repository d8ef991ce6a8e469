import Testing
@testable import Strata

@Suite struct LexerTests {
    static func lex(_ text: String) -> (tokens: [Token], comments: [Strata.Comment], diagnostics: [Diagnostic]) {
        Lexer(source: SourceFile(name: "t.strata", text: text)).tokenize()
    }

    static func kinds(_ text: String) -> [TokenKind] {
        lex(text).tokens.map(\.kind).filter { $0 != .eof }
    }

    @Test func everyKeywordIsAKeyword() {
        for k in Keyword.allCases {
            #expect(Self.kinds(k.rawValue) == [.keyword(k)])
        }
        // Keywords are case-insensitive (docs/language.md): `LOAD`, `Where` are the keywords.
        #expect(Self.kinds("Segment WHERE lOaD") == [.keyword(.segment), .keyword(.where), .keyword(.load)])
        for k in Keyword.allCases {
            #expect(Self.kinds(k.rawValue.uppercased()) == [.keyword(k)])
        }
        // Only ASCII words fold; a longer word or a name that merely starts like a keyword stays a name.
        #expect(Self.kinds("Wheres LOADED ＷＨＥＲＥ") == [.identifier("Wheres"), .identifier("LOADED"), .identifier("ＷＨＥＲＥ")])
    }

    @Test func backticksMakeAKeywordSpellingAName() {
        // A column literally named `Where` or `ORDER` (an export header) is written in backticks.
        #expect(Self.kinds("`Where` `ORDER` `count`") == [.identifier("Where"), .identifier("ORDER"), .identifier("count")])
        #expect(!Lexer.isBareName("Where"))
        #expect(!Lexer.isBareName("ORDER"))
        #expect(Lexer.isBareName("Wheres"))
    }

    @Test func everySymbolLexes() {
        for s in Symbol.allCases {
            let r = Self.lex(s.rawValue)
            #expect(r.tokens.map(\.kind) == [.symbol(s), .eof])
            #expect(r.tokens.first?.text == s.rawValue)
            #expect(r.diagnostics.isEmpty)
        }
    }

    @Test func mixedTokenKinds() {
        let r = Self.lex(#"segment vip where clv >= 2e6 and city in ["深圳", 'x'] and d < 2026-06-30"#)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.map(\.kind) == [
            .keyword(.segment), .identifier("vip"), .keyword(.where), .identifier("clv"), .symbol(.ge), .number(2e6),
            .keyword(.and), .identifier("city"), .keyword(.in), .symbol(.lbracket), .string("深圳"), .symbol(.comma),
            .string("x"), .symbol(.rbracket), .keyword(.and), .identifier("d"), .symbol(.lt),
            .date(CivilDate.days(year: 2026, month: 6, day: 30) ?? -1), .eof,
        ])
    }

    @Test func endsWithExactlyOneEOF() {
        for text in ["", "   ", "# only a comment", "a b c", "\"open"] {
            let tokens = Self.lex(text).tokens
            #expect(tokens.last?.kind == .eof)
            #expect(tokens.filter { $0.kind == .eof }.count == 1)
        }
    }

    @Test(arguments: [
        ("42", 42.0), ("3.5", 3.5), ("2e6", 2_000_000), ("2E6", 2_000_000), ("1.5e-3", 0.0015), ("3e+2", 300),
        ("1_000", 1000), ("1_000_000", 1_000_000), ("200万", 2_000_000), ("3亿", 300_000_000),
        ("1.5亿", 150_000_000), ("0.5万", 5000), ("007", 7),
    ])
    func numberValues(_ text: String, _ value: Double) {
        let r = Self.lex(text)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.map(\.kind) == [.number(value), .eof])
        #expect(r.tokens.first?.text == text)
    }

    @Test func numberEdges() {
        // A trailing `_` or `.` is not part of the number; `e` without digits starts a name.
        #expect(Self.kinds("1_") == [.number(1), .identifier("_")])
        #expect(Self.kinds("2e") == [.number(2), .identifier("e")])
        #expect(Self.kinds("90days") == [.number(90), .identifier("days")])
        #expect(Self.lex("1e999").diagnostics.map(\.message) == ["the number `1e999` is too large"])
    }

    @Test(arguments: [("2026-06-30", 2026, 6, 30), ("2024-2-29", 2024, 2, 29), ("1970-01-01", 1970, 1, 1), ("2026-1-5", 2026, 1, 5)])
    func validDates(_ text: String, _ y: Int, _ m: Int, _ d: Int) {
        let r = Self.lex(text)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.map(\.kind) == [.date(CivilDate.days(year: y, month: m, day: d) ?? -1), .eof])
        #expect(r.tokens.first?.text == text)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31"])
    func invalidDates(_ text: String) {
        let r = Self.lex("set d = \(text)")
        #expect(r.diagnostics.map(\.message) == ["`\(text)` is not a valid date"])
        #expect(r.diagnostics.first?.span.start.column == 9)
        // Still one token, so the parser goes on.
        #expect(r.tokens.count == 5)
        if case .date = r.tokens[3].kind {} else { Issue.record("expected a date token") }
    }

    @Test func notDates() {
        #expect(Self.kinds("2026-06-301") == [.number(2026), .symbol(.minus), .number(6), .symbol(.minus), .number(301)])
        #expect(Self.kinds("12026-06-30") == [.number(12026), .symbol(.minus), .number(6), .symbol(.minus), .number(30)])
        #expect(Self.kinds("2026-06") == [.number(2026), .symbol(.minus), .number(6)])
        #expect(Self.kinds("2026-06-30x").count == 6)
    }

    @Test(arguments: [
        (#""abc""#, "abc"), ("'abc'", "abc"), (#""深圳""#, "深圳"), (#""a\"b""#, "a\"b"), (#"'it\'s'"#, "it's"),
        (#""a\\b""#, "a\\b"), (#""a\nb\tc\rd""#, "a\nb\tc\rd"), (#""\u{6DF1}\u{41}""#, "深A"), (#""""#, ""),
        (#""say “hi”""#, "say “hi”"), (#""it's""#, "it's"), (#"'say "hi"'"#, "say \"hi\""),
    ])
    func strings(_ text: String, _ value: String) {
        let r = Self.lex(text)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.map(\.kind) == [.string(value), .eof])
        #expect(r.tokens.first?.text == text)
    }

    @Test func badEscapes() {
        let r = Self.lex(#""a\qb" "\u{ZZ}" "\u{110000}""#)
        #expect(r.diagnostics.map(\.message) == ["unknown escape `\\q`", "invalid unicode escape", "invalid unicode escape"])
        #expect(r.tokens.first?.kind == .string("aqb"))
        #expect(r.diagnostics.first?.span.start.column == 3)
    }

    @Test func unterminatedString() {
        let r = Self.lex("show vip\nsegment a where city == \"深圳\nshow a")
        #expect(r.diagnostics.count == 1)
        let d = r.diagnostics.first
        #expect(d?.message == "unterminated string")
        #expect(d?.suggestion == "close it with `\"` on the same line")
        #expect(d?.span.start.line == 2)
        #expect(d?.span.start.column == 25)
        #expect(r.tokens.contains { $0.kind == .string("深圳") })
        // The next line still lexes normally.
        #expect(r.tokens.suffix(3).map(\.kind) == [.keyword(.show), .identifier("a"), .eof])
        #expect(Self.lex("'abc").diagnostics.map(\.message) == ["unterminated string"])
    }

    @Test func backtickNames() {
        let r = Self.lex("`last visit` `limit` `客户 等级`")
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.map(\.kind) == [.identifier("last visit"), .identifier("limit"), .identifier("客户 等级"), .eof])
        #expect(r.tokens.first?.text == "`last visit`")
        let bad = Self.lex("`open\nx")
        #expect(bad.diagnostics.map(\.message) == ["unterminated backtick name"])
        #expect(bad.tokens.map(\.kind) == [.identifier("open"), .identifier("x"), .eof])
        #expect(Self.lex("``").diagnostics.map(\.message) == ["empty name in backticks"])
    }

    @Test func comments() {
        let r = Self.lex("# heading\nset x = 1 # trailing\n  # own line\n#last")
        #expect(r.tokens.map(\.kind) == [.keyword(.set), .identifier("x"), .symbol(.assign), .number(1), .eof])
        #expect(r.comments.map(\.text) == ["# heading", "# trailing", "# own line", "#last"])
        #expect(r.comments.map(\.trailing) == [false, true, false, false])
        #expect(r.comments[1].span.start.line == 2)
        #expect(r.comments[1].span.start.column == 11)
        #expect(Self.lex("x # a\r\ny").comments.map(\.text) == ["# a"])
    }

    @Test func cjkIdentifiersAndColumns() {
        let r = Self.lex("segment 老带新 where 万客会 > 1")
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.map(\.kind) == [
            .keyword(.segment), .identifier("老带新"), .keyword(.where), .identifier("万客会"), .symbol(.gt), .number(1), .eof,
        ])
        let whereTok = r.tokens[2]
        #expect(whereTok.span.start == SourceLocation(line: 1, column: 13, offset: 18))
        #expect(whereTok.span.end == SourceLocation(line: 1, column: 18, offset: 23))
        // Columns count scalars, offsets count UTF-8 bytes.
        let gt = r.tokens[4]
        #expect(gt.span.start.column == 23)
        #expect(gt.span.start.offset == 34)
        #expect(Self.kinds("_a1 a_b2 ß x٣") == [.identifier("_a1"), .identifier("a_b2"), .identifier("ß"), .identifier("x٣")])
    }

    @Test func positionsAcrossLines() {
        let r = Self.lex("a\r\n  bb\n\tc")
        #expect(r.tokens.map { [$0.span.start.line, $0.span.start.column, $0.span.start.offset] } == [[1, 1, 0], [2, 3, 5], [3, 2, 9], [3, 3, 10]])
    }

    @Test(arguments: [
        ("（", "(", TokenKind.symbol(.lparen)), ("）", ")", .symbol(.rparen)), ("，", ",", .symbol(.comma)),
        ("；", ";", .symbol(.semicolon)), ("＝", "=", .symbol(.assign)), ("＞", ">", .symbol(.gt)), ("＜", "<", .symbol(.lt)),
        ("、", ",", .symbol(.comma)),
    ])
    func fullWidthPunctuation(_ fw: String, _ ascii: String, _ kind: TokenKind) {
        let r = Self.lex("a \(fw) b")
        #expect(r.diagnostics.map(\.message) == ["full-width `\(fw)`; use `\(ascii)`"])
        #expect(r.diagnostics.first?.span.start.column == 3)
        #expect(r.tokens.map(\.kind) == [.identifier("a"), kind, .identifier("b"), .eof])
    }

    @Test func fullWidthQuotesAndPairs() {
        let r = Self.lex("city == “深圳” or x == ‘y’")
        #expect(r.diagnostics.map(\.message) == ["full-width `“`; use `\"`", "full-width `‘`; use `'`"])
        #expect(r.tokens.map(\.kind) == [
            .identifier("city"), .symbol(.eq), .string("深圳"), .keyword(.or), .identifier("x"), .symbol(.eq), .string("y"), .eof,
        ])
        let ge = Self.lex("x ＞＝ 1")
        #expect(ge.tokens.map(\.kind) == [.identifier("x"), .symbol(.ge), .number(1), .eof])
        #expect(ge.diagnostics.count == 2)
        let colon = Self.lex("a：b")
        #expect(colon.diagnostics.map(\.message) == ["full-width `：`; use `:`"])
        #expect(colon.tokens.map(\.kind) == [.identifier("a"), .symbol(.colon), .identifier("b"), .eof])
    }

    @Test(arguments: [
        ("a <> b", TokenKind.symbol(.ne), "`<>` is not an operator", "use `!=`"),
        ("a && b", .keyword(.and), "`&&` is not an operator", "use `and`"),
        ("a || b", .keyword(.or), "`||` is not an operator", "use `or`"),
        ("a ! b", .keyword(.not), "`!` is not an operator", "did you mean `!=` or `not`?"),
    ])
    func friendlyOperators(_ text: String, _ kind: TokenKind, _ message: String, _ suggestion: String) {
        let r = Self.lex(text)
        #expect(r.tokens.map(\.kind) == [.identifier("a"), kind, .identifier("b"), .eof])
        #expect(r.diagnostics.map(\.message) == [message])
        #expect(r.diagnostics.first?.suggestion == suggestion)
    }

    @Test func unexpectedCharacters() {
        let r = Self.lex("a @ b $\u{1}")
        #expect(r.diagnostics.map(\.message) == ["unexpected character `@`", "unexpected character `$`", "unexpected character `U+0001`"])
        #expect(r.tokens.map(\.kind) == [.identifier("a"), .identifier("b"), .eof])
        #expect(r.diagnostics.first?.span.start.column == 3)
    }

    @Test func tokenTextAndSpansRoundTrip() {
        let text = "show `a b` limit 200万 order by x desc # c\nassert y != 'q\\n', \"m\""
        let source = SourceFile(name: "t", text: text)
        for t in Lexer(source: source).tokenize().tokens {
            #expect(source.slice(t.span) == t.text)
        }
    }

    @Test func randomInputNeverCrashes() {
        var rng = SplitMix(seed: 42)
        let alphabet = Array("ab万亿_0123456789.eE+-*/%<>=!&|()[]{},;#\"'`\\\n\r\t 　（），；“”‘’＝＞＜：@$深圳\u{0}\u{FEFF}\u{301}🙂uU{}")
        for _ in 0..<2000 {
            let len = Int(rng.next() % 40)
            var s = ""
            for _ in 0..<len { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let r = Self.lex(s)
            #expect(r.tokens.last?.kind == .eof)
            _ = Parser.parse(SourceFile(name: "r", text: s))
            _ = Parser.parse(SourceFile(name: "r", text: s), allowBareExpressions: true)
        }
        for _ in 0..<500 {
            let bytes = (0..<Int(rng.next() % 60)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let s = String(decoding: bytes, as: UTF8.self)
            #expect(Self.lex(s).tokens.last?.kind == .eof)
            _ = Parser.parse(SourceFile(name: "r", text: s), allowBareExpressions: true)
        }
    }
}

/// A small deterministic generator so fuzz tests are reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}
