/// The membership table of a finished run (`strata run --membership FILE.csv`): one row per customer in
/// load order with the key, each segment as `true`/`false` and each derived and tiers field — the table
/// `strata sql`'s final query returns, so the two can be compared cell by cell.
public enum Membership {
    /// The table as CSV (header row, then one row per customer), from the runner's computed columns.
    public static func csv(_ program: Program, _ runner: Runner) -> String {
        let columns = program.membershipColumns
        let n = runner.table.rowCount
        var out = ""
        CSVWriter.appendRecord(columns.map(\.name), to: &out)
        let stored = columns.map { c -> Column? in
            switch c.kind {
            case .key, .field: return runner.table.column(named: c.name)
            case .segment: return nil
            }
        }
        var cells = [String](repeating: "", count: columns.count)
        for row in 0..<n {
            for (i, c) in columns.enumerated() {
                switch c.kind {
                case .segment: cells[i] = (runner.segments[c.name].map { $0[row] } ?? false) ? "true" : "false"
                case .key, .field: cells[i] = stored[i].map { ValueFormat.text($0.value(at: row)) } ?? ""
                }
            }
            CSVWriter.appendRecord(cells, to: &out)
        }
        return out
    }
}
