import Foundation
import Testing
@testable import Strata

/// `summarize`, `count … by` and `print`: what each group holds, in what order, and how it prints.
/// Every figure is checked against the same figure computed another way (a filtered `count`, an aggregate
/// with a `where` filter), so a wrong grouping cannot pass.
@Suite struct SummaryTests {
    /// Eight customers: cities with a null, a tiers-able clv with a null, ages, a bool, dates.
    static let table = TestData.table([
        ("id", ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"].map(Value.string)),
        ("city", [.string("深圳"), .string("广州"), .string("深圳"), .null, .string("上海"), .string("深圳"), .string("广州"), .string("上海")]),
        ("clv", [.number(3e6), .number(5e5), .number(8e6), .number(1e6), .null, .number(2e6), .number(7e6), .number(1e5)]),
        ("age", [.number(40), .number(30), .number(40), .number(50), .number(30), .number(-0.0), .number(0), .number(40)]),
        ("member", [.bool(true), .bool(false), .bool(true), .bool(true), .null, .bool(false), .bool(true), .bool(false)]),
        ("signed", [.date(20000), .date(19000), .date(20000), .null, .date(19000), .date(21000), .date(20000), .date(19000)]),
    ])

    static func outputs(_ rules: String) -> [OutputItem] {
        let (_, r) = TestData.run(rules, on: table)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        return r.outputs
    }

    static func summary(_ rules: String) -> SummaryTable? {
        for case .summary(let t) in outputs(rules) { return t }
        return nil
    }

    static func number(_ v: Value?) -> Double? {
        if case .number(let d)? = v { return d }
        return nil
    }

    /// A filtered count, computed by the plain `count` statement.
    static func count(_ condition: String) -> Int {
        for case .counts(_, _, let rows) in outputs("count \(condition)") { return rows.first?.count ?? -1 }
        return -1
    }

    @Test func defaultColumnsAgreeWithFilteredCounts() throws {
        let t = try #require(Self.summary("segment big where clv >= 1e6\nsummarize big by city"))
        #expect(t.headers == ["city", "members", "share", "group_size", "rate", "lift"])
        let total = Self.count("clv >= 1e6")
        let everyone = 8.0
        #expect(!t.rows.isEmpty)
        for row in t.rows {
            guard case .string(let city) = row[0] else { Issue.record("label \(row[0])"); continue }
            let cond = city == "(none)" ? "city is null" : "city == \"\(city)\""
            let members = Self.count("clv >= 1e6 and \(cond)"), size = Self.count(cond)
            #expect(Self.number(row[1]) == Double(members), "\(city)")
            #expect(Self.number(row[2]) == Double(members) / Double(total))
            #expect(Self.number(row[3]) == Double(size))
            #expect(Self.number(row[4]) == Double(members) / Double(size))
            #expect(Self.number(row[5]) == (Double(members) / Double(size)) / (Double(total) / everyone))
        }
        // Every member is in exactly one group: the members add up to the target.
        #expect(t.rows.reduce(0) { $0 + (Self.number($1[1]) ?? 0) } == Double(total))
    }

    @Test func textGroupsAreOrderedByMembersThenValueWithNoneLast() throws {
        let t = try #require(Self.summary("summarize customers by city"))
        // 深圳 3, then 上海 and 广州 2 each (by value: 上 U+4E0A before 广 U+5E7F), then the null.
        #expect(t.rows.map { $0[0] } == [.string("深圳"), .string("上海"), .string("广州"), .string("(none)")])
    }

    @Test func numbersDatesAndBoolsAreOrderedByValue() throws {
        let ages = try #require(Self.summary("summarize customers by age"))
        // -0 and 0 are one group.
        #expect(ages.rows.map { $0[0] } == [.number(0), .number(30), .number(40), .number(50)])
        #expect(Self.number(ages.rows[0][1]) == 2)
        let dates = try #require(Self.summary("summarize customers by signed"))
        #expect(dates.rows.map { $0[0] } == [.date(19000), .date(20000), .date(21000), .string("(none)")])
        let bools = try #require(Self.summary("summarize customers by member"))
        #expect(bools.rows.map { $0[0] } == [.bool(false), .bool(true), .string("(none)")])
    }

    @Test func tiersFollowTheirDeclaredOrder() {
        let rules = "tiers t {\n  高 where clv >= 5e6\n  中 where clv >= 1e6\n  低 otherwise\n}\ncount customers by t"
        guard case .counts(_, let header, let rows)? = Self.outputs(rules).first else { Issue.record("no counts"); return }
        #expect(header == "t")
        #expect(rows.map(\.label) == ["高", "中", "低"])
        #expect(rows.map(\.count) == [Self.count("clv >= 5e6"), Self.count("clv >= 1e6 and clv < 5e6"), Self.count("clv < 1e6 or clv is null")])
        // The share is of the target: here everyone.
        #expect(rows.map(\.share) == rows.map { Double($0.count) / 8 })
    }

    @Test func twoFieldsGroupByBoth() throws {
        let t = try #require(Self.summary("summarize customers by city, member order by members desc, city limit 2"))
        #expect(t.headers.prefix(3) == ["city", "member", "members"])
        #expect(t.rows.count == 2)
        // 深圳 has two members and one non-member; 深圳/true is the largest group.
        #expect(t.rows[0][0] == .string("深圳") && t.rows[0][1] == .bool(true) && Self.number(t.rows[0][2]) == 2)
        #expect(Self.number(t.rows[1][2]) == 1)
    }

    @Test func crosstabHasRowAndColumnTotals() throws {
        let t = try #require(Self.summary("segment big where clv >= 1e6\ncount big by city, member"))
        #expect(t.headers == ["city / member", "false", "true", "total"])
        #expect(t.hasTotalRow)
        let body = t.rows.dropLast()
        for row in body {
            let cells = row.dropFirst().dropLast().compactMap(Self.number)
            #expect(cells.reduce(0, +) == Self.number(row.last), "row total of \(row[0])")
        }
        let totals = try #require(t.rows.last)
        #expect(totals[0] == .string("total"))
        for k in 1..<t.headers.count {
            #expect(body.compactMap { Self.number($0[k]) }.reduce(0, +) == Self.number(totals[k]), "column \(t.headers[k])")
        }
        #expect(Self.number(totals.last) == Double(Self.count("clv >= 1e6")))
        // One cell checked against a filtered count.
        let sz = try #require(body.first { $0[0] == .string("深圳") })
        #expect(Self.number(sz[2]) == Double(Self.count("clv >= 1e6 and city == \"深圳\" and member")))
    }

    @Test func columnsAreAggregatesOverTheGroupsMembers() throws {
        let rules = """
            segment big where clv >= 1e6
            summarize big by city columns n = count(), avg_clv = avg(clv), top = max(id), p90 = percentile(clv, 0.9), sd = stddev(clv), members = count(where member) / count()
            """
        let t = try #require(Self.summary(rules))
        #expect(t.headers == ["city", "n", "avg_clv", "top", "p90", "sd", "members"])
        for row in t.rows {
            guard case .string(let city) = row[0], city != "(none)" else { continue }
            let lets = """
                let n = count(where clv >= 1e6 and city == "\(city)")
                let a = avg(clv where clv >= 1e6 and city == "\(city)")
                let top = max(id where clv >= 1e6 and city == "\(city)")
                let p = percentile(clv where clv >= 1e6 and city == "\(city)", 0.9)
                let sd = stddev(clv where clv >= 1e6 and city == "\(city)")
                let m = count(where clv >= 1e6 and city == "\(city)" and member) / n
                """
            let (store, r) = TestData.run(lets, on: Self.table)
            #expect(r.diagnostics.isEmpty)
            #expect(row[1] == store.scalars["n"], "\(city) n")
            #expect(row[2] == store.scalars["a"], "\(city) avg")
            #expect(row[3] == store.scalars["top"], "\(city) max")
            #expect(row[4] == store.scalars["p"], "\(city) percentile")
            #expect(row[5] == store.scalars["sd"], "\(city) stddev")
            #expect(row[6] == store.scalars["m"], "\(city) rate")
        }
    }

    @Test func printShowsEachValueUnderItsName() {
        let rules = "let big = 1e6\nprint 高价值_share = count(where clv >= big) / count(), avg_clv = avg(clv), twice = big * 2"
        guard case .figures(_, let figures)? = Self.outputs(rules).first else { Issue.record("no figures"); return }
        #expect(figures.map(\.name) == ["高价值_share", "avg_clv", "twice"])
        #expect(figures[0].value == .number(Double(Self.count("clv >= 1e6")) / 8))
        #expect(figures[2].value == .number(2e6))
        let table = Report.render(.figures(title: "", figures), format: .table)
        // Names are padded by display width: the CJK name is the widest (4 + 2×3 + 6 columns).
        #expect(table.hasPrefix("高价值_share  "))
        #expect(table.contains("\ntwice         2000000\n"), "\(table)")
        #expect(Report.render(.figures(title: "", figures), format: .csv).hasPrefix("高价值_share,avg_clv,twice\n"))
        #expect(Report.render(.figures(title: "", figures), format: .json).contains("\"twice\":2000000"))
    }

    @Test func sharesArePercentagesInTablesAndFractionsInCSV() throws {
        let t = try #require(Self.summary("summarize clv >= 1e6 by member"))
        let table = Report.render(.summary(t), format: .table)
        let csv = Report.render(.summary(t), format: .csv)
        #expect(table.contains("%"))
        #expect(!csv.contains("%"))
        #expect(csv.hasPrefix("member,members,share,group_size,rate,lift\n"))
    }

    @Test func checkerRefusesWhatCannotBeGrouped() {
        let cases: [(String, DiagnosticCode)] = [
            ("summarize member by clv > 1, city, age", .tooManyGroupFields),
            ("summarize member by as_of", .invalidGroupField),
            ("summarize member by city columns x = clv", .perCustomerValue),
            ("summarize member by city columns city = count()", .duplicateColumnName),
            ("summarize member by city order by rat", .unknownSummaryColumn),
            ("print a = 1, a = 2", .duplicateColumnName),
            ("print a = clv", .perCustomerValue),
            ("print a = 90 days", .durationColumn),
            ("summarize clv by city", .expectedCondition),
        ]
        for (rules, code) in cases {
            let d = Pipeline(preloaded: Self.table).check(SourceFile(name: "r.strata", text: "set as_of = 2026-06-30\n" + rules)).diagnostics
            #expect(d.map(\.code).contains(code), "\(rules): \(d.map(\.message))")
        }
    }

    @Test func aRepeatedClauseNamesItsStatement() {
        let (_, d) = Parser.parse(SourceFile(name: "r.strata", text: "summarize vip by city limit 1 limit 2\n"))
        #expect(d.map(\.message) == ["`limit` appears twice in one `summarize`"])
    }

    @Test func theReplDrawsChartsWhenAskedTo() {
        let dir = RulesAsCodeTests.write(["c.csv": "id,city,clv\nC1,深圳,5\nC2,深圳,7\nC3,广州,1\n"])
        let input = "load customers from \"\(dir)/c.csv\"\ncount customers by city\n.chart on\ncount customers by city\n.chart off\nsummarize customers by city\n"
        let r = CLIRun(["repl"], input: input)
        #expect(r.code == 0, "\(r.err)")
        // One chart, two bars: only the count typed while `.chart on`; its bars are proportional (2 : 1).
        let bars = r.out.split(separator: "\n").filter { $0.contains("█") }
        #expect(bars.count == 2)
        if bars.count == 2 {
            let a = bars[0].filter { $0 == "█" }.count, b = bars[1].filter { $0 == "█" }.count
            #expect(abs(Double(a) - 2 * Double(b)) <= 2, "\(bars)")
        }
        #expect(CLIRun(["repl"], input: ".chart maybe\n").err.contains(".chart takes on or off"))
    }

    @Test func formatterLaysOutClausesInOneOrder() {
        let text = "SUMMARIZE  vip BY city,member LIMIT 3 ORDER BY rate DESC COLUMNS n=count( ), a = avg(clv)\nCOUNT vip  BY city\nPRINT x=1 ,y = 2\n"
        let (out, diags) = Formatter.format(SourceFile(name: "f.strata", text: text))
        #expect(diags.isEmpty)
        #expect(out == "summarize vip by city, member columns n = count(), a = avg(clv) order by rate desc limit 3\ncount vip by city\nprint x = 1, y = 2\n")
    }

    @Test func sqlSkipsSummariesAndFigures() {
        let rules = "segment big where clv >= 1e6\nsummarize big by city\ncount big by city, member\nprint n = count(big)\n"
        let c = Pipeline(preloaded: Self.table).compile(SourceFile(name: "r.strata", text: rules), forCheck: false)
        guard let program = c.program else { Issue.record("\(c.result.diagnostics)"); return }
        let (script, diags) = SQLScript.write(program, SQLOptions(dialect: .duckdb, asOf: 20000))
        #expect(diags.isEmpty)
        #expect(script?.contains("big") == true)
        #expect(script?.contains("GROUP BY city") != true)
    }
}
