import Foundation
import Testing
@testable import Strata

/// `strata report RULES -o FILE`: one self-contained HTML page of a run (docs/report.md). The numbers
/// expected here are counted by hand from the small data below; the browser check
/// (Tests/Report/browser_check.sh) does the same in Chromium on an example.
@Suite struct ReportTests {
    /// Four customers; markup in the data (a script, a tag, quotes, an ampersand) and CJK text.
    static let customers = """
        id,name,city,clv,referrals,tag
        C1,王伟,深圳,12000000,3,"<script>alert(""x"")</script>"
        C2,李娜,<b>北京</b>,6000000,0,a & b
        C3,张敏,上海,100,0,'quoted'
        C4,Tom,深圳,3000000,1,

        """

    static let rules = """
        load customers from "c.csv"
        set as_of = 2026-06-30
        segment big where clv >= 500万
        segment referrers where referrals >= 1
        tiers level {
          钻石 where clv >= 1000万
          金卡 where clv >= 500万
          白金 where clv >= 1亿
          普通 otherwise
        }
        # a comment with <script>alert(1)</script>
        count big
        count city
        show customers order by clv desc columns id, name, city, tag
        export big to "out/big.csv"
        assert count(big) == 2, "two big ones"
        assert count(big) == 5, "<fails> & shows"

        """

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// Runs `strata report` on the rules and data above in a fresh folder; the folder, the result and the page.
    static func report(_ extra: [String] = [], rules: String = ReportTests.rules) -> (dir: String, run: CLIRun, html: String) {
        let dir = RulesAsCodeTests.write(["c.csv": customers, "r.strata": rules])
        let r = CLIRun(["report", dir + "/r.strata", "-o", dir + "/report.html"] + extra)
        return (dir, r, read(dir + "/report.html"))
    }

    @Test func showsTheRunsFactsSizesOutputsAndRules() {
        let (dir, r, html) = Self.report()
        // A failed assertion is reported, in the page and in the exit code (1), as `strata run` does.
        #expect(r.code == 1, "\(r.err)")
        #expect(r.err.contains("wrote the report to \(dir)/report.html"), "\(r.err)")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<time id=\"as-of\" datetime=\"2026-06-30\">2026-06-30</time>"))
        #expect(html.contains("<span id=\"customers\" data-count=\"4\">4</span> customers"))
        // Segments in definition order with size and share; tiers in the order written, an empty one included.
        #expect(html.contains("<tr><td>big</td><td class=\"num\">2</td><td class=\"num\">50.0%</td></tr>\n<tr><td>referrers</td><td class=\"num\">2</td>"))
        let tiers = html.components(separatedBy: "data-kind=\"tiers\" data-name=\"level\"").last ?? ""
        #expect(tiers.contains("<tr><td>钻石</td><td class=\"num\">1</td><td class=\"num\">25.0%</td></tr>\n<tr><td>金卡</td><td class=\"num\">1</td>"))
        #expect(tiers.contains("<tr><td>白金</td><td class=\"num\">0</td><td class=\"num\">0.0%</td></tr>\n<tr><td>普通</td><td class=\"num\">2</td><td class=\"num\">50.0%</td></tr>"))
        // Each output: the count by city, the show's rows (largest clv first).
        #expect(html.contains("<figcaption>city</figcaption>"))
        #expect(html.contains("<tr><td>深圳</td><td class=\"num\">2</td><td class=\"num\">50.0%</td></tr>"))
        #expect(html.contains("<tr><td>C1</td><td>王*</td><td>深圳</td>"))
        #expect(html.contains("<p class=\"footer\">(4 customers)</p>"))
        // Assertions, the failing one with its message.
        #expect(html.contains("<span data-passed=\"1\">1 passed</span>, <span data-failed=\"1\">1 failed</span>"))
        #expect(html.contains("<td>FAILED</td><td>\(dir)/r.strata:17</td><td>count(big) == 5</td><td>&lt;fails&gt; &amp; shows</td>"))
        // The rule text, numbered.
        #expect(html.contains("<tr><th class=\"ln\">1</th><td><code>load customers from &quot;c.csv&quot;</code></td></tr>"))
        #expect(html.contains("<tr><th class=\"ln\">17</th><td><code>assert count(big) == 5, &quot;&lt;fails&gt; &amp; shows&quot;</code></td></tr>\n</tbody>"))
        // A report writes no export: it says what would be written.
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/big.csv"))
        #expect(r.err.contains("would export 2 customers (big) to"), "\(r.err)")
    }

