import Foundation
import Testing
@testable import Strata

/// `strata sql`: what each dialect gets for each construct, what is refused (and where), and the golden
/// scripts of the examples. That the scripts give Strata's answers is proven on a real engine by
/// Tests/SQL/sql_check.py (in .ci/run), which these tests cannot run.
@Suite struct SQLTests {
    static let table = TestData.table([
        ("id", [.string("C1"), .string("C2"), .string("C3")]), ("city", [.string("深圳"), .string("广州"), .null]),
        ("clv", [.number(1e6), .number(2e6), .null]), ("member", [.bool(true), .bool(false), .null]),
        ("last_visit", [.date(20000), .date(20100), .null]),
    ])

    /// The script (nil when refused) and the diagnostics, for rules over `table`.
    static func sql(_ rules: String, _ dialect: SQLDialect, order: String? = nil) -> (script: String, diagnostics: [Diagnostic]) {
        let c = Pipeline(preloaded: table).compile(SourceFile(name: "rules.strata", text: rules), forCheck: false)
        guard let program = c.program, program.isValid else { return ("", c.result.diagnostics) }
        let w = SQLScript.write(program, SQLOptions(dialect: dialect, asOf: 20000, order: order))
        return (w.script ?? "", w.diagnostics)
    }

    @Test(arguments: SQLDialect.allCases)
    func numberLiteralsAreDoublesNotDecimals(_ d: SQLDialect) {
        // 1.6 - 2.4 == -0.8 is false in doubles (Strata) and true in DECIMAL, which the engines read literals as.
        let s = Self.sql("derive x = clv * 1.6 - 2.4", d).script
        #expect(s.contains("((\(d.quote("clv")) * CAST(1.6 AS \(d.doubleType))) - CAST(2.4 AS \(d.doubleType)))"), "\(s)")
    }

    @Test(arguments: SQLDialect.allCases)
    func divisionByZeroIsNull(_ d: SQLDialect) {
        let s = Self.sql("derive x = clv / (clv - clv)", d).script
        #expect(s.contains("/ NULLIF(") && s.contains(", 0))"), "\(s)")
    }

    @Test(arguments: SQLDialect.allCases)
    func ntileLeavesNullsOutAndBreaksTiesInLoadOrder(_ d: SQLDialect) {
        let s = Self.sql("derive q = ntile(clv, 4)", d).script
        // The key (text) stands for load order here; PostgreSQL orders it by code points too.
        let x = d.quote("clv"), o = d.ordered(d.quote("_strata_order"), .string)
        #expect(s.contains("CASE WHEN \(x) IS NULL THEN NULL ELSE CAST(NTILE(4) OVER (PARTITION BY (\(x) IS NULL) ORDER BY \(x) ASC NULLS LAST, \(o) ASC)"), "\(s)")
    }

    @Test(arguments: SQLDialect.allCases)
    func abcSharesCountOnlyTheCustomersBefore(_ d: SQLDialect) {
        let s = Self.sql("derive g = abc(clv)", d).script
        #expect(s.contains("ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING"), "\(s)")
        #expect(s.contains("DESC NULLS LAST, \(d.ordered(d.quote("_strata_order"), .string)) ASC"))
    }

    /// max(a, a) is a: a repeated argument is written once (DuckDB 2.0 fails on a repeated column in
    /// GREATEST when the plan is serialized; found by Tests/SQL/random_check.py).
    @Test(arguments: SQLDialect.allCases)
    func repeatedMinMaxArgumentsAreWrittenOnce(_ d: SQLDialect) {
        let s = Self.sql("derive x = max(2.5, clv, clv)\nderive y = min(clv, clv)", d).script
        let clv = d.quote("clv")
        #expect(s.contains("GREATEST(CAST(2.5 AS \(d.doubleType)), \(clv)) AS"), "\(s)")
        #expect(s.contains("\(clv) AS \(d.quote("y"))"), "\(s)")
        #expect(!s.contains("\(clv), \(clv)"), "\(s)")
    }

