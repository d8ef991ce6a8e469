import Foundation
import Testing
@testable import Strata

/// Golden tests of checker messages: each `Golden/checker/NAME.strata` is checked against a fixed schema
/// and its rendered diagnostics must equal `NAME.expected`. `STRATA_UPDATE_GOLDEN=1 swift test` rewrites them.
@Suite struct CheckerGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/checker")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".strata") }.map { String($0.dropLast(7)) }.sorted()
    }

    static let schema = TestData.table([
        ("id", [.string("C1")]), ("name", [.string("王伟")]), ("city", [.string("深圳")]),
        ("clv", [.number(1e6)]), ("referrals", [.number(1)]), ("member", [.bool(true)]),
        ("first_visit", [.date(19000)]), ("last_visit", [.date(20000)]),
    ])

    @Test func goldenCasesExist() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func messages(_ name: String) throws {
        let src = try String(contentsOf: Self.folder.appendingPathComponent(name + ".strata"), encoding: .utf8)
        let (_, r) = TestData.run(src, on: Self.schema, file: name + ".strata")
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["STRATA_UPDATE_GOLDEN"] == "1" {
            try r.renderedDiagnostics.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(r.renderedDiagnostics == expected)
        #expect(r.exitCode == 1)
        #expect(!r.diagnostics.isEmpty)
        // Every error points somewhere real and says what to do.
        for d in r.diagnostics {
            #expect(d.span.start.line >= 1 && d.span.start.column >= 1)
            #expect(d.suggestion != nil, "no suggestion for: \(d.message)")
        }
    }
}

@Suite struct CheckerRuleTests {
    static let t = CheckerGoldenTests.schema

    @Test(arguments: [
        "segment vip where clv > 2e6 and referrals >= 2",
        "let big = 200万\nsegment a where clv > big",
        "derive recency = days_between(last_visit, as_of)",
        "tiers g { A where clv > 1; B otherwise }\ncount g",
        "segment a where city in [\"深圳\", \"广州\"] and not member",
        "let p80 = percentile(clv, 0.8)\nsegment top where clv >= p80",
        "segment s where last_visit < as_of - 6 months",
        "let n = count(where city == \"深圳\")\nassert n >= 0",
        "derive r = ntile(clv, 5)\nderive g = abc(clv)",
        "show customers limit 5 order by clv desc columns id, clv",
        "count city",
        "segment a where min(clv, 5) > 1 and max(clv) > 0",
    ])
    func validRulesHaveNoDiagnostics(_ rules: String) {
        let (_, r) = TestData.run(rules, on: Self.t)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        #expect(r.exitCode == 0)
    }
}
