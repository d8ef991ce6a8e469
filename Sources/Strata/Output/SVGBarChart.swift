/// A horizontal bar chart as inline SVG, for the HTML report: one bar per row, the label on the left,
/// the count and share on the right. Inline so the report needs no script, image or font file.
public struct SVGBarChart: Sendable {
    /// One bar: its label and the size and share it stands for.
    public struct Bar: Sendable {
        public var label: String
        public var count: Int
        public var share: Double
    }

    public var bars: [Bar]
    /// What the chart shows, for screen readers (`aria-label`).
    public var caption: String

    /// Height of one row and the longest bar, in CSS pixels.
    static let rowHeight = 22
    static let barWidth = 320
    /// Pixels per terminal column of a label: a CJK character counts two columns, as in the text tables.
    static let pixelsPerColumn = 7

    /// Bars for a count's rows.
    public init(_ rows: [CountRow], caption: String) {
        self.bars = rows.map { Bar(label: $0.label, count: $0.count, share: $0.share) }
        self.caption = caption
    }

    /// The `<svg>` element. Bars are scaled to the largest share, so small segments stay visible;
    /// the numbers printed beside them are the exact ones (from `ValueFormat`, as the text tables print).
    public func render() -> String {
        let labelColumns = bars.map { TextTable.fit($0.label).width }.max() ?? 0
        let labelWidth = max(60, labelColumns * SVGBarChart.pixelsPerColumn + 12)
        let numberWidth = 150
        let width = labelWidth + SVGBarChart.barWidth + numberWidth
        let height = max(1, bars.count) * SVGBarChart.rowHeight
        let largest = bars.map(\.share).filter(\.isFinite).max() ?? 0
        var s = "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        s += "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLEscape.text(caption))\">\n"
        for (i, bar) in bars.enumerated() {
            let y = i * SVGBarChart.rowHeight
            let fraction = largest > 0 && bar.share.isFinite ? max(0, bar.share / largest) : 0
            // A non-empty group gets at least one pixel, so it is not drawn as if it were empty.
            let length = bar.count > 0 ? max(1, Int((fraction * Double(SVGBarChart.barWidth)).rounded())) : 0
            let label = HTMLEscape.text(TextTable.fit(bar.label).text)
            s += "<g class=\"bar\"><text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(label)</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(SVGBarChart.rowHeight - 8)\"></rect>"
            s += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(ValueFormat.grouped(bar.count)) · \(ValueFormat.share(bar.share))</text></g>\n"
        }
        return s + "</svg>"
    }
}