    @Test func percentilesInterpolateExactlyInEachDialect() {
        #expect(Self.sql("let p = percentile(clv where member, 0.9)", .duckdb).script.contains("QUANTILE_CONT(CASE WHEN \"member\" THEN \"clv\" END, CAST(0.9 AS DOUBLE))"))
        #expect(Self.sql("let p = percentile(clv, 0.9)", .postgres).script.contains("PERCENTILE_CONT(CAST(0.9 AS DOUBLE PRECISION)) WITHIN GROUP (ORDER BY \"clv\")"))
        let spark = Self.sql("let p = median(clv)", .spark).script
        #expect(spark.contains("PERCENTILE(`clv`, CAST(0.5 AS DOUBLE))"), "\(spark)")
        #expect(!spark.lowercased().contains("percentile_approx"))
    }

    @Test func postgresComparesTextByCodePoints() {
        let s = Self.sql("segment north where city < \"广州\"", .postgres).script
        #expect(s.contains("((\"city\" COLLATE \"C\") < '广州')"), "\(s)")
        #expect(!Self.sql("segment north where city < \"广州\"", .duckdb).script.contains("COLLATE"))
    }

    @Test func segmentsAreNeverNullAndTiersFallThroughInOrder() {
        let s = Self.sql("segment big where clv > 1e6\ntiers t {\n  a where clv > 1e6\n  b otherwise\n}", .duckdb).script
        #expect(s.contains("COALESCE((\"clv\" > CAST(1000000 AS DOUBLE)), FALSE) AS \"big\""), "\(s)")
        #expect(s.contains("(CASE WHEN (\"clv\" > CAST(1000000 AS DOUBLE)) THEN 'a' ELSE 'b' END) AS \"t\""))
        #expect(s.hasSuffix("SELECT \"id\", \"big\", \"t\"\nFROM _s2\nORDER BY \"_strata_order\" ASC;\n"), "\(s)")
    }

    @Test func sparkQuotesWithBackticksAndEscapesBackslashes() {
        let s = Self.sql("segment 深圳客户 where city == \"a\\\\b'c\"", .spark).script
        #expect(s.contains("`深圳客户`"), "\(s)")
        #expect(s.contains("'a\\\\b\\'c'"), "\(s)")
        #expect(Self.sql("segment x where city == \"it's\"", .postgres).script.contains("'it''s'"))
    }

    @Test func sparkFloorStaysADouble() {
        let s = Self.sql("derive f = floor(clv / 3)", .spark).script
        #expect(s.contains("CAST(FLOOR("), "\(s)")
        #expect(s.contains("AS DOUBLE) END)"))
    }

    @Test func roundGoesHalfAwayFromZeroWithoutTheEnginesRound() {
        // PostgreSQL rounds a double half to even; the whole part plus a step is exact in every engine.
        for d in SQLDialect.allCases {
            let s = Self.sql("derive r = round(clv / 7, 2)", d).script
            #expect(!s.contains("ROUND("), "\(d): \(s)")
            #expect(s.contains("(SIGN(((\(d.quote("clv")) / NULLIF(CAST(7 AS \(d.doubleType)), 0)) * CAST(100 AS \(d.doubleType)))) * "), "\(d): \(s)")
            #expect(s.contains("0.49999999999999994"), "\(d): \(s)")
            #expect(s.contains("CAST(100 AS \(d.doubleType))"))
        }
    }

    @Test func datesShiftByMonthsThenDays() {
        let duck = Self.sql("segment recent where last_visit >= as_of - 1 month - 3 days", .duckdb).script
        #expect(duck.contains("(DATE '2024-10-04' - INTERVAL '1 month')"), "\(duck)")
        let spark = Self.sql("segment later where last_visit + 2 months > as_of", .spark).script
        #expect(spark.contains("ADD_MONTHS(`last_visit`, 2)"), "\(spark)")
    }

    @Test func postgresGetsShortAliasesForLongNamesAndTheHeaderMapsThemBack() {
        let long = String(repeating: "长", count: 22)  // 66 bytes: PostgreSQL would cut it to 63
        let s = Self.sql("segment \(long) where clv > 1", .postgres).script
        #expect(s.contains("-- column _strata_1 is `\(long)`"), "\(s)")
        #expect(s.contains("AS \"_strata_1\""))
        #expect(!s.contains("\"\(long)\""))
        #expect(Self.sql("segment \(long) where clv > 1", .duckdb).script.contains("\"\(long)\""))
    }

