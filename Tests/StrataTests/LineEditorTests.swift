import Foundation
import Testing
@testable import Strata

/// Runs keys through an editor and returns the buffer and cursor.
func edit(_ keys: [Key], from text: String = "") -> (String, Int) {
    var e = LineEditor(text)
    for k in keys { _ = e.handle(k) }
    return (e.text, e.cursor)
}

@Suite struct KeyDecoderTests {
    static func decode(_ chunks: [[UInt8]]) -> [Key] {
        var d = KeyDecoder()
        return chunks.flatMap { d.feed($0) }
    }

    @Test(arguments: [
        ([0x1B, 0x5B, 0x41], Key.up), ([0x1B, 0x5B, 0x42], .down), ([0x1B, 0x5B, 0x43], .right), ([0x1B, 0x5B, 0x44], .left),
        ([0x1B, 0x4F, 0x41], .up), ([0x1B, 0x5B, 0x48], .home), ([0x1B, 0x5B, 0x46], .end), ([0x1B, 0x5B, 0x31, 0x7E], .home),
        ([0x1B, 0x5B, 0x34, 0x7E], .end), ([0x1B, 0x5B, 0x37, 0x7E], .home), ([0x1B, 0x5B, 0x38, 0x7E], .end), ([0x1B, 0x4F, 0x48], .home),
        ([0x1B, 0x5B, 0x33, 0x7E], .delete), ([0x1B, 0x62], .wordLeft), ([0x1B, 0x66], .wordRight),
        ([0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x44], .wordLeft), ([0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43], .wordRight),
        ([0x0D], .enter), ([0x0A], .enter), ([0x09], .tab), ([0x7F], .backspace), ([0x08], .backspace),
        ([0x01], .control("a")), ([0x05], .control("e")), ([0x0B], .control("k")), ([0x15], .control("u")), ([0x17], .control("w")),
        ([0x03], .control("c")), ([0x04], .control("d")), ([0x0C], .control("l")), ([0x12], .control("r")), ([0x1B, 0x7F], .deleteWordLeft),
    ] as [([UInt8], Key)])
    func sequences(_ bytes: [UInt8], _ key: Key) {
        #expect(Self.decode([bytes]) == [key])
    }

    @Test func utf8SplitAcrossReads() {
        let bytes = Array("深圳a".utf8)
        #expect(Self.decode([Array(bytes[0..<2]), Array(bytes[2..<5]), Array(bytes[5...])]) == [.text("深"), .text("圳a")])
    }

    @Test func escapeSequenceSplitAcrossReads() {
        #expect(Self.decode([[0x1B], [0x5B], [0x44]]) == [.left])
        var d = KeyDecoder()
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.waitingAfterEscape)
        #expect(d.flushEscape() == [.escape])
    }

    @Test func bracketedPasteIsOneEvent() {
        let paste = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E] + Array("segment a where x\r\ncount a\t".utf8) + [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        #expect(Self.decode([Array(paste[0..<9]), Array(paste[9...])]) == [.paste("segment a where x\ncount a\t")])
    }

    @Test func unknownSequencesAreIgnored() {
        #expect(Self.decode([[0x1B, 0x5B, 0x39, 0x39, 0x7A], Array("x".utf8)]) == [.text("x")])
    }

    @Test func randomBytesNeverCrash() {
        var state: UInt64 = 99
        var d = KeyDecoder()
        var e = LineEditor()
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(state >> 60)
            var bytes: [UInt8] = []
            for k in 0..<n { bytes.append(UInt8(truncatingIfNeeded: state >> UInt64(k * 4))) }
            for key in d.feed(bytes) { _ = e.handle(key) }
            #expect(e.cursor >= 0 && e.cursor <= e.chars.count)
        }
    }
}

