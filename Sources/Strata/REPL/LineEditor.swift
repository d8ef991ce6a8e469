/// What the line reader should do after a key.
public enum EditorEvent: Equatable, Sendable {
    /// Nothing changed.
    case none
    /// The buffer or cursor changed: redraw.
    case redraw
    /// Nothing to do here and the user should know it (e.g. Tab with no completion): ring the bell.
    case bell
    /// Enter: the buffer as it stands (it may hold line breaks from a paste or a recalled entry).
    case submit(String)
    /// Ctrl-C: discard the line (and any continuation lines).
    case cancel
    /// Ctrl-D on an empty line.
    case endOfInput
    /// Ctrl-L.
    case clearScreen
    /// Tab: the reader asks its completer, then calls `applyCompletion`.
    case complete
    /// Up / Ctrl-P and Down / Ctrl-N.
    case historyPrevious, historyNext
    /// Ctrl-R.
    case reverseSearch
    /// Ctrl-Z: the reader restores the terminal and stops the process until it is resumed.
    case suspend
    /// Several completions and no common prefix to add: the reader lists them.
    case showCandidates([String])
}

/// The editing state of one input — grapheme clusters and a cursor — as a pure state machine: keys in,
/// buffer, cursor and events out. No terminal I/O, so every binding is unit-tested.
public struct LineEditor: Sendable {
    /// The buffer, one element per user-perceived character (so a CJK or combined character is one step).
    public private(set) var chars: [Character] = []
    /// Insertion point, 0...chars.count.
    public private(set) var cursor = 0
    /// The text removed by the last Ctrl-K, Ctrl-U or Ctrl-W, for Ctrl-Y.
    public private(set) var killed = ""

    /// An editor holding `text`, cursor at the end.
    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    /// The buffer as a string.
    public var text: String { String(chars) }

    /// Replaces the whole buffer (history recall), cursor at the end.
    public mutating func set(_ text: String) {
        chars = Array(text)
        cursor = chars.count
    }

    /// Replaces the buffer and puts the cursor at `cursor` (clamped), e.g. on a reverse-search match.
    public mutating func set(_ text: String, cursor at: Int) {
        chars = Array(text)
        cursor = max(0, min(at, chars.count))
    }

    /// Replaces `chars[start..<cursor]` with `replacement` and puts the cursor after it (completion).
    public mutating func replaceWord(from start: Int, with replacement: String) {
        let s = max(0, min(start, cursor))
        let r = Array(replacement)
        chars.replaceSubrange(s..<cursor, with: r)
        cursor = s + r.count
    }

    /// Word characters for word moves and Ctrl-W: letters (CJK included), digits and `_`, like Strata names.
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

    private mutating func insert(_ t: String) -> EditorEvent {
        guard !t.isEmpty else { return .none }
        // Segment again around the insertion: a combining mark typed after a letter joins it into one
        // Character, as the terminal shows it, instead of sitting in the buffer as a separate step.
        let before = String(chars[..<cursor]) + t
        let merged = Array(before + String(chars[cursor...]))
        cursor = min(before.count, merged.count)
        chars = merged
        return .redraw
    }

    private mutating func kill(_ range: Range<Int>) -> EditorEvent {
        guard !range.isEmpty else { return .none }
        killed = String(chars[range])
        chars.removeSubrange(range)
        cursor = range.lowerBound
        return .redraw
    }

    /// Applies one key.
    public mutating func handle(_ key: Key) -> EditorEvent {
        switch key {
        case .text(let t):
            return insert(t)
        case .paste(let t):
            return insert(LineEditor.pasteText(t))
        case .enter: return .submit(text)
        case .tab: return .complete
        case .backspace:
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
        case .control("k"): return kill(cursor..<chars.count)
        case .control("u"): return kill(0..<cursor)
        case .control("w"), .deleteWordLeft: return kill(wordStart(before: cursor)..<cursor)
        case .control("y"): return insert(killed)
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
        case .control("z"): return .suspend
        case .control("t"):
            // Transpose as readline does: the two characters before the cursor at the end, else the ones around it.
            guard chars.count >= 2, cursor > 0 else { return .none }
            let i = cursor == chars.count ? cursor - 1 : cursor
            chars.swapAt(i - 1, i)
            cursor = min(chars.count, i + 1)
            return .redraw
        default:
            return .none
        }
    }

    /// Pasted text as inserted: line breaks kept as "\n"; a tab becomes four spaces (a tab's width would
    /// depend on the terminal's tab stops and break the cursor math); other control characters are dropped.
    static func pasteText(_ t: String) -> String {
        var out = String.UnicodeScalarView()
        for u in KeyDecoder.normalizeLineBreaks(t).unicodeScalars {
            if u == "\t" {
                out.append(contentsOf: "    ".unicodeScalars)
            } else if u == "\n" || !(u.value < 0x20 || u.value == 0x7F) {
                out.append(u)
            }
        }
        return String(out)
    }
}
