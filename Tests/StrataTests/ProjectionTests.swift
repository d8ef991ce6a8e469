import Foundation
import Testing
@testable import Strata

/// `strata run` parses only the columns a program reads; the answers and messages are those of reading
/// every column. Files here are larger than the 4 MB that `check` and the sample read whole.
@Suite struct ProjectionTests {
    /// 90,000 customers and 200,000 visits; `late_bad` is a number column until its last cell.
    static let folder: String = {
        let dir = Repo.tempDir()
        var c = "id,name,city,clv,score,late_bad,note\n"
        for i in 0..<90_000 {
            let bad = i == 89_999 ? "n/a" : "\(i % 97)"
            c += "C\(i),客户\(i % 1000),\(["深圳", "广州", "上海"][i % 3]),\(i * 37 % 100_000),\(i % 5),\(bad),remark \(i % 13) \(String(repeating: "x", count: 30 + i % 20))\n"
        }
        var v = "customer_id,date,channel,minutes\n"
        for i in 0..<200_000 {
            v += "C\(i * 7 % 90_001),2026-0\(1 + i % 6)-\(10 + i % 18),\(["到访", "线上"][i % 2]),\(i % 11 == 0 ? "" : "\(i % 90)")\n"
        }
        try? c.write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try? v.write(toFile: dir + "/v.csv", atomically: true, encoding: .utf8)
        return dir
    }()

    static func run(_ rules: String, project: Bool) -> RunResult {
        var options = RunOptions()
        options.projectColumns = project
        options.dryRun = true
        return Pipeline(options: options).run(SourceFile(name: folder + "/r.strata", text: rules))
    }

    static let head = "load customers from \"c.csv\"\nload visits from \"v.csv\" linked by customer_id\nset as_of = 2026-06-30\n"

    @Test func theSameAnswersAsReadingEveryColumn() throws {
        #expect(try String(contentsOfFile: Self.folder + "/c.csv", encoding: .utf8).utf8.count > TableLoader.sampleBytes)
        let rules = Self.head + """
            derive recent = count(visits where date >= as_of - 60 days)
            segment big where clv > 50000 and recent > 0
            tiers band {
              A where score >= 4
              B otherwise
            }
            count big
            count band
            count city
            show big limit 5 order by clv desc
            export big to "out/big.csv"

            """
        let a = Self.run(rules, project: true), b = Self.run(rules, project: false)
        #expect(a.exitCode == 0, "\(a.renderedDiagnostics)")
        #expect(a.outputs.map { Report.render($0, format: .csv) } == b.outputs.map { Report.render($0, format: .csv) })
        #expect(a.renderedDiagnostics == b.renderedDiagnostics)
    }

    @Test func aLateCellThatIsNoNumberIsReportedAsByAFullLoad() {
        let rules = Self.head + "segment s where late_bad > 5\ncount s\n"
        let a = Self.run(rules, project: true), b = Self.run(rules, project: false)
        #expect(a.exitCode == 0)
        #expect(a.renderedDiagnostics == b.renderedDiagnostics)
        #expect(a.outputs.map { Report.render($0, format: .csv) } == b.outputs.map { Report.render($0, format: .csv) })
        #expect(a.renderedDiagnostics.contains("1 cell of `late_bad` is not a number and is read as null (first: "), "\(a.renderedDiagnostics)")
        #expect(a.renderedDiagnostics.contains("c.csv:90001, `n/a`)"))
    }

    @Test func anUnreadColumnCannotFailTheRun() {
        // `late_bad` is never read: its last cell does not matter, and the counts are a full load's.
        let rules = Self.head + "segment s where score > 2\ncount s\n"
        let a = Self.run(rules, project: true), b = Self.run(rules, project: false)
        #expect(a.exitCode == 0)
        #expect(a.outputs.map { Report.render($0, format: .csv) } == b.outputs.map { Report.render($0, format: .csv) })
    }

    @Test func checkCountsTheRowsThatNameNoCustomerAsRunDoes() {
        // The customer file is larger than the sample `check` reads; linking needs every customer.
        let rules = Self.head + "segment s where count(visits) > 0\ncount s\n"
        let ran = Self.run(rules, project: true)
        let checked = Pipeline().check(SourceFile(name: Self.folder + "/r.strata", text: rules))
        let warning = { (r: RunResult) in r.diagnostics.filter { $0.code == .rowsNameNoCustomer }.map(\.message) }
        #expect(warning(ran).count == 1)
        #expect(warning(checked) == warning(ran))
    }
}
