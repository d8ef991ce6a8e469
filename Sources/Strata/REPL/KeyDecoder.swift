/// A key press (or a paste) decoded from terminal input.
public enum Key: Equatable, Sendable {
    /// Printable text typed by the user (one or more characters).
    case text(String)
    /// Text pasted between bracketed-paste markers, newlines included; never triggers completion.
    case paste(String)
    case enter, tab, backspace, delete
    case left, right, up, down, home, end
    /// Alt-B / Ctrl-Left and Alt-F / Ctrl-Right.
    case wordLeft, wordRight
    /// Alt-Backspace.
    case deleteWordLeft
    /// A control key, by its letter: `.control("a")` is Ctrl-A.
    case control(Character)
    case escape
}

/// Turns raw terminal bytes into keys. Incremental: a multi-byte character or an escape sequence split
/// across reads is completed by the next `feed`.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    private var pasting: [UInt8]?

    public init() {}

    /// True when input ends in a lone ESC that may still become a sequence.
    public var waitingAfterEscape: Bool { pending == [0x1B] }

    /// Decodes what it can; incomplete input is kept for the next call.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var i = 0
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { keys.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
        }
        let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
        while i < pending.count {
            if var paste = pasting {
                if pending[i] == 0x1B {
                    if pending.count - i < end.count {
                        if Array(pending[i...]) == Array(end.prefix(pending.count - i)) { break }
                    } else if Array(pending[i..<(i + end.count)]) == end {
                        keys.append(.paste(String(decoding: paste, as: UTF8.self).replacingCRLF()))
                        pasting = nil
                        i += end.count
                        continue
                    }
                }
                paste.append(pending[i])
                pasting = paste
                i += 1
                continue
            }
            let b = pending[i]
            if b >= 0x20, b != 0x7F {
                let need = b < 0x80 ? 1 : (b & 0xE0 == 0xC0 ? 2 : (b & 0xF0 == 0xE0 ? 3 : (b & 0xF8 == 0xF0 ? 4 : 1)))
                if i + need > pending.count { break }
                text += pending[i..<(i + need)]
                i += need
                continue
            }
            flushText()
            if b == 0x1B {
                guard let (key, used) = escape(from: i) else { break }
                if let k = key { keys.append(k) }
                i += used
                continue
            }
            switch b {
            case 0x0D, 0x0A: keys.append(.enter)
            case 0x09: keys.append(.tab)
            case 0x7F, 0x08: keys.append(.backspace)
            case 0x01...0x1A: keys.append(.control(Character(Unicode.Scalar(b + 0x60))))
            default: break
            }
            i += 1
        }
        flushText()
        pending.removeFirst(min(i, pending.count))
        return keys
    }

    /// A lone ESC with nothing after it (the caller waited a moment): the Escape key.
    public mutating func flushEscape() -> [Key] {
        guard pending == [0x1B] else { return [] }
        pending = []
        return [.escape]
    }

    /// Decodes the escape sequence at `i`: the key (nil for an ignored sequence) and bytes used; nil if incomplete.
    private mutating func escape(from i: Int) -> (Key?, Int)? {
        guard i + 1 < pending.count else { return nil }
        let c = pending[i + 1]
        switch c {
        case UInt8(ascii: "["):
            var j = i + 2
            while j < pending.count, !(0x40...0x7E).contains(pending[j]) { j += 1 }
            guard j < pending.count else { return nil }
            let params = String(decoding: pending[(i + 2)..<j], as: UTF8.self)
            let final = Character(Unicode.Scalar(pending[j]))
            let used = j - i + 1
            switch (params, final) {
            case ("", "A"): return (.up, used)
            case ("", "B"): return (.down, used)
            case ("", "C"): return (.right, used)
            case ("", "D"): return (.left, used)
            case ("", "H"), ("1", "~"), ("7", "~"): return (.home, used)
            case ("", "F"), ("4", "~"), ("8", "~"): return (.end, used)
            case ("3", "~"): return (.delete, used)
            case ("1;5", "C"), ("1;3", "C"): return (.wordRight, used)
            case ("1;5", "D"), ("1;3", "D"): return (.wordLeft, used)
            case ("200", "~"):
                pasting = []
                return (nil, used)
            default: return (nil, used)
            }
        case UInt8(ascii: "O"):
            guard i + 2 < pending.count else { return nil }
            let map: [UInt8: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end]
            return (map[pending[i + 2]], 3)
        case UInt8(ascii: "b"): return (.wordLeft, 2)
        case UInt8(ascii: "f"): return (.wordRight, 2)
        case 0x7F, 0x08: return (.deleteWordLeft, 2)
        case 0x1B: return (.escape, 1)
        default: return (.escape, 1)
        }
    }
}

extension String {
    /// Pasted text from some terminals uses CR or CRLF for line breaks.
    func replacingCRLF() -> String {
        var out = ""
        var lastCR = false
        for s in unicodeScalars {
            if s == "\r" { out.unicodeScalars.append("\n"); lastCR = true; continue }
            if s == "\n", lastCR { lastCR = false; continue }
            lastCR = false
            out.unicodeScalars.append(s)
        }
        return out
    }
}
