import Foundation

extension CLI {
    /// Usage of `strata sql`, printed by `strata sql --help`.
    public static let sqlUsage = """
        usage: strata sql RULES [--dialect duckdb|postgres|spark] [--with-load] [--order FIELD] [--data NAME=PATH]... [--as-of DATE]

        Prints one SQL script whose final query returns one row per customer in load order: the key, each
        segment (true/false), each derived and tiers field. --with-load first creates the
        tables from the rule file's CSV files with the types Strata inferred and a _row column for load order
        (pipe the script to duckdb or psql; spark-sql for spark); without it the tables must exist, and --order names the column
        that stands for load order (default: the key).
        The dialect is duckdb unless given. A construct not yet translated is an error naming it and its
        position, and no script is printed. See docs/sql.md.

        """

    /// `strata sql RULES --dialect D [--with-load] [--order FIELD]`: the rules as one SQL script on stdout.
    func sql(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["dialect", "order", "data", "as-of"], flagOptions: ["with-load"])
        guard a.positionals.count == 1, let rules = a.positionals.first else {
            throw UsageError(message: a.positionals.isEmpty ? "sql needs a rule file" : "sql takes one rule file, found \(a.positionals.count)")
        }
        // DuckDB by default: the engine `--with-load` writes for, and the one CI checks every example on.
        let d = a.value("dialect") ?? SQLDialect.duckdb.rawValue
        guard let dialect = SQLDialect(rawValue: d) else {
            throw UsageError(message: "--dialect is duckdb, postgres or spark, found `\(d)`")
        }
        if a.flag("with-load"), a.value("order") != nil {
            throw UsageError(message: "--with-load orders customers by their line in the file; --order is for tables that already exist")
        }
        let (options, _) = try runOptions(a)
        let (script, result) = Pipeline(options: options).sql(path: rules, dialect: dialect, order: a.value("order"), withLoad: a.flag("with-load"))
        if let script { out(script) }
        if !result.renderedDiagnostics.isEmpty { err(result.renderedDiagnostics) }
        return result.exitCode
    }
}

extension CLI {
    /// `strata run RULES --membership FILE`: runs the rules and writes the membership table (atomically)
    /// when they could be evaluated; a file that cannot be written is an error of the run (exit 1).
    func runWritingMembership(_ rules: String, to path: String, options: RunOptions) -> RunResult {
        let source: SourceFile
        switch RuleSource.read(path: rules) {
        case .success(let s): source = s
        case .failure: return Pipeline(options: options).run(path: rules)
        }
        var (program, runner, result) = Pipeline(options: options).evaluate(source)
        guard let program, let runner, result.exitCode != 2, result.exitCode != 3 else { return result }
        do {
            try AtomicFile.write(Membership.csv(program, runner), to: path)
        } catch {
            result.renderedDiagnostics += "strata: cannot write the membership table to \(path): \(error)\n"
            result.exitCode = max(result.exitCode, 1)
        }
        return result
    }
}
