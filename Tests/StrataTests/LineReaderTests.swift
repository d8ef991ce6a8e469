import Testing
@testable import Strata

/// Scripted terminal input: each element is one read; after the script, end of input.
final class ScriptedTerminal: TerminalIO {
    var reads: [[UInt8]]
    var output = ""
    var rawDepth = 0
    var rawCalls = 0
    var canRaw = true
    var width = 40
    var height = 1000

    init(_ reads: [String]) { self.reads = reads.map { Array($0.utf8) } }

    func enableRaw() -> Bool {
        guard canRaw else { return false }
        rawDepth += 1
        rawCalls += 1
        return true
    }
    func disableRaw() { rawDepth -= 1 }
    func takeResize() -> Bool { false }
    func read(timeoutMs: Int32) -> [UInt8]? { reads.isEmpty ? nil : reads.removeFirst() }
    func write(_ s: String) { output += s }
    func suspend() {}
}

/// Offers `vip`, `clv` and `city` for the word before the cursor.
struct FixedCompleter: Completer {
    func completions(for line: String, cursor: Int) -> (start: Int, candidates: [String]) {
        let chars = Array(line)
        var start = min(cursor, chars.count)
        while start > 0, LineEditor.isWord(chars[start - 1]) { start -= 1 }
        let word = String(chars[start..<min(cursor, chars.count)])
        return (start, ["vip", "clv", "city"].filter { $0.hasPrefix(word) })
    }
}

@Suite struct LineReaderTests {
    static let paste = ("\u{1B}[200~", "\u{1B}[201~")

    func reader(_ input: [String], history: [String] = [], completer: Completer? = nil) -> (LineReader, ScriptedTerminal) {
        var h = History()
        for e in history { h.add(e) }
        let io = ScriptedTerminal(input)
        return (LineReader(history: h, completer: completer, io: io), io)
    }

    func read(_ r: LineReader) -> ReadResult {
        r.readLine(prompt: "strata> ", continuationPrompt: "   ...> ", isComplete: InputCompleteness.isComplete)
    }

    @Test func aLineIsReturnedAndRemembered() {
        let (r, io) = reader(["count vip\r"])
        #expect(read(r) == .line("count vip"))
        #expect(r.history.entries == ["count vip"])
        #expect(io.rawDepth == 0)  // the terminal is restored
        #expect(io.output.contains("strata> count vip"))
        #expect(io.output.contains("\u{1B}[?2004") == false)  // bracketed paste is the Terminal's job, not the reader's
    }

    @Test func multiLineStatementIsOneResultAndOneHistoryEntry() {
        let (r, io) = reader(["segment a where\r", "clv > 1 and\r", "city == \"深圳\"\r"])
        #expect(read(r) == .line("segment a where\nclv > 1 and\ncity == \"深圳\""))
        #expect(r.history.entries == ["segment a where\nclv > 1 and\ncity == \"深圳\""])
        #expect(io.output.contains("   ...> clv > 1 and"))
        #expect(io.output.contains("   ...> city == \"深圳\""))
    }

    @Test func controlCDiscardsTheWholeStatement() {
        let (r, io) = reader(["segment a where\r", "clv >", "\u{03}", "count vip\r"])
        #expect(read(r) == .interrupted)
        #expect(io.output.hasSuffix("   ...> clv >\r\u{1B}[13C^C\r\n"))  // ^C after the text, then a fresh row
        #expect(r.history.entries.isEmpty)
        #expect(read(r) == .line("count vip"))  // the next read starts afresh
    }

    @Test func controlDEndsOnlyOnAnEmptyFirstLine() {
        let (r, _) = reader(["ab\u{04}", "\u{01}\u{04}\u{0B}\u{04}"])
        #expect(read(r) == .endOfInput)
        let (r2, io2) = reader(["segment a where\r", "\u{04}", "clv > 1\r"])
        #expect(read(r2) == .line("segment a where\nclv > 1"))
        #expect(io2.output.contains("\u{07}"))
    }

    @Test func endOfInputStreamIsEndOfInput() {
        let (r, io) = reader([])
        #expect(read(r) == .endOfInput)
        #expect(io.rawDepth == 0)
        io.canRaw = false
        #expect(read(r) == .endOfInput)
    }

    @Test func blankLinesAreSkipped() {
        let (r, _) = reader(["\r", "  \r", "count vip\r"])
        #expect(read(r) == .line("count vip"))
        #expect(r.history.entries == ["count vip"])
    }

    @Test func typeAheadIsKeptForTheNextRead() {
        let (r, io) = reader(["count a\rcount b\r"])
        #expect(read(r) == .line("count a"))
        #expect(read(r) == .line("count b"))
        #expect(io.rawCalls == 2)
    }

