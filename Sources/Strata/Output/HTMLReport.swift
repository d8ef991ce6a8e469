/// `strata report`'s document: one self-contained HTML file (inline CSS and SVG; no script, font,
/// image or link to fetch) showing a finished run — the as-of date, the data files with row counts and
/// checksums, every segment and tier with its size, each output the rules ask for, the assertions and
/// the rule text. It renders a `Content` value and reads nothing itself; `Pipeline.report` gathers it.
/// The bytes depend only on the content (no clock, no paths other than the data's), so two reports of
/// the same rules and data are identical.
public enum HTMLReport {
    /// Everything the report shows, gathered from a run.
    public struct Content: Sendable {
        /// A data file the rules read: its table name, path, rows read and SHA-256 of its bytes.
        public struct DataFile: Sendable {
            public var table: String
            public var path: String
            public var rows: Int
            public var sha256: String

            public init(table: String, path: String, rows: Int, sha256: String) {
                self.table = table
                self.path = path
                self.rows = rows
                self.sha256 = sha256
            }
        }

        /// A tiers field and the size of each tier, in the order the tiers are written.
        public struct Tiers: Sendable {
            public var name: String
            public var rows: [CountRow]

            public init(name: String, rows: [CountRow]) {
                self.name = name
                self.rows = rows
            }
        }

        /// A rule file's name and text.
        public struct Source: Sendable {
            public var name: String
            public var text: String

            public init(name: String, text: String) {
                self.name = name
                self.text = text
            }
        }

        /// The rule file, as named on the command line (the page's title).
        public var title: String
        public var asOf: Int32
        public var customers: Int
        public var dataFiles: [DataFile] = []
        /// Every segment with its size, in definition order.
        public var segments: [CountRow] = []
        public var tiers: [Tiers] = []
        /// The run's outputs in order (personal fields already masked by the runner unless revealed).
        public var outputs: [OutputItem] = []
        public var assertions: [RunResult.AssertionOutcome] = []
        /// The root rule file first, then the files it includes.
        public var sources: [Source] = []
        /// `--reveal-pii`: the page says personal fields are shown.
        public var revealPII = false

        public init(title: String, asOf: Int32, customers: Int) {
            self.title = title
            self.asOf = asOf
            self.customers = customers
        }
    }

