/// Output formats for results on stdout.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

/// One result a statement produced, before it is rendered in a format.
public enum OutputItem: Sendable {
    /// `show`: the customers' rows; `total` is how many matched before `limit`.
    case rows(title: String, headers: [String], rows: [[Value]], numeric: Set<Int>, total: Int)
    /// `count` and the summary: one row per segment or group; `header` names the first column
    /// ("segment", or the field whose values are counted).
    case counts(title: String, header: String, rows: [CountRow])
    /// A bare expression's value (REPL).
    case value(label: String, Value)
    /// A note for stderr, such as where an export went, rendered in the output's language.
    case note(Message)
    /// `summarize` and `count … by`: one row per group, the group's labels first.
    case summary(SummaryTable)
    /// `print`: named single values, in the order written.
    case figures(title: String, [Figure])
    /// `strata why` / `.why`: one customer's clauses of a segment's or tiers' rule, with their values.
    case why(WhyReport)
    /// `overlap`: pairwise intersections of segments or conditions.
    case overlap(title: String, OverlapTable)
}

/// An export the rules asked for, evaluated: the rows to write and where. Eval never writes files; the
/// front end hands the runner an `ExportWriter` (Output's `Exporter`) that does.
public struct ExportRequest: Sendable {
    /// The file, resolved against the rule file's folder; `.json` or `.csv`.
    public var path: String
    public var headers: [String]
    public var rows: [[Value]]
    /// The `export` statement, for the message when the file cannot be written.
    public var span: SourceSpan
    /// Checked between chunks of rows: a cancelled export leaves no temporary file and the old target as it was.
    public var cancellation: Cancellation?

    /// An export of `rows` under `headers` to `path`, for the `export` statement at `span`.
    public init(path: String, headers: [String], rows: [[Value]], span: SourceSpan, cancellation: Cancellation? = nil) {
        self.path = path
        self.headers = headers
        self.rows = rows
        self.span = span
        self.cancellation = cancellation
    }
}

/// Writes an evaluated export; an error stops the run like any evaluation error.
public typealias ExportWriter = @Sendable (ExportRequest) throws(EvalError) -> Void

/// One row of a count: a label, a size and the share of all customers.
public struct CountRow: Sendable, Hashable {
    public var label: String
    public var count: Int
    public var share: Double
}

/// Options for running rules that come from the command line.
public struct RunOptions: Sendable {
    /// `--data NAME=PATH`: replaces the path of `load NAME`.
    public var dataOverrides: [String: String] = [:]
    /// The most rows a `show` without its own `limit` prints (the REPL's `.maxrows`); nil prints them all.
    public var showLimit: Int?
    /// `--as-of DATE`: overrides `set as_of`.
    public var asOf: Int32?
    /// Split loading and evaluation across cores (off: one range, one statement at a time — the
    /// reference the fast paths are tested against).
    public var parallel = true
    /// `strata test`: evaluate everything but write no export files.
    public var dryRun = false
    /// `strata run` parses only the columns a program reads (off: every column, as `check` and the REPL do).
    public var projectColumns = true
    /// `--reveal-pii`: show personal fields unmasked.
    public var revealPII = false
    /// Stops evaluation and exports early when requested (the REPL's Ctrl-C: `Cancellation.interrupt`);
    /// nil: nothing can cancel the run.
    public var cancellation: Cancellation?
    /// `--strict`: a warning about the data (cells read as null, rows that name no customer) is an
    /// error: nothing runs, exit 3.
    public var strict = false
    /// The date used for `as_of` when neither the rules nor the options set it.
    public var today: Int32 = RunOptions.currentDate()

    public init() {}

    /// Today's date in the local time zone, as a day number.
    public static func currentDate() -> Int32 {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return CivilDate.days(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
