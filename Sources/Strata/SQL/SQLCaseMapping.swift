/// Where DuckDB's `UPPER`/`LOWER` differ from Strata's (Swift's full Unicode case mapping), measured over
/// every assigned code point up to U+1FFFF against DuckDB 2.0 (docs/sql.md): DuckDB maps one character to
/// one (`"ß"` → `"ẞ"`, `"ﬁ"` unchanged), Strata applies SpecialCasing's expansions (`"ß"` → `"SS"`, `"ﬁ"` →
/// `"FI"`) and knows four letters Unicode 16 added (`"ƛ"` → U+A7DC). These characters are replaced by
/// Strata's mapping before DuckDB's function runs, so no other character changes. Left as they are: the 75
/// polytonic Greek letters of U+1F00–U+1FFF whose uppercase adds an iota (`"ᾳ"` → `"ΑΙ"`), which would
/// make every call a long chain of replacements for a script few customer files hold.
enum SQLCaseMapping {
    /// Each character whose uppercase in Strata is not DuckDB's, with Strata's uppercase.
    static let upper: [(String, String)] = [
        ("ß", "SS"), ("ŉ", "ʼN"), ("ƛ", "\u{A7DC}"), ("ǰ", "J\u{30C}"),
        ("ɤ", "\u{A7CB}"), ("\u{390}", "\u{399}\u{308}\u{301}"), ("\u{3B0}", "\u{3A5}\u{308}\u{301}"), ("\u{587}", "\u{535}\u{552}"),
        ("\u{1E96}", "H\u{331}"), ("\u{1E97}", "T\u{308}"), ("\u{1E98}", "W\u{30A}"), ("\u{1E99}", "Y\u{30A}"),
        ("\u{1E9A}", "Aʾ"), ("\u{A7D3}", "\u{A7D2}"), ("\u{A7D5}", "\u{A7D4}"), ("\u{FB00}", "FF"),
        ("\u{FB01}", "FI"), ("\u{FB02}", "FL"), ("\u{FB03}", "FFI"), ("\u{FB04}", "FFL"),
        ("\u{FB05}", "ST"), ("\u{FB06}", "ST"), ("\u{FB13}", "\u{544}\u{546}"), ("\u{FB14}", "\u{544}\u{535}"),
        ("\u{FB15}", "\u{544}\u{53B}"), ("\u{FB16}", "\u{54E}\u{546}"), ("\u{FB17}", "\u{544}\u{53D}"),
    ]

    /// Each character whose lowercase in Strata is not DuckDB's: "İ" is "i̇" (i and a combining dot above).
    static let lower: [(String, String)] = [("\u{130}", "i\u{307}")]

    /// The four letters Unicode 16 gave an uppercase, which PostgreSQL's ICU (Unicode 15) and Spark's Java 17
    /// (Unicode 13) leave as they are; both apply SpecialCasing's expansions themselves.
    static let unicode16Upper = upper.filter { $0.0.unicodeScalars.count == 1 && $0.1.unicodeScalars.count == 1 }

    /// `s` with the Unicode 16 letters replaced by their uppercase when `fn` is `UPPER`.
    static func newerLettersMapped(_ fn: String, _ s: String, _ dialect: SQLDialect) -> String {
        guard fn == "UPPER" else { return s }
        return unicode16Upper.reduce(s) { text, pair in "REPLACE(\(text), \(dialect.string(pair.0)), \(dialect.string(pair.1)))" }
    }

    /// `fn` (`UPPER` or `LOWER`) of `s` in DuckDB, with the differing characters replaced first. The
    /// replacements cost about 0.2 s per million rows each, so they run only on the texts that hold one of
    /// the characters (one regular-expression test; DuckDB evaluates a CASE arm only for its rows).
    static func mapped(_ fn: String, _ s: String, _ dialect: SQLDialect) -> String {
        let table = fn == "UPPER" ? upper : lower
        let replaced = table.reduce(s) { text, pair in "REPLACE(\(text), \(dialect.string(pair.0)), \(dialect.string(pair.1)))" }
        guard table.count > 1 else { return "\(fn)(\(replaced))" }
        let any = "[" + table.map(\.0).joined() + "]"
        return "\(fn)(CASE WHEN \(dialect.matches(s, any)) THEN \(replaced) ELSE \(s) END)"
    }
}
