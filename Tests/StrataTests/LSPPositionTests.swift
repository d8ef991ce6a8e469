import Testing
@testable import Strata

/// LSP positions (0-based line, UTF-16 character) against Strata's (1-based line, column in scalars,
/// UTF-8 offset), for the texts analysts write: Chinese names, emoji, Windows line ends.
@Suite struct LSPPositionTests {
    // 深 is 3 UTF-8 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units (a surrogate pair).
    static let text = "ab\n深圳😀x\r\n\r\nend"

    @Test func cjkAndEmojiCountInUTF16() {
        let p = TextPositions(Self.text)
        // `x` on line 1: after 深 圳 (1 unit each) and 😀 (2 units) is character 4, column 4, offset 3+3+3+4.
        let x = SourceLocation(line: 2, column: 4, offset: 13)
        #expect(p.position(of: x) == LSPPosition(line: 1, character: 4))
        #expect(p.location(of: LSPPosition(line: 1, character: 4)) == x)
        #expect(p.offset(of: LSPPosition(line: 1, character: 2)) == 9)
        #expect(p.location(atOffset: 9) == SourceLocation(line: 2, column: 3, offset: 9))
    }

    @Test func aCharacterInsideASurrogatePairIsTheStartOfItsEmoji() {
        let p = TextPositions(Self.text)
        #expect(p.offset(of: LSPPosition(line: 1, character: 3)) == p.offset(of: LSPPosition(line: 1, character: 2)))
    }

    @Test func positionsPastALineEndClampToItAndCRLFIsNotPartOfTheLine() {
        let p = TextPositions(Self.text)
        // Line 1 is `深圳😀x` followed by CRLF: its end is before the CR.
        #expect(p.offset(of: LSPPosition(line: 1, character: 99)) == 14)
        #expect(p.position(atOffset: 14) == LSPPosition(line: 1, character: 5))
        #expect(p.offset(of: LSPPosition(line: 2, character: 5)) == 16)
        #expect(p.position(atOffset: 16) == LSPPosition(line: 2, character: 0))
        // A line past the end is the end of the text.
        #expect(p.offset(of: LSPPosition(line: 40, character: 0)) == p.count)
        #expect(p.end == LSPPosition(line: 3, character: 3))
        #expect(p.lineCount == 4)
    }

    @Test func aLoneCarriageReturnEndsAnLSPLineButNotAStrataLine() {
        // The protocol counts `\r` as a line end; the lexer counts only `\n`, so the two meet at the offset.
        let p = TextPositions("a\rbc\nd")
        #expect(p.position(atOffset: 3) == LSPPosition(line: 1, character: 1))
        #expect(p.location(atOffset: 3) == SourceLocation(line: 1, column: 4, offset: 3))
        #expect(p.position(of: SourceLocation(line: 2, column: 1, offset: 5)) == LSPPosition(line: 2, character: 0))
    }

    @Test func strataLocationsClampToTheirLine() {
        let p = TextPositions(Self.text)
        #expect(p.offset(of: SourceLocation(line: 1, column: 50, offset: 0)) == 2)
        #expect(p.offset(of: SourceLocation(line: 9, column: 1, offset: 0)) == p.count)
        #expect(p.offset(of: SourceLocation(line: 0, column: 0, offset: 0)) == 0)
    }

    @Test func diagnosticSpansBecomeRanges() {
        let p = TextPositions(Self.text)
        // `x`, one scalar.
        let x = SourceSpan(start: SourceLocation(line: 2, column: 4, offset: 13), end: SourceLocation(line: 2, column: 5, offset: 14))
        #expect(p.range(of: x) == LSPRange(start: LSPPosition(line: 1, character: 4), end: LSPPosition(line: 1, character: 5)))
        // A message about the whole file sits at 0:0; one about a whole line covers the line's text.
        #expect(p.range(of: .wholeFile) == .documentStart)
        #expect(p.range(of: .wholeLine(2)) == LSPRange(start: LSPPosition(line: 1, character: 0), end: LSPPosition(line: 1, character: 5)))
        // An end before the start (never made by Strata) is not a backwards range.
        let backwards = SourceSpan(start: x.end, end: x.start)
        #expect(p.range(of: backwards).start <= p.range(of: backwards).end)
    }

    @Test func incrementalEditsReplaceUTF16Ranges() {
        let p = TextPositions(Self.text)
        // Replace `😀` (characters 2..<4 of line 1) with `!`.
        let edited = p.replacing(from: p.offset(of: LSPPosition(line: 1, character: 2)), to: p.offset(of: LSPPosition(line: 1, character: 4)), with: "!")
        #expect(edited == "ab\n深圳!x\r\n\r\nend")
        // Out-of-range offsets clamp instead of trapping.
        #expect(p.replacing(from: -5, to: 1_000, with: "z") == "z")
    }

    @Test func everyOffsetRoundTripsThroughBothConventions() {
        let text = "schema c {\r\n  城市: string\r\n}\n# 😀😀 \u{301}é\rsegment s where 城市 == \"深\"\n"
        let p = TextPositions(text)
        var boundaries: [Int] = [0]
        for s in text.unicodeScalars { boundaries.append(boundaries[boundaries.count - 1] + String(s).utf8.count) }
        let bytes = Array(text.utf8)
        for o in boundaries {
            #expect(p.offset(of: p.location(atOffset: o)) == o, "Strata location of \(o)")
            // The one offset that is no protocol position: between the `\r` and `\n` of a CRLF (the line's end).
            let insideCRLF = o > 0 && o < bytes.count && bytes[o - 1] == 0x0D && bytes[o] == 0x0A
            #expect(p.offset(of: p.position(atOffset: o)) == (insideCRLF ? o - 1 : o), "LSP position of \(o)")
        }
    }
}