    /// The whole document.
    public static func render(_ c: Content) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(ReportText.htmlLang.message.text())\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"strata report\">\n"
        h += "<title>\(HTMLEscape.text(ReportText.pageTitle(["title": "\(c.title)"]).text()))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        h += header(c)
        h += dataSection(c)
        h += classificationSection(c)
        h += outputSection(c.outputs)
        h += assertionSection(c.assertions)
        h += ruleSection(c.sources)
        return h + "</body>\n</html>\n"
    }

    static func header(_ c: Content) -> String {
        let date = CivilDate.format(c.asOf)
        let privacy = (c.revealPII ? ReportText.piiShown : ReportText.piiMasked).message.text()
        let time = "<time id=\"as-of\" datetime=\"\(date)\">\(date)</time>"
        let count = "<span id=\"customers\" data-count=\"\(c.customers)\">\(ValueFormat.grouped(c.customers))</span>"
        var h = "<header>\n<h1>\(HTMLEscape.text(c.title))</h1>\n<p class=\"facts\">\(ReportText.asOf(["date": .text(time)]).text())"
        h += " · \(ReportText.customersCount(["count": .text(count)]).text())"
        h += " · <span id=\"privacy\">\(privacy)</span></p>\n</header>\n"
        return h
    }

    static func dataSection(_ c: Content) -> String {
        var h = "<section id=\"data\">\n<h2>\(ReportText.data.message.text())</h2>\n"
        guard !c.dataFiles.isEmpty else { return h + "<p>\(ReportText.noDataFile.message.text())</p>\n</section>\n" }
        h += "<table>\n<thead><tr><th>\(ReportText.table.message.text())</th><th>\(ReportText.file.message.text())</th>"
        h += "<th class=\"num\">\(ReportText.rows.message.text())</th><th>SHA-256</th></tr></thead>\n<tbody>\n"
        for f in c.dataFiles {
            h += "<tr data-table=\"\(HTMLEscape.text(f.table))\"><td>\(HTMLEscape.text(f.table))</td><td>\(HTMLEscape.text(f.path))</td>"
            h += "<td class=\"num\" data-rows=\"\(f.rows)\">\(ValueFormat.grouped(f.rows))</td><td><code class=\"sha256\">\(f.sha256)</code></td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</section>\n"
    }

    static func classificationSection(_ c: Content) -> String {
        var h = "<section id=\"classifications\">\n<h2>\(ReportText.classifications.message.text())</h2>\n"
        if c.segments.isEmpty, c.tiers.isEmpty { h += "<p>\(ReportText.noClassification.message.text())</p>\n" }
        if !c.segments.isEmpty {
            h += "<figure class=\"classification\" data-kind=\"segments\">\n<figcaption>\(ReportText.segments.message.text())</figcaption>\n"
            h += SVGBarChart(c.segments, caption: ReportText.segmentSizes.message.text()).render() + "\n"
            h += countTable(c.segments, header: "segment") + "</figure>\n"
        }
        for t in c.tiers {
            h += "<figure class=\"classification\" data-kind=\"tiers\" data-name=\"\(HTMLEscape.text(t.name))\">\n"
            h += "<figcaption>\(HTMLEscape.text(ReportText.tiersOf(["name": "\(t.name)"]).text()))</figcaption>\n"
            h += SVGBarChart(t.rows, caption: ReportText.tierSizes(["name": "\(t.name)"]).text()).render() + "\n"
            h += countTable(t.rows, header: t.name) + "</figure>\n"
        }
        return h + "</section>\n"
    }

    static func outputSection(_ outputs: [OutputItem]) -> String {
        var h = "<section id=\"outputs\">\n<h2>\(ReportText.outputs.message.text())</h2>\n"
        var shown = 0
        for item in Report.merged(outputs) {
            let part = output(item)
            if !part.isEmpty { shown += 1 }
            h += part
        }
        if shown == 0 { h += "<p>\(ReportText.noOutputs.message.text())</p>\n" }
        return h + "</section>\n"
    }

    /// One output as a figure. Exhaustive on purpose: a new kind of output makes the compiler point here.
    static func output(_ item: OutputItem) -> String {
        switch item {
        case .rows(let title, let headers, let rows, let numeric, let total):
            var h = "<figure class=\"output\" data-kind=\"rows\">\n<figcaption>\(HTMLEscape.text(title))</figcaption>\n"
            let cells = rows.map { $0.map(ValueFormat.display) }
            h += table(headers: headers, rows: cells, rightAligned: numeric)
            h += "<p class=\"footer\">\(HTMLEscape.text(TextTable.footer(shown: rows.count, total: total, noun: .customers)))</p>\n"
            return h + "</figure>\n"
        case .counts(let title, let header, let rows):
            // Adjacent `count SEGMENT` statements are one table (`Report.merged`): the caption names them all.
            let caption = header == "segment" ? rows.map(\.label).joined(separator: ", ") : title
            var h = "<figure class=\"output\" data-kind=\"counts\">\n<figcaption>\(HTMLEscape.text(caption))</figcaption>\n"
            h += SVGBarChart(rows, caption: caption).render() + "\n"
            return h + countTable(rows, header: header) + "</figure>\n"
        case .value(let label, let v):
            var h = "<figure class=\"output\" data-kind=\"value\">\n<figcaption>\(HTMLEscape.text(label))</figcaption>\n"
            h += "<p class=\"value\">\(HTMLEscape.text(Report.valueText(v)))</p>\n"
            return h + "</figure>\n"
        case .note:
            // Notes (exports written, files read) go to stderr, as in `strata run`; they are not results.
            return ""
        case .summary(let t):
            var h = "<figure class=\"output\" data-kind=\"summary\">\n<figcaption>\(HTMLEscape.text(t.title))</figcaption>\n"
            if let bars = summaryBars(t) { h += SVGBarChart(bars, caption: t.title).render() + "\n" }
            h += table(headers: t.shownHeaders, rows: Report.summaryCells(t), rightAligned: Report.summaryNumericColumns(t))
            return h + "</figure>\n"
        case .figures(let title, let figures):
            var h = "<figure class=\"output\" data-kind=\"figures\">\n<figcaption>\(HTMLEscape.text(title))</figcaption>\n"
            h += table(headers: [OutputText.figure.message.text(), OutputText.value.message.text()], rows: figures.map { [$0.name, Report.figureText($0.value)] }, rightAligned: [1])
            return h + "</figure>\n"
        case .overlap(let title, let t):
            var h = "<figure class=\"output\" data-kind=\"overlap\">\n<figcaption>\(HTMLEscape.text(title))</figcaption>\n"
            h += table(headers: [OutputText.overlap.message.text()] + t.labels, rows: OverlapRender.matrixCells(t), rightAligned: Set(t.labels.indices.map { $0 + 1 }))
            h += table(headers: OverlapRender.pairHeaders, rows: OverlapRender.pairCells(t), rightAligned: OverlapRender.pairNumericColumns)
            return h + "</figure>\n"
        case .why(let r):
            let text = WhyRender.render(r, format: .table)
            return "<figure class=\"output\" data-kind=\"why\">\n<pre>\(HTMLEscape.text(text))</pre>\n</figure>\n"
        }
    }

    /// The bars of a summary's chart column (members, with their share of the target), as `--chart` draws them; nil when it has none.
    static func summaryBars(_ t: SummaryTable) -> [CountRow]? {
        Report.summaryBars(t)?.map { bar in
            guard let d = bar.value, d.isFinite, abs(d) < 1e15 else { return CountRow(label: bar.label, count: 0, share: 0) }
            return CountRow(label: bar.label, count: Int(d), share: bar.share ?? d)
        }
    }

    static func assertionSection(_ assertions: [RunResult.AssertionOutcome]) -> String {
        guard !assertions.isEmpty else { return "" }
        let failed = assertions.filter { !$0.passed }.count
        var h = "<section id=\"assertions\">\n<h2>\(ReportText.assertions.message.text())</h2>\n"
        let passedSpan = "<span data-passed=\"\(assertions.count - failed)\">\(assertions.count - failed)"
        let failedSpan = "<span data-failed=\"\(failed)\">\(failed)"
        h += "<p class=\"facts\">\(ReportText.passedFailed(["passed_span": .text(passedSpan), "failed_span": .text(failedSpan)]).text())</p>\n"
        let rows = assertions.map { a -> [String] in
            [(a.passed ? ReportText.held : ReportText.failed).message.text(), "\(a.file):\(a.span.start.line)", a.text, a.message ?? "", a.detail?.text() ?? ""]
        }
        h += table(headers: [ReportText.result, .place, .assertion, .messageHeader, .values].map { $0.message.text() }, rows: rows, rightAligned: [])
        return h + "</section>\n"
    }

    static func ruleSection(_ sources: [Content.Source]) -> String {
        var h = "<section id=\"rules\">\n<h2>\(ReportText.rules.message.text())</h2>\n"
        for s in sources {
            h += "<figure class=\"source\" data-file=\"\(HTMLEscape.text(s.name))\">\n<figcaption>\(HTMLEscape.text(s.name))</figcaption>\n"
            h += "<table class=\"source\">\n<tbody>\n"
            var lines = s.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            for (i, line) in lines.enumerated() {
                let text = line.hasSuffix("\r") ? String(line.dropLast()) : line
                h += "<tr><th class=\"ln\">\(i + 1)</th><td><code>\(HTMLEscape.text(text))</code></td></tr>\n"
            }
            h += "</tbody>\n</table>\n</figure>\n"
        }
        return h + "</section>\n"
    }

    /// A count's rows as a table with the cells the text output prints.
    static func countTable(_ rows: [CountRow], header: String) -> String {
        table(headers: Report.countHeaders(header), rows: Report.countCells(rows), rightAligned: [1, 2])
    }

    /// An HTML table of already formatted cells; `rightAligned` columns (numbers) align right.
    static func table(headers: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        func cls(_ i: Int) -> String { rightAligned.contains(i) ? " class=\"num\"" : "" }
        var h = "<table>\n<thead><tr>"
        for (i, name) in headers.enumerated() { h += "<th\(cls(i))>\(HTMLEscape.text(name))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for row in rows {
            h += "<tr>"
            for i in headers.indices { h += "<td\(cls(i))>\(HTMLEscape.text(i < row.count ? row[i] : ""))</td>" }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// The page's style: system fonts only (nothing to fetch), tables like the terminal's, bars in one colour.
    static let style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; }
        h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
        h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.25rem; margin-top: 2rem; }
        .facts { color: #57606a; }
        figure { margin: 1rem 0 1.5rem; }
        figcaption { font-weight: 600; margin-bottom: 0.5rem; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        th, td { padding: 0.2rem 0.75rem; text-align: left; border-bottom: 1px solid #eaeef2; vertical-align: top; }
        th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .footer { color: #57606a; font-size: 0.85rem; }
        .value { font-size: 1.3rem; font-variant-numeric: tabular-nums; }
        svg.bars { display: block; margin-bottom: 0.5rem; font-size: 12px; }
        svg.bars rect { fill: #3b82c4; }
        svg.bars text { fill: #1b1f24; }
        table.source { font-size: 0.85rem; }
        table.source td, table.source th { border: none; padding: 0 0.75rem; }
        table.source th.ln { color: #8c959f; text-align: right; font-weight: normal; user-select: none; }
        table.source code { white-space: pre; }
        code { font-family: ui-monospace, "SFMono-Regular", "Noto Sans Mono CJK SC", monospace; }

        """
}
