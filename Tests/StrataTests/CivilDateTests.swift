import Testing
@testable import Strata

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("2026-06-30", 20634), ("2000-02-29", 11016), ("2024/3/5", 19787),
    ])
    func parses(_ text: String, _ days: Int) {
        #expect(CivilDate.parse(text) == Int32(days))
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1", "abcd-01-01", "2026-01-01x", "",
                      "2026-99999999999999999999999-01", "2026-01-99999999999999999999999"])
    func rejects(_ text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test func roundTrip() {
        for d in stride(from: Int32(-700_000), to: 2_900_000, by: 997) {
            let (y, m, dd) = CivilDate.civil(d)
            #expect(CivilDate.days(year: y, month: m, day: dd) == d)
        }
    }

    @Test func addMonthsClampsToMonthEnd() {
        let jan31 = CivilDate.parse("2026-01-31")!
        #expect(CivilDate.format(CivilDate.addMonths(jan31, 1)!) == "2026-02-28")
        #expect(CivilDate.format(CivilDate.addMonths(jan31, -2)!) == "2025-11-30")
        #expect(CivilDate.monthsBetween(CivilDate.parse("2025-12-31")!, CivilDate.parse("2026-01-01")!) == 1)
    }
}
