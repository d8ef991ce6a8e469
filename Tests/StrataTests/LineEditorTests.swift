import Testing
@testable import Strata

/// Runs keys through an editor holding `text` (cursor at its end) and returns the buffer and cursor.
func edit(_ keys: [Key], from text: String = "") -> (String, Int) {
    var e = LineEditor(text)
    for k in keys { _ = e.handle(k) }
    return (e.text, e.cursor)
}

private let L = Key.left, R = Key.right

@Suite struct LineEditorTests {
    @Test(arguments: [
        ([.text("客户abc"), L, L, L, L, .text("x")], "", "客x户abc", 2),
        ([.text("深圳"), .home, .text("在")], "", "在深圳", 1),
        ([.text("ab"), .control("a"), .control("f"), .text("-")], "", "a-b", 2),
        ([.control("a"), .control("e"), .control("b"), .text("!")], "ab", "a!b", 2),
        ([.home, R, R, .end, .text("。")], "城市", "城市。", 3),
        ([L, L, L, L, L], "ab", "ab", 0),  // Left stops at the start
        ([R, R], "ab", "ab", 2),  // Right stops at the end
        ([L, .text("é")], "cafe", "cafée", 4),
        ([L, .text("\u{301}")], "ab", "a\u{301}b", 1),  // a combining mark joins the character before it
    ] as [([Key], String, String, Int)])
    func movingAndInserting(_ keys: [Key], _ start: String, _ text: String, _ cursor: Int) {
        #expect(edit(keys, from: start) == (text, cursor))
    }

    @Test(arguments: [
        ([.backspace], "clv", "cl", 2), ([.home, .backspace], "clv", "clv", 0),
        ([.home, .delete], "clv", "lv", 0), ([.delete], "clv", "clv", 3),
        ([L, .backspace], "客户", "户", 0), ([L, L, .delete], "客户", "户", 0),
        ([.home, R, .control("k")], "clv > 1", "c", 1), ([.control("k")], "clv", "clv", 3),
        ([L, L, .control("u")], "clv > 1", " 1", 0), ([.home, .control("u")], "abc", "abc", 0),
        ([L, .control("d")], "ab", "a", 1), ([.control("d")], "ab", "ab", 2),
        ([.control("k"), .control("y")], "abc", "abc", 3), ([.home, .control("k"), .control("y"), .control("y")], "ab", "abab", 4),
        ([.control("t")], "ab", "ba", 2), ([L, .control("t")], "abc", "acb", 3),
    ] as [([Key], String, String, Int)])
    func deleting(_ keys: [Key], _ start: String, _ text: String, _ cursor: Int) {
        #expect(edit(keys, from: start) == (text, cursor))
    }

    @Test(arguments: [
        ([.control("w")], "segment 老带新", "segment ", 8),
        ([.control("w"), .control("w")], "segment 老带新", "", 0),
        ([.control("w")], "count 客户 == ", "count ", 6),  // trailing punctuation goes with the word before it
        ([.deleteWordLeft], "a + 深圳客户", "a + ", 4),
        ([L, L, .control("w")], "城市 深圳客户", "城市 客户", 3),  // only up to the cursor
        ([.control("w")], "vip_2", "", 0), ([.control("w")], "", "", 0),
        ([.control("w"), .control("y")], "a bc", "a bc", 4),
    ] as [([Key], String, String, Int)])
    func killWordBackwards(_ keys: [Key], _ start: String, _ text: String, _ cursor: Int) {
        #expect(edit(keys, from: start) == (text, cursor))
    }

    @Test(arguments: [
        ([.wordLeft], "count vip_2", 6), ([.wordLeft, .wordLeft], "count vip_2", 0),
        ([.wordLeft, .wordLeft, .wordRight], "count vip_2", 5), ([.wordLeft, .wordLeft, .wordLeft], "count vip_2", 0),
        ([.home, .wordRight, .wordRight], "城市 == 深圳", 8), ([.home, .wordRight], "城市 == 深圳", 2),
        ([.wordLeft], "城市 == 深圳", 6), ([.wordLeft, .wordLeft], "城市 == 深圳", 0),
        ([.home, .wordRight, .wordRight, .wordRight], "a.b", 3), ([.wordLeft], "f(x, 客户)", 5),
    ] as [([Key], String, Int)])
    func wordMoves(_ keys: [Key], _ start: String, _ cursor: Int) {
        #expect(edit(keys, from: start) == (start, cursor))
    }

    @Test func events() {
        var e = LineEditor()
        #expect(e.handle(.control("d")) == .endOfInput)
        #expect(e.handle(.text("x")) == .redraw)
        #expect(e.handle(.control("d")) == .none)  // at the end of a non-empty line nothing is under the cursor
        #expect(e.handle(.enter) == .submit("x"))
        #expect(e.text == "x")  // the reader, not the editor, decides what happens to the line
        #expect(e.handle(.control("c")) == .cancel)
        #expect(e.handle(.tab) == .complete)
        #expect(e.handle(.up) == .historyPrevious)
        #expect(e.handle(.control("p")) == .historyPrevious)
        #expect(e.handle(.down) == .historyNext)
        #expect(e.handle(.control("n")) == .historyNext)
        #expect(e.handle(.control("r")) == .reverseSearch)
        #expect(e.handle(.control("l")) == .clearScreen)
        #expect(e.handle(.control("z")) == .suspend)
        #expect(e.handle(.escape) == .none)
        #expect(e.handle(.control("g")) == .none)
        #expect(e.handle(.right) == .none)
        #expect(e.text == "x")
    }

    @Test(arguments: [
        ("segment a where x\n  and y", "segment a where x\n  and y"),
        ("a\tb", "a    b"), ("a\r\nb\rc", "a\nb\nc"), ("x\u{1B}y\u{07}", "xy"), ("客户\n", "客户\n"),
    ])
    func pasteInsertsTheTextWithoutCompletingOrSubmitting(_ pasted: String, _ inserted: String) {
        var e = LineEditor("[]")
        _ = e.handle(.left)
        #expect(e.handle(.paste(pasted)) == .redraw)
        #expect(e.text == "[" + inserted + "]")
        #expect(e.cursor == 1 + inserted.count)
    }

    @Test func emptyPasteChangesNothing() {
        var e = LineEditor("ab")
        #expect(e.handle(.paste("")) == .none)
        #expect(e.text == "ab")
    }

    @Test func setAndReplaceWord() {
        var e = LineEditor("count vi")
        e.replaceWord(from: 6, with: "vip")
        #expect((e.text, e.cursor) == ("count vip", 9))
        e.replaceWord(from: 99, with: "x")  // a start past the cursor is clamped: an insertion
        #expect((e.text, e.cursor) == ("count vipx", 10))
        e.set("a\nb")
        #expect((e.chars, e.cursor) == (["a", "\n", "b"], 3))
    }
}