@Suite struct LineEditorTests {
    @Test func insertAnywhereWithCJK() {
        #expect(edit([.text("客户abc"), .left, .left, .left, .left, .text("x")]) == ("客x户abc", 2))
        #expect(edit([.text("深圳"), .home, .text("在")]) == ("在深圳", 1))
        #expect(edit([.text("ab"), .control("a"), .control("f"), .text("-")]) == ("a-b", 2))
    }

    @Test func deletions() {
        #expect(edit([.backspace], from: "clv") == ("cl", 2))
        #expect(edit([.home, .delete], from: "clv") == ("lv", 0))
        #expect(edit([.home, .right, .control("k")], from: "clv > 1") == ("c", 1))
        #expect(edit([.left, .left, .control("u")], from: "clv > 1") == (" 1", 0))
        #expect(edit([.control("w")], from: "segment 老带新") == ("segment ", 8))
        #expect(edit([.control("w"), .control("w")], from: "segment 老带新") == ("", 0))
        #expect(edit([.deleteWordLeft], from: "a + 深圳客户") == ("a + ", 4))
    }

    @Test func wordMoves() {
        #expect(edit([.wordLeft], from: "count vip_2") == ("count vip_2", 6))
        #expect(edit([.wordLeft, .wordLeft, .wordRight], from: "count vip_2") == ("count vip_2", 5))
        #expect(edit([.home, .wordRight, .wordRight], from: "城市 == 深圳") == ("城市 == 深圳", 8))
    }

    @Test func events() {
        var e = LineEditor()
        #expect(e.handle(.control("d")) == .endOfInput)
        #expect(e.handle(.text("x")) == .redraw)
        #expect(e.handle(.control("d")) == .none)
        #expect(e.handle(.enter) == .submit("x"))
        #expect(e.handle(.control("c")) == .cancel)
        #expect(e.handle(.tab) == .complete)
        #expect(e.handle(.up) == .historyPrevious)
        #expect(e.handle(.down) == .historyNext)
        #expect(e.handle(.control("r")) == .reverseSearch)
        #expect(e.handle(.control("l")) == .clearScreen)
        #expect(e.handle(.paste("a\nb")) == .pasteLines("a\nb"))
        #expect(e.handle(.paste("\tplain")) == .redraw)
        #expect(e.text == "x\tplain")
    }

    @Test func completionReplacesTheWord() {
        var e = LineEditor("count vi")
        e.replaceWord(from: 6, with: "vip")
        #expect(e.text == "count vip")
        #expect(e.cursor == 9)
    }
}

@Suite struct HistoryTests {
    @Test func navigationKeepsTheDraft() {
        var h = History()
        h.add("one")
        h.add("two")
        #expect(h.previous(current: "typing") == "two")
        #expect(h.previous(current: "two") == "one")
        #expect(h.previous(current: "one") == nil)
        #expect(h.next() == "two")
        #expect(h.next() == "typing")
        #expect(h.next() == nil)
    }

    @Test func noRepeatsNoBlanksAndALimit() {
        var h = History(limit: 3)
        for e in ["a", "a", " ", "b", "c", "d", "d"] { h.add(e) }
        #expect(h.entries == ["b", "c", "d"])
    }

    @Test func fileRoundTripKeepsMultiLineEntries() throws {
        var h = History()
        let entries = ["segment a where x > 1 and\n  y < 2", "path \\n literal", "深圳"]
        for e in entries { h.add(e) }
        let path = Repo.tempDir() + "/hist"
        try h.save(to: path)
        var back = History()
        back.load(from: path)
        #expect(back.entries == entries)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.components(separatedBy: "\n").count == 4)
    }

    @Test func reverseSearchFindsNewestFirst() {
        var h = History()
        for e in ["count vip", "segment vip where clv > 1", "show city"] { h.add(e) }
        #expect(h.search("vip")?.entry == "segment vip where clv > 1")
        #expect(h.search("vip", before: 1)?.entry == "count vip")
        #expect(h.search("nothing") == nil)
    }

