import Foundation

/// `strata report`: runs the rules as `strata run` does and gathers what the HTML report shows — the
/// data files with their row counts and checksums, each segment's and tier's size, the outputs and the
/// assertions, the rule text. Rendering is `HTMLReport`'s; writing the file is the command's.
extension Pipeline {
    /// Reads, compiles and runs the rule file at `path`; the report's content when the rules could be
    /// evaluated (even when an assertion failed: the report shows it), and the run's result either way.
    public func report(path: String) -> (content: HTMLReport.Content?, result: RunResult) {
        let source: SourceFile
        switch RuleSource.read(path: path) {
        case .success(let s): source = s
        case .failure(let f): return (nil, Pipeline.unreadable(f))
        }
        var pipeline = self
        // A page is for reading: a `show` without its own `limit` lists the first rows, not a million.
        if pipeline.options.showLimit == nil { pipeline.options.showLimit = Pipeline.reportShowLimit }
        let options = pipeline.options
        var c = pipeline.projected(source) ?? pipeline.compile(source, forCheck: false)
        guard let program = c.program, c.result.exitCode == 0 else { return (nil, c.rendered()) }
        let runner = Runner(table: c.table, linked: c.linked, options: options, export: Exporter.writer)
        runner.run(program, into: &c.result)
        var result = c.rendered()
        // An evaluation error stops the run part-way: a report of half the statements would mislead.
        guard !result.diagnostics.contains(where: { $0.severity == .error && $0.code != .assertionFailed }) else { return (nil, result) }
        var content = HTMLReport.Content(title: source.name, asOf: asOfDate(runner), customers: runner.table.rowCount)
        do {
            content.dataFiles = try dataFiles(c, runner)
        } catch {
            result.renderedDiagnostics += DataText.checksumUnreadable(["path": .text(error.path), "reason": .message(error.reason)]).text() + "\n"
            result.exitCode = max(result.exitCode, 3)
            return (nil, result)
        }
        (content.segments, content.tiers) = classifications(program, runner)
        // Rules that print nothing get `run`'s summary of the segments and tiers: the page shows those in
        // its own section already, so the summary is not repeated as an output.
        content.outputs = program.printsSummary ? result.outputs.filter { !Pipeline.isSummary($0) } : result.outputs
        content.assertions = result.assertions
        content.sources = program.sources.map { HTMLReport.Content.Source(name: $0.name, text: $0.text) }
        content.revealPII = options.revealPII
        return (content, result)
    }

    /// The as-of date the run used (the rules' `set as_of`, `--as-of`, or today).
    private func asOfDate(_ runner: Runner) -> Int32 {
        if case .date(let d)? = runner.scalars["as_of"] { return d }
        return options.asOf ?? options.today
    }

    /// The most rows a `show` without `limit` puts on the page.
    public static let reportShowLimit = 1000

    /// Whether an output is the summary a run without output statements prints.
    private static func isSummary(_ item: OutputItem) -> Bool {
        if case .counts("summary", "segment", _) = item { return true }
        return false
    }

    /// Each data file the rules read, with the rows loaded from it and the SHA-256 of its bytes.
    private func dataFiles(_ c: Compilation, _ runner: Runner) throws(ChecksumFailure) -> [HTMLReport.Content.DataFile] {
        var files: [HTMLReport.Content.DataFile] = []
        for plan in c.planned {
            let rows: Int
            if plan.link == nil {
                rows = runner.table.rowCount
            } else {
                rows = c.sides.first { $0.plan.name == plan.name }?.table.rowCount ?? 0
            }
            files.append(.init(table: plan.name, path: plan.path, rows: rows, sha256: try Pipeline.sha256(ofFile: plan.path)))
        }
        return files
    }

    /// Every segment's size, and each tiers field's tiers in the order written (empty tiers included).
    private func classifications(_ program: Program, _ runner: Runner) -> ([CountRow], [HTMLReport.Content.Tiers]) {
        var segments: [CountRow] = []
        var tiers: [HTMLReport.Content.Tiers] = []
        for b in program.classifications {
            switch b.kind {
            case .segment:
                let n = runner.segments[b.name]?.cardinality ?? 0
                segments.append(CountRow(label: b.name, count: n, share: runner.share(n)))
            case .tiers:
                if let column = runner.table.column(named: b.name) {
                    tiers.append(.init(name: b.name, rows: runner.groupCounts(Vector(column), labels: [])))
                }
            case .field, .derived, .constant, .setting, .table, .failed:
                break
            }
        }
        return (segments, tiers)
    }

    /// A data file that could not be read again for its checksum (it changed or vanished after loading).
    struct ChecksumFailure: Error {
        var path: String
        var reason: Message
    }

    /// The SHA-256 of a file's bytes as hex, read a megabyte at a time (a large file is not held in memory).
    static func sha256(ofFile path: String) throws(ChecksumFailure) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ChecksumFailure(path: path, reason: DataText.cannotOpen.message) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ChecksumFailure(path: path, reason: .verbatim(error.localizedDescription))
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update([UInt8](chunk))
        }
        return SHA256.hex(hasher.finish())
    }
}
