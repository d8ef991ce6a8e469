import Foundation
@testable import Strata

/// Runs one doc's blocks as docs/architecture.md ("Docs are tested") describes and collects every
/// disagreement between an output block and what the program prints.
struct DocRunner {
    /// The date a REPL transcript's session takes as today: the bundled data's last day.
    static let today = "2026-06-30"
    /// The options that take a value that is not a path (every other value, `--out DIR` and `--data`/`--against NAME=PATH`
    /// among them, is a path relative to the doc's folder).
    static let valueOptions: Set<String> = ["--format", "--as-of", "--customers", "--seed", "--dialect", "--order"]

    /// A copy of the repository's layout for the doc to run in: `examples/` (links to the real files, so a
    /// doc's `../examples/data/customers.csv` reads the bundled data) and `docs/`.
    let scratch: String
    /// The doc's folder inside `scratch`: rule blocks are written there and commands run from there.
    let folder: String
    private(set) var problems: [String] = []
    /// The language the doc is written in; its commands print in it.
    let language: DocPages.Language
    /// Whether an output block that differs is rewritten (`rewrites`) instead of reported (`STRATA_UPDATE_DOCS=1`).
    var updating = DocRewrite.updating
    /// The output blocks to rewrite with what the program prints, when `updating`.
    private(set) var rewrites: [DocRewrite] = []
    /// The file the last ```strata block was written to, if the block before this one was one.
    private var previousRules: String?

    init(doc: String) {
        scratch = Repo.tempDir()
        language = DocPages.language(of: doc)
        let fm = FileManager.default
        try? fm.createDirectory(atPath: scratch + "/examples", withIntermediateDirectories: true)
        try? fm.createDirectory(atPath: scratch + "/docs", withIntermediateDirectories: true)
        for entry in (try? fm.contentsOfDirectory(atPath: Repo.path("examples"))) ?? [] {
            try? fm.createSymbolicLink(atPath: scratch + "/examples/" + entry, withDestinationPath: Repo.path("examples/" + entry))
        }
        let dir = (doc as NSString).deletingLastPathComponent
        folder = dir.isEmpty ? scratch : scratch + "/" + dir
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Commands in docs/ name the examples as from the repository's root, where they are typed.
        if !dir.isEmpty { try? fm.createSymbolicLink(atPath: folder + "/examples", withDestinationPath: scratch + "/examples") }
    }

    /// Runs every block of one doc, in order.
    mutating func run(_ blocks: [DocBlock]) {
        for (i, b) in blocks.enumerated() {
            // A rule file shown with its output (an error, say) is checked by that output instead.
            let next = blocks.indices.contains(i + 1) ? blocks[i + 1] : nil
            let shownWithOutput = next.map { $0.isOutput && $0.followsBlock && !$0.markers.contains(where: \.isNotRun) } ?? false
            if b.isRules { rules(b, check: !shownWithOutput) } else if b.isOutput { output(b) } else { previousRules = nil }
        }
    }

    /// A ```strata block: written to its `file:` name (else `rules.strata`); a whole rule file (one with a
    /// `load` or a `schema`) must pass `strata check` unless `check` is false.
    private mutating func rules(_ b: DocBlock, check: Bool) {
        for case .excerpt(let file) in b.markers {
            previousRules = nil
            return excerpt(b, of: file)
        }
        let name = b.markers.lazy.compactMap { if case .file(let f) = $0 { f } else { nil } }.first ?? "rules.strata"
        let path = folder + "/" + name
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: path)
        try? (b.code + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        previousRules = name
        let statements = Parser.parse(SourceFile(name: name, text: b.code)).0.statements
        let whole = statements.contains {
            switch $0.kind {
            case .load, .schema: return true
            default: return false
            }
        }
        guard whole, check else { return }
        let (code, printed) = execute(["check", name])
        if code != 0 { problems.append("\(b.origin): `strata check` fails on this rule file (exit \(code)):\n\(printed)") }
    }

    /// An excerpt's lines are lines of its file, in order (blank lines aside): the file can change only with the doc.
    private mutating func excerpt(_ b: DocBlock, of file: String) {
        guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else {
            return problems.append("\(b.origin): cannot read `\(file)`, which the block is an excerpt of")
        }
        // A line of the file may carry a comment the excerpt leaves out.
        var rest = text.components(separatedBy: "\n").map { line in
            line.range(of: " # ").map { String(line[..<$0.lowerBound]).trimmingCharacters(in: .whitespaces) } ?? line
        }[...]
        for line in b.code.components(separatedBy: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let at = rest.firstIndex(of: line) else {
                return problems.append("\(b.origin): `\(line)` is not a line of \(file) (after the lines above it)")
            }
            rest = rest[(at + 1)...]
        }
    }

