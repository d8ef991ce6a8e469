/// What the line reader should do after a key.
public enum EditorEvent: Equatable, Sendable {
    case none, redraw
    /// Enter: the line as typed.
    case submit(String)
    /// Ctrl-C: discard the line (and any continuation lines).
    case cancel
    /// Ctrl-D on an empty line.
    case endOfInput
    case clearScreen
    case complete
    case historyPrevious, historyNext
    case reverseSearch
    /// Pasted text with line breaks: the reader runs its lines in turn.
    case pasteLines(String)
}

/// The editing state of one line — grapheme clusters and a cursor — as a pure state machine:
/// keys in, buffer, cursor and events out. No terminal I/O, so every binding is unit-tested.
public struct LineEditor: Sendable {
    public private(set) var chars: [Character] = []
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    public var text: String { String(chars) }

    /// Replaces the whole line (history recall), cursor at the end.
    public mutating func set(_ text: String) {
        chars = Array(text)
        cursor = chars.count
    }

    /// Replaces `chars[start..<cursor]` with `replacement` (completion).
    public mutating func replaceWord(from start: Int, with replacement: String) {
        let s = max(0, min(start, cursor))
        chars.replaceSubrange(s..<cursor, with: Array(replacement))
        cursor = s + replacement.count
    }

    static func isWord(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0, !LineEditor.isWord(chars[j - 1]) { j -= 1 }
        while j > 0, LineEditor.isWord(chars[j - 1]) { j -= 1 }
        return j
    }

    func wordEnd(after i: Int) -> Int {
        var j = i
        while j < chars.count, !LineEditor.isWord(chars[j]) { j += 1 }
        while j < chars.count, LineEditor.isWord(chars[j]) { j += 1 }
        return j
    }

    public mutating func handle(_ key: Key) -> EditorEvent {
        switch key {
        case .text(let t):
            chars.insert(contentsOf: Array(t), at: cursor)
            cursor += t.count
            return .redraw
        case .paste(let t):
            if t.contains("\n") { return .pasteLines(t) }
            chars.insert(contentsOf: Array(t), at: cursor)
            cursor += t.count
            return .redraw
        case .enter: return .submit(text)
        case .tab: return .complete
        case .backspace, .control("h"):
            guard cursor > 0 else { return .none }
            chars.remove(at: cursor - 1)
            cursor -= 1
            return .redraw
        case .delete:
            guard cursor < chars.count else { return .none }
            chars.remove(at: cursor)
            return .redraw
        case .left, .control("b"):
            guard cursor > 0 else { return .none }
            cursor -= 1
            return .redraw
        case .right, .control("f"):
            guard cursor < chars.count else { return .none }
            cursor += 1
            return .redraw
        case .home, .control("a"):
            cursor = 0
            return .redraw
        case .end, .control("e"):
            cursor = chars.count
            return .redraw
        case .wordLeft:
            cursor = wordStart(before: cursor)
            return .redraw
        case .wordRight:
            cursor = wordEnd(after: cursor)
            return .redraw
        case .control("k"):
            chars.removeSubrange(cursor...)
            return .redraw
        case .control("u"):
            chars.removeSubrange(..<cursor)
            cursor = 0
            return .redraw
        case .control("w"), .deleteWordLeft:
            let s = wordStart(before: cursor)
            chars.removeSubrange(s..<cursor)
            cursor = s
            return .redraw
        case .control("c"): return .cancel
        case .control("d"):
            if chars.isEmpty { return .endOfInput }
            guard cursor < chars.count else { return .none }
            chars.remove(at: cursor)
            return .redraw
        case .control("l"): return .clearScreen
        case .up, .control("p"): return .historyPrevious
        case .down, .control("n"): return .historyNext
        case .control("r"): return .reverseSearch
        case .control("t"):
            // Transpose, as readline does: swap the two characters before the cursor (at the end) or around it.
            guard chars.count >= 2, cursor > 0 else { return .none }
            let i = cursor == chars.count ? cursor - 1 : cursor
            chars.swapAt(i - 1, i)
            cursor = min(chars.count, i + 1)
            return .redraw
        default:
            return .none
        }
    }
}