    @Test func multiLineEntriesRecallAsOneLine() {
        #expect(History.asOneLine("segment a where x > 1 # big\n  and y < 2") == "segment a where x > 1 and y < 2")
        #expect(History.asOneLine("let s = \"a # b\"\n") == "let s = \"a # b\"")
    }
}

@Suite struct LineRendererTests {
    @Test func layoutWrapsAndCountsWideCharacters() {
        let pos = LineRenderer.layout(prompt: "> ", chars: Array("abcd深圳xy"), width: 10)
        // "> abcd" ends at column 6; 深 takes 6–7, 圳 8–9, then x wraps.
        #expect(pos.map { [$0.row, $0.col] } == [[0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 8], [1, 0], [1, 1], [1, 2]])
    }

    @Test func aWideCharacterThatDoesNotFitMovesToTheNextRow() {
        let pos = LineRenderer.layout(prompt: "> ", chars: Array("abcdefg深"), width: 10)
        #expect(pos[7].row == 1 && pos[7].col == 0)
        #expect(pos[8].row == 1 && pos[8].col == 2)
    }

    @Test func renderPlacesTheCursor() {
        let (out, state) = LineRenderer.render(prompt: "> ", chars: Array("abcdefghijkl"), cursor: 3, width: 10, previous: RenderState())
        #expect(state == RenderState(rows: 2, cursorRow: 0))
        #expect(out.hasPrefix("\r\u{1B}[J> abcdefgh\r\nijkl"))
        #expect(out.hasSuffix("\u{1B}[1A\r\u{1B}[5C"))
        let (again, _) = LineRenderer.render(prompt: "> ", chars: [], cursor: 0, width: 10, previous: RenderState(rows: 3, cursorRow: 2))
        #expect(again.hasPrefix("\u{1B}[2A\r\u{1B}[J> "))
    }

    @Test func columnsFitTheWidth() {
        #expect(LineReader.columns(["clv", "city", "深圳客户"], width: 30) == "clv       city      深圳客户\n")
        #expect(LineReader.columns(["clv", "city", "深圳客户"], width: 20) == "clv       city\n深圳客户\n")
    }
}

@Suite struct CompletionTests {
    static func makeSession() -> Session {
        let s = Session()
        s.attach(TestData.table([("clv", [.number(1)]), ("city", [.string("深圳")]), ("城市", [.string("深圳")])]))
        _ = s.interactive(SourceFile(name: "<t>", text: "segment 深圳客户 where city == \"深圳\""))
        return s
    }

    @Test(arguments: [
        ("count cl", 6, ["clv"]), ("c", 0, ["ceil", "city", "clv", "coalesce", "columns", "contains", "count", "customers"]),
        ("count 深圳", 6, ["深圳客户"]), ("show 城", 5, ["城市"]), (".sch", 0, [".schema"]), ("x .sch", 3, ["schema"]), ("", 0, []),
    ] as [(String, Int, [String])])
    func candidates(_ line: String, _ start: Int, _ expected: [String]) {
        let (s, c) = NameCompleter(session: Self.makeSession()).completions(for: line, cursor: line.count)
        #expect(c == expected)
        if !expected.isEmpty { #expect(s == start) }
    }
}

@Suite struct InputCompletenessTests {
    @Test(arguments: [
        ("segment vip where clv > 1", true), ("count(vip)", true), ("", true), ("segment vip where", false), ("segment vip where clv >", false),
        ("tiers g {", false), ("tiers g { A where x > 1", false), ("tiers g { A otherwise }", true), ("avg(clv", false),
        ("segment a where x > 1 and", false), ("segment", false), ("show vip limit", false), ("segment vip clv > 1", true),
        ("let x = \"unterminated", true), ("segment a where x in [1,", false),
    ] as [(String, Bool)])
    func detects(_ text: String, _ complete: Bool) {
        #expect(InputCompleteness.isComplete(text) == complete, "\(text)")
    }
}
