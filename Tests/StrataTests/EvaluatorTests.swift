import Foundation
import Testing
@testable import Strata

@Suite struct ThreeValuedLogicTests {
    // Every pair of true/false/null, as rows.
    static let a: [Value] = [.bool(true), .bool(true), .bool(true), .bool(false), .bool(false), .bool(false), .null, .null, .null]
    static let b: [Value] = [.bool(true), .bool(false), .null, .bool(true), .bool(false), .null, .bool(true), .bool(false), .null]
    static let t = TestData.table([("id", (0..<9).map { .string("C\($0)") }), ("a", a), ("b", b)])

    static func kleeneAnd(_ x: Value, _ y: Value) -> Value {
        if x == .bool(false) || y == .bool(false) { return .bool(false) }
        if x == .bool(true) && y == .bool(true) { return .bool(true) }
        return .null
    }
    static func kleeneNot(_ x: Value) -> Value { if case .bool(let v) = x { return .bool(!v) }; return .null }
    static func kleeneOr(_ x: Value, _ y: Value) -> Value { kleeneNot(kleeneAnd(kleeneNot(x), kleeneNot(y))) }

    @Test func andOrNotFollowKleene() {
        let and = TestData.column("r", "derive r = a and b", on: Self.t)
        let or = TestData.column("r", "derive r = a or b", on: Self.t)
        let not = TestData.column("r", "derive r = not a", on: Self.t)
        for i in 0..<9 {
            #expect(and[i] == Self.kleeneAnd(Self.a[i], Self.b[i]), "row \(i): \(Self.a[i]) and \(Self.b[i])")
            #expect(or[i] == Self.kleeneOr(Self.a[i], Self.b[i]), "row \(i): \(Self.a[i]) or \(Self.b[i])")
            #expect(not[i] == Self.kleeneNot(Self.a[i]), "row \(i): not \(Self.a[i])")
        }
    }

    @Test func whereKeepsOnlyTrueRows() {
        #expect(TestData.members("s", "segment s where a or b", on: Self.t) == [0, 1, 2, 3, 6])
        #expect(TestData.members("s", "segment s where not (a and b)", on: Self.t) == [1, 3, 4, 5, 7])
    }

    @Test func segmentMembershipIsNeverNull() {
        // `not s` of a segment is the complement: a customer outside `s` is definitely not in it.
        #expect(TestData.members("n", "segment s where a\nsegment n where not s", on: Self.t) == [3, 4, 5, 6, 7, 8])
    }
}

@Suite struct NullAndArithmeticTests {
    static let t = TestData.table([
        ("id", [.string("A"), .string("B"), .string("C"), .string("D")]),
        ("x", [.number(10), .number(0), .null, .number(-4)]),
        ("y", [.number(2), .number(0), .number(1), .null]),
        ("city", [.string("深圳"), .string("广州"), .null, .string("深圳")]),
    ])

    @Test func divisionByZeroIsNull() {
        #expect(TestData.column("r", "derive r = x / y", on: Self.t) == [.number(5), .null, .null, .null])
        #expect(TestData.column("r", "derive r = x % y", on: Self.t) == [.number(0), .null, .null, .null])
    }

    @Test func comparisonsWithNullAreNull() {
        #expect(TestData.column("r", "derive r = x > 1", on: Self.t) == [.bool(true), .bool(false), .null, .bool(false)])
        #expect(TestData.column("r", "derive r = 1 < x", on: Self.t) == [.bool(true), .bool(false), .null, .bool(false)])
        #expect(TestData.members("s", "segment s where x != 0", on: Self.t) == [0, 3])
    }

    @Test func inAndNotInSkipNull() {
        #expect(TestData.members("s", "segment s where city in [\"深圳\", \"北京\"]", on: Self.t) == [0, 3])
        #expect(TestData.members("s", "segment s where city not in [\"深圳\"]", on: Self.t) == [1])
        #expect(TestData.members("s", "segment s where x in [0, -4]", on: Self.t) == [1, 3])
    }

    @Test func isNullAndBetween() {
        #expect(TestData.members("s", "segment s where x is null", on: Self.t) == [2])
        #expect(TestData.members("s", "segment s where y is not null", on: Self.t) == [0, 1, 2])
        #expect(TestData.members("s", "segment s where x between -4 and 0", on: Self.t) == [1, 3])
        #expect(TestData.members("s", "segment s where x not between -4 and 0", on: Self.t) == [0])
    }

