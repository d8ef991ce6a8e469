extension CLI {
    /// Usage of `strata why`, printed by `strata why --help`.
    public static var whyUsage: String { UsageText.why.message.text() }

    /// `strata why RULES KEY [NAME]`: one customer's clauses, as a tree (or CSV/JSON).
    func why(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of", "format"], flagOptions: ["reveal-pii"])
        // A rule file that cannot be read is said as every command says it, before what else is missing.
        if a.positionals.count == 1, let rules = a.positionals.first, case .failure(let f) = RuleSource.read(path: rules) {
            let r = Pipeline.unreadable(f)
            err(r.renderedDiagnostics)
            return r.exitCode
        }
        guard (2...3).contains(a.positionals.count), let rules = a.positionals.first else {
            throw UsageError(message: a.positionals.count < 2 ? CLIText.whyNeedsKey.message : CLIText.whyTakesWords(["count": "\(a.positionals.count)"]))
        }
        let key = a.positionals[1]
        let name = a.positionals.count == 3 ? a.positionals[2] : nil
        let (options, format) = try runOptions(a)
        let result = Pipeline(options: options).why(path: rules, key: key, name: name)
        emit(result, format: format)
        return result.exitCode
    }
}
