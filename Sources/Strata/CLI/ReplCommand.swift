import Foundation

extension CLI {
    /// `strata repl [RULES] [--data NAME=PATH]... [--as-of DATE] [--format F] [--reveal-pii]`.
    func repl(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of", "format"], flagOptions: ["reveal-pii"])
        guard a.positionals.count <= 1 else { throw UsageError(message: CLIText.replTakesOneRuleFile.message) }
        var (options, format) = try runOptions(a)
        // At a terminal Ctrl-C cancels the running input (piped, SIGINT ends the process as for `run`).
        if terminal { options.cancellation = .interrupt }
        let session = ReplSession(options: options)
        let repl = Repl(session: session, out: out, err: err)
        repl.format = format
        if let rules = a.positionals.first {
            let result = session.open(path: rules)
            emit(result, format: format)
            if result.outputs.contains(where: { Report.note($0) == nil }) { repl.followResults() }
            if result.exitCode == 2 { return 2 }
            if result.exitCode != 0 {
                // Unreadable data or a broken rule is something to fix in the session, not a reason to refuse it.
                repl.recordFailure()
                if result.exitCode == 3 { err(CLIText.startsWithoutData.message.text() + "\n") }
            }
        } else if options.dataOverrides.count == 1, let (name, path) = options.dataOverrides.first {
            repl.loadAtStart(path: path, name: name)
        }
        guard terminal else { return repl.runPiped(readLine: readLine) }
        return interactiveLoop(repl)
    }

    /// Options shared by `run` and `repl`.
    func runOptions(_ a: Arguments) throws(UsageError) -> (RunOptions, OutputFormat) {
        var options = RunOptions()
        options.dataOverrides = try CLI.dataPairs(a.all("data"), option: "data")
        if let s = a.value("as-of") {
            guard let d = CivilDate.parse(s) else { throw UsageError(message: CLIText.asOfDate(["found": .text(s)])) }
            options.asOf = d
        }
        var format = OutputFormat.table
        if let f = a.value("format") {
            guard let ff = OutputFormat(rawValue: f) else { throw UsageError(message: CLIText.formatIs(["found": .text(f)])) }
            format = ff
        }
        options.revealPII = a.flag("reveal-pii")
        return (options, format)
    }
}
