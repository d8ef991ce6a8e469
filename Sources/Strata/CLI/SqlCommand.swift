import Foundation

extension CLI {
    /// Usage of `strata sql`, printed by `strata sql --help`.
    public static var sqlUsage: String { UsageText.sql.message.text() }

    /// `strata sql RULES --dialect D [--with-load] [--order FIELD]`: the rules as one SQL script on stdout.
    func sql(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["dialect", "order", "data", "as-of"], flagOptions: ["with-load"])
        guard a.positionals.count == 1, let rules = a.positionals.first else {
            throw UsageError(message: CLIText.ruleFileCount("sql", a.positionals.count))
        }
        // DuckDB by default: the engine `--with-load` writes for, and the one CI checks every example on.
        let d = a.value("dialect") ?? SQLDialect.duckdb.rawValue
        guard let dialect = SQLDialect(rawValue: d) else {
            throw UsageError(message: CLIText.dialectIs(["found": .text(d)]))
        }
        if a.flag("with-load"), a.value("order") != nil {
            throw UsageError(message: CLIText.withLoadOrder.message)
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
            result.renderedDiagnostics += "strata: " + CLIText.cannotWriteMembership(["path": .text(path), "error": "\(error)"]).text() + "\n"
            result.exitCode = max(result.exitCode, 1)
        }
        return result
    }
}
