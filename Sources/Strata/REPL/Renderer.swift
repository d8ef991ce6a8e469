/// Where the previous render left the screen, so the next one can redraw in place.
public struct RenderState: Equatable, Sendable {
    /// Rows the prompt and text occupied.
    public var rows = 1
    /// The row (counted from the prompt's first row, 0-based) the cursor was left on.
    public var cursorRow = 0
    /// A state for the given rows and cursor row (the default: nothing drawn yet).
    public init(rows: Int = 1, cursorRow: Int = 0) {
        self.rows = rows
        self.cursorRow = cursorRow
    }
}

/// A row and column on the screen, 0-based, relative to the start of the prompt.
public struct ScreenPosition: Equatable, Sendable {
    public var row: Int
    public var col: Int
    /// A position.
    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// Draws the prompt and the buffer with escape sequences, redrawing in place.
///
/// Layout rules, which model what a terminal does: characters take `DisplayWidth` columns (CJK 2,
/// combining 0); a line longer than the width wraps; a wide character that does not fit at the end of a
/// row moves to the next row and leaves the last cell empty; a "\n" in the buffer (a paste, or a
/// multi-line entry recalled from history) starts a new row that begins with the continuation prompt;
/// other control characters show as `^X` (two columns). Row breaks are written as explicit "\r\n", so
/// the terminal's own pending-wrap state never matters.
public enum Renderer {
    private struct Cell {
        var text: String
        var width: Int
        var lineBreak = false
    }

    private static func cell(_ c: Character) -> Cell {
        if c.unicodeScalars.count == 1, let u = c.unicodeScalars.first, u.value < 0x20 || u.value == 0x7F {
            return Cell(text: "^" + String(Character(Unicode.Scalar(UInt8(u.value ^ 0x40)))), width: 2)
        }
        let s = String(c)
        return Cell(text: s, width: DisplayWidth.of(s))
    }

    /// The cells to draw and, for each buffer character (and the end), the index of its cell.
    private static func cells(prompt: String, continuationPrompt: String, chars: [Character]) -> ([Cell], [Int]) {
        var out = prompt.map(cell)
        var index: [Int] = []
        index.reserveCapacity(chars.count + 1)
        for c in chars {
            index.append(out.count)
            if c == "\n" || c == "\r\n" {
                out.append(Cell(text: "", width: 0, lineBreak: true))
                out += continuationPrompt.map(cell)
            } else {
                out.append(cell(c))
            }
        }
        index.append(out.count)
        return (out, index)
    }

    /// Positions of every cell start, plus the end position.
    private static func place(_ cells: [Cell], width: Int) -> [ScreenPosition] {
        let w = max(1, width)
        var row = 0, col = 0
        var out: [ScreenPosition] = []
        out.reserveCapacity(cells.count + 1)
        for c in cells {
            if c.lineBreak {
                out.append(ScreenPosition(row: row, col: col))
                row += 1
                col = 0
                continue
            }
            if col > 0, col + c.width > w {
                row += 1
                col = 0
            }
            out.append(ScreenPosition(row: row, col: col))
            col += c.width
            if col >= w {
                row += 1
                col = 0
            }
        }
        out.append(ScreenPosition(row: row, col: col))
        return out
    }

    /// The screen position of every buffer character start, plus the end of the buffer.
    public static func layout(prompt: String, continuationPrompt: String = "", chars: [Character], width: Int) -> [ScreenPosition] {
        let (cells, index) = cells(prompt: prompt, continuationPrompt: continuationPrompt, chars: chars)
        let pos = place(cells, width: width)
        return index.map { pos[$0] }
    }

    /// The bytes that redraw the prompt and buffer in place of the previous render, with the cursor at
    /// `cursor` (a Character offset), and the state the next render needs.
    ///
    /// An input taller than the terminal (`height` rows) is drawn as the `height - 1` rows around the
    /// cursor: the cursor cannot move above the screen's top, so drawing more would leave a copy of the
    /// top rows in the scrollback on every key.
    public static func render(
        prompt: String, continuationPrompt: String = "", chars: [Character], cursor: Int, width: Int, height: Int = Int.max,
        previous: RenderState
    ) -> (output: String, state: RenderState) {
        let (cells, index) = cells(prompt: prompt, continuationPrompt: continuationPrompt, chars: chars)
        let pos = place(cells, width: width)
        let end = pos[pos.count - 1]
        let target = pos[index[max(0, min(cursor, chars.count))]]
        let fits = max(1, height - 1)
        // The first row drawn: 0 when everything fits, else as far down as keeps the cursor's row on screen.
        let top = end.row < fits ? 0 : max(0, min(target.row, end.row - fits + 1))
        let bottom = top + fits - 1
        var out = ""
        if previous.cursorRow > 0 { out += "\u{1B}[\(previous.cursorRow)A" }
        out += "\r\u{1B}[J"
        var row = top
        for (k, c) in cells.enumerated() where !c.lineBreak && pos[k].row >= top && pos[k].row <= bottom {
            if pos[k].row > row {
                out += String(repeating: "\r\n", count: pos[k].row - row)
                row = pos[k].row
            }
            out += c.text
        }
        let last = min(end.row, bottom)
        if last > row {
            out += String(repeating: "\r\n", count: last - row)
            row = last
        }
        if row > target.row { out += "\u{1B}[\(row - target.row)A" }
        out += "\r"
        if target.col > 0 { out += "\u{1B}[\(target.col)C" }
        return (out, RenderState(rows: last - top + 1, cursorRow: target.row - top))
    }
}
