/// Positions in a document: the editor's line and column become the UTF-8 offset the spans hold.
enum EditorText {
    /// The UTF-8 offset of a 1-based line and column (in Unicode scalars), clamped to the line and the
    /// text: a position past the end of a line is its end, a line past the end is the text's end.
    static func offset(_ at: SourceLocation, in text: String) -> Int {
        var line = 1
        var offset = 0
        var scalars = text.unicodeScalars.makeIterator()
        while line < at.line, let s = scalars.next() {
            offset += UTF8.width(s)
            if s == "\n" { line += 1 }
        }
        guard line == at.line else { return offset }
        var column = 1
        while column < at.column, let s = scalars.next(), s != "\n", s != "\r" {
            offset += UTF8.width(s)
            column += 1
        }
        return offset
    }

    /// The 1-based line and column of a UTF-8 offset.
    static func location(_ offset: Int, in text: String) -> SourceLocation {
        var line = 1, column = 1, at = 0
        for s in text.unicodeScalars {
            let w = UTF8.width(s)
            guard at + w <= offset else { break }
            at += w
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column, offset: at)
    }

    /// The text before an offset (the cursor), cut at a scalar boundary.
    static func prefix(_ text: String, upTo offset: Int) -> String {
        var at = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = UTF8.width(s)
            guard at + w <= offset else { break }
            out.append(s)
            at += w
        }
        return String(out)
    }
}
