import Foundation

/// `strata run` parses only the columns a program reads. The program is compiled against the types of
/// each file's first rows (its header and a sample), which say what every column is; then only the
/// columns it reads are loaded in full. When anything could make that differ from reading everything —
/// a `schema`, an error, a column whose full type is not its sample's — the ordinary path runs instead,
/// so the answers and the messages are always those of a full load. `strata check` goes the same way
/// (with its warnings): it reads every row of the columns the program uses, as cheaply as `run` does.
extension Pipeline {
    /// The compilation over projected tables, or nil when the ordinary path must run; `lint` adds the
    /// warnings of `strata check`.
    func projected(_ source: SourceFile, lint: Bool = false) -> Compilation? {
        guard preloaded == nil, options.projectColumns else { return nil }
        let base = SourceSet.folder(of: source.name, fallback: baseDirectory)
        let set = SourceSet.read(source, baseDirectory: base, overlays: overlays)
        guard set.usable, !set.diagnostics.contains(where: { $0.severity == .error }),
              !set.statements.contains(where: { if case .schema = $0.stmt.kind { return true } else { return false } }),
              case .success(.files(let tables)) = LoadPlan.make(set.statements, root: source, overrides: options.dataOverrides,
                                                                preloaded: false, baseDirectory: base),
              tables.allSatisfy({ Pipeline.isDelimited($0.path) }) else { return nil }
        let clock = RunResult.now()
        // Each file's header and first rows: the types the program is compiled against.
        var samples: [String: Table] = [:]
        for t in tables {
            guard let sample = Trace.time("sample \(t.name)", { try? TableLoader.loadSample(path: t.path, tableName: t.name, encoding: t.encoding, prefixOnly: true) }) else { return nil }
            samples[t.name] = sample
        }
        guard let catalog = Pipeline.sampleCatalog(tables, samples) else { return nil }
        var compiler = Compiler(baseDirectory: base)
        let loadedAt = tables.first { $0.link == nil }?.place
        let program = compiler.compileProgram(set, catalog: catalog, loadedAt: loadedAt, lint: lint)
        guard program.isValid else { return nil }
        // The columns read, plus what ties the tables together: the customer key and each link field.
        let read = program.fieldsRead
        var columns: [String: Set<String>] = [:]
        for t in tables {
            var wanted = read[t.name] ?? []
            switch t.link {
            case .linked(let by)?, .matched(let by)?: wanted.insert(by.text)
            case nil:
                wanted.insert(t.key)
                if let first = samples[t.name]?.columns.first?.name { wanted.insert(first) }
            }
            columns[t.name] = wanted
        }
        let bound: BoundTables
        do throws(BoundTables.Failure) {
            bound = try BoundTables.bind(tables, preloaded: nil, declared: [], parallel: options.parallel,
                                         root: source.name, columns: columns, cache: tableCache)
        } catch {
            return nil
        }
        // `--strict` refuses data with warnings; the ordinary path says so.
        if options.strict, !bound.warnings.isEmpty { return nil }
        // A column whose full type differs from its sample's (a late cell that is no number) means the
        // program must be compiled against the whole data.
        for full in bound.catalog.tables {
            guard let sampled = catalog.tables.first(where: { $0.name == full.name }) else { return nil }
            for f in full.fields where sampled.field(f.name)?.type != f.type { return nil }
            // Every sampled column read is there: the sample is a prefix, and a file whose whole is in
            // another encoding than its first megabytes seem to be can name its columns otherwise.
            for name in columns[full.name] ?? [] where sampled.field(name) != nil && full.field(name) == nil { return nil }
        }
        var c = Compilation()
        for s in set.sources { c.renderer.add(s) }
        c.program = program
        c.compiler = compiler
        c.table = bound.customers
        c.linked = bound.linked
        c.sides = bound.sides
        c.planned = tables
        c.dataFile = bound.customerFile
        c.planned = tables
        c.result.diagnostics = set.diagnostics + bound.warnings + program.diagnostics
        c.result.outputs += bound.notes.map { OutputItem.note($0) }
        c.result.timings.loadMs = RunResult.ms(since: clock)
        return c
    }

    /// Delimited files (CSV, TSV, tab-separated .txt) are parsed by column; JSON is read whole.
    static func isDelimited(_ path: String) -> Bool {
        if case .csv? = TableLoader.Kind(path: path) { return true }
        return false
    }

    /// The catalog the samples describe, with each table's grain from its `load`; nil when a link field
    /// is missing (the full path then reports it).
    static func sampleCatalog(_ tables: [PlannedTable], _ samples: [String: Table]) -> Catalog? {
        var catalog = Catalog()
        for t in tables {
            guard let sample = samples[t.name] else { return nil }
            // A link field the sample lacks is for the full path to report.
            if let by = t.linkField, sample.column(named: by) == nil { return nil }
            var schema = DataBinding.schema(of: sample, declared: nil).relating(by: t.link)
            // As a full load names it: the key that links the other tables.
            if t.link == nil, tables.contains(where: { $0.link != nil }) { schema.key = t.key }
            catalog.tables.append(schema)
        }
        // Only linked tables: the customers are the first one's keys, one text field.
        if catalog.customers == nil, let first = tables.first, case .linked(let by)? = first.link {
            catalog.tables.insert(TableSchema(name: "customers", fields: [FieldSchema(name: by.text, type: .string)]), at: 0)
        }
        guard let c = catalog.customers else { return nil }
        catalog.tables.removeAll { $0.grain == .customers }
        catalog.tables.insert(c, at: 0)
        return catalog
    }
}
