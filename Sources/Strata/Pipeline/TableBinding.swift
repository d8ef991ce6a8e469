import Foundation

/// The tables of a program once read: the customers (with matched tables' fields joined in as
/// `may.clv` columns), the linked event tables with each row's customer, and the catalog the compiler
/// sees. Keys are checked here: unique and non-empty, a duplicate named with both lines (exit 3).
struct BoundTables {
    var customers: Table?
    var linked: [String: LinkedTable] = [:]
    var catalog = Catalog()
    /// Rows that name no customer, one warning per table; the note of a file not read as UTF-8.
    var warnings: [Diagnostic] = []
    /// One line per date column whose times of day were dropped, for stderr.
    var notes: [Message] = []
    /// Where the customer table came from, for `.save` and messages.
    var customerFile: (table: String, path: String, encoding: TextEncoding?)?
    /// The linked and matched tables as read, for the REPL to link again to a new customer table.
    var sides: [(plan: PlannedTable, table: Table)] = []

    struct Failure: Error {
        var diagnostics: [Diagnostic]
        var exitCode: Int32
    }

    /// Reads every planned table, every row.
    static func bind(_ plan: [PlannedTable], preloaded: Table?, declared: [SchemaDeclaration], parallel: Bool,
                     root: String, columns: [String: Set<String>]? = nil, cache: TableCache? = nil) throws(Failure) -> BoundTables {
        var out = BoundTables()
        var loaded: [(PlannedTable, Table)] = []
        for p in plan {
            var t: Table
            do throws(LoadError) {
                let d = declared.first { $0.table == p.name }
                if let hit = cache?.table(p, columns: columns?[p.name], declared: d) {
                    t = hit
                } else {
                    t = try DataBinding.load(table: p.name, path: p.path, parallel: parallel, columns: columns?[p.name],
                                             encoding: p.encoding, declared: d)
                    cache?.store(t, for: p, columns: columns?[p.name], declared: d)
                }
            } catch {
                let base: LoadError.PathBase = p.fromCommandLine ? .currentFolder : .ruleFile
                throw Failure(diagnostics: [DataBinding.diagnostic(error, at: p.place, root: root, relativeTo: base)], exitCode: 3)
            }
            if let d = declared.first(where: { $0.table == p.name }) {
                let mismatches = DataBinding.verify(&t, against: d)
                guard mismatches.isEmpty else { throw Failure(diagnostics: mismatches, exitCode: 3) }
            }
            out.warnings += DataBinding.notices(t, path: p.path)
            for column in t.timesDropped {
                out.notes.append(DataText.timesDropped(["field": .text(column), "path": .text(p.path)]))
            }
            let cells = DataBinding.cellWarnings(t, path: p.path, in: DataBinding.schema(of: t, declared: declared.first { $0.table == p.name }))
            out.warnings += cells.warnings
            out.notes += cells.notes
            loaded.append((p, t))
        }
        let customerPlan = loaded.first { $0.0.link == nil }
        var customers = customerPlan?.1 ?? preloaded
        if let c = customerPlan { out.customerFile = (c.0.name, c.0.path, c.0.encoding) }
        let others = loaded.filter { $0.0.link != nil }
        out.sides = others.map { (plan: $0.0, table: $0.1) }
        // Only linked tables: the customers are the distinct keys of the first one, in order of first appearance.
        if customers == nil, let first = others.first, case .linked(let by)? = first.0.link {
            customers = try implicitCustomers(first.1, by: by, plan: first.0)
        }
        guard var c = customers else { return out }
        let customerDeclared = declared.first { $0.table == c.name }
        var schema = DataBinding.schema(of: c, declared: customerDeclared)
        if !others.isEmpty {
            let keyName = customerPlan?.0.key ?? schema.key ?? (c.column(named: "id") != nil ? "id" : c.columns.first?.name ?? "id")
            let index = try Trace.time("bind: customer keys") { () throws(Failure) -> KeyIndex in
                try keyIndex(c, key: keyName, plan: customerPlan?.0, schema: schema)
            }
            schema.key = keyName
            for (p, t) in others {
                let side = try Trace.time("bind: link \(p.name)") { () throws(Failure) -> Side in
                    try attach(p, t, declared: declared.first { $0.table == p.name }, index: index, customers: &c)
                }
                if let l = side.linked { out.linked[p.name] = l }
                out.warnings += side.warnings
                out.catalog.tables.append(side.schema)
            }
        }
        out.catalog.tables.insert(schema, at: 0)
        out.customers = c
        return out
    }

