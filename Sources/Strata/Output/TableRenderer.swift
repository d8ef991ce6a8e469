/// A plain aligned text table for the terminal, in the light style of psql and DuckDB:
///
///     id        name    city  clv
///     --------  ------  ----  -------
///     C0000001  王**    深圳  2500000
///
/// Widths count terminal columns (CJK = 2) so Chinese text lines up; two spaces separate columns.
public struct TextTable: Sendable {
    /// Cells wider than this many terminal columns are cut and end with `…`.
    public static let maxCellWidth = 40
    typealias Cell = (text: String, width: Int)

    public let headers: [String]
    public let rows: [[String]]
    public let rightAligned: Set<Int>
    /// Columns at or past `wideColumn` may be as wide as `wideLimit` (the REPL's rule column uses the terminal).
    public var wideColumn = Int.max
    public var wideLimit = TextTable.maxCellWidth

    /// A table of already formatted cells; columns listed in `rightAligned` (numbers) align right.
    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// A table of values formatted with `ValueFormat.display`; columns whose non-null values are all numbers align right.
    public init(headers: [String], values: [[Value]]) {
        var numeric = Set(headers.indices)
        for row in values {
            for (i, v) in row.enumerated() where numeric.contains(i) {
                switch v {
                case .number, .null: continue
                default: numeric.remove(i)
                }
            }
        }
        self.init(headers: headers, rows: values.map { $0.map(ValueFormat.display) }, rightAligned: numeric)
    }

    /// The table as text: header, a rule of dashes, the rows; no trailing spaces; ends with a newline.
    public func render() -> String {
        guard !headers.isEmpty else { return "" }
        let n = headers.count
        let limit = { (i: Int) in i >= self.wideColumn ? max(TextTable.maxCellWidth, self.wideLimit) : TextTable.maxCellWidth }
        let head = headers.enumerated().map { TextTable.fit($1, limit: limit($0)) }
        let empty: Cell = ("", 0)
        let body: [[Cell]] = rows.map { row in (0..<n).map { i in i < row.count ? TextTable.fit(row[i], limit: limit(i)) : empty } }
        var widths = head.map { max(1, $0.width) }
        for row in body {
            for i in 0..<n { widths[i] = max(widths[i], row[i].width) }
        }
        var out = ""
        func line(_ cells: [Cell]) {
            var l = ""
            for i in 0..<n {
                if i > 0 { l += "  " }
                let pad = String(repeating: " ", count: max(0, widths[i] - cells[i].width))
                l += rightAligned.contains(i) ? pad + cells[i].text : cells[i].text + pad
            }
            while l.hasSuffix(" ") { l.removeLast() }
            out += l + "\n"
        }
        line(head)
        line(widths.map { w -> Cell in (String(repeating: "-", count: w), w) })
        for row in body { line(row) }
        return out
    }

    /// What a table's rows are, as its footer counts them.
    public enum Counted: Sendable {
        case rows, customers
    }

    /// The line under a table: `(1,234 rows)`, or `(20 of 1,234 rows)` when only some are shown; in the
    /// output's language.
    public static func footer(shown: Int, total: Int, noun: Counted = .rows) -> String {
        let s = OutputText.plural(total)
        let word = noun == .rows ? OutputText.rowsNoun(["en_s": s]) : OutputText.customersNoun(["en_s": s])
        let slots: [String: Slot] = ["shown": "\(ValueFormat.grouped(shown))", "total": "\(ValueFormat.grouped(total))", "noun": .message(word)]
        return (shown < total ? OutputText.footerSome(slots) : OutputText.footerAll(slots)).text()
    }

    /// A cell made safe for one terminal line and cut to `maxCellWidth`, with its display width.
    static func fit(_ raw: String, limit maxWidth: Int = maxCellWidth) -> Cell {
        var text = ""
        var width = 0
        var cut = false
        let limit = maxWidth - 1  // room for the ellipsis
        var scalars = String.UnicodeScalarView()
        var widths: [Int] = []
        var afterCR = false
        for s in raw.unicodeScalars {
            // A line break or tab inside a cell would break the grid; show breaks (CRLF once) as ↵, other controls as spaces.
            defer { afterCR = s.value == 0x0D }
            if s.value == 0x0A, afterCR { continue }
            let shown: Unicode.Scalar
            switch s.value {
            case 0x0A, 0x0D: shown = "↵"
            case 0x00..<0x20, 0x7F: shown = " "
            default: shown = s
            }
            scalars.append(shown)
            widths.append(DisplayWidth.of(shown))
        }
        let total = widths.reduce(0, +)
        if total <= maxWidth { return (String(scalars), total) }
        var kept = String.UnicodeScalarView()
        for (s, w) in zip(scalars, widths) {
            if width + w > limit {
                cut = true
                break
            }
            kept.append(s)
            width += w
        }
        text = String(kept)
        if cut {
            text += "…"
            width += 1
        }
        return (text, width)
    }
}
