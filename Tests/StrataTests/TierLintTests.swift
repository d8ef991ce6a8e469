import Foundation
import Testing
@testable import Strata

/// The tier warnings of `strata check`: arms an earlier arm always takes first, ranges no arm takes when
/// there is no `otherwise`, and with `--data` the same counted on the customers.
@Suite struct TierLintTests {
    static let table = CheckerGoldenTests.schema

    static func warnings(_ arms: [String], otherwise: Bool = true) -> [Diagnostic] {
        let body = (arms.enumerated().map { "  t\($0.offset) where \($0.element)" } + (otherwise ? ["  rest otherwise"] : [])).joined(separator: "\n")
        let rules = "set as_of = 2026-06-30\ntiers level {\n\(body)\n}\ncount level\n"
        return Pipeline(preloaded: table).check(SourceFile(name: "rules.strata", text: rules)).diagnostics
    }

    /// Arms by index that the lint says never match.
    static func unreachable(_ arms: [String]) -> [Int] {
        warnings(arms).filter { $0.code == .tierUnreachable }.compactMap { d in
            // Arms start on line 3; the warning points at the arm.
            d.span.start.line - 3
        }
    }

    @Test(arguments: [
        (["clv > 1", "clv > 2"], [1]),
        (["clv > 2", "clv > 1"], []),
        (["clv >= 1", "clv > 1"], [1]),
        (["clv > 1", "clv >= 1"], []),
        (["member", "member and clv > 1"], [1]),
        (["member and clv > 1", "member"], []),
        (["clv >= 100 or member", "clv >= 200"], [1]),
        (["clv >= 100 or member", "referrals >= 2"], []),
        (["city == \"深圳\"", "city == \"深圳\" and clv > 1"], [1]),
        (["city in [\"深圳\", \"广州\"]", "city == \"广州\""], [1]),
        (["city in [\"深圳\", \"广州\"]", "city == \"北京\""], []),
        (["city != \"深圳\"", "city == \"广州\""], [1]),
        (["city != \"深圳\"", "city is null"], []),
        (["clv is null", "clv > 1"], []),
        (["last_visit >= 2026-01-01", "last_visit > 2026-03-01"], [1]),
        (["clv > 1", "clv > 5", "clv > 9"], [1, 2]),
        (["city > \"m\"", "city == \"b\""], []),
        (["member == true", "member == true and clv > 1"], [1]),
    ] as [([String], [Int])])
    func anArmAnEarlierArmAlwaysTakesIsReported(_ arms: [String], _ expected: [Int]) {
        #expect(Self.unreachable(arms) == expected, "\(arms)")
    }

    @Test func theWarningNamesBothArmsAndPointsAtTheLaterOne() throws {
        let d = try #require(Self.warnings(["clv >= 0", "clv >= 200万"]).first { $0.code == .tierUnreachable })
        #expect(d.message == "tier `t1` of `level` can never be given: every customer it takes, `t0` above it takes first")
        #expect(d.span.start.line == 4 && d.span.start.column == 3)
    }

    @Test(arguments: [
        (["clv > 1"], "`clv` <= 1"),
        (["clv >= 0", "clv < 0"], nil),
        (["clv < 10", "clv > 10"], "`clv` = 10"),
        (["clv < 100万", "clv > 200万"], "`clv` >= 1000000 and <= 2000000"),
        (["clv >= 100", "clv >= 10 and clv < 100"], "`clv` < 10"),
        (["clv < 5", "clv >= 5 and clv <= 10"], "`clv` > 10"),
        (["last_visit < 2026-01-01"], "`last_visit` >= 2026-01-01"),
        (["city == \"深圳\""], nil),
        (["clv > 1 and member"], nil),
        (["clv > 1", "referrals > 1"], nil),
    ] as [([String], String?)])
    func withoutOtherwiseTheFirstRangeNoArmTakesIsReported(_ arms: [String], _ gap: String?) {
        let d = Self.warnings(arms, otherwise: false).first { $0.code == .tierGap }
        #expect(d?.message == gap.map { "no tier of `level` takes customers with \($0), and there is no `otherwise`: they get no tier" }, "\(arms)")
        #expect(!Self.warnings(arms, otherwise: true).contains { $0.code == .tierGap }, "an otherwise arm takes the rest")
    }

    /// With `--data` each arm's customers are counted: an arm no one gets although its condition takes
    /// some, and customers left without a tier.
    @Test func theDataCountsShadowedArmsAndCustomersWithoutATier() throws {
        let dir = Repo.tempDir()
        let clvs = [5, 20, 30, 50, 1]
        let csv = "id,clv,member\n" + clvs.enumerated().map { "C\($0.offset),\($0.element),\($0.offset % 2 == 0)\n" }.joined()
        _ = CLITests.write(csv, "c.csv", in: dir)
        let rules = "load customers from \"c.csv\"\ntiers t {\n  a where member or clv > 25\n  b where clv > 10\n  c where clv > 2\n}\ncount t\n"
        var options = RunOptions()
        options.dataOverrides = ["customers": dir + "/c.csv"]
        let ds = Pipeline(options: options).check(SourceFile(name: dir + "/rules.strata", text: rules)).diagnostics
        // b (clv > 10) takes C1, C2, C3; a takes C0, C2, C4 (members) and C2, C3 (clv > 25): C1 is b's.
        #expect(!ds.contains { $0.code == .tierShadowedOnData && $0.message.contains("`b`") })
        // c (clv > 2) takes C0..C3, all taken by a or b before it.
        let shadowed = try #require(ds.first { $0.code == .tierShadowedOnData })
        let takenByC = clvs.filter { $0 > 2 }.count
        #expect(shadowed.message == "on this data tier `c` of `t` gets no customer: the \(takenByC) its condition takes all get an earlier tier")
        #expect(shadowed.span.start.line == 5)
        // Nobody is left without a tier here; without `c` and `a`'s members…
        #expect(!ds.contains { $0.code == .customersWithoutTier })
        let narrower = rules.replacingOccurrences(of: "member or ", with: "")
        let ds2 = Pipeline(options: options).check(SourceFile(name: dir + "/rules.strata", text: narrower)).diagnostics
        let without = clvs.filter { $0 <= 2 }.count
        let none = try #require(ds2.first { $0.code == .customersWithoutTier })
        #expect(none.message.hasPrefix("on this data \(without) of \(clvs.count) customers get no `t`"))
        // Without --data the rules alone decide: nothing is counted.
        let alone = Pipeline().check(SourceFile(name: dir + "/rules.strata", text: rules)).diagnostics
        #expect(!alone.contains { $0.code == .tierShadowedOnData || $0.code == .customersWithoutTier })
    }
}
