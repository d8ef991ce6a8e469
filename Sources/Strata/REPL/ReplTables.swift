/// Tables beside the customers in a session: `load visits from "…" linked by customer_id` typed at the
/// prompt, read against the current customer table and read again when a new one is loaded.
extension ReplSession {
    /// Loads a linked or matched table and links it to the customers; false (with the error) when it cannot.
    func loadSideTable(_ plan: PlannedTable, _ result: inout RunResult) -> Bool {
        guard table != nil, let place = plan.place else {
            result.fail([Diagnostic(.noDataLoaded, file: plan.place?.file ?? "<repl>", span: plan.nameSpan ?? .zero)], exitCode: 1)
            return false
        }
        let t: Table
        do throws(LoadError) {
            t = try DataBinding.load(table: plan.name, path: plan.path, sample: false, parallel: options.parallel)
        } catch {
            let typed = place.file.hasPrefix("<")
            result.fail([DataBinding.diagnostic(error, at: place, root: place.file, relativeTo: typed ? "the folder strata was started in" : "the rule file")],
                        exitCode: 3)
            return false
        }
        let before = sideTables
        sideTables.removeAll { $0.plan.name == plan.name }
        sideTables.append((plan, t))
        guard relinkSideTables(&result) else {
            sideTables = before
            return false
        }
        result.outputs.append(.note("loaded \(ValueFormat.grouped(t.rowCount)) rows of `\(plan.name)` from \(plan.path)"))
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
                var schema = DataBinding.schema(of: t, declared: sideDeclared.first { $0.table == p.name })
                switch p.link {
                case .linked(let by)?:
                    let l = try BoundTables.link(t, by: by, index: index, plan: p)
                    if l.orphans > 0, let o = l.firstOrphan { result.diagnostics.append(BoundTables.orphanWarning(p, count: l.orphans, first: o, by: by.text, in: schema)) }
                    linked[p.name] = l
                    schema.grain = .linked(by: by.text)
                case .matched(let by)?:
                    let (columns, orphans, first) = try BoundTables.match(t, by: by, index: index, customers: customers.rowCount, plan: p, schema: schema)
                    for c in columns { customers.put(c) }
                    if orphans > 0, let o = first { result.diagnostics.append(BoundTables.orphanWarning(p, count: orphans, first: o, by: by.text, in: schema)) }
                    schema.grain = .matched(by: by.text)
                    schema.fields.removeAll { $0.name == by.text }
                case nil:
                    continue
                }
                compiler.useSideTable(schema)
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
