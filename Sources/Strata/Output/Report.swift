/// Renders statement results for stdout in the chosen format.
public enum Report {
    /// The text for one output item; notes are returned empty (they go to stderr via `notes`).
    public static func render(_ item: OutputItem, format: OutputFormat) -> String {
        switch item {
        case .rows(_, let headers, let rows, let numeric, let total):
            switch format {
            case .csv: return CSVWriter.render(headers: headers, rows: rows)
            case .json: return JSONWriter.render(headers: headers, rows: rows)
            case .table:
                let cells = rows.map { $0.map(ValueFormat.display) }
                let footer = TextTable.footer(shown: rows.count, total: total, noun: .customers)
                return TextTable(headers: headers, rows: cells, rightAligned: numeric).render() + footer + "\n"
            }
        case .counts(_, let header, let rows):
            switch format {
            case .csv, .json:
                let values = rows.map { [Value.string($0.label), .number(Double($0.count)), .number(roundShare($0.share))] }
                let headers = [header, "count", "share"]
                return format == .csv ? CSVWriter.render(headers: headers, rows: values) : JSONWriter.render(headers: headers, rows: values)
            case .table:
                return TextTable(headers: countHeaders(header), rows: countCells(rows), rightAligned: [1, 2]).render()
            }
        case .value(let label, let v):
            switch format {
            case .csv: return CSVWriter.render(headers: [label], rows: [[v]])
            case .json: return JSONWriter.render(headers: [label], rows: [[v]])
            case .table: return valueText(v) + "\n"
            }
        case .note:
            return ""
        case .summary(let t):
            return renderSummary(t, format: format)
        case .figures(_, let figures):
            return renderFigures(figures, format: format)
        case .why(let r):
            return WhyRender.render(r, format: format)
        case .overlap(_, let t):
            return OverlapRender.render(t, format: format)
        }
    }

    /// Joins runs of adjacent segment counts into one table, so `count a` `count b` read as one report.
    public static func merged(_ items: [OutputItem]) -> [OutputItem] {
        var out: [OutputItem] = []
        for item in items {
            if case .counts(_, "segment", let rows) = item, let last = out.last, case .counts(let t, "segment", let before) = last {
                out[out.count - 1] = .counts(title: t, header: "segment", rows: before + rows)
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// Whether the item is a table of segment counts, which `merged` joins to an adjacent one.
    public static func isSegmentCount(_ item: OutputItem) -> Bool {
        if case .counts(_, "segment", _) = item { return true }
        return false
    }

    /// Notes (exports written and the like) for stderr.
    public static func note(_ item: OutputItem) -> String? {
        if case .note(let s) = item { return s.text() + "\n" }
        return nil
    }

    /// A count's headers in a terminal table, in the output's language: Strata's own words (`segment count
    /// share`) are translated, a field's name (the groups counted) is not. CSV and JSON keep English headers.
    public static func countHeaders(_ header: String) -> [String] {
        [header == "segment" ? OutputText.segment.message.text() : header, OutputText.count.message.text(), OutputText.share.message.text()]
    }

    /// A count's rows as the text table shows them (label, count, share): the HTML report shows the same cells.
    public static func countCells(_ rows: [CountRow]) -> [[String]] {
        rows.map { [$0.label, String($0.count), ValueFormat.share($0.share)] }
    }

    /// A single value as the text output shows it; null is written out so it is not mistaken for an empty string.
    public static func valueText(_ v: Value) -> String { v.isNull ? "null" : ValueFormat.display(v) }

    /// Shares in machine-readable output: a fraction rounded to six decimals, so the bytes are stable.
    static func roundShare(_ s: Double) -> Double { (s * 1_000_000).rounded() / 1_000_000 }
}