    @Test func theOrderColumnDecidesLoadOrder() {
        let s = Self.sql("segment big where clv > 1", .postgres, order: "last_visit").script
        #expect(s.contains("c.\"last_visit\" AS \"_strata_order\""), "\(s)")
        let byKey = Self.sql("segment big where clv > 1", .postgres).script
        #expect(byKey.contains("ORDER BY (\"_strata_order\" COLLATE \"C\") ASC;"), "\(byKey)")
    }

    @Test func anUntranslatedConstructIsAnErrorAtItsPositionAndNoScript() {
        let r = Self.sql("segment big where clv > 1\nderive r = clv % 2", .postgres)
        #expect(r.script.isEmpty)
        let d = r.diagnostics.first
        #expect(d?.code == .sqlNotTranslated)
        #expect(d?.span.start.line == 2 && d?.span.start.column == 12)
        #expect(d?.message.contains("`%`") == true)
        // DuckDB and Spark have an exact remainder of doubles.
        #expect(Self.sql("derive r = clv % 2", .duckdb).diagnostics.isEmpty)
    }

    /// SQL cannot nest a window function in an aggregate: the window is a column of a stage before, over
    /// every customer, and the aggregate reads it there.
    @Test(arguments: SQLDialect.allCases)
    func windowsInsideAggregatesAreComputedInAStageBefore(_ d: SQLDialect) {
        let r = Self.sql("let n = count(where ntile(clv, 4) == 1)", d)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let w = d.quote("_w1_1")
        #expect(r.script.contains("_s1w1 AS (\n  SELECT *, (CASE WHEN \(d.quote("clv")) IS NULL THEN NULL ELSE CAST(NTILE(4) OVER ("), "\(r.script)")
        #expect(r.script.contains("AS \(w)\n  FROM _s0\n)"), "\(r.script)")
        #expect(r.script.contains("COUNT(CASE WHEN (\(w) = CAST(1 AS \(d.doubleType))) THEN 1 END)"), "\(r.script)")
        #expect(r.script.contains("FROM _s1w1) AS \(d.quote("v"))"), "\(r.script)")
    }

    @Test func aWindowInsideAWindowIsComputedFirst() {
        let s = Self.sql("derive q = ntile(ntile(clv, 4) * 10, 2)", .duckdb).script
        // The inner ntile is a column of its own stage; the outer one stands in the definition's stage and reads it.
        #expect(s.contains("_s1w1 AS (\n  SELECT *, (CASE WHEN \"clv\" IS NULL"), "\(s)")
        #expect(s.contains("(CASE WHEN (\"_w1_1\" * CAST(10 AS DOUBLE)) IS NULL THEN NULL ELSE CAST(NTILE(2)"), "\(s)")
    }

    @Test func aWindowInAnEventFilterIsComputedBeforeTheRowsAreJoined() {
        let s = Self.eventScript("derive top = sum(p.amount where abc(clv) == \"A\")\n")
        #expect(s.contains("_s1w1 AS (\n  SELECT *, (CASE WHEN \"clv\" IS NULL OR NOT (SUM(\"clv\") OVER () > 0)"), "\(s)")
        #expect(s.contains("FROM \"p\" e JOIN _s1w1 c ON e.\"customer_id\" = c.\"id\" WHERE (c.\"_w1_1\" = 'A')"), "\(s)")
    }

    @Test func aWindowOfEventRowsIsStillRefused() {
        let dir = Repo.tempDir()
        _ = CLITests.write("id,clv\nC1,5\n", "c.csv", in: dir)
        _ = CLITests.write("customer_id,amount\nC1,3\n", "p.csv", in: dir)
        let path = CLITests.write("load customers from \"c.csv\"\nload p from \"p.csv\" linked by customer_id\nderive x = sum(p.amount where ntile(p.amount, 2) == 1)\n", "r.strata", in: dir)
        let r = CLIRun(["sql", path])
        #expect(r.code == 1 && r.out.isEmpty, "\(r.out)")
        #expect(r.err.contains("r.strata:3:31: error: `ntile` is not translated to SQL for duckdb: it ranks event rows, not customers"), "\(r.err)")
    }

