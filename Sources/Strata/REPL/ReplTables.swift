/// Tables beside the customers in a session: `load visits from "…" linked by customer_id` typed at the
/// prompt, read against the current customer table and read again when a new one is loaded.
extension ReplSession {
    /// What a data path that could not be read was relative to, for the message: one typed at the prompt or given
    /// with `--data` to the working folder, one written in a rule file (an `include`d one) to that file's folder.
    static func pathBase(file: String, fromCommandLine: Bool) -> LoadError.PathBase {
        fromCommandLine || file.hasPrefix("<") ? .startFolder : .ruleFile
    }

    /// Loads a linked or matched table and links it to the customers; false (with the error) when it cannot.
    func loadSideTable(_ plan: PlannedTable, _ result: inout RunResult) -> Bool {
        guard table != nil, let place = plan.place else {
            result.fail([Diagnostic(.noDataLoaded, file: plan.place?.file ?? "<repl>", span: plan.nameSpan ?? .zero)], exitCode: 1)
            return false
        }
        let t: Table
        do throws(LoadError) {
            t = try DataBinding.load(table: plan.name, path: plan.path, parallel: options.parallel, encoding: plan.encoding)
        } catch {
            let base = ReplSession.pathBase(file: place.file, fromCommandLine: plan.fromCommandLine)
            result.fail([DataBinding.diagnostic(error, at: place, root: place.file, relativeTo: base)], exitCode: 3)
            return false
        }
        let before = sideTables
        sideTables.removeAll { $0.plan.name == plan.name }
        sideTables.append((plan, t))
        guard relinkSideTables(&result) else {
            sideTables = before
            return false
        }
        result.diagnostics += DataBinding.notices(t, path: plan.path)
        result.outputs.append(.note(ReplText.loadedRows(["count": .text(ValueFormat.grouped(t.rowCount)), "table": .text(plan.name), "path": .text(plan.path)])))
        return true
    }

    /// Links every side table to the current customers: event rows to their customer, matched rows
    /// joined in as `table.field` columns; false (with the error) when the keys do not allow it.
    @discardableResult
    func relinkSideTables(_ result: inout RunResult) -> Bool {
        do throws(BoundTables.Failure) {
            let shape = compiler.customers ?? TableSchema(name: runner.table.name, fields: [])
            let index = try BoundTables.keyIndex(runner.table, key: customerKey, plan: nil, schema: shape)
            var linked: [String: LinkedTable] = [:]
            var customers = runner.table
            for (p, t) in sideTables {
                let side = try BoundTables.attach(p, t, declared: sideDeclared.first { $0.table == p.name }, index: index, customers: &customers)
                if let l = side.linked { linked[p.name] = l }
                result.diagnostics += side.warnings
                compiler.useSideTable(side.schema)
            }
            runner.table = customers
            runner.linked = linked
            return true
        } catch {
            result.fail(error.diagnostics, exitCode: error.exitCode)
            return false
        }
    }
}