    @Test func aggregatesSkipNullsAndFilter() {
        let rules = """
            segment sz where city == "深圳"
            let total = sum(x)
            let n = count(x)
            let rows = count()
            let sz_avg = avg(x where sz)
            let sz_n = count(where city == "深圳")
            let none = sum(x where x > 100)
            """
        let (s, r) = TestData.run(rules, on: Self.t)
        #expect(r.diagnostics.isEmpty)
        #expect(s.scalars["total"] == .number(6))
        #expect(s.scalars["n"] == .number(3))
        #expect(s.scalars["rows"] == .number(4))
        #expect(s.scalars["sz_avg"] == .number(3))
        #expect(s.scalars["sz_n"] == .number(2))
        #expect(s.scalars["none"] == .null)
    }

    @Test func coalesceIfAndText() {
        #expect(TestData.column("r", "derive r = coalesce(x, y, 99)", on: Self.t) == [.number(10), .number(0), .number(1), .number(-4)])
        #expect(TestData.column("r", "derive r = if(x > 0, \"pos\", \"other\")", on: Self.t)
                == [.string("pos"), .string("other"), .string("other"), .string("other")])
        #expect(TestData.column("r", "derive r = contains(city, \"圳\")", on: Self.t) == [.bool(true), .bool(false), .null, .bool(true)])
        #expect(TestData.column("r", "derive r = length(city)", on: Self.t) == [.number(2), .number(2), .null, .number(2)])
        // Code points, as DuckDB, PostgreSQL and Spark count: a thumb with a skin tone is two, "é" written
        // as e + combining accent is two, the precomposed "é" one.
        #expect(Functions.scalar(.length, [.string("👍🏽")]) == .number(2))
        #expect(Functions.scalar(.length, [.string("e\u{301}")]) == .number(2))
        #expect(Functions.scalar(.length, [.string("\u{e9}")]) == .number(1))
        #expect(TestData.column("r", "derive r = max(x, y)", on: Self.t) == [.number(10), .number(0), .number(1), .number(-4)])
        #expect(TestData.column("r", "derive r = round(x / 3, 1)", on: Self.t) == [.number(3.3), .number(0), .null, .number(-1.3)])
        #expect(TestData.column("r", "derive r = abs(x)", on: Self.t) == [.number(10), .number(0), .null, .number(4)])
    }
}

@Suite struct ScoringTests {
    static let t = TestData.table([
        ("id", (0..<6).map { .string("C\($0)") }),
        ("x", [.number(5), .number(1), .number(3), .null, .number(3), .number(2)]),
        ("v", [.number(50), .number(30), .number(10), .number(5), .number(5), .null]),
        ("p", [.number(1), .number(2), .number(3), .number(4), .null, .null]),
    ])

    @Test func ntileSplitsLikeSQL() {
        // Non-null x sorted with ties in load order: row1(1), row5(2), row2(3), row4(3), row0(5).
        #expect(TestData.column("r", "derive r = ntile(x, 2)", on: Self.t) == [.number(2), .number(1), .number(1), .null, .number(2), .number(1)])
        #expect(TestData.column("r", "derive r = ntile(x, 4)", on: Self.t) == [.number(4), .number(1), .number(2), .null, .number(3), .number(1)])
        #expect(TestData.column("r", "derive r = ntile(x, 10)", on: Self.t) == [.number(5), .number(1), .number(3), .null, .number(4), .number(2)])
    }

    @Test func abcUsesShareBeforeEachCustomer() {
        // Total 100; shares before: 0, .5, .8, .9, .95 → A A B B C.
        #expect(TestData.column("r", "derive r = abc(v)", on: Self.t)
                == [.string("A"), .string("A"), .string("B"), .string("B"), .string("C"), .null])
        #expect(TestData.column("r", "derive r = abc(v, 0.5, 0.9)", on: Self.t)
                == [.string("A"), .string("B"), .string("B"), .string("C"), .string("C"), .null])
    }

    @Test func percentileMedianStddev() {
        let rules = """
            let p90 = percentile(p, 0.9)
            let p0 = percentile(p, 0)
            let med = median(p)
            let sd = stddev(p)
            let top = percentile(p where p > 1, 0.5)
            """
        let (s, r) = TestData.run(rules, on: Self.t)
        #expect(r.diagnostics.isEmpty)
        guard case .number(let p90) = s.scalars["p90"], case .number(let sd) = s.scalars["sd"] else {
            Issue.record("missing values")
            return
        }
        #expect(abs(p90 - 3.7) < 1e-12)
        #expect(s.scalars["p0"] == .number(1))
        #expect(s.scalars["med"] == .number(2.5))
        #expect(abs(sd - (5.0 / 3.0).squareRoot()) < 1e-12)
        #expect(s.scalars["top"] == .number(3))
    }
}

