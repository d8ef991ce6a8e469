import Foundation

/// Rendering of summaries (`summarize`, `count … by`) and figures (`print`), and the bar charts of counts.
extension Report {
    static func renderSummary(_ t: SummaryTable, format: OutputFormat) -> String {
        switch format {
        case .csv, .json:
            let rows = t.rows.map { row in
                row.enumerated().map { (k, v) -> Value in
                    guard k < t.kinds.count, case .number(let d) = v else { return v }
                    switch t.kinds[k] {
                    case .share, .ratio: return .number(roundShare(d))
                    case .label, .count, .value: return v
                    }
                }
            }
            return format == .csv ? CSVWriter.render(headers: t.headers, rows: rows) : JSONWriter.render(headers: t.headers, rows: rows)
        case .table:
            return TextTable(headers: t.shownHeaders, rows: summaryCells(t), rightAligned: summaryNumericColumns(t)).render()
        }
    }

    /// A summary's cells as the table prints them (shares as percentages, ratios to two decimals); the HTML
    /// report prints the same cells.
    static func summaryCells(_ t: SummaryTable) -> [[String]] {
        var cells = t.rows.map { row in
            row.enumerated().map { (k, v) -> String in
                guard k < t.kinds.count, case .number(let d) = v else { return ValueFormat.display(v) }
                switch t.kinds[k] {
                case .share: return ValueFormat.share(d)
                case .ratio: return d.isFinite ? String(format: "%.2f", d) : "null"
                case .label, .count, .value: return ValueFormat.display(v)
                }
            }
        }
        // A crosstab's last row is headed `total`, Strata's word: shown in the output's language.
        if t.hasTotalRow, let last = cells.indices.last, !cells[last].isEmpty { cells[last][0] = OutputText.total.message.text() }
        return cells
    }

    /// The columns of a summary that hold numbers (aligned right).
    static func summaryNumericColumns(_ t: SummaryTable) -> Set<Int> {
        Set(t.kinds.indices.filter { t.kinds[$0] != .label })
    }

    /// A figure's value as the table prints it.
    static func figureText(_ v: Value) -> String {
        v.isNull ? "null" : ValueFormat.display(v)
    }

    static func renderFigures(_ figures: [Figure], format: OutputFormat) -> String {
        switch format {
        case .csv: return CSVWriter.render(headers: figures.map(\.name), rows: [figures.map(\.value)])
        case .json: return JSONWriter.render(headers: figures.map(\.name), rows: [figures.map(\.value)])
        case .table:
            // One `name  value` line each, the values lined up (names measured in display columns).
            let width = figures.map { DisplayWidth.of($0.name) }.max() ?? 0
            return figures.map { f in
                f.name + String(repeating: " ", count: width - DisplayWidth.of(f.name)) + "  " + figureText(f.value)
            }.joined(separator: "\n") + "\n"
        }
    }

    /// The bar chart of a count or summary, `width` columns wide; nil for items that have none.
    public static func chart(_ item: OutputItem, width: Int) -> String? {
        switch item {
        case .counts(_, _, let rows):
            guard !rows.isEmpty else { return nil }
            return BarChart.render(labels: rows.map(\.label), values: rows.map { Double($0.count) },
                                   annotations: rows.map { "\($0.count) (\(ValueFormat.share($0.share)))" }, width: width)
        case .summary(let t):
            guard let c = t.chartColumn, let bars = summaryBars(t) else { return nil }
            let notes = bars.map { bar -> String in
                guard let d = bar.value else { return "" }
                let note = c < t.kinds.count && t.kinds[c] == .share ? ValueFormat.share(d) : ValueFormat.display(.number(d))
                // Members are followed by their share of the target, as a count's bars are.
                return note + (bar.share.map { " (\(ValueFormat.share($0)))" } ?? "")
            }
            return BarChart.render(labels: bars.map(\.label), values: bars.map { $0.value ?? 0 }, annotations: notes, width: width)
        case .overlap(_, let t):
            // One bar per pair, most similar first: the customers both hold, with the Jaccard index.
            let pairs = t.pairs
            guard !pairs.isEmpty else { return nil }
            return BarChart.render(labels: pairs.map { "\(t.labels[$0.a]) ∩ \(t.labels[$0.b])" }, values: pairs.map { Double($0.both) },
                                   annotations: pairs.map { "\($0.both) (J \(ValueFormat.display(.number(($0.jaccard * 100).rounded() / 100))))" }, width: width)
        case .rows, .value, .note, .figures, .why:
            return nil
        }
    }

    /// The bars of a summary's chart column, one per group (the total row left out): the group's labels,
    /// the column's number and, when the next column is a share, that share. The terminal chart and the
    /// HTML report draw the same bars from this. nil when the summary has no chart column or no groups.
    static func summaryBars(_ t: SummaryTable) -> [(label: String, value: Double?, share: Double?)]? {
        guard let c = t.chartColumn else { return nil }
        let rows = t.hasTotalRow ? Array(t.rows.dropLast()) : t.rows
        guard !rows.isEmpty else { return nil }
        return rows.map { r in
            let label = r.prefix(t.labelColumns).map(ValueFormat.display).joined(separator: " · ")
            var value: Double?, share: Double?
            if c < r.count, case .number(let d) = r[c] { value = d }
            if c + 1 < r.count, c + 1 < t.kinds.count, t.kinds[c + 1] == .share, case .number(let x) = r[c + 1] { share = x }
            return (label, value, share)
        }
    }

    /// The item in `format`, followed (in a table, when `chartWidth` is given) by its bar chart.
    public static func render(_ item: OutputItem, format: OutputFormat, chartWidth: Int?) -> String {
        let text = render(item, format: format)
        guard format == .table, let w = chartWidth, let c = chart(item, width: w) else { return text }
        return text + "\n" + c
    }
}