    /// Markup in the data and in the rules is shown as text: the page has no script element at all.
    /// In Chinese the page says `<html lang="zh-CN">` and its headings are Chinese; the ids, data attributes
    /// and numbers that tools read are the same as in English.
    @Test func thePageFollowsTheLanguage() {
        let html = Language.$current.withValue(.zh) { Self.report().html }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
        #expect(html.contains("<h2>数据</h2>") && html.contains("<h2>分群与分层</h2>") && html.contains("<h2>断言</h2>"))
        #expect(html.contains("<th>分群</th><th class=\"num\">人数</th><th class=\"num\">占比</th>"), "\(html)")
        #expect(html.contains("<span id=\"customers\" data-count=\"4\">"))
    }

    @Test func markupInDataAndRulesIsEscaped() {
        let html = Self.report().html
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>"))
        #expect(html.contains("<td>&lt;b&gt;北京&lt;/b&gt;</td>"))
        #expect(html.contains("<td>a &amp; b</td><"))
        #expect(html.contains("<td>&#39;quoted&#39;</td>"))
        #expect(html.contains("<code># a comment with &lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        // Self-contained: nothing is fetched.
        for fetch in ["src=", "href=", "<link", "<img", "@import", "url("] { #expect(!html.contains(fetch), "\(fetch)") }
    }

    /// The data file's row count and checksum: the digest `sha256sum` prints for the same file.
    @Test func dataFileRowsAndChecksum() throws {
        let (dir, _, html) = Self.report()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [dir + "/c.csv"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(digest.count == 64)
        #expect(html.contains("<tr data-table=\"customers\"><td>customers</td><td>\(dir)/c.csv</td><td class=\"num\" data-rows=\"4\">4</td><td><code class=\"sha256\">\(digest)</code></td></tr>"))
    }

    /// The same rules and data give the same bytes: no clock, no random order.
    @Test func sameInputSameBytes() {
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "r.strata": Self.rules])
        _ = CLIRun(["report", dir + "/r.strata", "-o", dir + "/a.html"])
        _ = CLIRun(["report", dir + "/r.strata", "--output", dir + "/b.html"])
        let a = Self.read(dir + "/a.html")
        #expect(!a.isEmpty)
        #expect(a == Self.read(dir + "/b.html"))
    }

    @Test func personalFieldsMaskedUnlessRevealed() {
        let masked = Self.report().html
        #expect(!masked.contains("王伟") && !masked.contains("李娜"))
        #expect(masked.contains("<span id=\"privacy\">personal fields masked</span>"))
        let shown = Self.report(["--reveal-pii"]).html
        #expect(shown.contains("<td>王伟</td>") && shown.contains("<td>李娜</td>"))
        #expect(shown.contains("personal fields shown unmasked (--reveal-pii)"))
    }

