import Foundation

extension CLI {
    /// Usage of `strata report`, printed by `strata report --help`.
    public static let reportUsage = """
        usage: strata report RULES -o REPORT.html [--data NAME=PATH]... [--as-of DATE] [--reveal-pii] [--strict]

        Runs a rule file as `strata run` does and writes one self-contained HTML page (inline CSS and SVG
        charts; nothing fetched from elsewhere): the as-of date, each data file with its rows and SHA-256, every
        segment and tier with its size and share, each output the rules ask for (a `show` without `limit`: its
        first 1,000 rows), the assertions and the rule text with line numbers. Personal fields stay masked
        unless --reveal-pii. The same rules and data give the same bytes. Exports are not written. --strict
        and the exit codes are `strata run`'s; a failed assertion still writes the page (exit 1).
        See docs/report.md.

        """

    /// `strata report RULES -o FILE`: runs the rules and writes the HTML report atomically.
    func report(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of", "output"], flagOptions: ["reveal-pii", "strict"])
        guard a.positionals.count == 1, let rules = a.positionals.first else {
            throw UsageError(message: a.positionals.isEmpty ? "report needs a rule file" : "report takes one rule file, found \(a.positionals.count)")
        }
        guard let output = a.value("output") else {
            // A rule file that cannot be read is said first, in the words every command uses for it.
            if case .failure(let f) = RuleSource.read(path: rules) {
                let r = Pipeline.unreadable(f)
                err(r.renderedDiagnostics)
                return r.exitCode
            }
            throw UsageError(message: "report needs -o REPORT.html, the file to write")
        }
        var (options, _) = try runOptions(a)
        options.strict = a.flag("strict")
        // A report is a read-only look at the rules: `export` statements say what they would write (on
        // stderr) but write nothing, as in `strata test`.
        options.dryRun = true
        var (content, result) = Pipeline(options: options).report(path: rules)
        for item in result.outputs { if let n = Report.note(item) { err(n) } }
        if let content {
            do {
                try AtomicFile.write(HTMLReport.render(content), to: output)
                err("wrote the report to \(output)\n")
            } catch {
                result.renderedDiagnostics += "strata: cannot write the report to \(output): \(error)\n"
                result.exitCode = max(result.exitCode, 1)
            }
        }
        if !result.renderedDiagnostics.isEmpty { err(result.renderedDiagnostics) }
        return result.exitCode
    }
}
