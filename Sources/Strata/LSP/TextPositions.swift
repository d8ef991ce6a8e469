/// A place in a document as the protocol counts: a 0-based line and a 0-based character offset in
/// UTF-16 code units (a CJK character is one unit, an emoji outside the BMP two).
public struct LSPPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: LSPPosition, b: LSPPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }

    /// `{"character":…,"line":…}`.
    public var json: JSONValue { .object(["line": .int(line), "character": .int(character)]) }
}

/// A half-open range of LSP positions.
public struct LSPRange: Sendable, Hashable {
    public var start: LSPPosition
    public var end: LSPPosition

    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    /// The empty range at the start of a document, for messages about a file as a whole.
    public static let documentStart = LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))

    /// `{"end":…,"start":…}`.
    public var json: JSONValue { .object(["start": start.json, "end": end.json]) }
}

/// Converts between the protocol's positions and Strata's `SourceLocation` for one text. Both meet at
/// the UTF-8 offset: LSP lines end at `\n`, `\r\n` or a lone `\r` (as the protocol says), Strata's at
/// `\n` with columns counted in Unicode scalars (as the lexer counts). Every conversion clamps: a line
/// past the end is the end of the text, a character past a line's end is the line's end (the protocol's
/// rule), and a character inside a surrogate pair is the start of that scalar.
public struct TextPositions: Sendable {
    private let bytes: [UInt8]
    /// UTF-8 offsets where each LSP line starts.
    private let lspLines: [Int]
    /// The text as Strata numbers it (lines end at `\n` only): the Strata half of the conversions.
    private let source: SourceFile

    /// The positions of `text`.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        var lsp = [0]
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 0x0A {
                lsp.append(i)
            } else if b == 0x0D, i >= bytes.count || bytes[i] != 0x0A {
                lsp.append(i)
            }
        }
        lspLines = lsp
        source = SourceFile(name: "", text: text)
    }

    /// The UTF-8 length of the text.
    public var count: Int { bytes.count }

    /// The number of LSP lines (one more than the line breaks).
    public var lineCount: Int { lspLines.count }

    // MARK: - LSP

    /// The UTF-8 offset of an LSP position, clamped to the text.
    public func offset(of p: LSPPosition) -> Int {
        guard p.line >= 0 else { return 0 }
        guard p.line < lspLines.count else { return bytes.count }
        var i = lspLines[p.line]
        let end = lineContentEnd(lspLine: p.line)
        var units = 0
        while i < end {
            let (width, utf16) = scalar(at: i)
            guard units + utf16 <= p.character else { break }
            units += utf16
            i += width
        }
        return min(i, end)
    }

    /// The LSP position of a UTF-8 offset (clamped to the text; an offset inside a scalar counts from its start).
    public func position(atOffset offset: Int) -> LSPPosition {
        let line = TextPositions.lineIndex(containing: max(0, min(offset, bytes.count)), in: lspLines)
        // A line break is not part of its line: an offset at or inside one is the line's end.
        let o = max(0, min(offset, lineContentEnd(lspLine: line)))
        var i = lspLines[line], units = 0
        while i < o {
            let (width, utf16) = scalar(at: i)
            guard i + width <= o else { break }
            units += utf16
            i += width
        }
        return LSPPosition(line: line, character: units)
    }

    /// The position just past the text's last character (a whole-document range ends here).
    public var end: LSPPosition { position(atOffset: bytes.count) }

    /// Where an LSP line's content ends: before its line break.
    private func lineContentEnd(lspLine line: Int) -> Int {
        var end = line + 1 < lspLines.count ? lspLines[line + 1] : bytes.count
        if end > lspLines[line], bytes[end - 1] == 0x0A { end -= 1 }
        if end > lspLines[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    // MARK: - Strata

    /// The Strata location of a UTF-8 offset (line from 1, column in scalars from 1).
    public func location(atOffset offset: Int) -> SourceLocation { source.location(atOffset: offset) }

    /// The UTF-8 offset of a Strata location, found by its line and column; clamped to the line and the text.
    public func offset(of loc: SourceLocation) -> Int { source.offset(of: loc) }

    // MARK: - Both ways

    /// The Strata location of an LSP position.
    public func location(of p: LSPPosition) -> SourceLocation { location(atOffset: offset(of: p)) }

    /// The LSP position of a Strata location.
    public func position(of loc: SourceLocation) -> LSPPosition { position(atOffset: offset(of: loc)) }

    /// The LSP range of a Strata span. A span with no line (`SourceSpan.wholeFile`) is the start of the
    /// document; one with no column (`SourceSpan.wholeLine`) covers its line.
    public func range(of span: SourceSpan) -> LSPRange {
        guard span.start.line >= 1 else { return .documentStart }
        guard span.start.column >= 1 else {
            let start = offset(of: SourceLocation(line: span.start.line, column: 1, offset: 0))
            let end = offset(of: SourceLocation(line: span.start.line, column: Int.max, offset: 0))
            return LSPRange(start: position(atOffset: start), end: position(atOffset: end))
        }
        let start = position(of: span.start)
        let end = span.end.line >= 1 && span.end.column >= 1 ? max(start, position(of: span.end)) : start
        return LSPRange(start: start, end: end)
    }

    /// The text with the UTF-8 range `from..<to` replaced (an incremental change).
    public func replacing(from: Int, to: Int, with text: String) -> String {
        let lo = max(0, min(from, bytes.count)), hi = max(lo, min(to, bytes.count))
        return String(decoding: bytes[..<lo] + Array(text.utf8) + bytes[hi...], as: UTF8.self)
    }

    // MARK: - Scalars

    /// The last line start at or before `offset`.
    private static func lineIndex(containing offset: Int, in starts: [Int]) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The UTF-8 width of the scalar starting at `i` and its UTF-16 length (2 for a four-byte sequence).
    /// The text came from a `String`, so it is valid UTF-8; a continuation byte counts as one byte anyway.
    private func scalar(at i: Int) -> (width: Int, utf16: Int) {
        let width = source.scalarWidth(at: i)
        return (width, width == 4 ? 2 : 1)
    }
}
