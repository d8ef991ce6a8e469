import Foundation
import Testing
@testable import Strata

/// A tiny terminal: enough of xterm (autowrap with a pending-wrap state, wide characters that move to the
/// next row when they do not fit, CR, LF, CUU, CUF, ED) to check what the renderer's bytes really draw.
struct MiniTerminal {
    let width: Int
    var rows: [[String]] = []
    var row = 0, col = 0
    var pendingWrap = false

    init(width: Int) { self.width = width }

    mutating func ensure(_ r: Int) {
        while rows.count <= r { rows.append(Array(repeating: " ", count: width)) }
    }

    mutating func feed(_ s: String) {
        var it = Array(s)
        var i = 0
        while i < it.count {
            let c = it[i]
            i += 1
            switch c {
            case "\r": col = 0; pendingWrap = false
            case "\n": row += 1; pendingWrap = false
            case "\r\n": col = 0; row += 1; pendingWrap = false
            case "\u{1B}":
                guard i < it.count, it[i] == "[" else { continue }
                i += 1
                var n = ""
                while i < it.count, it[i].isNumber { n.append(it[i]); i += 1 }
                guard i < it.count else { return }
                let f = it[i]
                i += 1
                let k = Int(n) ?? 1
                pendingWrap = false
                switch f {
                case "A": row = max(0, row - k)
                case "C": col = min(width - 1, col + k)
                case "J":
                    ensure(row)
                    for x in col..<width { rows[row][x] = " " }
                    rows.removeSubrange((row + 1)...)
                default: break
                }
            default:
                let w = DisplayWidth.of(String(c))
                if pendingWrap || col + w > width { row += 1; col = 0; pendingWrap = false }
                ensure(row)
                rows[row][col] = String(c)
                if w == 2, col + 1 < width { rows[row][col + 1] = "" }
                col += w
                if col >= width { col = width - 1; pendingWrap = true }
            }
        }
        it = []
    }

    var lines: [String] { rows.map { $0.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) } }
}

@Suite struct RendererTests {
    static func positions(_ prompt: String, _ text: String, width: Int = 10, cont: String = "") -> [[Int]] {
        Renderer.layout(prompt: prompt, continuationPrompt: cont, chars: Array(text), width: width).map { [$0.row, $0.col] }
    }

    @Test func layoutCountsWideCharactersAsTwoColumns() {
        // "> abcd" ends at column 6; 深 takes 6–7, 圳 8–9, then x wraps.
        #expect(Self.positions("> ", "abcd深圳xy") == [[0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 8], [1, 0], [1, 1], [1, 2]])
        #expect(Self.positions("> ", "客户客户客户") == [[0, 2], [0, 4], [0, 6], [0, 8], [1, 0], [1, 2], [1, 4]])
        #expect(Self.positions("客> ", "a") == [[0, 4], [0, 5]])
    }

    @Test func aWideCharacterThatDoesNotFitMovesToTheNextRow() {
        #expect(Self.positions("> ", "abcdefg深x") == [[0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [1, 0], [1, 2], [1, 3]])
        // Same inside the prompt.
        #expect(Self.positions("123456789客", "a") == [[1, 2], [1, 3]])
    }

    @Test func exactlyFullRowPutsTheEndOnTheNextRow() {
        #expect(Self.positions("> ", "abcdefgh").last == [1, 0])
        #expect(Self.positions("> ", "abcd深圳").last == [1, 0])
        #expect(Self.positions("", "").last == [0, 0])
    }

    @Test func combiningAndControlCharacters() {
        #expect(Self.positions("", "e\u{301}x") == [[0, 0], [0, 1], [0, 2]])
        #expect(Self.positions("", "a\u{1B}b") == [[0, 0], [0, 1], [0, 3], [0, 4]])  // shown as ^[
    }

    @Test func lineBreaksStartARowAfterTheContinuationPrompt() {
        #expect(Self.positions("> ", "ab\n客\nc", cont: ". ") == [[0, 2], [0, 3], [0, 4], [1, 2], [1, 4], [2, 2], [2, 3]])
    }

