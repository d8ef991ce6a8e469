import Foundation

/// `number(text)` and `date(text)` of a computed text in SQL: the forms Strata's loader reads
/// (Store/NumberParser.swift, `CivilDate.parse`) are recognised by regular expressions, rewritten to the
/// plain form and cast; every other text is null, as in Strata. No engine's own cast reads `1,200`, `¥3万`,
/// `85%`, `１２３` or `2026年6月30日`, and each reads some forms Strata does not.
extension SQLExpressionWriter {
    /// `[sign] digits [. digits] [e [sign] digits] [万|亿]`: what `NumberParser.parse` reads.
    static let plainNumber = "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?(万|亿)?"

    /// What `NumberParser.parseLoose` reads: a sign, a currency sign (`$`, `¥`, `￥`) and a sign after it,
    /// ASCII or full-width digits grouped by commas in threes (the first group 1–3 digits, not starting with
    /// 0), a point or full-width point, then either a percent sign (`%`, `％`) or an exponent and 万/亿.
    static let looseNumber: String = {
        let d = "[0-9０-９]"
        let whole = "(\(d)+|[1-9１-９]\(d){0,2}(,\(d){3})+)"
        let mantissa = "(\(whole)([.．]\(d)*)?|[.．]\(d)+)"
        return "^([-+]?[$¥￥]?|[$¥￥][-+])\(mantissa)([%％]|([eE][-+]?\(d)+)?(万|亿)?)"
    }()

    /// `number(x)` of a text: the loader's reading of it, null when it is none.
    func numberFromText(_ s: String) -> String {
        let t = dialect.trimmedSpaces(s)
        let end = dialect.endAnchor
        let readable = "(\(dialect.matches(t, Self.plainNumber + end)) OR (\(dialect.byteLength(t)) <= 64 AND "
            + "\(dialect.matches(t, Self.looseNumber + end))))"
        // The plain spelling: full-width digits and point made ASCII, separators, currency and percent signs dropped.
        let plain = dialect.removingAll(dialect.translated(t, "０１２３４５６７８９．", "0123456789."), "[,$¥￥%％]")
        let percent = "(\(dialect.textTest(.ends_with, t, "'%'")) OR \(dialect.textTest(.ends_with, t, dialect.string("％"))))"
        let tenThousands = dialect.textTest(.ends_with, plain, dialect.string("万"))
        let hundredMillions = dialect.textTest(.ends_with, plain, dialect.string("亿"))
        let digits = dialect.removingAll(plain, "[万亿]")
        // An integer beyond 2^53 (without point or exponent) has no exact number: null (a percent is a quantity).
        let integer = dialect.matches(plain, "^[-+]?0*[0-9]+" + end)
        let significant = dialect.removingAll(plain, "^[-+]?0*")
        let beyond = "(\(integer) AND (LENGTH(\(significant)) > 16 OR (LENGTH(\(significant)) = 16 AND \(dialect.ordered(significant, .string)) > '9007199254740992')))"
        let value = "(CASE WHEN \(percent) THEN \(dialect.textToDouble("(\(digits) || 'e-2')")) ELSE \(dialect.textToDouble(digits)) END)"
        let scaled = "(CASE WHEN \(tenThousands) THEN \(dialect.scaledFinite(value, 1e4)) WHEN \(hundredMillions) "
            + "THEN \(dialect.scaledFinite(value, 1e8)) ELSE \(dialect.scaledFinite(value, 1)) END)"
        return "(CASE WHEN NOT \(readable) THEN NULL WHEN NOT \(percent) AND \(beyond) THEN NULL ELSE \(scaled) END)"
    }

    /// `date(x)` of a text: `2026-06-30`, `2026/6/30`, `2026年6月30日`, each optionally followed by a space or
    /// `T` and anything (a time of day): the day. Null for any other text or a day the calendar lacks.
    func dateFromText(_ s: String) -> String {
        // A space appended, so "followed by a space, a T or nothing" needs no end anchor.
        let shape = dialect.matches("(\(s) || ' ')", "^[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)[ T]")
        let dashed = "REPLACE(REPLACE(REPLACE(\(s), '/', '-'), \(dialect.string("年")), '-'), \(dialect.string("月")), '-')"
        // Each part read by its pattern, and cast without failing: an engine may evaluate an arm it never takes
        // when the text is a constant.
        let y = dialect.integer(dialect.firstGroup(dashed, "^([0-9]{4})-"))
        let m = dialect.integer(dialect.firstGroup(dashed, "^[0-9]{4}-([0-9]{1,2})-"))
        let d = dialect.integer(dialect.firstGroup(dashed, "^[0-9]{4}-[0-9]{1,2}-([0-9]{1,2})"))
        let leap = "((\(y) % 4 = 0 AND \(y) % 100 <> 0) OR \(y) % 400 = 0)"
        let monthEnd = "(CASE WHEN \(m) = 2 THEN (CASE WHEN \(leap) THEN 29 ELSE 28 END) WHEN \(m) IN (4, 6, 9, 11) THEN 30 ELSE 31 END)"
        return "(CASE WHEN NOT \(shape) THEN NULL WHEN \(y) >= 1 AND \(m) BETWEEN 1 AND 12 AND \(d) BETWEEN 1 AND \(monthEnd) "
            + "THEN MAKE_DATE(\(y), \(m), \(d)) END)"
    }
}

extension SQLDialect {
    /// Whether text `s` contains a match of the regular expression `pattern` (anchor it to match whole).
    func matches(_ s: String, _ pattern: String) -> String {
        switch self {
        case .duckdb: return "REGEXP_MATCHES(\(s), \(string(pattern)))"
        case .postgres: return "(\(s) ~ \(string(pattern)))"
        case .spark: return "(\(s) RLIKE \(string(pattern)))"
        }
    }