@Suite struct TiersAndDatesTests {
    static let t = TestData.table([
        ("id", [.string("A"), .string("B"), .string("C"), .string("D")]),
        ("clv", [.number(6e6), .number(2e6), .null, .number(1e5)]),
        ("last", [.date(CivilDate.parse("2026-01-31") ?? 0), .date(CivilDate.parse("2025-12-15") ?? 0), .null,
                  .date(CivilDate.parse("2024-02-29") ?? 0)]),
    ])

    @Test func firstMatchingTierWins() {
        let rules = "tiers grade {\n A where clv >= 5e6\n B where clv >= 1e6\n C where clv >= 0\n}"
        #expect(TestData.column("grade", rules, on: Self.t) == [.string("A"), .string("B"), .null, .string("C")])
        let withOtherwise = "tiers grade { 钻石 where clv >= 5e6; 金卡 where clv >= 1e6; 普通 otherwise }"
        #expect(TestData.column("grade", withOtherwise, on: Self.t) == [.string("钻石"), .string("金卡"), .string("普通"), .string("普通")])
    }

    @Test func dateArithmetic() {
        #expect(TestData.column("r", "derive r = last + 1 month", on: Self.t)
                == [.date(CivilDate.parse("2026-02-28") ?? 0), .date(CivilDate.parse("2026-01-15") ?? 0), .null,
                    .date(CivilDate.parse("2024-03-29") ?? 0)])
        #expect(TestData.column("r", "derive r = last - 1 year", on: Self.t)[3] == .date(CivilDate.parse("2023-02-28") ?? 0))
        #expect(TestData.column("r", "set as_of = 2026-06-30\nderive r = days_between(last, as_of)", on: Self.t)
                == [.number(150), .number(197), .null, .number(852)])
        #expect(TestData.column("r", "derive r = months_between(last, 2026-06-30)", on: Self.t)
                == [.number(5), .number(6), .null, .number(28)])
        #expect(TestData.members("s", "set as_of = 2026-06-30\nsegment s where last >= as_of - 200 days", on: Self.t) == [0, 1])
    }

    @Test func asOfOptionOverridesTheRuleFile() {
        var o = RunOptions()
        o.asOf = CivilDate.parse("2026-01-01")
        let (s, r) = TestData.run("set as_of = 2026-06-30\nderive r = days_between(last, as_of)", on: Self.t, options: o)
        #expect(r.diagnostics.isEmpty)
        #expect(s.table?.column(named: "r")?.value(at: 0) == .number(-30))
    }
}

/// The fast paths give exactly the answers of the simple ones.
@Suite struct FastPathTests {
    @Test func selectionQuantileEqualsSortedQuantile() {
        var state: UInt64 = 5
        for n in [1, 2, 3, 10, 101, 1000, 5000] {
            for p in [0.0, 0.1, 0.5, 0.9, 0.999, 1.0] {
                var v: [Double] = (0..<n).map { _ in
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    return Double(state >> 54)  // many ties
                }
                let expected = Aggregates.quantile(v.sorted(), p)
                #expect(Aggregates.selectQuantile(&v, p) == expected, "n \(n) p \(p)")
            }
        }
    }

    @Test func radixSortEqualsAStableComparisonSort() {
        var state: UInt64 = 11
        let values: [Double] = (0..<3000).map { i in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return i % 7 == 0 ? -Double(state >> 50) : (i % 5 == 0 ? 0.0 : Double(state >> 40) / 1000)
        } + [-0.0, 0.0, -1e300, 1e300, 5e-324]
        let rows = Array(values.indices)
        for descending in [false, true] {
            let fast = RadixSort.sort(rows: rows, keys: rows.map { RadixSort.key(values[$0]) }, descending: descending)
            let slow = rows.sorted { a, b in
                let x = values[a] + 0.0, y = values[b] + 0.0
                if x != y { return descending ? x > y : x < y }
                return a < b
            }
            #expect(fast == slow)
        }
    }
}

