import Foundation

/// Evaluates a compiled program over the customer table: the store of computed columns, segments and
/// constants, and the loop that runs statements in order. It decides nothing the rules decide (that is
/// in the `Program`) and renders nothing (that is `Output`).
public final class Runner {
    /// The customer table, with derived and tiers fields added as they are computed.
    public internal(set) var table: Table
    public internal(set) var segments: [String: Bitset] = [:]
    public internal(set) var scalars: [String: Value] = [:]
    public var options: RunOptions
    /// Where `export` statements write (Output's `Exporter` in every front end).
    let exportWriter: ExportWriter

    /// The linked event tables, by name.
    public internal(set) var linked: [String: LinkedTable]

    /// A runner over `table` (an empty one when the program reads no data) and its linked event tables,
    /// writing exports through `export`.
    public init(table: Table?, linked: [String: LinkedTable] = [:], options: RunOptions, export: @escaping ExportWriter) {
        self.table = table ?? Table(name: "", columns: [], rowCount: 0, source: "")
        self.linked = linked
        self.options = options
        self.exportWriter = export
        scalars["as_of"] = .date(options.asOf ?? options.today)
    }

    /// Runs every statement of a valid program in order, appending outputs, assertion outcomes and the
    /// first evaluation error to `result`. Independent definitions next to each other run on all cores.
    public func run(_ program: Program, into result: inout RunResult) {
        let clock = RunResult.now()
        let trace = ProcessInfo.processInfo.environment["STRATA_TRACE"] != nil
        let statements = program.statements
        var i = 0
        while i < statements.count {
            let batch = independentRun(statements, from: i)
            let t = RunResult.now()
            do throws(EvalError) {
                try checkCancelled(at: statements[i].checked.span)
                if batch.count > 1, options.parallel, rowCount >= 50_000 {
                    try executeInParallel(batch.map { statements[$0].checked })
                } else {
                    for k in batch { try execute(statements[k].checked, &result) }
                }
            } catch {
                result.add(error, in: statements[i].checked.file)
                result.timings.evalMs = RunResult.ms(since: clock)
                return
            }
            // STRATA_TRACE=1: per-statement (or per-batch) times on stderr, for profiling rule files.
            if trace {
                let what = batch.map { statements[$0].text.prefix(40) }.joined(separator: " | ")
                FileHandle.standardError.write(Data(String(format: "%8.2f ms  %@\n", RunResult.ms(since: t), what).utf8))
            }
            i += batch.count
        }
        if program.printsSummary {
            // A summary with nothing in it would be a bare header on stdout; with nothing to summarize stdout
            // stays empty (scripts can tell), and a note on stderr says why.
            let classifications = program.classifications
            if classifications.isEmpty {
                result.outputs.append(.note(OutputText.noOutputs.message))
            } else {
                result.outputs.append(summary(classifications))
            }
        }
        if result.failedAssertions > 0 { result.exitCode = 1 }
        result.timings.evalMs = RunResult.ms(since: clock)
    }

    /// Evaluates one statement (the REPL runs them one at a time); the error is returned in `result`.
    @discardableResult
    public func runOne(_ c: CheckedStmt, into result: inout RunResult) -> Bool {
        do throws(EvalError) {
            try checkCancelled(at: c.span)
            try execute(c, &result)
            return true
        } catch {
            result.add(error, in: c.file)
            return false
        }
    }

    /// Drops what a definition put in the store (the REPL, before recomputing or replacing it).
    public func forget(_ name: String) {
        segments[name] = nil
        scalars[name] = nil
        table.remove(named: name)
    }

    /// Makes `t` the customer table, keeping nothing computed on the old one (nor its event tables).
    public func replaceTable(_ t: Table) {
        table = t
        linked = [:]
        segments = [:]
        scalars = scalars.filter { $0.key == "as_of" }
    }

    var rowCount: Int { table.rowCount }

    var evaluator: Evaluator {
        Evaluator(table: table, segments: segments, scalars: scalars, events: linked, cancellation: options.cancellation)
    }

    /// Throws `cancelled` (at the statement) when the run was asked to stop.
    func checkCancelled(at span: SourceSpan) throws(EvalError) {
        if let c = options.cancellation, c.isRequested { throw EvalError(.cancelled, at: span) }
    }

    func share(_ n: Int) -> Double { rowCount == 0 ? 0 : Double(n) / Double(rowCount) }
}