    /// The end of the text in a pattern: Java's `$` also matches before a final line break, `\z` does not.
    var endAnchor: String {
        switch self {
        case .duckdb, .postgres: return "$"
        case .spark: return "\\z"
        }
    }

    /// The first group of `pattern` in `s` (used only where the pattern is known to match).
    func firstGroup(_ s: String, _ pattern: String) -> String {
        switch self {
        case .duckdb, .spark: return "REGEXP_EXTRACT(\(s), \(string(pattern)), 1)"
        case .postgres: return "SUBSTRING(\(s) FROM \(string(pattern)))"
        }
    }

    /// Digits (or null, or for DuckDB and Spark an empty text) as an integer; null when they are not one.
    func integer(_ digits: String) -> String {
        switch self {
        case .duckdb, .spark: return "TRY_CAST(\(digits) AS INTEGER)"
        case .postgres: return "CAST(\(digits) AS INTEGER)"  // SUBSTRING … FROM gives digits or null
        }
    }

    /// `s` with every match of `pattern` removed.
    func removingAll(_ s: String, _ pattern: String) -> String {
        switch self {
        case .duckdb, .postgres: return "REGEXP_REPLACE(\(s), \(string(pattern)), '', 'g')"
        case .spark: return "REGEXP_REPLACE(\(s), \(string(pattern)), '')"
        }
    }

    /// `s` with each character of `from` replaced by the one at its place in `to`.
    func translated(_ s: String, _ from: String, _ to: String) -> String { "TRANSLATE(\(s), \(string(from)), \(string(to)))" }

    /// `s` without the spaces and tabs around it (the loader's trimming; other white space stays).
    func trimmedSpaces(_ s: String) -> String { removingAll(s, "^[ \t]+|[ \t]+" + endAnchor) }

    /// The length of `s` in UTF-8 bytes.
    func byteLength(_ s: String) -> String {
        switch self {
        case .duckdb: return "STRLEN(\(s))"
        case .postgres, .spark: return "OCTET_LENGTH(\(s))"
        }
    }

    /// A checked plain decimal text (`-12.5e3`) as the nearest double, ±infinity past the largest and
    /// ±0 below the smallest, as `Double(String)` gives. DuckDB's and Spark's casts do exactly that;
    /// PostgreSQL's stops with an error outside the range, so it goes through `numeric`, exact, and the two
    /// bounds where rounding would leave the range are tested first (an exponent of five digits or more
    /// decides on its own: `numeric` holds no such number).
    func textToDouble(_ x: String) -> String {
        switch self {
        case .duckdb: return "TRY_CAST(\(x) AS DOUBLE)"
        case .spark: return "TRY_CAST(\(x) AS DOUBLE)"
        case .postgres:
            let exponent = "COALESCE(LENGTH(SUBSTRING(\(x) FROM '[eE][-+]?0*([0-9]*)$')), 0)"
            let zero = matches(x, "^[-+]?[0.]*([eE]|$)")
            let n = "CAST(\(x) AS NUMERIC)"
            // 2^1024 − 2^970 and 2^−1075: the halfway points past which a decimal rounds to ±infinity or to 0.
            let top = "CAST('\(Self.largestHalf)' AS NUMERIC)"
            let bottom = "CAST('\(Self.smallestHalf)' AS NUMERIC)"
            let inf = "CAST('Infinity' AS DOUBLE PRECISION)"
            let signedInf = "(CASE WHEN \(x) LIKE '-%' THEN -\(inf) ELSE \(inf) END)"
            return "(CASE WHEN \(zero) THEN CAST(0 AS DOUBLE PRECISION) WHEN \(exponent) >= 5 THEN (CASE WHEN \(x) ~ '[eE]-' THEN CAST(0 AS DOUBLE PRECISION) "
                + "ELSE \(signedInf) END) WHEN ABS(\(n)) >= \(top) THEN \(signedInf) WHEN ABS(\(n)) <= \(bottom) THEN CAST(0 AS DOUBLE PRECISION) "
                + "ELSE CAST(\(n) AS DOUBLE PRECISION) END)"
        }
    }

    /// `v · scale`, null when it is not finite (Strata reads a number only when the number it means is finite).
    func scaledFinite(_ v: String, _ scale: Double) -> String {
        let product = scale == 1 ? v : "(\(v) * \(number(scale)))"
        let largest = number(.greatestFiniteMagnitude)
        switch self {
        case .duckdb, .spark: return "(CASE WHEN ABS(\(product)) <= \(largest) THEN \(product) END)"
        case .postgres:
            // Infinity compares above every number in PostgreSQL too; the product is formed only when it fits.
            return "(CASE WHEN ABS(\(v)) <= \(largest) / \(number(scale)) THEN \(product) END)"
        }
    }

    /// 2^1024 − 2^970 written out in full: a decimal this large or larger rounds to infinity.
    static let largestHalf = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"

    /// 2^−1075 written out in full (every digit; `numeric` compares it exactly).
    static let smallestHalf: String = {
        // 2^-1075 = 5^1075 / 10^1075: the digits of 5^1075 with the point moved 1075 places.
        var digits: [UInt32] = [1]  // little-endian base 10^9
        for _ in 0..<1075 {
            var carry: UInt64 = 0
            for i in digits.indices {
                let v = UInt64(digits[i]) * 5 + carry
                digits[i] = UInt32(v % 1_000_000_000)
                carry = v / 1_000_000_000
            }
            if carry > 0 { digits.append(UInt32(carry)) }
        }
        var text = String(digits.last ?? 0)
        for chunk in digits.dropLast().reversed() {
            let s = String(chunk)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return "0." + String(repeating: "0", count: 1075 - text.count) + text
    }()
}
