import Foundation
import Testing
@testable import Strata

/// The number, calendar and text functions of issue 13, as docs/language.md states them.
@Suite struct MathCalendarTextTests {
    static func value(_ expr: String) -> Value {
        let t = TestData.table([("id", [.string("A")])])
        return TestData.run("let v = \(expr)", on: t).0.scalars["v"] ?? .string("error")
    }

    @Test(arguments: [
        ("pow(2, 10)", Value.number(1024)), ("pow(-8, 1 / 3)", .null), ("pow(0, -1)", .null), ("pow(10, 400)", .null),
        ("pow(-2, 3)", .number(-8)), ("sqrt(-4)", .null), ("sqrt(2.25)", .number(1.5)), ("ln(0)", .null), ("ln(-1)", .null),
        ("log10(1000)", .number(3)), ("exp(0)", .number(1)), ("exp(1000)", .null), ("exp(-1000)", .number(0)),
    ])
    func numbersOutsideTheDomainOrNotFiniteAreNull(_ expr: String, _ expected: Value) {
        #expect(Self.value(expr) == expected, "\(expr)")
    }

    /// ISO weekdays agree with the Gregorian calendar of Foundation for 3000 consecutive days, day of
    /// the year and day of the month too.
    @Test func calendarPartsAgreeWithFoundation() throws {
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = try #require(TimeZone(identifier: "UTC"))
        for d in Int32(19000)..<Int32(22000) {
            let date = Date(timeIntervalSince1970: Double(d) * 86400)
            let foundationWeekday = (cal.component(.weekday, from: date) + 5) % 7 + 1  // Foundation: 1 = Sunday
            #expect(Functions.scalar(.weekday, [.date(d)]) == .number(Double(foundationWeekday)), "\(CivilDate.format(d))")
            #expect(Functions.scalar(.day_of_year, [.date(d)]) == .number(Double(cal.ordinality(of: .day, in: .year, for: date) ?? 0)))
            #expect(Functions.scalar(.day, [.date(d)]) == .number(Double(cal.component(.day, from: date))))
        }
    }

    /// A 29 February birthday falls on 28 February in other years and on 29 February in leap years.
    @Test func leapDayBirthdays() throws {
        let birthday = try #require(CivilDate.days(year: 2000, month: 2, day: 29))
        let t = TestData.table([("id", [.string("A"), .string("B")]), ("birthday", [.date(birthday), .date(birthday)]),
                                ("years", [.number(26), .number(28)])])
        let shifted = TestData.column("y", "derive y = birthday + months(12 * years)", on: t)
        #expect(shifted == [.date(try #require(CivilDate.days(year: 2026, month: 2, day: 28))),
                            .date(try #require(CivilDate.days(year: 2028, month: 2, day: 29)))])
    }

    @Test func daysOfDataThatAreNotWholeAreNull() {
        let t = TestData.table([("id", [.string("A"), .string("B"), .string("C"), .string("D")]),
                                ("d", [.date(100), .date(100), .date(100), .date(100)]),
                                ("n", [.number(3), .number(1.5), .null, .number(5e6)])])
        #expect(TestData.column("e", "derive e = d + days(n)", on: t) == [.date(103), .null, .null, .null])
        #expect(TestData.column("e", "derive e = d - months(n)", on: t).first == CivilDate.addMonths(100, -3).map(Value.date))
        // A written amount is the duration literal itself.
        #expect(Self.value("2026-01-01 + days(7) == 2026-01-01 + 7 days") == .bool(true))
        #expect(Self.value("2026-01-31 + months(1)") == .date(CivilDate.days(year: 2026, month: 2, day: 28) ?? 0))
    }

    @Test func textIsWhatStrataPrintsAndConcatIsNullWhenAPartIs() {
        #expect(Self.value("text(5)") == .string("5"))
        #expect(Self.value("text(0.25)") == .string("0.25"))
        #expect(Self.value("text(1e20)") == .string(ValueFormat.number(1e20)))
        #expect(Self.value("text(2026-06-30)") == .string("2026-06-30"))
        #expect(Self.value("text(1 > 2)") == .string("false"))
        #expect(Self.value("concat(text(5), text(5), \"5\")") == .string("555"))
        let t = TestData.table([("id", [.string("A"), .string("B")]), ("s", [.string("x"), .null])])
        #expect(TestData.column("c", "derive c = concat(id, s)", on: t) == [.string("Ax"), .null])
        #expect(TestData.column("c", "derive c = concat(id, coalesce(s, \"\"))", on: t) == [.string("Ax"), .string("B")])
    }
}