    @Test func renderMovesUpClearsAndPlacesTheCursor() {
        let (out, state) = Renderer.render(prompt: "> ", chars: Array("abcdefghijkl"), cursor: 3, width: 10, previous: RenderState())
        #expect(out == "\r\u{1B}[J> abcdefgh\r\nijkl\u{1B}[1A\r\u{1B}[5C")
        #expect(state == RenderState(rows: 2, cursorRow: 0))
        let (again, _) = Renderer.render(prompt: "> ", chars: [], cursor: 0, width: 10, previous: RenderState(rows: 3, cursorRow: 2))
        #expect(again == "\u{1B}[2A\r\u{1B}[J> \r\u{1B}[2C")
    }

    @Test func renderEndsOnAFreshRowWhenTheTextFillsIt() {
        let (out, state) = Renderer.render(prompt: "> ", chars: Array("abcdefgh"), cursor: 8, width: 10, previous: RenderState())
        #expect(out == "\r\u{1B}[J> abcdefgh\r\n\r")
        #expect(state == RenderState(rows: 2, cursorRow: 1))
    }

    @Test func renderWritesAWideCharacterThatDoesNotFitOnTheNextRow() {
        let (out, state) = Renderer.render(prompt: "> ", chars: Array("abcdefg深"), cursor: 8, width: 10, previous: RenderState())
        #expect(out == "\r\u{1B}[J> abcdefg\r\n深\r\u{1B}[2C")
        #expect(state == RenderState(rows: 2, cursorRow: 1))
    }

    @Test(arguments: [
        ("> ", "客户abc深圳客户xyz城市", 3), ("> ", "abcdefg深圳", 9), ("strata> ", "segment 老带新 where referrals >= 1", 12),
        ("> ", "abcdefgh", 8), ("> ", "ab\n客户客户客户\nc", 6), ("> ", "", 0), ("0123456789ab> ", "深", 1),
        ("> ", "e\u{301}客e\u{301}客e\u{301}客e\u{301}", 4),
    ] as [(String, String, Int)])
    func theTerminalShowsWhatTheLayoutSays(_ prompt: String, _ text: String, _ cursor: Int) {
        let chars = Array(text)
        for width in [5, 7, 10, 11, 80] {
            var term = MiniTerminal(width: width)
            // Draw twice, the second time over the first (as after a keystroke), at different cursors.
            let (first, s1) = Renderer.render(prompt: prompt, continuationPrompt: ". ", chars: chars, cursor: chars.count, width: width, previous: RenderState())
            term.feed(first)
            let (second, s2) = Renderer.render(prompt: prompt, continuationPrompt: ". ", chars: chars, cursor: cursor, width: width, previous: s1)
            term.feed(second)
            let pos = Renderer.layout(prompt: prompt, continuationPrompt: ". ", chars: chars, width: width)
            #expect(ScreenPosition(row: term.row, col: term.col) == pos[cursor], "width \(width)")
            #expect(s2.cursorRow == pos[cursor].row)
            #expect(term.rows.count <= s2.rows)
            // Every character is on screen where the layout put it.
            for (k, c) in chars.enumerated() where c != "\n" && DisplayWidth.of(String(c)) > 0 {
                #expect(term.rows[pos[k].row][pos[k].col] == String(c), "width \(width), char \(k)")
            }
        }
    }

    @Test func anInputTallerThanTheScreenIsDrawnAsTheRowsAroundTheCursor() {
        // A pasted rule file of 50 lines on a 10-row terminal: never more than 9 rows drawn.
        let chars = Array((1...50).map { "segment s\($0) where clv > \($0)" }.joined(separator: "\n"))
        var state = RenderState()
        for cursor in [chars.count, 0, chars.count / 2, chars.count] {
            let (out, s) = Renderer.render(prompt: "> ", continuationPrompt: ". ", chars: chars, cursor: cursor, width: 80, height: 10, previous: state)
            #expect(out.components(separatedBy: "\r\n").count <= 9, "cursor \(cursor)")
            #expect(s.rows <= 9 && s.cursorRow < s.rows)
            // The row with the cursor is among those drawn.
            let row = Renderer.layout(prompt: "> ", continuationPrompt: ". ", chars: chars, width: 80)[cursor].row
            let line = String(chars).components(separatedBy: "\n")[row]
            #expect(out.contains(line), "cursor \(cursor)")
            state = s
        }
        // Short inputs are drawn whole, as before.
        let (short, s) = Renderer.render(prompt: "> ", chars: Array("abc"), cursor: 3, width: 80, height: 10, previous: RenderState())
        #expect(short == "\r\u{1B}[J> abc\r\u{1B}[5C" && s == RenderState(rows: 1, cursorRow: 0))
    }
}