    /// A linked or matched table once related to the customers: its catalog entry, its rows' customers
    /// (linked), and the warning about rows that name no customer.
    struct Side {
        var schema: TableSchema
        var linked: LinkedTable?
        var warnings: [Diagnostic] = []
    }

    /// Relates one linked or matched table to the customers: each event row to its customer, or each
    /// matched row's fields joined into `customers` as `table.field` columns. One place for `run`,
    /// `check` and the REPL's tables loaded at the prompt.
    static func attach(_ p: PlannedTable, _ t: Table, declared: SchemaDeclaration?, index: KeyIndex,
                       customers: inout Table) throws(Failure) -> Side {
        let schema = DataBinding.schema(of: t, declared: declared)
        var side = Side(schema: schema.relating(by: p.link))
        switch p.link {
        case .linked(let by)?:
            let l = try link(t, by: by, index: index, plan: p)
            if l.orphans > 0, let o = l.firstOrphan { side.warnings.append(orphanWarning(p, count: l.orphans, first: o, by: by.text, in: schema)) }
            side.linked = l
        case .matched(let by)?:
            let (columns, orphans, first) = try match(t, by: by, index: index, customers: customers.rowCount, plan: p, schema: schema)
            for col in columns { customers.put(col) }
            if orphans > 0, let o = first { side.warnings.append(orphanWarning(p, count: orphans, first: o, by: by.text, in: schema)) }
        case nil:
            break
        }
        return side
    }

    /// Each key's customer row; a key that is empty or given twice is an error naming its line(s) (and
    /// the key, masked when the schema says the key field is personal: customers keyed by phone).
    static func keyIndex(_ t: Table, key: String, plan: PlannedTable?, schema: TableSchema) throws(Failure) -> KeyIndex {
        guard let col = t.column(named: key) else {
            let near = Suggest.nearest(key, in: t.columns.map(\.name))
            throw Failure(diagnostics: [Diagnostic(.customerKeyMissing(t.source, key: key, nearest: near), file: plan?.place?.file ?? t.source,
                                                   span: plan?.nameSpan ?? .wholeFile)], exitCode: 3)
        }
        var index = KeyIndex(capacity: t.rowCount)
        let keyOf = rowKeys(col)
        for r in 0..<t.rowCount {
            let k = keyOf(r)
            guard !k.isEmpty else {
                throw Failure(diagnostics: [Diagnostic(.customerKeyEmpty(t.source, line: r + 2, key: key), file: plan?.place?.file ?? t.source,
                                                       span: plan?.place?.span ?? .wholeFile)], exitCode: 3)
            }
            if let prior = index.append(k) {
                throw Failure(diagnostics: [Diagnostic(.customerKeyDuplicate(t.source, line: r + 2, key: DataBinding.shown(k, field: key, in: schema), firstLine: Int(prior) + 2),
                                                       file: plan?.place?.file ?? t.source, span: plan?.place?.span ?? .wholeFile)], exitCode: 3)
            }
        }
        return index
    }

    /// Each row's key as text, computed once per dictionary entry for a text column (a log repeats
    /// each customer's id many times).
    static func rowKeys(_ col: Column) -> (Int) -> String {
        switch col.storage {
        case .string(let codes, let dict):
            let keys = dict.map(trimmedKey)
            let valid = col.valid
            return { r in
                let c = Int(codes[r])
                return valid[r] && c >= 0 && c < keys.count ? keys[c] : ""
            }
        case .number, .date, .bool:
            let v = Vector(col)
            return { keyText(v.value(at: $0)) }
        }
    }