    /// An output block: a transcript (`$ strata repl`), a command (`$ strata …`), the output of the rule block
    /// just above it, or marked as not run.
    private mutating func output(_ b: DocBlock) {
        defer { previousRules = nil }
        for case .notRun(let reason) in b.markers {
            if reason.isEmpty { problems.append("\(b.origin): `<!-- not run: -->` needs a reason") }
            return
        }
        var lines = b.code.components(separatedBy: "\n")
        let first = lines.first ?? ""
        let args: [String]
        if first.hasPrefix("$ strata ") {
            lines.removeFirst()
            args = first.dropFirst("$ strata ".count).split(separator: " ").map(String.init)
        } else if b.followsBlock, let rules = previousRules {
            args = ["run", rules]
        } else {
            problems.append("""
                \(b.origin): an output block must follow a ```strata block (its `strata run` output), begin with \
                `$ strata …` (that command's output), or be marked `<!-- not run: REASON -->`
                """)
            return
        }
        let expected = lines.joined(separator: "\n") + "\n"
        let actual: String
        if args == ["repl"] {
            actual = transcript(lines)
        } else {
            guard asOfIsSet(args, at: b.origin) else { return }
            actual = withChanges(b) { $0.execute(args).printed }
        }
        if actual != expected, updating {
            let command = first.hasPrefix("$ strata ") ? [first] : []
            let printed = actual.hasSuffix("\n") ? String(actual.dropLast()) : actual
            rewrites.append(DocRewrite(block: b, code: (command + [printed]).joined(separator: "\n")))
        } else if actual != expected {
            problems.append("\(b.origin): the block says\n\(expected)but `strata \(args.joined(separator: " "))` prints\n\(actual)")
        }
    }

    /// A run's output may not depend on the day the test runs: every rule file `run` or `test` reads sets `as_of`
    /// when it reads it (the checker's `as-of-not-set` warning).
    private mutating func asOfIsSet(_ args: [String], at origin: String) -> Bool {
        guard let command = args.first, command == "run" || command == "test" else { return true }
        for file in args.dropFirst() where file.hasSuffix(".strata") {
            if execute(["check", "--format", "json", file]).printed.contains("\"code\":\"as-of-not-set\"") {
                problems.append("\(origin): `\(file)` reads as_of without `set as_of`, so its output changes from day to day")
                return false
            }
        }
        return true
    }

    /// Runs `body` with each `change:` marker's edit made to a copy of its file, then puts the file back.
    private mutating func withChanges(_ b: DocBlock, _ body: (inout DocRunner) -> String) -> String {
        var restore: [(String, String)] = []
        for case .change(let file, let old, let new) in b.markers {
            let path = folder + "/" + file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  text.components(separatedBy: old).count == 2 else {
                problems.append("\(b.origin): `\(old)` is not in \(file) exactly once")
                continue
            }
            try? FileManager.default.removeItem(atPath: path)
            try? text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
            restore.append((path, text))
        }
        defer { for (path, text) in restore { try? text.write(toFile: path, atomically: true, encoding: .utf8) } }
        return body(&self)
    }

    /// Runs the command line in-process from the doc's folder: stdout and stderr interleaved as a terminal
    /// shows them, with the scratch folder's path taken out of what it prints.
    func execute(_ args: [String]) -> (code: Int32, printed: String) {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        var words: [String] = []
        var previous = ""
        for (i, w) in args.enumerated() {
            if i == 0 || w.hasPrefix("-") || Self.valueOptions.contains(previous) {
                words.append(w)
            } else if args.first == "why", i >= 2 {
                // `why RULES KEY NAME`: the key and the name are no paths.
                words.append(w)
            } else if previous == "--data" || previous == "--against", let eq = w.firstIndex(of: "=") {
                words.append(String(w[...eq]) + inFolder(String(w[w.index(after: eq)...])))
            } else {
                words.append(inFolder(w))
            }
            previous = w
        }
        words.insert(contentsOf: language.commandOption, at: min(1, words.count))
        let cli = CLI(out: { box.text += $0 }, err: { box.text += $0 }, readLine: { nil })
        let code = language.speaking { cli.main(words) }
        return (code, relative(box.text))
    }

    /// A REPL session typed at a terminal: the lines after `strata> ` (and `   ...> ` continuations) are typed,
    /// everything else is what the session prints. Returns the whole transcript as the terminal would show it.
    private func transcript(_ lines: [String]) -> String {
        language.speaking { typed(lines) }
    }

    /// The transcript of `transcript`, in the language in force.
    private func typed(_ lines: [String]) -> String {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        var options = RunOptions()
        options.today = CivilDate.parse(Self.today) ?? options.today
        let repl = Repl(session: ReplSession(options: options, baseDirectory: folder), out: { box.text += $0 }, err: { box.text += $0 })
        box.text += CLI.replBanner
        var input: [String] = []
        func enter() {
            guard !input.isEmpty else { return }
            var text = input.joined(separator: "\n")
            // `.save` and `.load` paths are relative to the folder strata was started in: here the doc's folder.
            for dot in [".save ", ".load "] where text.hasPrefix(dot) {
                text = dot + inFolder(String(text.dropFirst(dot.count)))
            }
            repl.handle(text)
            input = []
        }
        for line in lines {
            if line.hasPrefix("strata> ") {
                enter()
                input = [String(line.dropFirst(8))]
                box.text += line + "\n"
            } else if line.hasPrefix("   ...> "), !input.isEmpty {
                input.append(String(line.dropFirst(8)))
                box.text += line + "\n"
            } else {
                enter()
            }
        }
        enter()
        return relative(box.text)
    }

    /// A path written in a doc, as the in-process command line must be given it.
    private func inFolder(_ path: String) -> String { path.hasPrefix("/") ? path : folder + "/" + path }

    /// Output with the scratch folder's path taken out: paths read as they do when run from the doc's folder.
    private func relative(_ text: String) -> String {
        // `../` for each folder between the scratch folder and the doc's (docs/zh-CN is two down).
        let depth = folder == scratch ? 0 : folder.dropFirst(scratch.count + 1).split(separator: "/").count
        let up = String(repeating: "../", count: depth)
        return text.replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: scratch + "/", with: up)
    }
}
