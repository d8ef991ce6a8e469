import Foundation
import Testing
@testable import Strata

@Suite struct HistoryTests {
    @Test func navigationKeepsTheLineBeingTyped() {
        var h = History()
        h.add("one")
        h.add("two")
        #expect(h.previous(current: "typing") == "two")
        #expect(h.previous(current: "two") == "one")
        #expect(h.previous(current: "one") == nil)
        #expect(h.next() == "two")
        #expect(h.next() == "typing")
        #expect(h.next() == nil)
        #expect(h.previous(current: "typing again") == "two")
        #expect(h.next() == "typing again")
    }

    @Test func emptyHistoryHasNothingToRecall() {
        var h = History()
        #expect(h.previous(current: "x") == nil)
        #expect(h.next() == nil)
    }

    @Test func addingEndsNavigation() {
        var h = History()
        h.add("a")
        h.add("b")
        _ = h.previous(current: "")
        _ = h.previous(current: "")
        h.add("c")
        #expect(h.previous(current: "") == "c")
    }

    @Test func noRepeatOfThePreviousNoBlanks() {
        var h = History()
        for e in ["a", "a", " ", "", "\n", "b", "a", "b", "b"] { h.add(e) }
        #expect(h.entries == ["a", "b", "a", "b"])
    }

    @Test(arguments: [(1, ["f"]), (3, ["d", "e", "f"]), (1000, ["a", "b", "c", "d", "e", "f"])])
    func limitDropsTheOldest(_ limit: Int, _ kept: [String]) {
        var h = History(limit: limit)
        for e in ["a", "b", "c", "d", "e", "f"] { h.add(e) }
        #expect(h.entries == kept)
        #expect(History().limit == 1000)
    }

    @Test(arguments: [
        ("a\nb", "a\\nb"), ("back\\slash", "back\\\\slash"), ("\\n literal", "\\\\n literal"), ("cr\r", "cr\\r"), ("深圳", "深圳"),
    ])
    func escapingIsOneLineAndReversible(_ entry: String, _ line: String) {
        #expect(History.escape(entry) == line)
        #expect(History.unescape(line) == entry)
    }

    @Test func fileRoundTripKeepsMultiLineEntriesAndBackslashes() throws {
        var h = History()
        let entries = [
            "tiers grade {\n  A where clv >= 5e6  # 大客户\n  C otherwise\n}", "let p = \"C:\\\\data\\\\new\"", "path \\n literal",
            "深圳", "ends with \\",
        ]
        for e in entries { h.add(e) }
        let dir = Repo.tempDir()
        let path = dir + "/sub/hist"
        try h.save(to: path)
        var back = History()
        back.load(from: path)
        #expect(back.entries == entries)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.split(separator: "\n").count == entries.count)  // one line per entry
        // Atomic: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/sub") == ["hist"])
    }

    @Test func twoSessionsAtOnceKeepEachOthersLines() throws {
        let path = Repo.tempDir() + "/hist"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        var a = History(), b = History()
        a.load(from: path)
        b.load(from: path)
        a.add("1 + 1")
        try a.merge(into: path)
        b.add("2 + 2")
        try b.merge(into: path)
        a.add("3 + 3")
        try a.merge(into: path)
        var back = History()
        back.load(from: path)
        #expect(back.entries == ["old", "1 + 1", "2 + 2", "3 + 3"])
        // Each session's own list is what it typed, in its order.
        #expect(a.entries == ["old", "1 + 1", "3 + 3"])
        // Merging again adds nothing twice.
        try a.merge(into: path)
        back = History()
        back.load(from: path)
        #expect(back.entries.count == 4)
    }

    @Test func loadingAppliesTheLimitAndIgnoresAMissingFile() throws {
        var h = History(limit: 2)
        h.load(from: Repo.tempDir() + "/none")
        #expect(h.entries.isEmpty)
        let path = Repo.tempDir() + "/h"
        try "a\nb\n\nc\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        h.load(from: path)
        #expect(h.entries == ["b", "c"])
    }

    @Test func searchFindsNewestFirst() {
        var h = History()
        for e in ["count vip", "segment vip where clv > 1", "show city"] { h.add(e) }
        #expect(h.search("vip")?.entry == "segment vip where clv > 1")
        #expect(h.search("vip", before: 1)?.entry == "count vip")
        #expect(h.search("vip", before: 0) == nil)
        #expect(h.search("nothing") == nil)
        #expect(h.search("") == nil)
    }
}

@Suite struct ReverseSearchTests {
    static let history: History = {
        var h = History()
        for e in ["count vip", "segment 深客 where city == \"深圳\"", "segment vip where\n  clv > 2e6", "show city"] { h.add(e) }
        return h
    }()

    /// Runs keys through a search started on `saved`; the outcomes and the final state.
    func run(_ keys: [Key], saved: String = "draft") -> ([ReverseSearch.Outcome], ReverseSearch) {
        var s = ReverseSearch(saved: saved)
        let outcomes = keys.map { s.handle($0, in: Self.history) }
        return (outcomes, s)
    }

    @Test func typingExtendsTheQueryAndShowsTheNewestMatch() {
        let (outcomes, s) = run([.text("v"), .text("ip")])
        #expect(outcomes == [.searching, .searching])
        #expect(s.query == "vip")
        #expect(s.matchText(in: Self.history) == "segment vip where\n  clv > 2e6")
        #expect(s.prompt == "(reverse-i-search)'vip': ")
        #expect(s.matchCursor(in: Self.history) == 8)
    }

    @Test func controlRFindsOlderMatchesAndStopsAtTheOldest() {
        var (_, s) = run([.text("vip"), .control("r")])
        #expect(s.matchText(in: Self.history) == "count vip")
        #expect(!s.failed)
        #expect(s.handle(.control("r"), in: Self.history) == .searching)
        #expect(s.matchText(in: Self.history) == "count vip")  // nothing older: the match stays, marked failed
        #expect(s.failed)
        #expect(s.prompt == "(failed reverse-i-search)'vip': ")
    }

    @Test func cjkQueryAndBackspace() {
        var (_, s) = run([.text("深客")])
        #expect(s.matchText(in: Self.history) == "segment 深客 where city == \"深圳\"")
        #expect(s.matchCursor(in: Self.history) == 8)
        _ = s.handle(.backspace, in: Self.history)
        #expect(s.query == "深")
        #expect(s.matchText(in: Self.history) == "segment 深客 where city == \"深圳\"")
    }

    @Test func noMatchIsFailedAndAcceptKeepsTheDraft() {
        let (outcomes, s) = run([.text("zzz"), .enter])
        #expect(s.failed)
        #expect(outcomes.last == .accept(line: "draft", then: .enter))
    }

    @Test(arguments: [Key.control("g"), .control("c"), .escape])
    func abortRestoresTheLine(_ key: Key) {
        let (outcomes, _) = run([.text("vip"), key], saved: "half typed")
        #expect(outcomes.last == .abort(line: "half typed"))
    }

    @Test(arguments: [Key.enter, .left, .control("e"), .tab])
    func otherKeysAcceptAndAreHandedOn(_ key: Key) {
        let (outcomes, _) = run([.text("count"), key])
        #expect(outcomes.last == .accept(line: "count vip", then: key))
    }
}
