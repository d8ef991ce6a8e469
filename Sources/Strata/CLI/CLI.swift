import Foundation

/// The `strata` command line: every subcommand, writing results and messages through the given sinks.
public struct CLI {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// Reads one line of standard input without its newline; nil at the end.
    public var readLine: () -> String?
    /// Whether standard input and output are a terminal (then the REPL edits lines in raw mode).
    public var terminal: Bool
    /// The process's environment, read for `STRATA_LANG` and the locale when `--lang` is not given; nil
    /// keeps the language the caller bound (`Language.current`), as in-process tests do.
    public var environment: [String: String]?

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void,
                readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }, terminal: Bool = false,
                environment: [String: String]? = nil) {
        self.out = out
        self.err = err
        self.readLine = readLine
        self.terminal = terminal
        self.environment = environment
    }

    /// The overview `strata help` prints, in the command's language.
    public static var usage: String { UsageText.main.message.text() }

    public static let version = "strata 0.1.0"

    /// The subcommands `dispatch` runs; each has its own usage, printed by `strata COMMAND --help`.
    public enum Subcommand: String, CaseIterable, Sendable {
        case run, repl, check, test, fmt, sql, gen, why, diff, report, lsp

        public var usage: String {
            switch self {
            case .run: return CLI.runUsage
            case .repl: return CLI.replUsage
            case .check: return CLI.checkUsage
            case .test: return CLI.testUsage
            case .fmt: return CLI.fmtUsage
            case .sql: return CLI.sqlUsage
            case .gen: return CLI.genUsage
            case .why: return CLI.whyUsage
            case .diff: return CLI.diffUsage
            case .report: return CLI.reportUsage
            case .lsp: return CLI.lspUsage
            }
        }
    }

    /// Usage of `strata run`, printed by `strata run --help`.
    public static var runUsage: String { UsageText.run.message.text() }

    /// Usage of `strata repl`, printed by `strata repl --help`.
    public static var replUsage: String { UsageText.repl.message.text() }

    /// Usage of `strata check`, printed by `strata check --help`.
    public static var checkUsage: String { UsageText.check.message.text() }

    /// Usage of `strata test`, printed by `strata test --help`.
    public static var testUsage: String { UsageText.test.message.text() }

    /// Runs the command line (without the program name) and returns the exit code.
    /// The language is `--lang`'s (taken out of the words wherever it stands), else the environment's, and
    /// is bound around the whole command, its output included.
    public func main(_ args: [String]) -> Int32 {
        let cli = self
        let fallback = environment.map(Language.fromEnvironment) ?? Language.current
        let language: Language?, words: [String]
        do throws(UsageError) {
            (language, words) = try Arguments.language(in: args)
        } catch {
            return Language.$current.withValue(fallback) { cli.usageFailure(error) }
        }
        return Language.$current.withValue(language ?? fallback) { LargeStack.run { cli.dispatch(words) } }
    }

    /// A usage error on stderr, then the usage: exit 2.
    func usageFailure(_ error: UsageError) -> Int32 {
        err("strata: \(error.message.text())\n\n" + CLI.usage)
        return 2
    }

    func dispatch(_ args: [String]) -> Int32 {
        guard let command = args.first else {
            if terminal { return (try? repl([])) ?? 2 }
            err(CLI.usage)
            return 2
        }
        let rest = Array(args.dropFirst())
        do throws(UsageError) {
            if let sub = Subcommand(rawValue: command) {
                // `--help`/`-h` anywhere among a subcommand's words is its usage, before any other check of them.
                if rest.contains("--help") || rest.contains("-h") {
                    out(sub.usage)
                    return 0
                }
                switch sub {
                case .run: return try run(rest)
                case .gen: return try gen(rest)
                case .repl: return try repl(rest)
                case .check: return try check(rest)
                case .test: return try test(rest)
                case .fmt: return try fmt(rest)
                case .sql: return try sql(rest)
                case .why: return try why(rest)
                case .diff: return try diff(rest)
                case .report: return try report(rest)
                case .lsp: return try lsp(rest)
                }
            }
            switch command {
            case "help", "--help", "-h":
                out(CLI.usage)
                return 0
            case "version", "--version":
                out(CLI.version + "\n")
                return 0
            default:
                let near = Suggest.nearest(command, in: Subcommand.allCases.map(\.rawValue) + ["help", "version"])
                throw UsageError(message: CLIText.suggesting(CLIText.unknownCommand(["command": .text(command)]), near))
            }
        } catch {
            return usageFailure(error)
        }
    }

    func run(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of", "format", "membership"], flagOptions: ["reveal-pii", "timings", "strict", "chart"])
        guard a.positionals.count == 1, let rules = a.positionals.first else {
            throw UsageError(message: CLIText.ruleFileCount("run", a.positionals.count))
        }
        var (options, format) = try runOptions(a)
        options.strict = a.flag("strict")
        var result: RunResult
        if let membership = a.value("membership") {
            // Every column is loaded, so the key is there even when no rule reads it.
            options.projectColumns = false
            result = runWritingMembership(rules, to: membership, options: options)
        } else {
            result = Pipeline(options: options).run(path: rules)
        }
        emit(result, format: format, chartWidth: a.flag("chart") ? BarChart.width(measureTerminal: terminal) : nil)
        if a.flag("timings") {
            let t = result.timings
            let ms = { (v: Double) in Slot.text(String(format: "%.1f", v)) }
            err(CLIText.timings(["load": ms(t.loadMs), "check": ms(t.checkMs), "evaluate": ms(t.evalMs)]).text() + "\n")
        }
        return result.exitCode
    }

    /// Prints outputs to stdout (blank line between blocks in table form), notes and diagnostics to stderr.
    func emit(_ result: RunResult, format: OutputFormat, chartWidth: Int? = nil) {
        var rendered: [String] = []
        for item in Report.merged(result.outputs) {
            if let n = Report.note(item) {
                err(n)
                continue
            }
            rendered.append(Report.render(item, format: format, chartWidth: chartWidth))
        }
        if format == .json, rendered.count > 1 {
            // Several output statements still make one JSON document: an array of their arrays, in order.
            let parts = rendered.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
            out("[\n" + parts.joined(separator: ",\n") + "\n]\n")
        } else {
            // Tables and CSV blocks are separated by a blank line, so each CSV block can be split off.
            out(rendered.joined(separator: format == .json ? "" : "\n"))
        }
        if !result.renderedDiagnostics.isEmpty { err(result.renderedDiagnostics) }
    }
}
