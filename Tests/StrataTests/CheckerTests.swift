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
        if Golden.updating {
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

    /// The same cases in Chinese (`NAME.zh.expected`): the messages and their help come from the catalog,
    /// the caret stays under the same span, and the code each message kind keeps is the English one.
    @Test(arguments: cases)
    func messagesInChinese(_ name: String) throws {
        let src = try String(contentsOf: Self.folder.appendingPathComponent(name + ".strata"), encoding: .utf8)
        let chinese = Language.$current.withValue(.zh) { TestData.run(src, on: Self.schema, file: name + ".strata").1 }
        let expectedURL = Self.folder.appendingPathComponent(name + ".zh.expected")
        if Golden.updating {
            try chinese.renderedDiagnostics.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(chinese.renderedDiagnostics == expected)
        // Every message from the catalog is Chinese, not English left over (a phase still on the deprecated
        // English-only init gives `verbatim` texts until its catalog is merged).
        let (_, english) = TestData.run(src, on: Self.schema, file: name + ".strata")
        #expect(english.diagnostics.map(\.code) == chinese.diagnostics.map(\.code))
        for d in chinese.diagnostics where d.text.key != "verbatim" {
            let text = Language.$current.withValue(.zh) { d.message + " " + (d.suggestion ?? "") }
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "not Chinese: \(text)")
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

    @Test func unknownNamesOfferFieldsAsTheyMustBeWritten() {
        // `Order` is the keyword `order` when bare, and `last visit` has a space: both need backticks.
        let t = TestData.table([("id", [.string("C1")]), ("Order", [.number(1)]), ("last visit", [.date(20000)])])
        let (_, typo) = TestData.run("segment a where `Ordr` > 1", on: t)
        #expect(typo.diagnostics.first?.suggestion == "did you mean `` `Order` ``?")
        let (_, far) = TestData.run("segment a where zzzzzz > 1", on: t)
        #expect(far.diagnostics.first?.suggestion == "known fields: id, `Order`, `last visit`")
        let (_, plain) = TestData.run("segment a where idd > 1", on: t)
        #expect(plain.diagnostics.first?.suggestion == "did you mean `id`?")
    }
}

/// `as_of` has one value per program, fixed by its one `set as_of` before any use.
@Suite struct AsOfOrderTests {
    static let t = CheckerGoldenTests.schema

    @Test func usingAsOfBeforeTheSetIsAnError() {
        let (_, r) = TestData.run("derive r = days_between(last_visit, as_of)\nset as_of = 2026-06-30\nderive r2 = days_between(last_visit, as_of)\n", on: Self.t)
        #expect(r.exitCode == 1)
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message == "`as_of` is used before its definition at line 2")
        #expect(errors.first?.span.start.line == 1)
        #expect(errors.first?.span.start.column == 37)
        #expect(errors.first?.suggestion == "move `set as_of` above this line")
        // Without any `set`, `as_of` is today's date (a warning in `strata check`), not an error.
        #expect(TestData.run("derive r = days_between(last_visit, as_of)\n", on: Self.t).1.exitCode == 0)
    }

    @Test func aSecondSetIsAnErrorNamingTheFirst() {
        let (_, r) = TestData.run("set as_of = 2026-06-30\nderive r = days_between(last_visit, as_of)\nset as_of = 2025-01-01\n", on: Self.t)
        #expect(r.exitCode == 1)
        #expect(r.diagnostics.map(\.message) == ["`as_of` is already set at rules.strata:1:5"])
        #expect(r.diagnostics.first?.span.start.line == 3)
    }

    @Test func theReplMayResetAsOf() {
        let s = ReplSession()
        s.attach(Self.t)
        for input in ["set as_of = 2026-06-30", "derive r = days_between(last_visit, as_of)", "set as_of = 2025-01-01"] {
            let r = s.interactive(SourceFile(name: "<repl>", text: input))
            #expect(r.exitCode == 0, "\(r.renderedDiagnostics)")
        }
        #expect(s.scalars["as_of"] == .date(CivilDate.parse("2025-01-01") ?? 0))
    }
}

/// A failing `assert` reports the value of every operand of its tests, not only of a bare comparison.
@Suite struct AssertValuesTests {
    static let t = CheckerGoldenTests.schema

    @Test(arguments: [
        ("assert count(where clv > 0) between 5 and 9", "count(where clv > 0) is 1"),
        ("assert count() in [2, 3]", "count() is 1"),
        ("assert count() > 0 and count(where clv > 1e9) > 0", "count() is 1; count(where clv > 1e9) is 0"),
        ("assert not (count() > 0)", "count() is 1"),
        ("assert avg(clv where clv > 1e9) is not null", "avg(clv where clv > 1e9) is null"),
        ("assert sum(clv) is null or (max(clv)  <  min(clv))", "sum(clv) is 1000000; max(clv) is 1000000; min(clv) is 1000000"),
    ])
    func failuresShowTheValues(_ rule: String, _ detail: String) {
        let (_, r) = TestData.run(rule, on: Self.t)
        #expect(r.failedAssertions == 1, "\(r.renderedDiagnostics)")
        #expect(r.assertions.first?.detail?.text() == detail)
    }
}
