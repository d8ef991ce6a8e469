import Foundation
import Testing
@testable import Strata

/// One rule for overflow and infinities (docs/language.md, "Numbers"): a result that is not a finite
/// number is null — it prints as null and `is null` is true — on every path that computes numbers.
@Suite struct NonFiniteTests {
    // Two customers whose clv adds up past the largest double, one ordinary one.
    static let t = TestData.table([
        ("id", [.string("A"), .string("B"), .string("C")]),
        ("clv", [.number(1e308), .number(1e308), .number(5)]),
        ("w", [.number(-1.7e308), .number(1.7e308), .null]),
    ])

    @Test func constantsTheCheckerFoldsAreNull() {
        let (s, r) = TestData.run("let big = 1e308 * 10\nlet neg = -1e308 - 1e308\nassert big is null\n", on: Self.t)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        #expect(s.scalars["big"] == .null)
        #expect(s.scalars["neg"] == .null)
    }

    @Test func scalarArithmeticAtRunTimeIsNull() {
        // `m` is known only once the data is read, so `m * 10` is computed by the kernels, not folded.
        let (s, r) = TestData.run("let m = max(clv)\nlet big = m * 10\nlet fine = m / 10\n", on: Self.t)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        #expect(s.scalars["big"] == .null)
        #expect(s.scalars["fine"] == .number(1e307))
    }

    @Test func perCustomerArithmeticIsNull() {
        #expect(TestData.column("r", "derive r = clv * 10", on: Self.t) == [.null, .null, .number(50)])
        #expect(TestData.column("r", "derive r = clv + clv", on: Self.t) == [.null, .null, .number(10)])
        #expect(TestData.members("s", "segment s where (clv * 10) is null", on: Self.t) == [0, 1])
        #expect(TestData.column("r", "derive r = coalesce(clv * 10, -1)", on: Self.t) == [.number(-1), .number(-1), .number(50)])
    }

    @Test func aggregatesThatOverflowAreNullAndIsNullAgrees() {
        let rules = """
            let s = sum(clv)
            let a = avg(clv)
            let sd = stddev(clv)
            let md = median(w)
            let p = percentile(w, 0.5)
            let c = sum(1e308)
            let small = sum(clv where clv < 10)
            let s_null = sum(clv) is null
            assert sum(clv) is null
            assert avg(clv) is null
            """
        let (s, r) = TestData.run(rules, on: Self.t)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        #expect(r.failedAssertions == 0)
        for name in ["s", "a", "sd", "md", "p", "c"] {
            #expect(s.scalars[name] == .null, "\(name) = \(String(describing: s.scalars[name]))")
        }
        #expect(s.scalars["small"] == .number(5))
        #expect(s.scalars["s_null"] == .bool(true))
    }

    @Test func abcOfAnOverflowingTotalIsNull() {
        #expect(TestData.column("g", "derive g = abc(clv)", on: Self.t) == [.null, .null, .null])
    }

    @Test func everyNumericKernelHoldsTheRule() {
        // A kernel whose function yields an infinity or NaN leaves those rows null, whatever the function.
        let v = Kernels.numberMap([1, 2, 3], Bitset(count: 3, filled: true), 3) { $0 == 1 ? .infinity : ($0 == 2 ? .nan : $0) }
        #expect((0..<3).map { v.value(at: $0) } == [.null, .null, .number(3)])
    }

    @Test func theValueRule() {
        #expect(Value.finite(.infinity) == .null)
        #expect(Value.finite(-.infinity) == .null)
        #expect(Value.finite(.nan) == .null)
        #expect(Value.finite(1.5) == .number(1.5))
    }

    @Test func aCellWhoseNumberOverflowsIsNotANumber() {
        for text in ["1e400", "1e305亿", "-1e305亿"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { NumberParser.parse($0, 0, $0.count) } == nil, "\(text)")
        }
        let bytes = Array("1e300万".utf8)
        #expect(bytes.withUnsafeBufferPointer { NumberParser.parse($0, 0, $0.count) } == 1e300 * 1e4)
    }
}

/// The same rule over event rows: a customer's sum, average, deviation or percentile that overflows is
/// null for that customer, and so is a `let` over all event rows.
@Suite struct NonFiniteEventTests {
    static let folder: String = {
        let dir = Repo.tempDir()
        let files = [
            "c.csv": "id,clv\nC1,1\nC2,2\nC3,3\n",
            "p.csv": "customer_id,amount\nC1,1e308\nC1,1e308\nC2,5\nC2,7\nC3,-1.7e308\nC3,1.7e308\n",
        ]
        for (name, text) in files { try? text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }()

    static func run(_ rules: String) -> CLIRun {
        let path = folder + "/r-\(UUID().uuidString).strata"
        let head = "load customers from \"c.csv\"\nload purchases from \"p.csv\" linked by customer_id\n"
        try? (head + rules).write(toFile: path, atomically: true, encoding: .utf8)
        return CLIRun(["run", path, "--format", "csv"])
    }

    @Test(arguments: [
        ("sum(purchases.amount)", ["", "12", "0"]),
        ("avg(purchases.amount)", ["", "6", "0"]),
        ("stddev(purchases.amount)", ["0", "1.4142135623730951", ""]),
        ("median(purchases.amount)", ["1e+308", "6", ""]),
        ("(sum(purchases.amount)) is null", ["true", "false", "false"]),
    ])
    func perCustomer(_ expr: String, _ expected: [String]) {
        let r = Self.run("derive x = \(expr)\nshow customers columns x\n")
        #expect(r.code == 0, "\(r.err)")
        #expect(Array(r.out.components(separatedBy: "\n").dropFirst().dropLast()) == expected, "\(expr)")
    }

    @Test func aLetOverEveryEventRow() {
        let r = Self.run("let total = sum(purchases.amount)\nassert total is null, \"an overflowing sum is null\"\n")
        #expect(r.code == 0, "\(r.out)\(r.err)")
    }
}
