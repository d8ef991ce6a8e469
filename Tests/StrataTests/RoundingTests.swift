import Testing
@testable import Strata

/// `round(x, digits)` gives DuckDB's answer for a double (docs/language.md, "Numbers"). Every expected
/// value below is what DuckDB 2.0.0 (the pinned peer, Tests/Peers/setup.sh) returns for
/// `SELECT round(x::DOUBLE, digits)`; the report of issue 11 lists the command that prints them.
@Suite struct RoundingTests {
    static let cases: [(x: Double, digits: Double, duckdb: Double)] = [
        // The scaled product is rounded: 42.12345 × 10⁴ is exactly 421234.5, so it goes up.
        (42.12345, 4, 42.1235),
        (2.675, 2, 2.68),
        (1.45, 1, 1.5),
        (-1.45, 1, -1.5),
        // …and where the scaled product falls below the half, it goes down.
        (1.005, 2, 1.0),
        (0.285, 2, 0.28),
        // Exact halves go away from zero.
        (2.5, 0, 3), (-2.5, 0, -3), (0.5, 0, 1), (-0.5, 0, -1),
        (0.49999999999999994, 0, 0),
        (4503599627370497, 0, 4503599627370497),
        // Negative digits divide by the power of ten (multiplying by 0.1 is not the same).
        (1234.5, -1, 1230), (150, -2, 200), (-150, -2, -200), (123.456, -2, 100),
        (-6.233120169268608e16, -16, -6e16),
        (9.130794588485668e17, -6, 9.13079458849e17),
        (2.4374786245797914e17, -20, 0),
        // Digits past 15 are used as given, not clamped.
        (0.5343152582959241, 17, 0.5343152582959241),
        // When the rounded value is not finite the value comes back; more than 308 tens round to 0.
        (2.675, 400, 2.675), (1e-300, 320, 1e-300), (1e308, 2, 1e308),
        (1.5e308, -308, 1.5e308), (-1.5e308, -308, -1.5e308), (1.7976931348623157e308, -308, 1.7976931348623157e308),
        (2.675, -400, 0), (1e300, -309, 0), (5, -308, 0),
        (Double.leastNormalMagnitude / 4, 2, 0),  // a subnormal
    ]

    @Test func theKernelRoundsAsDuckDB() {
        for c in Self.cases {
            #expect(Functions.roundHalfAway(c.x, c.digits) == c.duckdb, "round(\(c.x), \(c.digits))")
        }
    }

    @Test func scalarAndVectorPathsAgree() {
        // One row per case: the column goes through the vector kernel, the constants through `scalar`.
        let t = TestData.table([
            ("id", Self.cases.indices.map { .string("C\($0)") }),
            ("x", Self.cases.map { .number($0.x) }),
        ])
        for (i, c) in Self.cases.enumerated() {
            let column = TestData.column("r", "derive r = round(x, \(Int(c.digits)))", on: t)
            #expect(column.count == Self.cases.count && column[i] == .number(c.duckdb), "round(x, \(Int(c.digits))) on \(c.x)")
            #expect(Functions.scalar(.round, [.number(c.x), .number(c.digits)]) == .number(c.duckdb), "round(\(c.x), \(c.digits))")
        }
    }

    @Test func roundWithoutDigitsAndThroughTheLanguage() {
        let t = TestData.table([("id", [.string("A")]), ("x", [.number(2.5)])])
        let (s, r) = TestData.run("""
            let a = round(42.12345, 4)
            let b = round(2.675, 2)
            let c = round(-2.5)
            let d = round(sum(x))
            let e = round(1234.5, -1)
            """, on: t)
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        #expect(s.scalars["a"] == .number(42.1235))
        #expect(s.scalars["b"] == .number(2.68))
        #expect(s.scalars["c"] == .number(-3))
        #expect(s.scalars["d"] == .number(3))
        #expect(s.scalars["e"] == .number(1230))
    }

    /// Digits must be whole, as docs/language.md says: written ones are refused before anything runs,
    /// digits from the data that are not whole give null (and whole ones round).
    @Test func digitsThatAreNotWhole() {
        let t = TestData.table([("id", [.string("A"), .string("B")]), ("x", [.number(2.675), .number(2.675)]),
                                ("d", [.number(2.7), .number(2)])])
        let (_, refused) = TestData.run("let f = round(2.675, 2.7)", on: t)
        #expect(refused.diagnostics.map(\.code) == [.roundDigits])
        #expect(TestData.column("r", "derive r = round(x, d)", on: t) == [.null, .number(2.68)])
        #expect(Functions.scalar(.round, [.number(2.675), .number(2.7)]) == .null)
    }
}
