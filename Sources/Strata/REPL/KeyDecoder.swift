/// Turns raw terminal bytes into keys. Incremental: a multi-byte character, an escape sequence or a
/// bracketed paste split across reads is completed by a later `feed`. Any byte sequence is safe:
/// malformed UTF-8 becomes U+FFFD, unknown or malformed escape sequences are dropped.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Bytes of a bracketed paste in progress (nil outside a paste).
    private var pasting: [UInt8]?

    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    /// A CSI sequence longer than this is garbage, not a key: drop it instead of buffering forever.
    private static let maxSequence = 32

    public init() {}

    /// True when input ends in a lone ESC that may still become a sequence; the caller waits a moment, then calls `flushEscape`.
    public var waitingAfterEscape: Bool { pending == [0x1B] }

    /// Decodes what it can; an incomplete tail is kept for the next call.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var text: [UInt8] = []
        var i = 0
        func flushText() {
            if !text.isEmpty { keys.append(.text(String(decoding: text, as: UTF8.self))) }
            text = []
        }
        decoding: while i < pending.count {
            if pasting != nil {
                let (used, done) = consumePaste(from: i)
                i += used
                if let t = done { keys.append(.paste(t)) }
                if pasting != nil { break decoding }  // the end marker has not arrived yet
                continue
            }
            let b = pending[i]
            if b >= 0x20, b != 0x7F {
                switch utf8Length(at: i) {
                case .complete(let n):
                    text += pending[i..<(i + n)]
                    i += n
                case .invalid:
                    text += [0xEF, 0xBF, 0xBD]  // U+FFFD for the bad lead byte; what follows is decoded afresh
                    i += 1
                case .incomplete:
                    break decoding
                }
                continue
            }
            flushText()
            if b == 0x1B {
                guard let (key, used) = escape(at: i) else { break decoding }
                if let k = key { keys.append(k) }
                i += used
                continue
            }
            switch b {
            case 0x0D:
                keys.append(.enter)
                // CR LF in one read is one line break (a terminal without bracketed paste), not two Enters.
                if i + 1 < pending.count, pending[i + 1] == 0x0A { i += 1 }
            case 0x0A: keys.append(.enter)
            case 0x09: keys.append(.tab)
            case 0x7F, 0x08: keys.append(.backspace)
            case 0x01...0x1A: keys.append(.control(Character(Unicode.Scalar(b + 0x60))))
            default: break  // NUL and Ctrl-\ ] ^ _ have no binding
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

    private enum UTF8Length { case complete(Int), invalid, incomplete }

    /// The length of the UTF-8 sequence starting at `i`, checking its continuation bytes.
    private func utf8Length(at i: Int) -> UTF8Length {
        let b = pending[i]
        let n: Int
        switch b {
        case 0x00..<0x80: return .complete(1)
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return .invalid
        }
        var j = 1
        while j < n {
            guard i + j < pending.count else { return .incomplete }
            if pending[i + j] & 0xC0 != 0x80 { return .invalid }
            j += 1
        }
        return .complete(n)
    }

    /// Moves paste bytes from `pending[i...]` into the paste buffer; returns bytes used and the text once the end marker is seen.
    private mutating func consumePaste(from i: Int) -> (Int, String?) {
        var buffer = pasting ?? []
        var j = i
        let end = KeyDecoder.pasteEnd
        while j < pending.count {
            if pending[j] == 0x1B {
                let available = min(end.count, pending.count - j)
                if pending[j..<(j + available)].elementsEqual(end.prefix(available)) {
                    if available < end.count {
                        pasting = buffer
                        return (j - i, nil)  // maybe the end marker, split across reads: wait
                    }
                    pasting = nil
                    return (j - i + end.count, KeyDecoder.normalizeLineBreaks(String(decoding: buffer, as: UTF8.self)))
                }
            }
            buffer.append(pending[j])
            j += 1
        }
        pasting = buffer
        return (j - i, nil)
    }

    /// Decodes the escape sequence at `i`: the key (nil for an ignored sequence) and bytes used; nil if incomplete.
    private mutating func escape(at i: Int) -> (Key?, Int)? {
        guard i + 1 < pending.count else { return nil }
        let c = pending[i + 1]
        switch c {
        case UInt8(ascii: "["):
            return csi(at: i)
        case UInt8(ascii: "O"):
            guard i + 2 < pending.count else { return nil }
            let map: [UInt8: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end]
            return (map[pending[i + 2]], 3)
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return (.wordLeft, 2)
        case UInt8(ascii: "f"), UInt8(ascii: "F"): return (.wordRight, 2)
        case 0x7F, 0x08: return (.deleteWordLeft, 2)
        case 0x20...0x7E: return (nil, 2)  // Alt with an unbound key: ignored, as readline does
        default: return (.escape, 1)  // ESC then a control or non-ASCII byte: a lone Escape; the byte is decoded next
        }
    }

    /// A CSI sequence: ESC [ parameters (0x30–0x3F) intermediates (0x20–0x2F) final (0x40–0x7E).
    private mutating func csi(at i: Int) -> (Key?, Int)? {
        var j = i + 2
        while j < pending.count, (0x20...0x3F).contains(pending[j]) { j += 1 }
        guard j < pending.count else {
            return j - i > KeyDecoder.maxSequence ? (nil, j - i) : nil
        }
        let final = pending[j]
        // Anything but a final byte here means this was no sequence: drop ESC [ and decode the rest afresh.
        guard (0x40...0x7E).contains(final) else { return (nil, 2) }
        let params = String(decoding: pending[(i + 2)..<j], as: UTF8.self)
        let used = j - i + 1
        switch (params, Character(Unicode.Scalar(final))) {
        case ("", "A"): return (.up, used)
        case ("", "B"): return (.down, used)
        case ("", "C"): return (.right, used)
        case ("", "D"): return (.left, used)
        case ("", "H"), ("1", "~"), ("7", "~"): return (.home, used)
        case ("", "F"), ("4", "~"), ("8", "~"): return (.end, used)
        case ("3", "~"): return (.delete, used)
        case ("1;5", "C"), ("1;3", "C"), ("5", "C"): return (.wordRight, used)
        case ("1;5", "D"), ("1;3", "D"), ("5", "D"): return (.wordLeft, used)
        case ("200", "~"):
            pasting = []
            return (nil, used)
        default: return (nil, used)
        }
    }

    /// Pasted text from some terminals uses CR or CRLF for line breaks; the editor wants "\n".
    static func normalizeLineBreaks(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastCR = false
        for u in s.unicodeScalars {
            if u == "\r" {
                out.append("\n")
                lastCR = true
                continue
            }
            if u == "\n", lastCR {
                lastCR = false
                continue
            }
            lastCR = false
            out.append(u)
        }
        return String(out)
    }
}
