/// A point in a source text: 1-based line and column (in Unicode scalars) and a 0-based UTF-8 byte offset.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
}

/// A half-open range of source text; `end` is the location just past the last character.
public struct SourceSpan: Hashable, Sendable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A zero-width span at the start of a text, for diagnostics that have no better place.
    public static let zero = SourceSpan(
        start: SourceLocation(line: 1, column: 1, offset: 0),
        end: SourceLocation(line: 1, column: 1, offset: 0))

    /// The file as a whole (a file that cannot be read): messages name the file without a line.
    public static let wholeFile = SourceSpan(
        start: SourceLocation(line: 0, column: 0, offset: 0),
        end: SourceLocation(line: 0, column: 0, offset: 0))

    /// A whole line (a line with a byte that is not UTF-8): messages name the line without a column.
    public static func wholeLine(_ line: Int) -> SourceSpan {
        SourceSpan(start: SourceLocation(line: line, column: 0, offset: 0), end: SourceLocation(line: line, column: 0, offset: 0))
    }

    /// The smallest span covering both spans.
    public func merged(with other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
}

/// A named source text (a rule file, or one REPL input) with fast access to its lines.
public struct SourceFile: Sendable {
    public let name: String
    public let text: String
    /// UTF-8 byte offsets at which each line starts.
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
        self.bytes = bytes
    }

    /// The text of a 1-based line, without its line terminator; empty when out of range.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The source text a span covers (clamped to the text).
    public func slice(_ span: SourceSpan) -> String {
        let s = max(0, min(span.start.offset, bytes.count))
        let e = max(s, min(span.end.offset, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }

    /// The line and column (1-based, columns in Unicode scalars) of a UTF-8 offset, clamped to the text;
    /// an offset inside a character is taken back to the character's start.
    public func location(atOffset offset: Int) -> SourceLocation {
        let o = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        var i = lineStarts[lo], column = 1
        while i < o {
            let width = scalarWidth(at: i)
            guard i + width <= o else { break }
            column += 1
            i += width
        }
        return SourceLocation(line: lo + 1, column: column, offset: i)
    }

    /// The UTF-8 offset of a line and column (the offset a location carries is not used), clamped: a
    /// column past the end of its line is the line's end (before its `\n`), a line past the text its end.
    public func offset(of location: SourceLocation) -> Int {
        guard location.line >= 1 else { return 0 }
        guard location.line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[location.line - 1]
        let end = location.line < lineStarts.count ? lineStarts[location.line] - 1 : bytes.count
        var column = 1
        while column < location.column, i < end {
            i += scalarWidth(at: i)
            column += 1
        }
        return min(i, end)
    }

    /// The UTF-8 width of the scalar starting at byte `i` (the text is valid UTF-8; a stray continuation
    /// byte counts as one).
    public func scalarWidth(at i: Int) -> Int {
        guard i >= 0, i < bytes.count else { return 1 }
        let b = bytes[i]
        let width = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return min(width, bytes.count - i)
    }
}
