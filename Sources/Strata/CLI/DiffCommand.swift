import Foundation

extension CLI {
    /// Usage of `strata diff`, printed by `strata diff --help`.
    public static let diffUsage = """
        usage: strata diff RULES --against NAME=PATH [--data NAME=PATH]... [options]   two data snapshots
               strata diff OLD NEW [--data NAME=PATH]... [options]                     two versions of the rules
               strata diff RULES --rev REV [--data NAME=PATH]... [options]             the rules as in git REV, and now
        options: [--as-of DATE] [--format table|csv|json] [--export FILE.csv] [--reveal-pii]

        Evaluates the segments, tiers and derived fields twice and compares customers by key: for each tiers
        field a from→to matrix (rows before, columns after; (arrived), (left) and (none) for customers only
        on one side or without a tier) and how many moved up, down or stayed; for each segment how many
        entered, left and stayed; for each derived field how many values changed. --data (or the rules'
        own load) is before, --against after. --export writes one row per customer and segment or tier
        that changed (key, field, from, to). Output statements of the rules are not run.
        Exit 0 nothing changed, 1 something changed, 2 usage or rule errors, 3 data that cannot be read.
        See docs/cli.md.

        """

    /// `strata diff`: what changes between two evaluations of the same customers (see `diffUsage`).
    func diff(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "against", "as-of", "format", "export", "rev"], flagOptions: ["reveal-pii"])
        let (options, format) = try runOptions(a)
        let against = try CLI.dataPairs(a.all("against"), option: "against")
        let rev = a.value("rev")
        // A rules file that cannot be read is the message every command gives, before the other checks.
        for path in a.positionals {
            if case .failure(let f) = RuleSource.read(path: path) {
                err(Pipeline.unreadable(f).renderedDiagnostics)
                return 2
            }
        }
        let mode: MembershipDiff.Mode
        switch (a.positionals.count, against.isEmpty, rev) {
        case (2, true, nil): mode = .rules
        case (1, true, _?): mode = .rules
        case (1, false, nil): mode = .snapshots
        case (2, _, _): throw UsageError(message: "two rule files are compared on the same data: leave out --against and --rev")
        case (1, false, _?): throw UsageError(message: "diff compares either two snapshots (--against) or two versions of the rules (--rev), not both")
        case (0, _, _): throw UsageError(message: "diff needs a rule file")
        case (1, true, nil): throw UsageError(message: "diff needs --against NAME=PATH (two data snapshots), --rev REV, or two rule files")
        default: throw UsageError(message: "diff takes one or two rule files, found \(a.positionals.count)")
        }
        let newPath = a.positionals[a.positionals.count - 1]
        let oldSource: Result<SourceFile, DiffInputError>
        if let rev {
            oldSource = GitRevision.read(path: newPath, rev: rev)
        } else {
            oldSource = RuleSource.read(path: a.positionals[0]).mapError { DiffInputError.unreadable($0) }
        }
        var afterOptions = options
        afterOptions.dataOverrides.merge(against) { _, new in new }
        let newSource = RuleSource.read(path: newPath).mapError { DiffInputError.unreadable($0) }
        let sides: (SourceFile, SourceFile)
        switch (oldSource, newSource) {
        case (.success(let o), .success(let n)): sides = (o, n)
        case (.failure(let e), _), (_, .failure(let e)):
            err(e.message)
            return 2
        }
        let oldLabel = rev.map { "the rules as of \($0)" } ?? (mode == .rules ? "the old rules" : "the first snapshot")
        let newLabel = mode == .rules ? "the new rules" : "the --against snapshot"
        var exitOnFailure: Int32 = 2
        guard let before = evaluateSide(sides.0, options: options, label: oldLabel, exit: &exitOnFailure),
              let after = evaluateSide(sides.1, options: afterOptions, label: newLabel, exit: &exitOnFailure) else {
            return exitOnFailure
        }
        let d: MembershipDiff
        do throws(MembershipComparison.Refusal) {
            d = try MembershipComparison.compare(before, after, mode: mode)
        } catch {
            err("strata diff: \(error.message)\n")
            return 2
        }
        out(DiffReport.render(d, format: format))
        if let path = a.value("export") {
            do {
                try AtomicFile.write(DiffReport.moves(d, json: path.lowercased().hasSuffix(".json"), revealPII: options.revealPII), to: path)
                err("wrote \(ValueFormat.grouped(d.moves.count)) changes to \(path)\n")
            } catch {
                err("strata diff: cannot write \(path): \(error)\n")
                return 2
            }
        }
        return d.changed ? 1 : 0
    }

    /// Evaluates one side, printing its warnings and notes on stderr; nil (and the exit code) when it
    /// cannot be evaluated: 3 for data that cannot be read, else 2 (1 means "changed" in a diff).
    private func evaluateSide(_ source: SourceFile, options: RunOptions, label: String, exit: inout Int32) -> EvaluatedMembership? {
        let (evaluated, result) = Pipeline(options: options).evaluateMembership(source)
        for item in result.outputs { if let n = Report.note(item) { err(n) } }
        if evaluated == nil { err("strata diff: \(label) cannot be evaluated:\n") }
        if !result.renderedDiagnostics.isEmpty { err(result.renderedDiagnostics) }
        if evaluated == nil { exit = result.exitCode == 3 ? 3 : 2 }
        return evaluated
    }

    /// `NAME=PATH` words of a repeatable option (`--data`, `--against`), by table name.
    static func dataPairs(_ words: [String], option: String) throws(UsageError) -> [String: String] {
        var out: [String: String] = [:]
        for d in words {
            guard let eq = d.firstIndex(of: "="), eq != d.startIndex, d.index(after: eq) != d.endIndex else {
                throw UsageError(message: "--\(option) takes NAME=PATH, e.g. --\(option) customers=2026-06.csv")
            }
            out[String(d[..<eq])] = String(d[d.index(after: eq)...])
        }
        return out
    }
}

/// Why one of the two rule versions could not be read.
enum DiffInputError: Error {
    case unreadable(RuleSource.Failure)
    case git(String)

    var message: String {
        switch self {
        case .unreadable(let f): return Pipeline.unreadable(f).renderedDiagnostics
        case .git(let m): return "strata diff: \(m)\n"
        }
    }
}

/// The text of a rule file as committed in a git revision (`strata diff RULES --rev REV`).
enum GitRevision {
    /// Reads `path` as of `rev` with `git show REV:./NAME`, run in the file's folder (so the repository
    /// is the file's); the source keeps the path's name so its `load`s and `include`s resolve as the file's do.
    static func read(path: String, rev: String) -> Result<SourceFile, DiffInputError> {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard git(["-C", folder, "rev-parse", "--is-inside-work-tree"]).status == 0 else {
            return .failure(.git("\(path) is not in a git repository, so --rev has no history to read"))
        }
        guard git(["-C", folder, "rev-parse", "--verify", "--quiet", rev + "^{commit}"]).status == 0 else {
            return .failure(.git("`\(rev)` is not a revision of the repository of \(path)"))
        }
        let shown = git(["-C", folder, "show", "\(rev):./\(name)"])
        guard shown.status == 0 else {
            return .failure(.git("\(path) does not exist in \(rev)"))
        }
        return RuleSource.decode(shown.output, name: path).mapError { DiffInputError.unreadable($0) }
    }

    /// Runs git with `args`; its exit status and standard output (its standard error is dropped).
    static func git(_ args: [String]) -> (status: Int32, output: [UInt8]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return (127, []) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, [UInt8](data))
    }
}