    @Test func postgresMapsCaseByUnicodeNotTheDatabaseLocale() {
        // In a C-locale database UPPER changes ASCII letters only; ICU's root locale maps "ß" to "SS" as Strata.
        #expect(Self.sql("derive u = lower(city)", .postgres).script.contains("LOWER((\"city\") COLLATE \"und-x-icu\")"))
        // ICU's Unicode 15 does not know the four letters Unicode 16 gave an uppercase: they are replaced first.
        #expect(Self.sql("derive u = upper(city)", .postgres).script.contains("'\u{A7D5}', '\u{A7D4}')) COLLATE \"und-x-icu\")"))
        #expect(SQLCaseMapping.unicode16Upper.count == 4)
        #expect(Self.sql("derive u = lower(city)", .spark).script.contains("LOWER(`city`)"))
    }

    @Test(arguments: SQLDialect.allCases)
    func lengthCountsCodePointsInEveryEngine(_ d: SQLDialect) {
        #expect(Self.sql("derive n = length(city)", d).script.contains("CAST(LENGTH(\(d.quote("city"))) AS \(d.doubleType))"))
    }

    @Test(arguments: SQLDialect.allCases)
    func numberOfANumberIsItself(_ d: SQLDialect) {
        // Text is read with the loader's forms (ComputedOperandTests); a number needs no reading.
        #expect(Self.sql("derive n = number(clv)", d).script.contains("SELECT *, \(d.quote("clv")) AS \(d.quote("n"))"))
    }

    @Test func namesThatDifferOnlyInCaseCollideWhereTheEngineIgnoresCase() {
        #expect(Self.sql("segment CLV where clv > 1", .spark).diagnostics.map(\.code) == [.sqlNameCollision])
        #expect(Self.sql("segment CLV where clv > 1", .duckdb).diagnostics.map(\.code) == [.sqlNameCollision])
        #expect(Self.sql("segment CLV where clv > 1", .postgres).diagnostics.isEmpty)
    }

    @Test func constantLetsAreInlinedAndAggregatesReadTheirStage() {
        let s = Self.sql("let cut = 1e6\nlet avg_clv = avg(clv where member)\nsegment big where clv >= cut and clv > avg_clv", .duckdb).script
        #expect(s.contains("_l2 AS (\n  SELECT (SELECT AVG(CASE WHEN \"member\" THEN \"clv\" END) FROM _s0) AS \"v\""), "\(s)")
        #expect(s.contains("(\"clv\" >= CAST(1000000 AS DOUBLE))"))
        #expect(s.contains("(\"clv\" > (SELECT \"v\" FROM _l2))"))
    }

    // MARK: - Event tables

    static func eventScript(_ rules: String) -> String {
        let dir = Repo.tempDir()
        _ = CLITests.write("id,clv\nC1,5\nC2,7\n", "c.csv", in: dir)
        _ = CLITests.write("customer_id,amount,day\nC1,3,2026-01-02\nC1,4,2026-01-03\nC2,5,2026-01-04\n", "p.csv", in: dir)
        let path = CLITests.write("load customers from \"c.csv\"\nload p from \"p.csv\" linked by customer_id\n" + rules, "r.strata", in: dir)
        return CLIRun(["sql", path, "--dialect", "duckdb"]).out
    }

    @Test func eachEventAggregateIsGroupedInItsOwnCTEThenLeftJoined() {
        let s = Self.eventScript("derive n = count(p)\nderive spend = sum(p.amount where amount > clv / 2)\n")
        #expect(s.contains("_e1_1 AS (\n  SELECT e.\"customer_id\" AS \"_k\", CAST(COUNT(*) AS DOUBLE) AS \"v\" FROM \"p\" e JOIN _s0 c ON e.\"customer_id\" = c.\"id\" GROUP BY e.\"customer_id\""), "\(s)")
        #expect(s.contains("LEFT JOIN _e1_1 ON _e1_1.\"_k\" = s.\"id\""))
        // A customer without rows counts 0.
        #expect(s.contains("COALESCE(\"_ea1_1\", CAST(0 AS DOUBLE)) AS \"n\""))
        // The filter reads the event row's field and the customer's.
        #expect(s.contains("WHERE (e.\"amount\" > (c.\"clv\" / NULLIF(CAST(2 AS DOUBLE), 0)))"), "\(s)")
    }

