import Foundation

extension Pipeline {
    /// `strata sql`: compiles the rule file against its data (whose inferred types the script declares
    /// with `--with-load`) and writes the SQL script; `script` is nil when there is none to print.
    public func sql(path: String, dialect: SQLDialect, order: String?, withLoad: Bool) -> (script: String?, result: RunResult) {
        let source: SourceFile
        switch RuleSource.read(path: path) {
        case .success(let s): source = s
        case .failure(let f): return (nil, Pipeline.unreadable(f))
        }
        var c = compile(source, forCheck: false)
        guard let program = c.program, c.result.exitCode == 0 else { return (nil, c.rendered()) }
        var sqlOptions = SQLOptions(dialect: dialect, asOf: options.asOf ?? options.today, asOfOverrides: options.asOf != nil, order: order)
        // Only linked tables: the customers are the first one's keys (TableBinding.implicitCustomers).
        if !c.planned.contains(where: { $0.link == nil }), let first = c.planned.first(where: { $0.link != nil }),
           case .linked? = first.link {
            sqlOptions.customersFrom = first.name
        }
        if withLoad {
            var load: [SQLLoadTable] = []
            for t in c.planned {
                // Every column of the file in its order (a matched table's link field too), typed as Strata read it.
                let side = c.sides.first { $0.plan.name == t.name }?.table.columns.map { FieldSchema(name: $0.name, type: $0.type) }
                let fields = side ?? (t.link == nil ? program.customers?.fields : nil)
                // The script reads comma-separated files; a tab-separated one (`.tsv`, `.txt`) would be read wrong.
                let commas: Bool
                if case .csv(let d)? = TableLoader.Kind(path: t.path) { commas = d == UInt8(ascii: ",") } else { commas = false }
                guard commas, let fields else {
                    let why: SQLText = Pipeline.isDelimited(t.path) ? .onlyCommaSeparated : .onlyCSV
                    let d = Diagnostic(.sqlNotTranslated(.message(SQLText.withLoadOf(["path": .text(t.path)])), dialect: dialect, why: why),
                                       file: t.place?.file ?? source.name, span: t.place?.span ?? .zero)
                    c.result.fail([d], exitCode: 1)
                    return (nil, c.rendered())
                }
                load.append(SQLLoadTable(name: t.name, path: t.path, fields: fields))
            }
            sqlOptions.load = load
        }
        let written = SQLScript.write(program, sqlOptions)
        if !written.diagnostics.isEmpty { c.result.fail(written.diagnostics, exitCode: 1) }
        return (written.script, c.rendered())
    }
}
