import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Horizontal bar charts for the terminal: one line per label, bars of Unicode block eighths
/// (`▏▎▍▌▋▊▉█`), labels padded by display width so CJK labels line up, everything within `width` columns.
/// `count`, `summarize` and `overlap` draw through it.
public enum BarChart {
    /// The partial blocks, one to seven eighths of a cell.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Labels wider than this share of the width are cut with `…`, so the bars keep room.
    static let labelShare = 3

    /// The chart of `values` under `labels`, each line ending with its `annotation` (such as `1,234 (12.3%)`).
    /// The longest bar is the largest value; negative, null and non-finite values draw no bar.
    public static func render(labels: [String], values: [Double], annotations: [String], width: Int) -> String {
        let n = min(labels.count, values.count, annotations.count)
        guard n > 0 else { return "" }
        let total = max(width, 20)
        let labelCap = max(4, total / labelShare)
        let shown = labels.prefix(n).map { cut($0, to: labelCap) }
        let labelWidth = shown.map { DisplayWidth.of($0) }.max() ?? 0
        let noteWidth = annotations.prefix(n).map { DisplayWidth.of($0) }.max() ?? 0
        // label, space, bar, space, annotation: the bar takes what is left, never less than a few cells.
        let barWidth = max(4, total - labelWidth - noteWidth - 2)
        let top = values.prefix(n).filter { $0.isFinite && $0 > 0 }.max() ?? 0
        var out = ""
        for i in 0..<n {
            let bar = top > 0 ? self.bar(values[i] / top * Double(barWidth)) : ""
            let label = shown[i] + String(repeating: " ", count: labelWidth - DisplayWidth.of(shown[i]))
            let pad = String(repeating: " ", count: max(0, barWidth - DisplayWidth.of(bar)))
            let note = String(repeating: " ", count: noteWidth - DisplayWidth.of(annotations[i])) + annotations[i]
            let line = label + " " + bar + pad + " " + note
            out += trimmedRight(line) + "\n"
        }
        return out
    }

    /// A bar `cells` wide, to the nearest eighth: full blocks then one partial block.
    static func bar(_ cells: Double) -> String {
        guard cells.isFinite, cells > 0 else { return "" }
        let eighthsTotal = Int((cells * 8).rounded())
        let full = eighthsTotal / 8, part = eighthsTotal % 8
        var s = String(repeating: "█", count: full)
        if part > 0 { s.append(eighths[part - 1]) }
        // A positive value too small for an eighth still shows: the thinnest block.
        if s.isEmpty { s = String(eighths[0]) }
        return s
    }

    /// The text cut to `width` display columns, ending with `…` when cut.
    static func cut(_ s: String, to width: Int) -> String {
        guard DisplayWidth.of(s) > width else { return s }
        var out = ""
        var used = 0
        for ch in s {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func trimmedRight(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    /// The width charts fit: `$COLUMNS` when set, else (when `measureTerminal`) the terminal on stdout, else 80.
    /// Output that is not for a terminal is measured by `$COLUMNS` alone, so a file or pipe gets the same bytes.
    public static func width(measureTerminal: Bool) -> Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        var ws = winsize()
        if measureTerminal, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }
}
