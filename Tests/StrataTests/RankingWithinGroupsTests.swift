import Foundation
import Testing
@testable import Strata

/// `ntile`, `abc` and `rank` with `by`: each customer gets exactly the value the same function gives
/// when it runs over its group alone (SQL's `PARTITION BY`), whatever the order of the rows.
@Suite struct RankingWithinGroupsTests {
    /// A table of `n` customers with a few groups (some null), values with ties and nulls, in random order.
    static func table(_ n: Int, seed: UInt64) -> Table {
        var rng = Rng(seed: seed)
        let cities: [Value] = [.string("深圳"), .string("广州"), .string("上海"), .null]
        var ids: [Value] = [], city: [Value] = [], x: [Value] = []
        for i in 0..<n {
            ids.append(.string("C\(i)"))
            city.append(cities[Int(rng.next() % UInt64(cities.count))])
            let r = rng.next() % 12
            x.append(r == 0 ? .null : .number(Double(r % 7) * 10 - 20))  // ties, zero and negatives
        }
        return TestData.table([("id", ids), ("city", city), ("x", x)])
    }

    /// The rows of one group as a table of their own, in load order.
    static func group(_ t: Table, city: Value) -> (Table, [Int]) {
        guard let c = t.column(named: "city"), let x = t.column(named: "x"), let id = t.column(named: "id") else { return (t, []) }
        let rows = (0..<t.rowCount).filter { c.value(at: $0) == city }
        let sub = TestData.table([("id", rows.map { id.value(at: $0) }), ("x", rows.map { x.value(at: $0) })])
        return (sub, rows)
    }

    @Test(arguments: ["ntile(x, 3)", "ntile(x, 7)", "abc(x)", "abc(x, 0.5, 0.9)", "rank(x)"])
    func eachGroupIsRankedAsIfAlone(_ call: String) {
        let t = Self.table(300, seed: 7)
        let grouped = call.replacingOccurrences(of: ")", with: " by city)")
        let all = TestData.column("r", "derive r = \(grouped)", on: t)
        #expect(all.count == t.rowCount, "\(all)")
        for city: Value in [.string("深圳"), .string("广州"), .string("上海"), .null] {
            let (sub, rows) = Self.group(t, city: city)
            #expect(!rows.isEmpty)
            let alone = TestData.column("r", "derive r = \(call)", on: sub)
            #expect(rows.map { all[$0] } == alone, "\(grouped) for \(city)")
        }
    }

    @Test func rankIsOneForTheHighestAndTiesGoInLoadOrder() {
        let t = TestData.table([("id", [.string("a"), .string("b"), .string("c"), .string("d")]),
                                ("x", [.number(5), .number(9), .number(5), .null])])
        #expect(TestData.column("r", "derive r = rank(x)", on: t) == [.number(2), .number(1), .number(3), .null])
    }

    @Test func groupsOfEveryTypeAreComparedByValue() {
        // A text dictionary may hold a text twice; numbers, dates and bools group by value.
        let t = TestData.table([("id", [.string("a"), .string("b"), .string("c"), .string("d")]),
                                ("x", [.number(1), .number(2), .number(3), .number(4)]),
                                ("n", [.number(1), .number(2), .number(1), .number(2)]),
                                ("d", [.date(10), .date(10), .date(11), .date(11)]),
                                ("b", [.bool(true), .bool(false), .bool(true), .null])])
        #expect(TestData.column("r", "derive r = rank(x by n)", on: t) == [.number(2), .number(2), .number(1), .number(1)])
        #expect(TestData.column("r", "derive r = rank(x by d)", on: t) == [.number(2), .number(1), .number(2), .number(1)])
        #expect(TestData.column("r", "derive r = rank(x by b)", on: t) == [.number(2), .number(1), .number(1), .number(1)])
        #expect(TestData.column("r", "derive r = rank(x by lower(\"A\"))", on: t) == [.number(4), .number(3), .number(2), .number(1)])
    }

    @Test func showLimitPerKeepsTheFirstOfEachGroupInTheShowsOrder() {
        let t = Self.table(60, seed: 3)
        let (_, r) = TestData.run("show customers limit 2 per city order by x desc columns city, x", on: t)
        guard case .rows(_, _, let rows, _, let total)? = r.outputs.first else {
            Issue.record("no rows: \(r.outputs)")
            return
        }
        #expect(total == 60)
        // At most two rows per city, each group's rows together and sorted by x, nulls last.
        var seen: [String] = []
        for row in rows {
            let city = row.first.map(ValueFormat.text) ?? ""
            if seen.last != city { #expect(!seen.contains(city), "group \(city) split"); seen.append(city) }
        }
        #expect(seen.count == 4)
        #expect(rows.count == 8)
    }
}