    @Test func lastTakesTheLaterRowOnTies() {
        let s = Self.eventScript("derive last_amount = last(p.amount by p.day)\n")
        #expect(s.contains("ROW_NUMBER() OVER (PARTITION BY e.\"customer_id\" ORDER BY e.\"day\" DESC NULLS LAST, e.\"_row\" DESC)"), "\(s)")
        #expect(s.contains("WHERE \"_rn\" = 1"))
    }

    /// An event aggregate that reads only loaded fields joins its rows to the first stage, so each stage is
    /// read once by the next: Spark, which inlines every CTE, would otherwise plan a tree doubling per aggregate.
    @Test func eventRowsJoinTheFirstStageUnlessTheyReadComputedValues() {
        let s = Self.eventScript("derive half = clv / 2\nderive n = count(p where amount > clv)\nderive m = count(p where amount > half)\n")
        #expect(s.contains("_e2_1 AS (\n  SELECT e.\"customer_id\" AS \"_k\", CAST(COUNT(*) AS DOUBLE) AS \"v\" FROM \"p\" e JOIN _s0 c"), "\(s)")
        #expect(s.contains("_e3_1 AS (\n  SELECT e.\"customer_id\" AS \"_k\", CAST(COUNT(*) AS DOUBLE) AS \"v\" FROM \"p\" e JOIN _s2 c"), "\(s)")
    }

