/// One piece of the client's byte stream, as the framing cut it.
public enum Frame: Sendable, Hashable {
    /// A message body: exactly `Content-Length` bytes.
    case body([UInt8])
    /// A header the server cannot use (no length, a bad or negative length, a message over the limit, a
    /// header that never ends); the reason is sent back as a parse error, and reading goes on after it.
    case malformed(String)
}

/// Cuts the client's byte stream into messages: header lines (`Content-Length: N`; others, such as
/// `Content-Type`, are ignored; names in any case; lines end in CRLF or a bare LF), a blank line, then N
/// bytes of body. Bytes arrive in any chunks; `next()` hands out each complete frame once.
public struct MessageFramer: Sendable {
    /// The largest body accepted (a rule file of tens of megabytes still fits); a longer one is skipped unread.
    public static let maxBody = 64 << 20
    /// The longest header block: a client sends two short lines.
    public static let maxHeader = 8 << 10

    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already handed out.
    private var start = 0
    /// Bytes of a refused, over-long body still to be dropped as they arrive.
    private var skipping = 0

    public init() {}

    /// Adds bytes read from the client.
    public mutating func append<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        // The consumed prefix is dropped only when it is large, so appending stays linear overall.
        if start > 65_536, start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Whether bytes of an unfinished message are waiting (at the end of input: a body cut short).
    public var hasPartialMessage: Bool { start < buffer.count || skipping > 0 }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        while true {
            if skipping > 0 {
                let n = min(skipping, buffer.count - start)
                start += n
                skipping -= n
                guard skipping == 0 else { return nil }
            }
            guard let header = readHeader() else { return nil }
            switch header {
            case .bad(let reason): return .malformed(reason)
            case .length(let length):
                if length > MessageFramer.maxBody {
                    skipping = length
                    return .malformed("a message of \(length) bytes is over the limit of \(MessageFramer.maxBody) bytes; it is skipped")
                }
                // A body not yet complete: the header is read again once it is.
                guard buffer.count - start >= length else {
                    start = headerStart
                    return nil
                }
                let body = Array(buffer[start..<(start + length)])
                start += length
                return .body(body)
            }
        }
    }

    /// Where the header being read began (to read it again while the body is incomplete).
    private var headerStart = 0

    /// Reads a header block ending in a blank line: the `Content-Length`, a reason it is unusable, or
    /// nil when the block is not complete yet. Consumes the block (not the body).
    private mutating func readHeader() -> Header? {
        headerStart = start
        var length: Int?
        var problem: String?
        var sawLine = false
        var p = start
        while true {
            guard let nl = buffer[p...].firstIndex(of: 0x0A) else {
                if buffer.count - headerStart > MessageFramer.maxHeader {
                    // No end in sight: drop what is buffered and look for a header in what comes next.
                    start = buffer.count
                    return .bad("a header longer than \(MessageFramer.maxHeader) bytes without an end")
                }
                start = headerStart
                return nil
            }
            var end = nl
            if end > p, buffer[end - 1] == 0x0D { end -= 1 }
            let line = buffer[p..<end]
            p = nl + 1
            if line.isEmpty {
                // Blank lines before a header are stray separators, not an empty header.
                guard sawLine else {
                    headerStart = p
                    continue
                }
                start = p
                if let problem { return .bad(problem) }
                guard let length else { return .bad("a header without Content-Length") }
                return .length(length)
            }
            sawLine = true
            if p - headerStart > MessageFramer.maxHeader {
                start = p
                return .bad("a header longer than \(MessageFramer.maxHeader) bytes")
            }
            switch MessageFramer.headerField(line) {
            case .contentLength(let n): length = n
            case .badLength(let text): problem = problem ?? "Content-Length `\(text)` is not a length in bytes"
            case .other: break
            case .garbage:
                // The rest of an unreadable message: dropped up to where `Content-Length:` appears in the
                // line (the next header, read on the next call), else the line alone.
                start = MessageFramer.contentLengthStart(in: line) ?? p
                return .bad("bytes outside any message, before a header")
            }
        }
    }

    /// A complete header block: the body's length, or why it has none.
    enum Header {
        case length(Int)
        case bad(String)
    }

    enum HeaderField: Equatable {
        case contentLength(Int)
        case badLength(String)
        case other
        case garbage
    }

    /// What one header line says: the length, another header, or not a header line.
    static func headerField(_ line: ArraySlice<UInt8>) -> HeaderField {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return .garbage }
        let name = line[line.startIndex..<colon]
        // Header names are tokens: letters, digits and `-`.
        guard name.allSatisfy({ isTokenByte($0) }) else { return .garbage }
        guard String(decoding: name, as: UTF8.self).lowercased() == "content-length" else { return .other }
        let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
        let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        let text = String(decoding: trimmed, as: UTF8.self)
        // At most 12 digits: anything longer is over the limit anyway, and cannot overflow an Int.
        guard !trimmed.isEmpty, trimmed.count <= 12, trimmed.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) else {
            return .badLength(String(text.prefix(40)))
        }
        return .contentLength(n)
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-")
    }

    /// The index in `line` where `Content-Length:` (any case) begins, if it appears after the line's start.
    static func contentLengthStart(in line: ArraySlice<UInt8>) -> Int? {
        let needle = Array("content-length:".utf8)
        guard line.count > needle.count else { return nil }
        var i = line.startIndex + 1
        while i + needle.count <= line.endIndex {
            if needle.indices.allSatisfy({ lowercased(line[i + $0]) == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }

    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// A body with its header, as the server sends it.
    public static func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n".utf8) + Array(body.utf8)
    }
}
