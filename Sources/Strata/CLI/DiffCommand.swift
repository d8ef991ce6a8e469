import Foundation

extension CLI {
    /// Usage of `strata diff`, printed by `strata diff --help`.
    public static var diffUsage: String { UsageText.diff.message.text() }

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
        case (2, _, _): throw UsageError(message: CLIText.diffTwoRules.message)
        case (1, false, _?): throw UsageError(message: CLIText.diffNotBoth.message)
        case (0, _, _): throw UsageError(message: CLIText.needsRuleFile(["command": "diff"]))
        case (1, true, nil): throw UsageError(message: CLIText.diffNeedsSecond.message)
        default: throw UsageError(message: CLIText.diffTakesOneOrTwo(["count": "\(a.positionals.count)"]))
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
        let oldLabel = rev.map { CLIText.oldRulesAsOf(["rev": .text($0)]) } ?? (mode == .rules ? CLIText.oldRules.message : CLIText.firstSnapshot.message)
        let newLabel = mode == .rules ? CLIText.newRules.message : CLIText.againstSnapshot.message
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
                err(CLIText.wroteChanges(["count": .text(ValueFormat.grouped(d.moves.count)), "path": .text(path)]).text() + "\n")
            } catch {
                err("strata diff: " + CLIText.cannotWrite(["path": .text(path), "error": "\(error)"]).text() + "\n")
                return 2
            }
        }
        return d.changed ? 1 : 0
    }

    /// Evaluates one side, printing its warnings and notes on stderr; nil (and the exit code) when it
    /// cannot be evaluated: 3 for data that cannot be read, else 2 (1 means "changed" in a diff).
    private func evaluateSide(_ source: SourceFile, options: RunOptions, label: Message, exit: inout Int32) -> EvaluatedMembership? {
        let (evaluated, result) = Pipeline(options: options).evaluateMembership(source)
        for item in result.outputs { if let n = Report.note(item) { err(n) } }
        if evaluated == nil { err("strata diff: " + CLIText.cannotBeEvaluated(["side": .message(label)]).text() + "\n") }
        if !result.renderedDiagnostics.isEmpty { err(result.renderedDiagnostics) }
        if evaluated == nil { exit = result.exitCode == 3 ? 3 : 2 }
        return evaluated
    }

    /// `NAME=PATH` words of a repeatable option (`--data`, `--against`), by table name.
    static func dataPairs(_ words: [String], option: String) throws(UsageError) -> [String: String] {
        var out: [String: String] = [:]
        for d in words {
            guard let eq = d.firstIndex(of: "="), eq != d.startIndex, d.index(after: eq) != d.endIndex else {
                throw UsageError(message: CLIText.dataPair(["option": "--\(option)"]))
            }
            out[String(d[..<eq])] = String(d[d.index(after: eq)...])
        }
        return out
    }
}

/// Why one of the two rule versions could not be read.
enum DiffInputError: Error {
    case unreadable(RuleSource.Failure)
    case git(Message)

    var message: String {
        switch self {
        case .unreadable(let f): return Pipeline.unreadable(f).renderedDiagnostics
        case .git(let m): return "strata diff: \(m.text())\n"
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
            return .failure(.git(CLIText.notGitRepository(["path": .text(path)])))
        }
        guard git(["-C", folder, "rev-parse", "--verify", "--quiet", rev + "^{commit}"]).status == 0 else {
            return .failure(.git(CLIText.notRevision(["rev": .text(rev), "path": .text(path)])))
        }
        let shown = git(["-C", folder, "show", "\(rev):./\(name)"])
        guard shown.status == 0 else {
            return .failure(.git(CLIText.notInRevision(["path": .text(path), "rev": .text(rev)])))
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
