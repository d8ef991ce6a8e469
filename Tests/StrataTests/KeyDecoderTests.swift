import Testing
@testable import Strata

private func decode(_ chunks: [[UInt8]]) -> [Key] {
    var d = KeyDecoder()
    return chunks.flatMap { d.feed($0) }
}

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
        ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[3~", .delete), ("\u{1B}b", .wordLeft), ("\u{1B}f", .wordRight),
        ("\u{1B}[1;5D", .wordLeft), ("\u{1B}[1;5C", .wordRight), ("\u{1B}[1;3D", .wordLeft), ("\u{1B}[1;3C", .wordRight),
        ("\r", .enter), ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{08}", .backspace),
        ("\u{1B}\u{7F}", .deleteWordLeft),
        ("\u{01}", .control("a")), ("\u{02}", .control("b")), ("\u{03}", .control("c")), ("\u{04}", .control("d")),
        ("\u{05}", .control("e")), ("\u{06}", .control("f")), ("\u{07}", .control("g")), ("\u{0B}", .control("k")),
        ("\u{0C}", .control("l")), ("\u{0E}", .control("n")), ("\u{10}", .control("p")), ("\u{12}", .control("r")),
        ("\u{15}", .control("u")), ("\u{17}", .control("w")), ("\u{19}", .control("y")), ("\u{1A}", .control("z")),
        ("a", .text("a")), ("客户", .text("客户")), ("é", .text("é")), ("😀", .text("😀")),
    ] as [(String, Key)])
    func sequence(_ input: String, _ key: Key) {
        #expect(decode([bytes(input)]) == [key])
    }

    @Test func everySequenceSplitByteByByte() {
        let all = "\u{1B}[1;5D\u{1B}OH\u{1B}[3~x\u{1B}b"
        #expect(decode(bytes(all).map { [$0] }) == [.wordLeft, .home, .delete, .text("x"), .wordLeft])
    }

    @Test(arguments: 1..<8)
    func utf8SplitAcrossReads(at cut: Int) {
        let b = bytes("客户a")  // 3 + 3 + 1 bytes
        let keys = decode([Array(b[0..<cut]), Array(b[cut...])])
        #expect(keys.map { if case .text(let t) = $0 { t } else { "?" } }.joined() == "客户a")
    }

    @Test func textAndKeysInOneRead() {
        #expect(decode([bytes("ab\u{1B}[Dc\r")]) == [.text("ab"), .left, .text("c"), .enter])
        #expect(decode([bytes("x\r\ny")]) == [.text("x"), .enter, .text("y")])  // CRLF in one read: one Enter
    }

    @Test func loneEscapeWaitsThenFlushes() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.waitingAfterEscape)
        #expect(d.flushEscape() == [.escape])
        #expect(!d.waitingAfterEscape)
        #expect(d.flushEscape().isEmpty)
        #expect(decode([[0x1B], [0x5B], [0x44]]) == [.left])
    }

    @Test func escapeBeforeAControlIsAnEscapeThenTheControl() {
        #expect(decode([[0x1B, 0x03]]) == [.escape, .control("c")])
        #expect(decode([[0x1B, 0x1B, 0x5B, 0x41]]) == [.escape, .up])
    }

    @Test(arguments: [
        "\u{1B}[99z", "\u{1B}[15~", "\u{1B}[1;2P", "\u{1B}x", "\u{1B}OZ", "\u{1B}[?1;2c",
    ])
    func unknownSequencesAreIgnored(_ seq: String) {
        #expect(decode([bytes(seq + "x")]) == [.text("x")])
    }

    @Test func malformedSequenceDoesNotSwallowText() {
        // ESC [ then a byte that cannot be in a sequence: the sequence is dropped, the text survives.
        #expect(decode([bytes("\u{1B}[客")]) == [.text("客")])
        #expect(decode([bytes("\u{1B}[\r")]) == [.enter])
        let long = [0x1B, 0x5B] + [UInt8](repeating: 0x31, count: 40)
        #expect(decode([long, bytes("~a")]) == [.text("~a")])  // too long: dropped, not buffered forever
        #expect(decode([long + bytes("~a")]) == [.text("a")])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect(decode([[0xFF, 0x61]]) == [.text("\u{FFFD}a")])
        #expect(decode([[0xE5, 0x0D]]) == [.text("\u{FFFD}"), .enter])  // a lead byte cannot eat the Enter
        #expect(decode([[0x80]]) == [.text("\u{FFFD}")])
    }

    @Test func bracketedPasteIsOneEvent() {
        let start = bytes("\u{1B}[200~"), end = bytes("\u{1B}[201~")
        let body = bytes("segment a where x\r\n  and y\tz\rcount a\n客户")
        let all = start + body + end + bytes("q")
        #expect(decode([all]) == [.paste("segment a where x\n  and y\tz\ncount a\n客户"), .text("q")])
        // Split anywhere, even inside the markers and inside a character: the same event.
        for cut in 1..<all.count {
            #expect(decode([Array(all[..<cut]), Array(all[cut...])]) == [.paste("segment a where x\n  and y\tz\ncount a\n客户"), .text("q")], "cut \(cut)")
        }
    }

    @Test func pasteKeepsEscapesThatAreNotTheEndMarker() {
        let keys = decode([bytes("\u{1B}[200~a\u{1B}[Ab\u{1B}[201~")])
        #expect(keys == [.paste("a\u{1B}[Ab")])
        #expect(decode([bytes("\u{1B}[200~\u{1B}[201~")]) == [.paste("")])
    }

    @Test func randomBytesNeverCrashDecoderOrEditor() {
        var rng = SplitMix(seed: 20260630)
        var d = KeyDecoder()
        var e = LineEditor()
        var h = History()
        var search: ReverseSearch?
        // Bias towards the bytes that start sequences, so the parser's corners get visited.
        let interesting: [UInt8] = [0x1B, 0x5B, 0x4F, 0x7E, 0x32, 0x30, 0x31, 0x3B, 0x0D, 0x0A, 0x7F, 0xE5, 0xAE, 0xA2, 0x03, 0x12, 0x17]
        for round in 0..<4000 {
            let n = Int(rng.next() % 12)
            var chunk: [UInt8] = []
            for _ in 0..<n {
                let r = rng.next()
                chunk.append(r % 3 == 0 ? interesting[Int((r >> 8) % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: r >> 16))
            }
            var keys = d.feed(chunk)
            if round % 7 == 0 { keys += d.flushEscape() }
            for key in keys {
                if var s = search {
                    if case .searching = s.handle(key, in: h) { search = s } else { search = nil }
                    continue
                }
                switch e.handle(key) {
                case .submit(let t): h.add(t); e.set("")
                case .reverseSearch: search = ReverseSearch(saved: e.text)
                case .historyPrevious: if let p = h.previous(current: e.text) { e.set(p) }
                case .complete: _ = e.applyCompletion(start: e.cursor - 1, candidates: ["客户", "客服"])
                default: break
                }
                #expect(e.cursor >= 0 && e.cursor <= e.chars.count)
            }
            _ = Renderer.render(prompt: "> ", continuationPrompt: ". ", chars: e.chars, cursor: e.cursor, width: 7, previous: RenderState())
        }
    }
}
