/// `strata why RULES KEY [NAME]`: the rules' definitions run as `run` runs them (no output statements, no
/// exports), then one customer's clauses are read off the computed columns.
extension Pipeline {
    /// The rules compiled and their definitions evaluated, ready to explain any customer.
    struct WhySession {
        let program: Program
        let runner: Runner
        let rules: WhyRules

        /// The reports for the customer with `key`: `name` alone, or every segment and tiers field.
        func reports(key: String, name: String?) throws(EvalError) -> [OutputItem] {
            try runner.whyReports(key: key, name: name, keyField: program.customerKey?.name ?? "id",
                                  classifications: program.classifications, scope: program.scope, rules: rules)
        }
    }

    /// Explains `name` (or every segment and tiers field) for the customer whose key is `key`.
    public func why(path: String, key: String, name: String?) -> RunResult {
        switch RuleSource.read(path: path) {
        case .success(let source): return why(source, key: key, name: name)
        case .failure(let f): return Pipeline.unreadable(f)
        }
    }

    /// Explains `name` (or every segment and tiers field) for one customer of the source's data.
    public func why(_ source: SourceFile, key: String, name: String?) -> RunResult {
        let prepared = whySession(source)
        var c = prepared.1
        guard let session = prepared.0 else { return c.rendered() }
        do throws(EvalError) {
            c.result.outputs += try session.reports(key: key, name: name)
        } catch {
            c.result.add(error, in: source.name)
        }
        return c.rendered()
    }

    /// Compiles the source and evaluates its definitions; nil (with the diagnostics) when that fails.
    func whySession(_ source: SourceFile) -> (WhySession?, Compilation) {
        var c = compile(source, forCheck: false)
        guard let program = c.program, let compiler = c.compiler, c.result.exitCode == 0 else { return (nil, c) }
        let runner = Runner(table: c.table, linked: c.linked, options: options, export: Exporter.writer)
        // Only what defines names runs: a `show` would print and an `export` would write a file.
        for s in program.statements where !s.stmt.kind.role.producesOutput && s.stmt.kind.role != .assertion {
            guard runner.runOne(s.checked, into: &c.result) else { return (nil, c) }
        }
        let rules = WhyRules(program.statements) { compiler.personalKind($0) }
        return (WhySession(program: program, runner: runner, rules: rules), c)
    }
}
