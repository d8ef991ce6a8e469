import Foundation
import Testing
@testable import Strata

/// `overlap`: pairwise intersections of segments or conditions, the matrix and the pairs by Jaccard.
@Suite struct OverlapTests {
    static let table = TestData.table([
        ("id", (1...8).map { .string("C\($0)") }),
        ("clv", [.number(1), .number(2), .number(3), .number(4), .number(5), .number(6), .null, .number(8)]),
        ("member", [.bool(true), .bool(true), .bool(false), .bool(true), .bool(false), .bool(true), .bool(true), .null]),
        ("city", [.string("上海"), .string("北京"), .string("上海"), .string("深圳"), .string("上海"), .null, .string("北京"), .string("上海")]),
    ])

    static func overlaps(_ rules: String) -> [OverlapTable] {
        let (_, r) = TestData.run(rules, on: table)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        return r.outputs.compactMap { if case .overlap(_, let t) = $0 { return t } else { return nil } }
    }

    /// Every cell is the count `count(a and b)` gives, the diagonal `count(a)`; Jaccard is both ÷ either.
    @Test func cellsAreTheCountsOfBoth() throws {
        let rules = "segment big where clv >= 4\nsegment sh where city == \"上海\"\nsegment m where member\n"
        let t = try #require(Self.overlaps(rules + "overlap big, sh, m").first)
        #expect(t.labels == ["big", "sh", "m"])
        let names = t.labels
        for i in names.indices {
            for j in names.indices {
                let members = TestData.members("x", rules + "segment x where \(names[i]) and \(names[j])", on: Self.table)
                #expect(t.both[i][j] == members.count, "\(names[i]) × \(names[j])")
            }
        }
        for p in t.pairs {
            let either = TestData.members("x", rules + "segment x where \(names[p.a]) or \(names[p.b])", on: Self.table).count
            #expect(abs(p.jaccard - Double(p.both) / Double(either)) < 1e-12)
            #expect(abs(p.shareOfA - Double(p.both) / Double(t.sizes[p.a])) < 1e-12)
        }
        // Most similar first.
        #expect(t.pairs.map(\.jaccard) == t.pairs.map(\.jaccard).sorted(by: >))
    }

    /// With no names: every segment defined above it, in definition order; conditions are labelled canonically.
    @Test func noNamesMeansEverySegmentAbove() throws {
        let all = Self.overlaps("segment a where clv > 2\nsegment b where member\noverlap\nsegment c where clv > 5\noverlap\noverlap a,clv<3")
        #expect(all.map(\.labels) == [["a", "b"], ["a", "b", "c"], ["a", "clv < 3"]])
        // Disjoint sets: Jaccard 0; nulls are in no set.
        let disjoint = try #require(all.last?.pairs.first)
        #expect(disjoint.both == 0 && disjoint.jaccard == 0)
    }

    /// Table, CSV and JSON: the matrix and pair list for people, the pair list with every number for tools.
    @Test func formats() throws {
        let t = try #require(Self.overlaps("segment a where clv > 2\nsegment b where member\noverlap").first)
        let text = Report.render(.overlap(title: "overlap", t), format: .table)
        #expect(text.hasPrefix("overlap         a         b\n"), "\(text)")
        #expect(text.contains("a               5  2 (0.25)"), "\(text)")
        #expect(text.contains("a  b     2     0.25  40.0%  40.0%"), "\(text)")
        let csv = Report.render(.overlap(title: "overlap", t), format: .csv)
        #expect(csv == "a,b,a_count,b_count,both,jaccard,share_of_a,share_of_b\na,b,5,5,2,0.25,0.4,0.4\n", "\(csv)")
        let json = Report.render(.overlap(title: "overlap", t), format: .json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.first?["both"] as? Int == 2)
        #expect(rows.first?["a_count"] as? Int == t.sizes[0])
    }

    /// `strata sql` leaves `overlap` out like the other output statements; `fmt` and the REPL take it.
    @Test func sqlSkipsItAndTheReplRunsIt() throws {
        let c = Pipeline(preloaded: Self.table).compile(SourceFile(name: "r.strata", text: "segment a where member\noverlap a, clv > 2"), forCheck: false)
        let program = try #require(c.program)
        let sql = SQLScript.write(program, SQLOptions(dialect: .duckdb, asOf: 20000))
        #expect(sql.diagnostics.isEmpty)
        #expect(sql.script?.contains("a") == true)
        let session = ReplSession()
        session.attach(Self.table)
        _ = session.interactive(SourceFile(name: "<repl:1>", text: "segment a where member"))
        let r = session.interactive(SourceFile(name: "<repl:2>", text: "overlap a, clv > 2"))
        #expect(r.outputs.contains { if case .overlap = $0 { return true } else { return false } })
        let completer = NameCompleter(session: session)
        #expect(completer.completions(for: "overl", cursor: 5).candidates == ["overlap"])
    }
}
