import Foundation
import Testing
@testable import Strata

/// Operands that are computed rather than written: in the evaluator (a duration that differs per customer
/// shifts each customer's date by its own) and in `strata sql` (computed durations, `round` digits,
/// `percentile` fractions, `number`/`date` of any text, Strata's case mapping in DuckDB). That the scripts
/// give Strata's answers is proven on real engines by Tests/SQL/cases/computed.strata (Tests/SQL/*_check.sh).
@Suite struct ComputedOperandTests {
    static let t = TestData.table([
        ("id", [.string("C1"), .string("C2"), .string("C3"), .string("C4")]),
        ("vip", [.bool(true), .bool(false), .null, .bool(true)]),
        ("joined", [.date(CivilDate.parse("2024-01-31") ?? 0), .date(CivilDate.parse("2024-03-31") ?? 0),
                    .date(CivilDate.parse("2023-12-31") ?? 0), .null]),
        ("x", [.number(2.675), .number(-1234.5), .number(1e300), .null]),
        ("k", [.number(2), .number(-2), .number(400), .number(1)]),
    ])

    static func date(_ s: String) -> Value { CivilDate.parse(s).map(Value.date) ?? .null }

    @Test func aDurationThatDiffersPerCustomerShiftsEachDateByItsOwn() {
        // Months first, the day clamped to the month's end; false and null take the second branch.
        #expect(TestData.column("r", "derive r = joined + if(vip, 1 month, 2 months)", on: Self.t)
            == [Self.date("2024-02-29"), Self.date("2024-05-31"), Self.date("2024-02-29"), .null])
        #expect(TestData.column("r", "derive r = joined - coalesce(if(vip, 1 month, null), 3 days)", on: Self.t)
            == [Self.date("2023-12-31"), Self.date("2024-03-28"), Self.date("2023-12-28"), .null])
    }

    @Test func computedDigitsRoundAsWrittenDigitsDo() {
        // Row by row the same function as a written digit count: 2.675 to 2 digits is 2.68 (DuckDB's
        // rounding), -1234.5 to -2 is -1200, and 400 digits give the value back (10^400 is not finite).
        #expect(TestData.column("r", "derive r = round(x, k)", on: Self.t) == [.number(2.68), .number(-1200), .number(1e300), .null])
    }

    static func sql(_ rules: String, _ d: SQLDialect) -> (script: String, diagnostics: [Diagnostic]) { SQLTests.sql(rules, d) }

    @Test(arguments: SQLDialect.allCases)
    func computedOperandsTranslateInEveryDialect(_ d: SQLDialect) {
        let rules = ["derive a = last_visit + if(member, 1 month, 10 days)", "let step = if(count() > 2, 1 month, 2 days)",
                     "derive b = last_visit - step", "derive c = round(clv, clv / 1e6)", "let f = count(where member) / count()",
                     "let p = percentile(clv, f)", "derive n = number(city)", "derive day = date(city)", "derive u = upper(city)"]
        let r = Self.sql(rules.joined(separator: "\n"), d)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        // A computed duration is its months and its days, shifted months first.
        #expect(r.script.contains("SELECT (CASE WHEN ((SELECT CAST(COUNT(*) AS \(d.doubleType)) FROM _s1) > \(d.number(2))) THEN 1 ELSE 0 END) AS \(d.quote("m"))"),
                "\(r.script)")
        #expect(r.script.contains("(-(SELECT \(d.quote("d")) FROM _l2))"), "\(r.script)")
    }

    @Test func aComputedDurationShiftsMonthsThenDays() {
        #expect(Self.sql("derive a = last_visit + if(member, 1 month, 10 days)", .duckdb).script.contains(
            "CAST(((\"last_visit\" + ((CASE WHEN \"member\" THEN 1 ELSE 0 END)) * INTERVAL '1 month') + ((CASE WHEN \"member\" THEN 0 ELSE 10 END)) * INTERVAL '1 day') AS DATE)"))
        #expect(Self.sql("derive a = last_visit - if(member, 1 month, 10 days)", .spark).script.contains(
            "DATE_ADD(ADD_MONTHS(`last_visit`, CAST((-(CASE WHEN `member` THEN 1 ELSE 0 END)) AS INT)), CAST((-(CASE WHEN `member` THEN 0 ELSE 10 END)) AS INT))"))
    }

    @Test func aPercentileOfAComputedFractionIsExactEverywhere() {
        // PostgreSQL takes any expression as the fraction; DuckDB and Spark want a constant, so they
        // interpolate over the sorted values and stop on a fraction outside 0…1, as `strata run` does.
        let rules = "let f = count(where member) / count()\nlet p = percentile(clv, f)"
        #expect(Self.sql(rules, .postgres).script.contains("PERCENTILE_CONT((SELECT \"v\" FROM _l1)) WITHIN GROUP (ORDER BY \"clv\")"))
        let duck = Self.sql(rules, .duckdb).script
        #expect(duck.contains("LIST_SORT(LIST(\"clv\") FILTER (WHERE \"clv\" IS NOT NULL))") && duck.contains("ERROR('percentile fraction"))
        #expect(!duck.contains("QUANTILE_CONT"))
        #expect(Self.sql(rules, .spark).script.contains("SORT_ARRAY(COLLECT_LIST(`clv`))"))
    }

    @Test(arguments: SQLDialect.allCases)
    func writtenDigitsKeepStrataScalingBeyondFifteen(_ d: SQLDialect) {
        // Below zero digits divide by the power of ten, as Strata does (multiplying by 0.01 rounds otherwise);
        // more than 308 tens below the point are 0, more than 308 above give the value back.
        #expect(Self.sql("derive r = round(clv, -2)", d).script.contains("/ \(d.number(100)))"))
        #expect(Self.sql("derive r = round(clv, -400)", d).script.contains("ELSE \(d.number(0)) END)"))
        #expect(Self.sql("derive r = round(clv, 400)", d).script.contains("SELECT *, \(d.quote("clv")) AS \(d.quote("r"))"))
    }

    @Test func numberOfTextReadsTheLoaderFormsAndDateOfTextItsDateForms() {
        let n = Self.sql("derive n = number(city)", .duckdb).script
        // Thousands grouped in threes, currency and percent signs, full-width digits; 万 and 亿 scale.
        #expect(n.contains("TRANSLATE(") && n.contains("[,$¥￥%％]") && n.contains("CAST(10000 AS DOUBLE)") && n.contains("'9007199254740992'"))
        // PostgreSQL's cast stops on a number past the double range, so it goes through numeric with the bounds.
        let pg = Self.sql("derive n = number(city)", .postgres).script
        #expect(pg.contains("AS NUMERIC)") && pg.contains(SQLDialect.largestHalf))
        // Spark's `$` matches before a final line break: the end of the text is `\z`.
        #expect(Self.sql("derive n = number(city)", .spark).script.contains("\\\\z'"))
        let day = Self.sql("derive d = date(city)", .postgres).script
        #expect(day.contains("年[0-9]{1,2}月[0-9]{1,2}日)[ T]") && day.contains("MAKE_DATE("))
    }

    @Test func theBoundsOfPostgresNumberReadingAreTheRoundingHalfways() {
        // A decimal at 2^1024 − 2^970 rounds to infinity, one below it to the largest double; at 2^−1075 to 0.
        #expect(Double(SQLDialect.largestHalf) == .infinity)
        #expect(SQLDialect.largestHalf.hasSuffix("2"))
        #expect(Double(String(SQLDialect.largestHalf.dropLast()) + "1") == .greatestFiniteMagnitude)
        #expect(Double(SQLDialect.smallestHalf) == 0)
        #expect(Double(SQLDialect.smallestHalf + "1") == Double.leastNonzeroMagnitude)
    }

    @Test func duckdbMapsCaseAsStrataForTheExpandingLetters() {
        let s = Self.sql("derive u = upper(city)\nderive l = lower(city)", .duckdb).script
        #expect(s.contains("REPLACE(\"city\", 'ß', 'SS')") && s.contains("'\u{FB01}', 'FI')"), "\(s)")
        #expect(s.contains("LOWER(REPLACE(\"city\", 'İ', 'i\u{307}'))"), "\(s)")
        // Only texts holding one of the letters pay for the replacements.
        #expect(s.contains("UPPER(CASE WHEN REGEXP_MATCHES(\"city\", '[ß"), "\(s)")
        // Every listed letter is one Strata maps to another text than DuckDB's one-to-one mapping would.
        for (from, to) in SQLCaseMapping.upper { #expect(from.uppercased() == to, "\(from)") }
        for (from, to) in SQLCaseMapping.lower { #expect(from.lowercased() == to, "\(from)") }
    }
}