/// The column kernels of `if` and `days_between` give, row for row, what the per-value reference gives.
@Suite struct FunctionKernelTests {
    // Every combination of a true/false/null condition with present and missing branch values.
    static let cond: [Value] = [.bool(true), .bool(false), .null, .bool(true), .bool(false), .null, .bool(true), .bool(false), .null]
    static let xs: [Value] = [.number(1), .number(2), .number(3), .null, .null, .null, .number(7), .number(8), .number(9)]
    static let ys: [Value] = [.number(-1), .null, .number(-3), .number(-4), .number(-5), .null, .null, .number(-8), .number(-9)]
    static let ss: [Value] = [.string("深圳"), .string("广州"), .null, .string("a"), .null, .string("深圳"), .string("b"), .null, .string("c")]
    static let ts: [Value] = [.string("x"), .string("深圳"), .string("y"), .null, .string("z"), .null, .string("a"), .string("b"), .null]
    static let d1: [Value] = [.date(10), .date(20), .null, .date(40), .date(-5), .null, .date(0), .date(70), .date(80)]
    static let d2: [Value] = [.date(15), .null, .date(30), .date(30), .date(5), .null, .date(0), .date(100), .date(-80)]
    static let bs: [Value] = [.bool(true), .bool(false), .null, .bool(false), .bool(true), .null, .null, .bool(true), .bool(false)]
    static let t = TestData.table([("id", (0..<9).map { .string("C\($0)") }), ("c", cond), ("x", xs), ("y", ys),
                                   ("s", ss), ("u", ts), ("d", d1), ("e", d2), ("b", bs)])

    @Test(arguments: [("x", "y"), ("x", "null"), ("null", "y"), ("x", "5"), ("s", "u"), ("s", "\"深圳\""), ("d", "e"),
                      ("d", "2026-01-01"), ("b", "not b"), ("b", "true")])
    func ifMatchesTheReference(_ a: String, _ b: String) {
        let got = TestData.column("r", "derive r = if(c, \(a), \(b))", on: Self.t)
        func branch(_ e: String) -> [Value] {
            e == "null" ? Array(repeating: .null, count: 9) : TestData.column("k", "derive k = \(e)", on: Self.t)
        }
        let l = branch(a), r = branch(b)
        for i in 0..<9 {
            #expect(got[i] == Functions.scalar(.if, [Self.cond[i], l[i], r[i]]), "row \(i): if(c, \(a), \(b))")
        }
        #expect(Set(got).count > 1, "the rows differ, so the test can tell the branches apart")
    }

    @Test func daysBetweenColumnsMatchesTheReference() {
        let got = TestData.column("r", "derive r = days_between(d, e)", on: Self.t)
        for i in 0..<9 {
            #expect(got[i] == Functions.scalar(.days_between, [Self.d1[i], Self.d2[i]]), "row \(i)")
        }
        #expect(got[0] == .number(5) && got[8] == .number(-160) && got[1] == .null)
    }
}

/// The same rules with splitting and parallel evaluation on and off give the same bytes.
@Suite struct ParallelEqualsSequentialTests {
    @Test func benchRulesAgree() throws {
        let dir = Repo.tempDir()
        try CustomerGenerator.writeCSV(customers: 60_000, seed: 3, to: dir + "/customers.csv")
        let rules = try String(contentsOfFile: Repo.path("Tests/Peers/bench.strata"), encoding: .utf8)
        func run(_ parallel: Bool) -> String {
            var o = RunOptions()
            o.parallel = parallel
            o.dataOverrides = ["customers": dir + "/customers.csv"]
            let r = Pipeline(options: o).run(SourceFile(name: "bench.strata", text: rules))
            #expect(r.exitCode == 0, "\(r.renderedDiagnostics)")
            return r.outputs.map { Report.render($0, format: .csv) }.joined()
        }
        let fast = run(true), simple = run(false)
        #expect(fast.components(separatedBy: "\n").count > 20)
        #expect(fast == simple)
        // The file is large enough to be split, so the comparison covers the merge of ranges.
        let size = (try FileManager.default.attributesOfItem(atPath: dir + "/customers.csv")[.size] as? Int) ?? 0
        #expect(size > 1 << 20)
    }

    @Test func splitLoadEqualsOneRange() throws {
        let dir = Repo.tempDir()
        try CustomerGenerator.writeCSV(customers: 30_000, seed: 9, to: dir + "/c.csv")
        let a = try TableLoader.load(path: dir + "/c.csv", tableName: "c", parallel: true)
        let b = try TableLoader.load(path: dir + "/c.csv", tableName: "c", parallel: false)
        #expect(a.rowCount == b.rowCount && a.columns.count == b.columns.count)
        for (x, y) in zip(a.columns, b.columns) {
            #expect(x.type == y.type)
            for row in stride(from: 0, to: a.rowCount, by: 97) { #expect(x.value(at: row) == y.value(at: row), "\(x.name) row \(row)") }
        }
    }
}
