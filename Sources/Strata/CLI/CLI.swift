import Foundation

/// The `strata` command line: every subcommand, writing results and messages through the given sinks.
public struct CLI {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// Reads one line of standard input without its newline; nil at the end.
    public var readLine: () -> String?
    /// Whether standard input and output are a terminal (then the REPL edits lines in raw mode).
    public var terminal: Bool

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void,
                readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }, terminal: Bool = false) {
        self.out = out
        self.err = err
        self.readLine = readLine
        self.terminal = terminal
    }

    public static let usage = """
        usage: strata <command> [options]

          run RULES [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii] [--timings] [--strict]
              [--membership FILE.csv] [--chart]
                                   run a rule file on its data and print the results
          repl [RULES] [--data NAME=PATH] [--as-of DATE] [--format F]
                                   an interactive session (reads statements from stdin when piped)
          check RULES... [--data NAME=PATH]... [--format text|json] [--strict]
                                   parse and type-check without evaluating; warnings too
          test RULES... [--data NAME=PATH]... [-v]
                                   run every assertion; ends with "N passed, N failed"
          sql RULES [--dialect duckdb|postgres|spark] [--with-load] [--order FIELD]
                                   the rules as one SQL script returning each customer's segments and fields
          fmt RULES... [--check] [-w]
                                   canonical layout; --check prints a diff and exits 1 if not formatted
          gen --customers N [--seed S] --out DIR [--events]
                                   write realistic demo customers to DIR/customers.csv (and their events)
          why RULES KEY [NAME] [--format table|csv|json] [--reveal-pii]
                                   why one customer is (not) in a segment, or got their tier: each clause with its values
          diff RULES --against NAME=PATH | diff OLD NEW | diff RULES --rev REV [--export FILE.csv]
                                   what changes between two snapshots or two versions of the rules
          report RULES -o REPORT.html [--data NAME=PATH]... [--as-of DATE] [--reveal-pii] [--strict]
                                   one self-contained HTML page: data checksums, segment and tier sizes, outputs, rules
          lsp [--stdio]            a language server for editors on stdin/stdout (docs/editors.md)
          help                     this text
          version                  the version

        exit codes: 0 success, 1 a rule or assertion failed, 2 usage, 3 data could not be read

        """

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
    public static let runUsage = """
        usage: strata run RULES [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii] [--timings] [--strict]
                                [--membership FILE.csv] [--chart]

        Runs a rule file on its data and prints the results: each output statement's, or, when there is none,
        a summary of the segments and tiers. --data replaces a table's file, --as-of sets today's date.
        --strict refuses data the load warns about (cells read as null, rows naming no customer): exit 3.
        --membership also writes one row per customer (key, segments as true/false, derived and tiers fields),
        the table `strata sql` computes, for comparing the two.
        --chart draws a bar chart under each count and summary table (within $COLUMNS, else the terminal's width).

        """

    /// Usage of `strata repl`, printed by `strata repl --help`.
    public static let replUsage = """
        usage: strata repl [RULES] [--data NAME=PATH]... [--as-of DATE] [--format table|csv|json] [--reveal-pii]

        An interactive session, started on RULES when given; reads statements from stdin when piped.
        Inside, .help lists the dot-commands. See docs/repl.md.

        """

    /// Usage of `strata check`, printed by `strata check --help`.
    public static let checkUsage = """
        usage: strata check RULES... [--data NAME=PATH]... [--format text|json] [--strict]

        Parses and type-checks without evaluating; prints errors and warnings. --strict exits 1 on warnings,
        3 on a warning about the data (as `run --strict`).

        """

    /// Usage of `strata test`, printed by `strata test --help`.
    public static let testUsage = """
        usage: strata test RULES... [--data NAME=PATH]... [--as-of DATE] [-v]

        Runs every assertion and ends with "N passed, N failed"; -v lists the passing ones too.

        """

    /// Runs the command line (without the program name) and returns the exit code.
    public func main(_ args: [String]) -> Int32 {
        let cli = self
        return LargeStack.run { cli.dispatch(args) }
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
                throw UsageError(message: "unknown command `\(command)`" + (near.map { "; did you mean `\($0)`?" } ?? ""))
            }
        } catch {
            err("strata: \(error.message)\n\n" + CLI.usage)
            return 2
        }
    }

    func run(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: ["data", "as-of", "format", "membership"], flagOptions: ["reveal-pii", "timings", "strict", "chart"])
        guard a.positionals.count == 1, let rules = a.positionals.first else {
            throw UsageError(message: a.positionals.isEmpty ? "run needs a rule file" : "run takes one rule file, found \(a.positionals.count)")
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
            err(String(format: "timings: load %.1f ms, check %.1f ms, evaluate %.1f ms\n", t.loadMs, t.checkMs, t.evalMs))
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
