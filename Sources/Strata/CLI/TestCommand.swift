import Foundation

extension CLI {
    /// `strata test RULES... [-v] [--data NAME=PATH]... [--as-of DATE]`: runs every assertion and ends with
    /// the line `N passed, N failed`. A file that does not check or load counts as one failure.
    func test(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of"], flagOptions: ["verbose"])
        guard !a.positionals.isEmpty else { throw UsageError(message: CLIText.needsRuleFiles(["command": "test"])) }
        var (options, _) = try runOptions(a)
        options.dryRun = true
        let verbose = a.flag("verbose") || words.contains("-v")
        var passed = 0, failed = 0
        for path in a.positionals where path != "-v" {
            let r = Pipeline(options: options).run(path: path)
            // `print` statements report their figures among the assertions, one `name = value` line each.
            for case .figures(_, let figures) in r.outputs {
                for f in figures { out("\(path): \(f.name) = \(f.value.isNull ? "null" : ValueFormat.display(f.value))\n") }
            }
            for o in r.assertions {
                let place = "\(o.file):\(o.span.start.line):\(o.span.start.column)"
                let label = o.message.map { "\($0) (\(o.text))" } ?? o.text
                if o.passed {
                    passed += 1
                    if verbose { out("PASS \(place): \(label)\n") }
                } else {
                    failed += 1
                    out("FAIL \(place): \(label)" + (o.detail.map { " — \($0)" } ?? "") + "\n")
                }
            }
            // Errors that stopped the file before or during its assertions.
            let errors = r.diagnostics.filter { $0.severity == .error && $0.code != .assertionFailed }
            if r.exitCode != 0, !errors.isEmpty || r.exitCode == 2 {
                failed += 1
                out("FAIL \(path): " + CLIText.testRulesDidNotRun.message.text() + "\n")
                err(r.renderedDiagnostics)
            }
        }
        out(CLIText.testSummary(["passed": "\(passed)", "failed": "\(failed)"]).text() + "\n")
        return failed > 0 ? 1 : 0
    }
}