    @Test func pasteIsInsertedAndWaitsForEnter() {
        let (r, _) = reader([Self.paste.0 + "segment p where clv > 1\n  and city == \"深圳\"\ncount p\n" + Self.paste.1])
        #expect(read(r) == .endOfInput)  // nothing was submitted by the paste itself
        let (r2, _) = reader([Self.paste.0 + "segment p where clv > 1\n  and city == \"深圳\"\ncount p" + Self.paste.1, "\r"])
        #expect(read(r2) == .line("segment p where clv > 1\n  and city == \"深圳\"\ncount p"))
        #expect(r2.history.entries.count == 1)
    }

    @Test func pasteDoesNotComplete() {
        let (r, _) = reader([Self.paste.0 + "count v\t" + Self.paste.1 + "\r"], completer: FixedCompleter())
        #expect(read(r) == .line("count v    "))
    }

    @Test func tabCompletesAndListsCandidates() {
        let (r, _) = reader(["count v\t\r"], completer: FixedCompleter())
        #expect(read(r) == .line("count vip"))
        let (r2, io2) = reader(["count c\t", "l\t\r"], completer: FixedCompleter())
        #expect(read(r2) == .line("count clv"))
        #expect(io2.output.contains("clv   city\r\n"))
        let (r3, io3) = reader(["count z\t\r"], completer: FixedCompleter())
        #expect(read(r3) == .line("count z"))
        #expect(io3.output.contains("\u{07}"))
    }

    @Test func upAndDownKeepTheDraftAndRecallMultiLineEntriesWhole() {
        let entry = "segment a where  # 大客户\n  clv > 1"
        let (r, io) = reader(["dra", "\u{1B}[A", "\u{1B}[A", "\u{1B}[B", "\u{1B}[B", "ft\r"], history: [entry, "count a"])
        #expect(read(r) == .line("draft"))
        let (r2, _) = reader(["\u{1B}[A\u{1B}[A\r"], history: [entry, "count a"])
        #expect(read(r2) == .line(entry))  // comment and line break kept
        #expect(io.output.contains("count a"))
    }

    @Test func reverseSearchAcceptsAndAborts() {
        let (r, io) = reader(["\u{12}", "vip", "\r"], history: ["count vip", "show city"])
        #expect(read(r) == .line("count vip"))
        #expect(io.output.contains("(reverse-i-search)'vip': count vip"))
        let (r2, _) = reader(["half", "\u{12}city", "\u{07}", " more\r"], history: ["count vip", "show city"])
        #expect(read(r2) == .line("half more"))
    }

    @Test func clearingTheScreenInAContinuationShowsTheEarlierLinesAgain() {
        let (r, io) = reader(["tiers g {\r", "  A where clv > 1\r", "  B oth", "\u{0C}", "erwise\r", "}\r"])
        #expect(read(r) == .line("tiers g {\n  A where clv > 1\n  B otherwise\n}"))
        guard let cleared = io.output.range(of: "\u{1B}[H\u{1B}[2J") else {
            Issue.record("the screen was not cleared")
            return
        }
        let after = String(io.output[cleared.upperBound...])
        #expect(after.hasPrefix("strata> tiers g {\r\n   ...>   A where clv > 1\r\n"))
    }

    @Test func aKeyThatEndsTheSearchActsAtTheMatch() {
        // Right moves one past the start of the match, so `X` lands inside `深圳`, not at the end.
        let (r, _) = reader(["\u{12}深圳", "\u{1B}[C", "X\r"], history: ["count(where city == \"深圳\")", "show city"])
        #expect(read(r) == .line("count(where city == \"深X圳\")"))
        let (r2, _) = reader(["\u{12}where", "\u{1B}[D", "Y\r"], history: ["count(where x > 1)"])
        #expect(read(r2) == .line("countY(where x > 1)"))
    }

    @Test func randomKeystrokesNeverCrashTheReader() {
        var rng = SplitMix(seed: 7)
        let pieces = ["a", "客", "\r", "\u{03}", "\u{04}", "\t", "\u{12}", "\u{07}", "\u{1B}[A", "\u{1B}[B", "\u{1B}[D", "\u{7F}",
                      "(", "segment a where", Self.paste.0 + "x\ny" + Self.paste.1, "\u{1B}", "\u{0C}", "\u{17}", "\u{0B}"]
        var input: [String] = []
        for _ in 0..<400 { input.append(pieces[Int(rng.next() % UInt64(pieces.count))]) }
        let (r, io) = reader(input, history: ["count vip"], completer: FixedCompleter())
        var results = 0
        while read(r) != .endOfInput || !io.reads.isEmpty {
            results += 1
            if results > 1000 { break }
        }
        #expect(io.rawDepth == 0)
        #expect(results <= 1000)
    }
}