    /// A key without surrounding blanks; the common key has none and is returned as it is.
    static func trimmedKey(_ s: String) -> String {
        guard let f = s.utf8.first, let l = s.utf8.last, f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09 else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// A key as text, the same for `C0001` in any table and for `1001` read as a number or as text.
    static func keyText(_ v: Value) -> String {
        switch v {
        case .string(let s): return trimmedKey(s)
        case .null: return ""
        case .number, .date, .bool, .duration: return ValueFormat.text(v)
        }
    }

    /// Each event row's customer (−1 for an empty key or one naming no customer), looked up once per
    /// distinct key text.
    static func link(_ t: Table, by: Name, index: KeyIndex, plan: PlannedTable) throws(Failure) -> LinkedTable {
        guard let col = t.column(named: by.text) else { throw missingField(t, by, plan) }
        var customerOf = [Int32](repeating: -1, count: t.rowCount)
        switch col.storage {
        case .string(let codes, let dict):
            // Each distinct id once, the dictionary split across the cores.
            let parts = dict.count < 65_536 ? 1 : 8
            let chunks = Parallel.map(parts) { k -> [Int32] in
                let lo = dict.count * k / parts, hi = dict.count * (k + 1) / parts
                return dict[lo..<hi].map { index.row(of: trimmedKey($0)) ?? -1 }
            }
            let byCode = Array(chunks.joined())
            for r in 0..<t.rowCount where col.valid[r] {
                let c = Int(codes[r])
                if c >= 0, c < byCode.count { customerOf[r] = byCode[c] }
            }
        case .number, .date, .bool:
            let v = Vector(col)
            for r in 0..<t.rowCount { customerOf[r] = index.row(of: keyText(v.value(at: r))) ?? -1 }
        }
        var orphans = 0
        var first: (Int, String)?
        for r in 0..<t.rowCount where customerOf[r] < 0 {
            orphans += 1
            if first == nil { first = (r + 2, rowKeys(col)(r)) }
        }
        return LinkedTable(table: t, customerOf: customerOf, orphans: orphans, firstOrphan: first)
    }

    /// A matched table's fields as customer columns `table.field` (null for customers without a row).
    static func match(_ t: Table, by: Name, index: KeyIndex, customers: Int, plan: PlannedTable, schema: TableSchema) throws(Failure)
        -> (columns: [Column], orphans: Int, first: (line: Int, key: String)?) {
        guard let keyCol = t.column(named: by.text) else { throw missingField(t, by, plan) }
        let keyOf = rowKeys(keyCol)
        var rowOf = [Int32](repeating: -1, count: customers)
        var orphans = 0
        var first: (Int, String)?
        for r in 0..<t.rowCount {
            let k = keyOf(r)
            guard let c = index.row(of: k) else {
                orphans += 1
                if first == nil { first = (r + 2, k) }
                continue
            }
            if rowOf[Int(c)] >= 0 {
                throw Failure(diagnostics: [Diagnostic(.matchedRowDuplicate(t.source, line: r + 2, key: DataBinding.shown(k, field: by.text, in: schema), firstLine: Int(rowOf[Int(c)]) + 2),
                                                       file: plan.place?.file ?? t.source, span: plan.place?.span ?? .wholeFile)], exitCode: 3)
            }
            rowOf[Int(c)] = Int32(r)
        }
        let columns = t.columns.filter { $0.name != by.text }.map { col -> Column in
            let v = Vector(col).gathered(rowOf)
            return v.column(named: plan.name + "." + col.name, type: col.type, count: customers)
        }
        return (columns, orphans, first)
    }

    /// Only linked tables: one customer per distinct key of the first, in order of first appearance.
    static func implicitCustomers(_ t: Table, by: Name, plan: PlannedTable) throws(Failure) -> Table {
        guard let col = t.column(named: by.text) else { throw missingField(t, by, plan) }
        var seen: Set<String> = []
        var keys: [String] = []
        let keyOf = rowKeys(col)
        if case .string(let codes, let dict) = col.storage {
            // Each dictionary entry is looked at once, at its first row.
            var met = [Bool](repeating: false, count: dict.count)
            for r in 0..<t.rowCount where col.valid[r] {
                let c = Int(codes[r])
                guard c >= 0, c < met.count, !met[c] else { continue }
                met[c] = true
                let k = keyOf(r)
                if !k.isEmpty, seen.insert(k).inserted { keys.append(k) }
            }
        } else {
            for r in 0..<t.rowCount {
                let k = keyOf(r)
                if !k.isEmpty, seen.insert(k).inserted { keys.append(k) }
            }
        }
        let key = Column.build(named: by.text, type: .string, count: keys.count) { .string(keys[$0]) }
        return Table(name: "customers", columns: [key], rowCount: keys.count, source: t.source)
    }

    static func missingField(_ t: Table, _ by: Name, _ plan: PlannedTable) -> Failure {
        let near = Suggest.nearest(by.text, in: t.columns.map(\.name))
        return Failure(diagnostics: [Diagnostic(.linkFieldMissing(t.source, field: by.text, nearest: near, fields: t.columns.map(\.name)),
                                                file: plan.place?.file ?? t.source, span: by.span)], exitCode: 3)
    }

    /// One line: how many rows belong to nobody and the first of them (its key masked when `by` is personal).
    static func orphanWarning(_ p: PlannedTable, count: Int, first: (line: Int, key: String), by: String, in schema: TableSchema) -> Diagnostic {
        let key = DataBinding.shown(first.key, field: by, in: schema)
        return Diagnostic(.rowsNameNoCustomer(p.name, count: count, path: p.path, firstLine: first.line, firstKey: key), file: p.path, span: .wholeFile)
    }
}
