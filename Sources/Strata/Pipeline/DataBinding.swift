import Foundation

/// Reads the data a program's load plan names and describes it to the compiler: the bridge from the
/// store (tables of columns) to the language (a catalog of typed fields), in one place for every front end.
enum DataBinding {
    /// Loads the planned table, every row (`strata check` too: a bad row past the first ones fails `check`
    /// as it fails `run`). `columns` limits the load to the columns of those names (`strata run`'s
    /// projection); `encoding` is the one the `load` names, nil to detect it. The types `declared` gives
    /// its fields are how those columns are parsed: a schema type forces the parse.
    static func load(table name: String, path: String, parallel: Bool, columns: Set<String>? = nil,
                     encoding: TextEncoding? = nil, declared: SchemaDeclaration? = nil) throws(LoadError) -> Table {
        try TableLoader.load(path: path, tableName: name, parallel: parallel, columns: columns, encoding: encoding,
                             types: declaredTypes(declared))
    }

    /// The types a `schema` declares, by field: how those columns are parsed.
    static func declaredTypes(_ declared: SchemaDeclaration?) -> [String: ValueType] {
        Dictionary(declared?.fields.map { ($0.name, $0.type) } ?? [], uniquingKeysWith: { a, _ in a })
    }

    /// What every front end says about a table once read: the note that it was not UTF-8, at the data file.
    static func notices(_ t: Table, path: String) -> [Diagnostic] {
        t.detectedEncoding.map { [Diagnostic(.dataEncodingDetected($0), file: path, span: .wholeFile)] } ?? []
    }

    /// What the load says about a table's cells: one warning per column whose cells were not all of its
    /// type (read as null), and a note per column read as text for holding integers beyond 2⁵³. The
    /// cell quoted is masked when its field is personal, as in every message.
    static func cellWarnings(_ t: Table, path: String, in schema: TableSchema) -> (warnings: [Diagnostic], notes: [Message]) {
        var warnings: [Diagnostic] = []
        for c in t.columns {
            guard let u = t.unreadCells[c.name] else { continue }
            let cell = shown(u.cell, field: c.name, in: schema)
            warnings.append(Diagnostic(.cellsReadAsNull(c.name, path: path, count: u.count, type: u.type, line: u.line, cell: cell,
                                                        declared: u.declared), file: path, span: .wholeFile))
        }
        let notes = t.columns.compactMap { c in
            t.wideIntegers[c.name].map { w in
                DataText.wideIntegersAsText(["field": .text(c.name), "path": .text(path), "line": "\(w.line)", "cell": .text(shown(w.cell, field: c.name, in: schema))])
            }
        }
        return (warnings, notes)
    }

    /// A load error as the diagnostic every front end shows: at the `load` statement's path, or at the
    /// top of the rule file for a `--data` with no `load`.
    static func diagnostic(_ error: LoadError, at place: (file: String, span: SourceSpan)?, root: String, relativeTo base: LoadError.PathBase) -> Diagnostic {
        Diagnostic(.dataNotRead(error, pathsRelativeTo: base), file: place?.file ?? root, span: place?.span ?? .zero)
    }

    /// The catalog entry of a loaded table: its fields with their types and why a text field is text,
    /// and, with a `schema`, the declared key, personal and public fields and the fields the schema leaves
    /// out. Here the data meets what is personal: a cell of a personal field quoted in the reason a field
    /// is text is masked, since that reason reaches messages (`strata check --format json` among them).
    static func schema(of t: Table, declared: SchemaDeclaration?) -> TableSchema {
        var s = TableSchema(name: t.name, fields: [], key: declared?.fields.first(where: \.key)?.name)
        if let d = declared {
            s.personal = Set(d.fields.filter(\.pii).map(\.name))
            s.notPersonal = Set(d.fields.filter(\.notPersonal).map(\.name))
        }
        let declaredTypes = declaredTypes(declared)
        s.fields = t.columns.map { c in
            let wide = t.wideIntegers[c.name].map { w in DataText.wideIntegerCell(["line": "\(w.line)", "cell": .text(shown(w.cell, field: c.name, in: s))]) }
            // Rendered here because the catalog keeps the reason as text; the command binds the language
            // before it loads, so this is the language of its output.
            let why = (t.typeNotes[c.name].map { note in note.text(showing: shown(note.cell, field: c.name, in: s)) } ?? wide)?.text()
            // A column with no value (or a header-only file) has no type of its own: it is null in every
            // row and takes the type of its use, as the literal `null` does; a schema gives it one.
            let open = c.nullCount == c.count && t.unreadCells[c.name] == nil
            return FieldSchema(name: c.name, type: declaredTypes[c.name] ?? (open ? .null : c.type), textBecause: why.map(Message.verbatim))
        }
        if let d = declared { s.undeclared = d.undeclared(in: s.fields) }
        return s
    }

    /// A cell of the data as messages may quote it: masked when its field is personal. Messages are
    /// masked even with `--reveal-pii`; the line number they give finds the row.
    static func shown(_ cell: String, field: String, in table: TableSchema) -> String {
        table.personalKind(of: field).map { PII.mask(cell, kind: $0) } ?? cell
    }

    /// Data that does not match the rule file's schema is refused before any rule runs; each message
    /// points at the field's own line in the schema. An all-empty column takes its declared type. A
    /// text column already loaded (a table handed in, or a schema typed at the REPL after its data) is
    /// read as its declared number, date or bool as a load would: cells that are not of it are null
    /// and listed in the table's `unreadCells`; one in which no cell is of it is the wrong column.
    static func verify(_ t: inout Table, against schema: SchemaDeclaration) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in schema.fields {
            guard let c = t.column(named: f.name) else {
                let near = Suggest.nearest(f.name, in: t.columns.map(\.name))
                out.append(Diagnostic(.dataMissingField(f.name, source: t.source, nearest: near), file: f.file, span: f.span))
                continue
            }
            // A declared type is how the column was parsed; a column in which no cell is of it is the wrong one.
            if let u = t.unreadCells[f.name], u.declared, let found = u.found {
                out.append(Diagnostic(.dataTypeMismatch(f.name, declared: f.type, found: found), file: f.file, span: f.span))
                continue
            }
            guard c.type != f.type else { continue }
            // An all-empty column loads as string; it cannot contradict a declared type, and takes it.
            if c.nullCount == c.count {
                t.put(Vector.broadcast(.null, type: f.type, count: c.count).column(named: f.name, type: f.type, count: c.count))
                continue
            }
            if let (read, misses, first) = c.reading(as: f.type), read.valid.cardinality > 0 {
                t.put(read)
                if let first, misses > 0 {
                    // Rows are lines below the header (a CSV's line, unless a cell spans lines).
                    t.unreadCells[f.name] = UnreadCells(count: misses, line: first.row + 2, cell: String(first.cell.prefix(40)), type: f.type,
                                                        declared: true)
                }
                continue
            }
            out.append(Diagnostic(.dataTypeMismatch(f.name, declared: f.type, found: c.type), file: f.file, span: f.span))
        }
        return out
    }
}
