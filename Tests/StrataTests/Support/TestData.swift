@testable import Strata

/// Builds small in-memory tables and runs rules against them.
enum TestData {
    /// A table from named columns of values; each column's type is the first non-null value's type (string if none).
    static func table(_ columns: [(String, [Value])], name: String = "customers") -> Table {
        let n = columns.first?.1.count ?? 0
        let cols = columns.map { (name, values) -> Column in
            let type = values.first { !$0.isNull }?.type ?? .string
            return Vector.build(type: type, count: n) { values[$0] }.column(named: name, type: type, count: n)
        }
        return Table(name: name, columns: cols, rowCount: n, source: "test")
    }

    /// What a run left in the store, for inspecting columns, segments and constants.
    struct Store {
        var table: Table?
        var segments: [String: Bitset] = [:]
        var scalars: [String: Value] = [:]
    }

    /// Runs rules on a table through the pipeline's façade and returns the store and the result.
    static func run(_ rules: String, on table: Table, options: RunOptions = RunOptions(), file: String = "rules.strata") -> (Store, RunResult) {
        let (runner, r) = Pipeline(options: options, preloaded: table).execute(SourceFile(name: file, text: rules))
        return (Store(table: runner?.table, segments: runner?.segments ?? [:], scalars: runner?.scalars ?? [:]), r)
    }

    /// The values of a column after running rules (derived fields, tiers).
    static func column(_ name: String, _ rules: String, on table: Table) -> [Value] {
        let (s, r) = run(rules, on: table)
        guard r.diagnostics.isEmpty, let c = s.table?.column(named: name) else {
            return [.string("errors: " + r.renderedDiagnostics)]
        }
        return (0..<c.count).map { c.value(at: $0) }
    }

    /// Members of a segment (row indices) after running rules.
    static func members(_ segment: String, _ rules: String, on table: Table) -> [Int] {
        let (s, r) = run(rules, on: table)
        guard r.diagnostics.isEmpty, let b = s.segments[segment] else { return [-1] }
        return b.indices
    }
}
