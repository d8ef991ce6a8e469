import Foundation

/// Reads the data a program's load plan names and describes it to the compiler: the bridge from the
/// store (tables of columns) to the language (a catalog of typed fields), in one place for every front end.
enum DataBinding {
    /// Loads the planned table; with `sample` only the first rows, enough to learn the fields (`strata check`).
    static func load(table name: String, path: String, sample: Bool, parallel: Bool) throws(LoadError) -> Table {
        try sample ? TableLoader.loadSample(path: path, tableName: name) : TableLoader.load(path: path, tableName: name, parallel: parallel)
    }

    /// A load error as the diagnostic every front end shows: at the `load` statement's path, or at the
    /// top of the rule file for a `--data` with no `load`.
    static func diagnostic(_ error: LoadError, at place: (file: String, span: SourceSpan)?, root: String, relativeTo base: String) -> Diagnostic {
        Diagnostic(.dataNotRead(error, pathsRelativeTo: base), file: place?.file ?? root, span: place?.span ?? .zero)
    }

    /// The catalog entry of a loaded table: its fields with their types and why a text field is text,
    /// and, with a `schema`, the declared key, personal fields and the fields the schema leaves out.
    static func schema(of t: Table, declared: SchemaDeclaration?) -> TableSchema {
        let fields = t.columns.map { FieldSchema(name: $0.name, type: $0.type, textBecause: t.typeNotes[$0.name]) }
        var s = TableSchema(name: t.name, fields: fields, key: declared?.fields.first(where: \.key)?.name)
        if let d = declared {
            s.personal = Set(d.fields.filter(\.pii).map(\.name))
            s.undeclared = d.undeclared(in: fields)
        }
        return s
    }

    /// Data that does not match the rule file's schema is refused before any rule runs; each message
    /// points at the field's own line in the schema. An all-empty column takes its declared type.
    static func verify(_ t: inout Table, against schema: SchemaDeclaration) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in schema.fields {
            guard let c = t.column(named: f.name) else {
                let near = Suggest.nearest(f.name, in: t.columns.map(\.name))
                out.append(Diagnostic(.dataMissingField(f.name, source: t.source, nearest: near), file: f.file, span: f.span))
                continue
            }
            guard c.type != f.type else { continue }
            // An all-empty column loads as string; it cannot contradict a declared type, and takes it.
            if c.nullCount == c.count {
                t.put(Vector.broadcast(.null, type: f.type, count: c.count).column(named: f.name, type: f.type, count: c.count))
                continue
            }
            out.append(Diagnostic(.dataTypeMismatch(f.name, declared: f.type, found: c.type), file: f.file, span: f.span))
        }
        return out
    }
}
