import Testing
@testable import Strata

/// Bar charts: bars in eighths, proportional to the values, labels lined up by display width, within the width.
@Suite struct BarChartTests {
    @Test func barsAreProportionalInEighths() {
        #expect(BarChart.bar(0) == "")
        #expect(BarChart.bar(1) == "█")
        #expect(BarChart.bar(2.5) == "██▌")
        #expect(BarChart.bar(0.125) == "▏")
        // A positive value too small for an eighth still shows.
        #expect(BarChart.bar(0.01) == "▏")
        #expect(BarChart.bar(-3) == "")
        #expect(BarChart.bar(.nan) == "")
    }

    @Test func linesFitTheWidthAndLineUpCJKLabels() {
        for width in [20, 40, 80, 120] {
            let chart = BarChart.render(labels: ["深圳", "Shanghai", "广州市天河区"], values: [300, 150, 0], annotations: ["300", "150", "0"], width: width)
            let lines = chart.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            for l in lines { #expect(DisplayWidth.of(l) <= width, "\(width): \(l)") }
            // The bars start in the same display column on every line.
            let starts = lines.map { l -> Int in
                let prefix = l.prefix { $0 != "█" && !BarChart.eighths.contains($0) && $0 != "3" && $0 != "1" && $0 != "0" }
                return DisplayWidth.of(String(prefix))
            }
            #expect(Set(starts.prefix(2)).count == 1, "\(chart)")
            // The largest value fills the bar space; half of it fills half.
            let full = lines[0].filter { $0 == "█" }.count, half = lines[1].filter { $0 == "█" }.count
            #expect(abs(Double(half) - Double(full) / 2) <= 1, "\(chart)")
        }
    }

    @Test func longLabelsAreCut() {
        let chart = BarChart.render(labels: [String(repeating: "客", count: 40)], values: [1], annotations: ["1"], width: 60)
        #expect(chart.contains("…"))
        #expect(DisplayWidth.of(String(chart.dropLast())) <= 60)
    }

    @Test func countsAndSummariesHaveCharts() {
        let item = OutputItem.counts(title: "vip", header: "city", rows: [CountRow(label: "深圳", count: 3, share: 0.75), CountRow(label: "上海", count: 1, share: 0.25)])
        let text = Report.render(item, format: .table, chartWidth: 40)
        #expect(text.contains("深圳 ") && text.contains("3 (75.0%)"))
        // CSV and JSON are unchanged by charts.
        #expect(Report.render(item, format: .csv, chartWidth: 40) == Report.render(item, format: .csv))
        #expect(Report.render(item, format: .table, chartWidth: nil) == Report.render(item, format: .table))
    }
}
