import Foundation

/// The SQL engines `strata sql` writes for. Every place the engines differ is a switch over this enum,
/// so adding an engine makes the compiler point at each difference (docs/sql.md lists them).
public enum SQLDialect: String, Sendable, CaseIterable {
    case duckdb, postgres, spark

    /// A name as an identifier: double quotes in DuckDB and PostgreSQL, backticks in Spark (which needs
    /// them for non-ASCII names); the quote character inside is doubled.
    func quote(_ name: String) -> String {
        switch self {
        case .duckdb, .postgres: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// The 64-bit float type.
    var doubleType: String {
        switch self {
        case .duckdb, .spark: return "DOUBLE"
        case .postgres: return "DOUBLE PRECISION"
        }
    }

    /// A number literal. Written numerals are DECIMAL in all three engines, so `1.6 - 2.4 == -0.8` would
    /// be exact there and false in Strata: every literal is cast to the double Strata computes with.
    func number(_ d: Double) -> String {
        // Shortest text that reads back as the same double (Swift's description), without `.0` noise.
        guard d.isFinite else { return "NULL" }  // Strata has no infinities: they are null
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return "CAST(\(text) AS \(doubleType))"
    }

    /// A text literal. Spark reads backslash escapes inside quotes; the others take the text as it is.
    func string(_ s: String) -> String {
        switch self {
        case .duckdb, .postgres: return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .spark: return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
    }

    /// A date literal.
    func date(_ days: Int32) -> String { "DATE '\(CivilDate.format(days))'" }

    /// A text value placed where it is ordered or compared: PostgreSQL orders text by the database's
    /// collation unless told `C` (code points, as Strata, DuckDB and Spark compare).
    func ordered(_ sql: String, _ type: ValueType) -> String {
        switch self {
        case .postgres where type == .string: return "(\(sql) COLLATE \"C\")"
        case .duckdb, .postgres, .spark: return sql
        }
    }

    /// `x` truncated toward zero, as a double (Spark has no numeric `trunc`, and its `floor`/`ceil` return
    /// BIGINT: a double of magnitude 2^52 or more is already whole, so it is returned as it is).
    func truncate(_ x: String) -> String {
        switch self {
        case .duckdb, .postgres: return "TRUNC(\(x))"
        case .spark:
            return "(CASE WHEN ABS(\(x)) >= 4503599627370496 THEN \(x) WHEN \(x) < 0 THEN CAST(CEIL(\(x)) AS DOUBLE) ELSE CAST(FLOOR(\(x)) AS DOUBLE) END)"
        }
    }

    /// `floor` or `ceil` of a double, as a double.
    func floorOrCeil(_ fn: String, _ x: String) -> String {
        switch self {
        case .duckdb, .postgres: return "\(fn)(\(x))"
        case .spark: return "(CASE WHEN ABS(\(x)) >= 4503599627370496 THEN \(x) ELSE CAST(\(fn)(\(x)) AS DOUBLE) END)"
        }
    }

    /// `percentile_cont`-style linear interpolation over the non-null values of `x`.
    func percentile(_ x: String, _ p: String) -> String {
        switch self {
        case .duckdb: return "QUANTILE_CONT(\(x), \(p))"
        case .postgres: return "PERCENTILE_CONT(\(p)) WITHIN GROUP (ORDER BY \(x))"
        case .spark: return "PERCENTILE(\(x), \(p))"  // exact; percentile_approx would not be
        }
    }

    /// `UPPER`/`LOWER` of a text by Unicode's case mapping, as Strata does. PostgreSQL's follow the
    /// database's LC_CTYPE (in the C locale only ASCII letters change): ICU's root locale is asked instead,
    /// which also maps "ß" to "SS" as Strata does (DuckDB gives "ẞ"; docs/sql.md).
    func caseMapped(_ fn: String, _ s: String) -> String {
        switch self {
        case .duckdb: return SQLCaseMapping.mapped(fn, s, self)  // one character to one: Strata's expansions first
        case .spark: return "\(fn)(\(SQLCaseMapping.newerLettersMapped(fn, s, self)))"
        case .postgres: return "\(fn)((\(SQLCaseMapping.newerLettersMapped(fn, s, self))) COLLATE \"und-x-icu\")"
        }
    }

    /// Days from date `a` to date `b`, as a double.
    func daysBetween(_ a: String, _ b: String) -> String {
        switch self {
        case .duckdb: return "CAST(DATE_DIFF('day', \(a), \(b)) AS DOUBLE)"
        case .postgres: return "CAST((\(b) - \(a)) AS DOUBLE PRECISION)"
        case .spark: return "CAST(DATEDIFF(\(b), \(a)) AS DOUBLE)"
        }
    }

    /// `date` moved by whole months (the day clamped to the month's end) and then by days, as Strata's
    /// `date ± duration` does (all three clamp the day as Strata does).
    func shift(_ date: String, months: Int, days: Int) -> String {
        switch self {
        case .duckdb, .postgres:
            var sql = date
            if months != 0 { sql = "(\(sql) \(months < 0 ? "-" : "+") INTERVAL '\(months.magnitude) month')" }
            if days != 0 { sql = "(\(sql) \(days < 0 ? "-" : "+") INTERVAL '\(days.magnitude) day')" }
            return "CAST(\(sql) AS DATE)"
        case .spark:
            var sql = date
            if months != 0 { sql = "ADD_MONTHS(\(sql), \(months))" }
            if days != 0 { sql = "DATE_ADD(\(sql), \(days))" }
            return sql
        }
    }

    /// Whether `s` starts with, ends with or contains `p`, compared as bytes (code points).
    func textTest(_ f: ScalarFunction, _ s: String, _ p: String) -> String {
        switch (self, f) {
        case (.duckdb, .starts_with): return "STARTS_WITH(\(s), \(p))"
        case (.duckdb, .ends_with): return "SUFFIX(\(s), \(p))"
        case (.duckdb, _): return "CONTAINS(\(s), \(p))"
        case (.postgres, .starts_with): return "STARTS_WITH(\(s), \(p))"
        case (.postgres, .ends_with): return "(RIGHT(\(s), LENGTH(\(p))) = \(p))"
        case (.postgres, _): return "(STRPOS(\(s), \(p)) > 0)"
        case (.spark, .starts_with): return "STARTSWITH(\(s), \(p))"
        case (.spark, .ends_with): return "ENDSWITH(\(s), \(p))"
        case (.spark, _): return "CONTAINS(\(s), \(p))"
        }
    }

    /// `length` in code points, as Strata counts (`Functions.textLength`); a BIGINT in every engine.
    func textLength(_ s: String) -> String { "CAST(LENGTH(\(s)) AS \(doubleType))" }

    /// Whether a remainder of doubles has an exact form (`fmod`, the sign of the dividend).
    var hasDoubleRemainder: Bool {
        switch self {
        case .duckdb, .spark: return true
        case .postgres: return false  // no `%` on double precision; numeric would round the operands to 15 digits
        }
    }

    /// The longest identifier the engine keeps whole, in bytes (PostgreSQL cuts longer ones silently).
    var identifierLimit: Int? {
        switch self {
        case .postgres: return 63
        case .duckdb, .spark: return nil
        }
    }

    /// Whether the engine tells quoted names apart by letter case alone (DuckDB and Spark match
    /// names without regard to case, so `clv` and `CLV` would be one column there).
    var caseSensitiveNames: Bool {
        switch self {
        case .postgres: return true
        case .duckdb, .spark: return false
        }
    }

    /// The text type a value is cast to.
    var textType: String {
        switch self {
        case .duckdb: return "VARCHAR"
        case .postgres: return "TEXT"
        case .spark: return "STRING"
        }
    }

    /// ISO weekday of a date: 1 = Monday … 7 = Sunday, as a double.
    func isoWeekday(_ d: String) -> String {
        switch self {
        case .duckdb, .postgres: return "CAST(EXTRACT(ISODOW FROM \(d)) AS \(doubleType))"
        case .spark: return "CAST(WEEKDAY(\(d)) + 1 AS DOUBLE)"  // WEEKDAY: 0 = Monday
        }
    }

    /// Day of the year of a date, 1–366, as a double.
    func dayOfYear(_ d: String) -> String {
        switch self {
        case .duckdb, .postgres: return "CAST(EXTRACT(DOY FROM \(d)) AS \(doubleType))"
        case .spark: return "CAST(DAYOFYEAR(\(d)) AS DOUBLE)"
        }
    }
}
