import Testing
@testable import Strata

@Suite struct CompletionTests {
    /// An editor holding `line` (cursor at the end) after Tab with these candidates for the word from `start`.
    func complete(_ line: String, start: Int, _ candidates: [String]) -> (EditorEvent, String, Int) {
        var e = LineEditor(line)
        let event = e.applyCompletion(start: start, candidates: candidates)
        return (event, e.text, e.cursor)
    }

    @Test(arguments: [
        ("count vi", 6, ["vip"], EditorEvent.redraw, "count vip", 9),
        ("count 深", 6, ["深圳客户"], .redraw, "count 深圳客户", 10),
        ("count vip", 6, ["vip"], .none, "count vip", 9),  // already complete: nothing to do
        ("count x", 6, [], .bell, "count x", 7),
        ("count c", 6, ["city", "clv", "city"], .showCandidates(["city", "clv"]), "count c", 7),
        ("count 客", 6, ["客户等级", "客户类型"], .redraw, "count 客户", 8),  // the common prefix is inserted
        ("count 客户", 6, ["客户等级", "客户类型"], .showCandidates(["客户等级", "客户类型"]), "count 客户", 8),
        ("show per", 5, ["percentile", "percent_rank"], .redraw, "show percent", 12),
        ("", 0, ["é1", "e\u{301}2"], .redraw, "é", 1),  // canonically equal characters are a common prefix
        (".sch", 0, [".schema"], .redraw, ".schema", 7),
    ] as [(String, Int, [String], EditorEvent, String, Int)])
    func mechanics(_ line: String, _ start: Int, _ candidates: [String], _ event: EditorEvent, _ text: String, _ cursor: Int) {
        let (ev, t, c) = complete(line, start: start, candidates)
        #expect(ev == event)
        #expect(t == text)
        #expect(c == cursor)
    }

    @Test func completionInTheMiddleKeepsWhatFollows() {
        var e = LineEditor("count cl > 1")
        for _ in 0..<4 { _ = e.handle(.left) }
        #expect(e.applyCompletion(start: 6, candidates: ["clv"]) == .redraw)
        #expect((e.text, e.cursor) == ("count clv > 1", 9))
    }

    @Test(arguments: [
        (["客户", "客服"], "客"), (["深圳", "上海"], ""), (["abc"], "abc"), ([], ""), (["ab", "abc", "a"], "a"),
        (["e\u{301}x", "éy"], "é"), (["🇨🇳a", "🇨🇳b"], "🇨🇳"), (["🇨🇳", "🇨🇦"], ""),
    ] as [([String], String)])
    func longestCommonPrefixNeverSplitsACharacter(_ items: [String], _ prefix: String) {
        #expect(Completion.longestCommonPrefix(items) == prefix)
    }

    @Test func columnsFitTheWidthByDisplayColumns() {
        #expect(Completion.columns(["clv", "city", "深圳客户"], width: 30) == "clv       city      深圳客户\n")
        #expect(Completion.columns(["clv", "city", "深圳客户"], width: 20) == "clv       city\n深圳客户\n")
        #expect(Completion.columns(["a-very-long-name"], width: 5) == "a-very-long-name\n")
        #expect(Completion.columns([], width: 80) == "")
    }

    @Test func pastingATabOrALineNeverCompletes() {
        // A paste holding a tab goes through the decoder and editor as one paste: no .complete, no .submit.
        var d = KeyDecoder()
        var e = LineEditor()
        var events: [EditorEvent] = []
        for key in d.feed(Array("\u{1B}[200~count c\tx\ncount 客\t\u{1B}[201~".utf8)) { events.append(e.handle(key)) }
        #expect(events == [.redraw])
        #expect(e.text == "count c    x\ncount 客    ")
        // A typed tab completes.
        #expect(e.handle(.tab) == .complete)
    }

    static func makeSession() -> ReplSession {
        let s = ReplSession()
        s.attach(TestData.table([("clv", [.number(1)]), ("city", [.string("深圳")]), ("城市", [.string("深圳")]),
                                 ("last visit", [.number(1)]), ("count", [.number(2)])]))
        _ = s.interactive(SourceFile(name: "<t>", text: "segment 深圳客户 where city == \"深圳\""))
        return s
    }

    @Test(arguments: [
        ("count cl", 6, ["clv"]), ("c", 0, ["`count`", "ceil", "city", "clv", "coalesce", "columns", "concat", "contains", "count", "customers"]),
        ("count 深圳", 6, ["深圳客户"]), ("show 城", 5, ["城市"]), (".sch", 0, [".schema"]), ("x .sch", 3, ["schema"]), ("", 0, []),
        // Names that are not bare identifiers come with their backticks; after a typed backtick it is closed.
        ("count(where la", 12, ["`last visit`", "last"]), ("show `la", 5, ["`last visit`"]), ("show `cou", 5, ["`count`"]),
        ("segment s where last_visit < as_of - 90 da", 40, ["date", "day", "day_of_year", "days", "days_between"]),
        // The ranking function and the clause word of `limit 3 per city`.
        ("show customers limit 3 pe", 23, ["per", "percentile"]), ("derive x = ran", 11, ["rank"]),
        // Functions come from the checker's closed list: `number` is offered as soon as it exists.
        ("count numb", 6, ["number"]),
        // The summary statements are keywords, and `order by` in a summary names its columns.
        ("summ", 0, ["summarize"]), ("pri", 0, ["print"]), ("summarize customers by city order by li", 37, ["lift", "limit"]),
    ] as [(String, Int, [String])])
    func nameCompleterCandidates(_ line: String, _ start: Int, _ expected: [String]) {
        let (s, c) = NameCompleter(session: Self.makeSession()).completions(for: line, cursor: line.count)
        #expect(c == expected)
        if !expected.isEmpty { #expect(s == start) }
    }
}