    /// Only linked tables: the customers are the first one's distinct non-empty keys in order of first
    /// appearance, as `strata run` makes them.
    @Test func aProgramOfLinkedTablesTakesItsCustomersFromTheFirst() throws {
        let dir = Repo.tempDir()
        _ = CLITests.write("customer_id,amount\nC2,3\nC1,4\n,5\nC2,6\n", "p.csv", in: dir)
        let path = CLITests.write("load p from \"p.csv\" linked by customer_id\nderive n = count(p)\n", "r.strata", in: dir)
        let r = CLIRun(["sql", path])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("_c AS (\n  SELECT e.\"customer_id\" AS \"customer_id\", MIN(e.\"_row\") AS \"_first\"\n  FROM \"p\" e\n  "
                               + "WHERE e.\"customer_id\" IS NOT NULL AND e.\"customer_id\" <> ''\n  GROUP BY e.\"customer_id\""), "\(r.out)")
        #expect(r.out.contains("SELECT c.*, c.\"_first\" AS \"_strata_order\"\n  FROM _c c"))
        #expect(r.out.hasSuffix("SELECT \"customer_id\", \"n\"\nFROM _s1\nORDER BY \"_strata_order\" ASC;\n"), "\(r.out)")
        let m = dir + "/m.csv"
        #expect(CLIRun(["run", path, "--membership", m]).code == 0)
        #expect(try String(contentsOfFile: m, encoding: .utf8) == "customer_id,n\nC2,2\nC1,1\n")
    }

    /// `--order` of a column with ties: the key breaks them, so every engine gives one order.
    @Test(arguments: SQLDialect.allCases)
    func tiesInTheOrderColumnAreBrokenByTheKey(_ d: SQLDialect) {
        let s = Self.sql("derive q = ntile(clv, 2)", d, order: "last_visit").script
        let terms = "\(d.quote("_strata_order")) ASC, \(d.ordered(d.quote("id"), .string)) ASC"
        #expect(s.contains("ORDER BY \(d.quote("clv")) ASC NULLS LAST, \(terms)) AS"), "\(s)")
        #expect(s.hasSuffix("ORDER BY \(terms);\n"), "\(s)")
        // The key and `_row` are unique: nothing to break.
        #expect(Self.sql("derive q = ntile(clv, 2)", d, order: "_row").script.hasSuffix("ORDER BY \(d.quote("_strata_order")) ASC;\n"))
    }

    /// A quoted empty CSV cell (`""`) is null in Strata; each engine's reader is told so.
    @Test func quotedEmptyCellsAreLoadedAsNull() {
        let rules = Repo.path("examples/vip-program.strata")
        #expect(CLIRun(["sql", rules, "--with-load"]).out.contains("allow_quoted_nulls = true"))
        #expect(CLIRun(["sql", rules, "--with-load", "--dialect", "postgres"]).out.contains("HEADER true, FORCE_NULL (\"id\", "))
        #expect(CLIRun(["sql", rules, "--with-load", "--dialect", "spark"]).out.contains("NULLIF(`id`, '') AS `id`"))
    }

    /// A tab-separated file is not loaded by a script that reads commas: refused at its `load`, never read wrong.
    @Test func aTabSeparatedFileIsNotLoadedAsCommaSeparated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strata-sql-tsv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id\tclv\nC1\t5\nC2\t7\n".write(toFile: dir + "/c.tsv", atomically: true, encoding: .utf8)
        try "load customers from \"c.tsv\"\nsegment big where clv > 6\n".write(toFile: dir + "/r.strata", atomically: true, encoding: .utf8)
        let r = CLIRun(["sql", dir + "/r.strata", "--with-load"])
        #expect(r.code == 1 && r.out.isEmpty)
        #expect(r.err.contains("r.strata:1:21: error: `--with-load` of "))
        #expect(r.err.contains("only comma-separated files are loaded so far"))
        // Without --with-load the script is written: the tables are the warehouse's.
        #expect(CLIRun(["sql", dir + "/r.strata"]).code == 0)
    }

    // MARK: - Command line

    @Test func commandLineChecksItsOptions() {
        let rules = Repo.path("examples/rfm.strata")
        // DuckDB unless told otherwise.
        let plain = CLIRun(["sql", rules])
        #expect(plain.code == 0 && plain.out == CLIRun(["sql", rules, "--dialect", "duckdb"]).out)
        #expect(plain.out.hasPrefix("-- strata sql --dialect duckdb"))
        let bad = CLIRun(["sql", rules, "--dialect", "oracle"])
        #expect(bad.code == 2 && bad.err.contains("--dialect is duckdb, postgres or spark, found `oracle`"))
        #expect(CLIRun(["sql", rules, "--with-load", "--order", "clv"]).code == 2)
        let help = CLIRun(["sql", "--help"])
        #expect(help.code == 0 && help.out == CLI.sqlUsage)
        #expect(CLI.usage.contains("sql RULES [--dialect duckdb|postgres|spark]"))
    }

    @Test func withLoadDeclaresTheInferredTypesAndARowNumber() {
        let r = CLIRun(["sql", Repo.path("examples/vip-program.strata"), "--dialect", "duckdb", "--with-load"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("'id': 'VARCHAR'") && r.out.contains("'clv': 'DOUBLE'") && r.out.contains("'member': 'BOOLEAN'")
                && r.out.contains("'last_visit': 'DATE'") && r.out.contains("'phone': 'VARCHAR'"))
        #expect(r.out.contains("AS \"_row\" FROM read_csv("))
        #expect(r.out.contains("c.\"_row\" AS \"_strata_order\""))
        // PostgreSQL: a table whose _row counts the rows as psql's \copy adds them; _row is no text to collate.
        let pg = CLIRun(["sql", Repo.path("examples/vip-program.strata"), "--dialect", "postgres", "--with-load"])
        #expect(pg.out.contains("\"clv\" DOUBLE PRECISION") && pg.out.contains("\"last_visit\" DATE") && pg.out.contains("\"_row\" BIGSERIAL);"))
        #expect(pg.out.contains("\\copy \"customers\" (\"id\", "))
        #expect(pg.out.hasSuffix("ORDER BY \"_strata_order\" ASC;\n"), "\(pg.out)")
    }

    @Test func sparkLoadsTheFileAsOnePartitionWithTheInferredTypes() {
        let r = CLIRun(["sql", Repo.path("examples/vip-program.strata"), "--dialect", "spark", "--with-load"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("CREATE OR REPLACE TEMPORARY VIEW `_csv_customers` (`id` STRING, ") && r.out.contains("`clv` DOUBLE")
                && r.out.contains("`last_visit` DATE") && !r.out.contains("VARCHAR"), "\(r.out)")
        // One partition (multiLine files are not split), so the ids count rows in file order; a cell Spark
        // cannot read as its type stops the query instead of becoming null.
        #expect(r.out.contains("multiLine 'true'") && r.out.contains("mode 'FAILFAST'") && r.out.contains("dateFormat 'yyyy-MM-dd'"))
        #expect(r.out.contains("monotonically_increasing_id() AS `_row` FROM `_csv_customers`;"))
        // Bools are read as text and converted as Strata reads them: Spark's reader takes only true/false.
        #expect(r.out.contains("`member` STRING"))
        #expect(r.out.contains("(CASE WHEN LOWER(TRIM(`member`)) IN ('true', 'y', 'yes', '是') THEN TRUE "
                               + "WHEN LOWER(TRIM(`member`)) IN ('false', 'n', 'no', '否') THEN FALSE END) AS `member`"))
        #expect(r.out.hasSuffix("ORDER BY `_strata_order` ASC;\n"), "\(r.out)")
    }

    @Test func membershipIsTheSameTableFromTheInMemoryRun() throws {
        let dir = Repo.tempDir()
        _ = CLITests.write("id,clv,city\nC1,5,a\nC2,,b\nC3,7.5,\n", "c.csv", in: dir)
        let rules = CLITests.write("load customers from \"c.csv\"\nsegment big where clv > 6\nderive half = clv / 2\n"
                                   + "tiers t {\n  hi where clv > 6\n  lo where clv > 0\n}\ncount big\n", "r.strata", in: dir)
        let out = dir + "/m.csv"
        let r = CLIRun(["run", rules, "--membership", out])
        #expect(r.code == 0, "\(r.err)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written == "id,big,half,t\nC1,false,2.5,lo\nC2,false,,\nC3,true,3.75,hi\n")
        // Stdout is the run's ordinary report.
        #expect(r.out.contains("big"))
    }

    // MARK: - Golden scripts of the examples

    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/sql").path

    /// Each example's script per dialect; for `--with-load`, the table creation it
    /// puts before the script (paths relative to the repository), the rest being the script for tables
    /// ordered by `_row`.
    @Test(arguments: GrammarDocsTests.examples)
    func examplesGolden(_ path: String) throws {
        let name = CLITests.exampleName(path)
        for d in SQLDialect.allCases {
            let r = CLIRun(["sql", path, "--dialect", d.rawValue])
            #expect(r.code == 0, "\(name) \(d): \(r.err)")
            let expected = Self.goldens + "/" + name + "/" + d.rawValue + ".sql"
            try Golden.update(r.out, at: expected)
            Golden.expectEqual(r.out, toFileAt: expected, "\(name) \(d)")
        }
        for d in SQLDialect.allCases {
            let loaded = CLIRun(["sql", path, "--dialect", d.rawValue, "--with-load"]).out.replacingOccurrences(of: Repo.path("") + "/", with: "")
            // The same script as for existing tables whose `_row` column stands for load order.
            let plain = CLIRun(["sql", path, "--dialect", d.rawValue, "--order", "_row"]).out
            let header = plain.components(separatedBy: "\n").prefix(2).joined(separator: "\n") + "\n"
            let body = String(plain.dropFirst(header.count))
            #expect(loaded.hasPrefix(header) && loaded.hasSuffix(body), "\(name) \(d): --with-load is the script with the tables made first")
            let load = String(loaded.dropFirst(header.count).dropLast(body.count))
            let expected = Self.goldens + "/" + name + "/" + d.rawValue + "-load.sql"
            try Golden.update(load, at: expected)
            Golden.expectEqual(load, toFileAt: expected, "\(name) \(d) --with-load")
        }
    }

    @Test func everySQLGoldenHasItsExample() {
        let stored = ((try? FileManager.default.contentsOfDirectory(atPath: Self.goldens)) ?? []).sorted()
        #expect(stored == GrammarDocsTests.examples.map(CLITests.exampleName).sorted(), "stale or missing folders in \(Self.goldens)")
    }
}
