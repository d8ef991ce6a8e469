import Foundation

extension CLI {
    /// Usage of `strata report`, printed by `strata report --help`.
    public static var reportUsage: String { UsageText.report.message.text() }

    /// `strata report RULES -o FILE`: runs the rules and writes the HTML report atomically.
    func report(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of", "output"], flagOptions: ["reveal-pii", "strict"])
        guard a.positionals.count == 1, let rules = a.positionals.first else {
            throw UsageError(message: CLIText.ruleFileCount("report", a.positionals.count))
        }
        guard let output = a.value("output") else {
            // A rule file that cannot be read is said first, in the words every command uses for it.
            if case .failure(let f) = RuleSource.read(path: rules) {
                let r = Pipeline.unreadable(f)
                err(r.renderedDiagnostics)
                return r.exitCode
            }
            throw UsageError(message: CLIText.reportNeedsOutput.message)
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
                err(CLIText.wroteReport(["path": .text(output)]).text() + "\n")
            } catch {
                result.renderedDiagnostics += "strata: " + CLIText.cannotWriteReport(["path": .text(output), "error": "\(error)"]).text() + "\n"
                result.exitCode = max(result.exitCode, 1)
            }
        }
        if !result.renderedDiagnostics.isEmpty { err(result.renderedDiagnostics) }
        return result.exitCode
    }
}
