import Foundation

extension CLI {
    /// `strata check RULES... [--format text|json] [--data NAME=PATH]...`: parse and type-check, no evaluation.
    func check(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["format", "data", "as-of"], flagOptions: ["strict"])
        guard !a.positionals.isEmpty else { throw UsageError(message: CLIText.needsRuleFiles(["command": "check"])) }
        let json = try a.value("format").map { (f: String) throws(UsageError) -> Bool in
            guard f == "text" || f == "json" else { throw UsageError(message: CLIText.formatForCheck(["found": .text(f)])) }
            return f == "json"
        } ?? false
        var (options, _) = try runOptions(Arguments(a.all("data").flatMap { ["--data", $0] }, valueOptions: ["data"], flagOptions: []))
        // A warning about the data is an error with --strict, exit 3 as in `run --strict`.
        options.strict = a.flag("strict")
        var all: [Diagnostic] = []
        var worst: Int32 = 0
        for path in a.positionals {
            let r = Pipeline(options: options).check(path: path)
            all += r.diagnostics
            if !json, !r.renderedDiagnostics.isEmpty { err(r.renderedDiagnostics) }
            // Data that cannot be read is exit 3, as in `strata run`.
            if r.exitCode != 0 || r.hasErrors { worst = max(worst, r.exitCode == 3 ? 3 : r.exitCode == 2 ? 2 : 1) }
            if a.flag("strict"), r.diagnostics.contains(where: { $0.severity == .warning }) { worst = max(worst, 1) }
        }
        if json { out(DiagnosticJSON.render(all)) }
        let errors = all.filter { $0.severity == .error }.count, warnings = all.filter { $0.severity == .warning }.count
        if !json {
            let files = a.positionals.count
            err(CLIText.checkSummary(["files": "\(files)", "en_files": CLIText.s(files), "errors": "\(errors)", "en_errors": CLIText.s(errors),
                                      "warnings": "\(warnings)", "en_warnings": CLIText.s(warnings)]).text() + "\n")
        }
        return worst
    }
}
