/// Where the previous render left the screen, so the next one can redraw in place.
public struct RenderState: Equatable, Sendable {
    /// Rows the prompt and text occupied.
    public var rows = 1
    /// The row (from the first) the cursor was left on.
    public var cursorRow = 0
    public init(rows: Int = 1, cursorRow: Int = 0) {
        self.rows = rows
        self.cursorRow = cursorRow
    }
}

/// Draws the prompt and line with escape sequences, wrapping long lines over several rows and counting
/// wide (CJK) characters as two columns; a wide character that does not fit at the end of a row moves
/// to the next, as terminals do.
public enum LineRenderer {
    /// Row and column (0-based, the prompt's first row is 0) of every character start, plus the end.
    public static func layout(prompt: String, chars: [Character], width: Int) -> [(row: Int, col: Int)] {
        let w = max(2, width)
        var row = 0, col = 0
        for s in prompt.unicodeScalars {
            col += DisplayWidth.of(s)
            while col >= w { col -= w; row += 1 }
        }
        var out: [(Int, Int)] = []
        out.reserveCapacity(chars.count + 1)
        for c in chars {
            let cw = DisplayWidth.of(String(c))
            if col + cw > w { row += 1; col = 0 }
            out.append((row, col))
            col += cw
            if col >= w { row += 1; col = 0 }
        }
        out.append((row, col))
        return out
    }

    /// The bytes that redraw the line, and the new state.
    public static func render(prompt: String, chars: [Character], cursor: Int, width: Int, previous: RenderState) -> (String, RenderState) {
        let pos = layout(prompt: prompt, chars: chars, width: width)
        var out = ""
        if previous.cursorRow > 0 { out += "\u{1B}[\(previous.cursorRow)A" }
        out += "\r\u{1B}[J"
        out += prompt
        // Draw character by character so a wide character pushed to the next row leaves no stray cell.
        var row = pos[0].row
        for (k, c) in chars.enumerated() {
            if pos[k].row > row {
                out += "\r\n"
                row = pos[k].row
            }
            out.append(c)
        }
        let end = pos[pos.count - 1]
        if end.row > row { out += "\r\n"; row = end.row }
        let target = pos[max(0, min(cursor, chars.count))]
        if end.row > target.row { out += "\u{1B}[\(end.row - target.row)A" }
        out += "\r"
        if target.col > 0 { out += "\u{1B}[\(target.col)C" }
        return (out, RenderState(rows: end.row + 1, cursorRow: target.row))
    }
}
