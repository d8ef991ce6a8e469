/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without Foundation.
public enum CivilDate {
    /// Day number of a year/month/day; nil if the date does not exist.
    public static func days(year: Int, month: Int, day: Int) -> Int32? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
              (1...9999).contains(year) else { return nil }
        return Int32(daysFromCivil(year, month, day))
    }

    /// Year, month and day of a day number.
    public static func civil(_ days: Int32) -> (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Adds calendar months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29),
    /// as DuckDB and PostgreSQL do. Nil when the result leaves years 1…9999.
    public static func addMonths(_ date: Int32, _ months: Int) -> Int32? {
        let (y, m, d) = civil(date)
        let total = y * 12 + (m - 1) + months
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        guard (1...9999).contains(ny) else { return nil }
        return days(year: ny, month: nm, day: min(d, daysInMonth(year: ny, month: nm)))
    }

    /// Whole calendar months from `a` to `b` (negative when b < a), like DuckDB's `date_diff('month', …)`
    /// counted by month boundaries: the difference of year*12+month.
    public static func monthsBetween(_ a: Int32, _ b: Int32) -> Int {
        let (ya, ma, _) = civil(a)
        let (yb, mb, _) = civil(b)
        return (yb * 12 + mb) - (ya * 12 + ma)
    }

    /// Whole calendar years from `a` to `b`: the difference of the years, like DuckDB's `date_diff('year', …)`.
    public static func yearsBetween(_ a: Int32, _ b: Int32) -> Int {
        civil(b).year - civil(a).year
    }

    /// `YYYY-MM-DD` text of a day number.
    public static func format(_ days: Int32) -> String {
        let (y, m, d) = civil(days)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Parses `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY-M-D`, `YYYY/M/D` (as Excel writes them) and
    /// `YYYY年M月D日` from UTF-8 bytes, optionally followed by a time part (` 10:00` or `T10:00:00`) that
    /// is dropped: a date column holds days. Nil if not a valid date.
    public static func parse<C: Collection>(_ bytes: C) -> Int32? where C.Element == UInt8 {
        var it = bytes.makeIterator()
        var y = 0, m = 0, d = 0
        var n = 0
        var sep: UInt8 = 0
        // year: exactly 4 digits
        while n < 4 {
            guard let b = it.next(), b >= 48, b <= 57 else { return nil }
            y = y * 10 + Int(b - 48)
            n += 1
        }
        guard let s1 = it.next() else { return nil }
        // 年 = E5 B9 B4, 月 = E6 9C 88, 日 = E6 97 A5: `2026年6月30日`, as Chinese exports write dates.
        var chinese = false
        if s1 == 0xE5 {
            guard it.next() == 0xB9, it.next() == 0xB4 else { return nil }
            chinese = true
            sep = 0xE6
        } else {
            guard s1 == UInt8(ascii: "-") || s1 == UInt8(ascii: "/") else { return nil }
            sep = s1
        }
        var digits = 0
        var next = it.next()
        // Counting stops past two digits, so a long digit run can never overflow.
        while let b = next, b >= 48, b <= 57, digits <= 2 {
            m = m * 10 + Int(b - 48)
            digits += 1
            next = it.next()
        }
        guard (1...2).contains(digits), next == sep else { return nil }
        if chinese, !(it.next() == 0x9C && it.next() == 0x88) { return nil }
        digits = 0
        next = it.next()
        while let b = next, b >= 48, b <= 57, digits <= 2 {
            d = d * 10 + Int(b - 48)
            digits += 1
            next = it.next()
        }
        guard (1...2).contains(digits) else { return nil }
        if chinese {
            guard next == 0xE6, it.next() == 0x97, it.next() == 0xA5 else { return nil }
            next = it.next()
        }
        if let b = next, b != UInt8(ascii: " "), b != UInt8(ascii: "T") { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Parses a date from a string (see the byte form).
    public static func parse(_ text: String) -> Int32? { parse(Array(text.utf8)) }
}