    /// `--as-of` and `--data` as in `strata run`.
    @Test func asOfAndDataOptions() {
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "d.csv": "id,name,city,clv,referrals,tag\nX1,A,深圳,1,0,\n",
                                          "r.strata": "load customers from \"c.csv\"\nsegment recent where as_of > 2026-01-01\ncount recent\n"])
        let r = CLIRun(["report", dir + "/r.strata", "-o", dir + "/r.html", "--as-of", "2025-12-31", "--data", "customers=\(dir)/d.csv"])
        #expect(r.code == 0, "\(r.err)")
        let html = Self.read(dir + "/r.html")
        #expect(html.contains("datetime=\"2025-12-31\""))
        #expect(html.contains("<td>\(dir)/d.csv</td><td class=\"num\" data-rows=\"1\">1</td>"))
        #expect(html.contains("<tr><td>recent</td><td class=\"num\">0</td>"))
    }

    /// A `show` without `limit` puts its first 1,000 rows on the page and says how many there are;
    /// `show … limit N` is as written.
    @Test func showWithoutLimitIsCappedOnThePage() {
        let rows = (1...1005).map { "C\($0),深圳,\($0)" }.joined(separator: "\n")
        let dir = RulesAsCodeTests.write(["c.csv": "id,city,clv\n" + rows + "\n", "r.strata": """
            load customers from "c.csv"
            show customers columns id, clv
            show customers limit 1003 columns id

            """])
        let r = CLIRun(["report", dir + "/r.strata", "-o", dir + "/r.html"])
        #expect(r.code == 0, "\(r.err)")
        let html = Self.read(dir + "/r.html")
        #expect(html.contains("<tr><td>C1000</td><td class=\"num\">1000</td></tr>\n</tbody>"))
        #expect(!html.contains("<td>C1001</td><td"))
        #expect(html.contains("<p class=\"footer\">(\(ValueFormat.grouped(Pipeline.reportShowLimit)) of 1,005 customers)</p>"))
        #expect(html.contains("<tr><td>C1003</td></tr>\n</tbody>"))
        #expect(html.contains("(1,003 of 1,005 customers)"))
    }

    /// Rules that print nothing: their segments and tiers are in the page's own section, and the
    /// summary `strata run` would print is not repeated as an output.
    @Test func rulesWithoutOutputsAreNotSummarizedTwice() {
        let (_, r, html) = Self.report(rules: "load customers from \"c.csv\"\nsegment big where clv >= 500万\n")
        #expect(r.code == 0, "\(r.err)")
        #expect(html.contains("<tr><td>big</td><td class=\"num\">2</td><td class=\"num\">50.0%</td></tr>"))
        #expect(html.components(separatedBy: "<td>big</td>").count == 2)
        #expect(html.contains("<p>The rules ask for no output"))
    }

    @Test func usageErrors() {
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "r.strata": Self.rules])
        let noOutput = CLIRun(["report", dir + "/r.strata"])
        #expect(noOutput.code == 2)
        #expect(noOutput.err.contains("report needs -o REPORT.html"), "\(noOutput.err)")
        let noRules = CLIRun(["report", "-o", dir + "/x.html"])
        #expect(noRules.code == 2)
        #expect(noRules.err.contains("report needs a rule file"))
        let dangling = CLIRun(["report", dir + "/r.strata", "-o"])
        #expect(dangling.code == 2)
        #expect(dangling.err.contains("-o needs a value"))
        let help = CLIRun(["report", "--help"])
        #expect(help.code == 0)
        #expect(help.out.hasPrefix("usage: strata report RULES -o REPORT.html"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.html"))
    }

    /// Rules that do not compile, or stop with an evaluation error, write no report (and keep an old one).
    @Test func brokenRulesWriteNothing() {
        let (dir, r, html) = Self.report(rules: "load customers from \"c.csv\"\nsegment big where clvv > 1\n")
        #expect(r.code == 1)
        #expect(r.err.contains("clvv"), "\(r.err)")
        #expect(html.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir + "/report.html"))
        let missing = Self.report(rules: "load customers from \"nowhere.csv\"\nsegment big where clv > 1\n")
        #expect(missing.run.code == 3, "\(missing.run.err)")
        #expect(missing.html.isEmpty)
    }

    // MARK: - The pieces

    @Test func escapingCoversEveryMarkupCharacter() {
        #expect(HTMLEscape.text("<a href='x'>\"&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
        #expect(HTMLEscape.text("钻石\ttab\nline") == "钻石\ttab\nline")
        #expect(HTMLEscape.text("a\u{0}b\u{1b}c") == "a\u{FFFD}b\u{FFFD}c")
    }

    /// Bars are proportional to the largest; an empty group has no bar, a tiny one at least a pixel.
    @Test func barLengths() {
        let rows = [CountRow(label: "a", count: 500, share: 0.5), CountRow(label: "b", count: 250, share: 0.25),
                    CountRow(label: "c", count: 0, share: 0), CountRow(label: "d", count: 1, share: 0.001)]
        let svg = SVGBarChart(rows, caption: "x").render()
        let widths = svg.components(separatedBy: "<rect ").dropFirst().compactMap { part -> Int? in
            guard let r = part.range(of: "width=\"") else { return nil }
            return Int(part[r.upperBound...].prefix { $0.isNumber })
        }
        #expect(widths == [SVGBarChart.barWidth, SVGBarChart.barWidth / 2, 0, 1])
        #expect(svg.contains(">500 · 50.0%</text>"))
    }

    /// Every kind of output has its place in the page; notes (stderr in `strata run`) have none.
    @Test func everyOutputKindRenders() {
        #expect(HTMLReport.output(.value(label: "n", .number(3))).contains("<p class=\"value\">3</p>"))
        #expect(HTMLReport.output(.value(label: "n", .null)).contains("<p class=\"value\">null</p>"))
        #expect(HTMLReport.output(.note(.verbatim("exported 3 customers"))) == "")
        let rows = HTMLReport.output(.rows(title: "t", headers: ["id", "clv"], rows: [[.string("C1"), .number(2)]], numeric: [1], total: 5))
        #expect(rows.contains("<tr><td>C1</td><td class=\"num\">2</td></tr>"))
        #expect(rows.contains("(1 of 5 customers)"))
    }

    // MARK: - The example

    /// The example made for the report, as a page: fixed in `Golden/report/` (paths from the repository root).
    @Test func exampleReportGolden() throws {
        let dir = Repo.tempDir()
        let r = CLIRun(["report", Repo.path("examples/director-report.strata"), "-o", dir + "/report.html"])
        #expect(r.code == 0, "\(r.err)")
        let html = Self.read(dir + "/report.html").replacingOccurrences(of: Repo.root.path + "/", with: "")
        let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/report/director-report.html").path
        try Golden.update(html, at: expected)
        Golden.expectEqual(html, toFileAt: expected, "director-report: report")
    }
}
