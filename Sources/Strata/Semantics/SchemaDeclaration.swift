/// A field declared in a `schema` block, validated, with where it is declared (for messages about the data).
public struct DeclaredField: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var key: Bool
    public var pii: Bool
    public var file: String
    public var span: SourceSpan
}

/// The table a program's `schema` blocks describe, validated. It stands in for the data in `strata check`
/// and the data is verified against it in `strata run`.
public struct SchemaDeclaration: Sendable {
    public var table: String
    public var fields: [DeclaredField]

    /// The declaration as a catalog entry: the compiler's view of the data before the data is read.
    public var tableSchema: TableSchema {
        var t = TableSchema(name: table, fields: fields.map { FieldSchema(name: $0.name, type: $0.type) },
                            key: fields.first(where: \.key)?.name)
        t.personal = Set(fields.filter(\.pii).map(\.name))
        return t
    }

    /// The fields of the program's `schema` blocks, validated (nil when there is none); reports bad types,
    /// flags, duplicates, a second `key` and a schema named for another table than the one loaded.
    public static func from(_ stmts: [Sourced], _ diagnostics: inout [Diagnostic]) -> SchemaDeclaration? {
        var table: String?
        var fields: [DeclaredField] = []
        let loaded = stmts.lazy.compactMap { s -> Name? in if case .load(let t, _, _, _) = s.stmt.kind { return t } else { return nil } }.first
        for s in stmts {
            guard case .schema(let t, let fs) = s.stmt.kind else { continue }
            func fail(_ message: String, _ span: SourceSpan, _ suggestion: String) {
                diagnostics.append(Diagnostic(.error, message, file: s.source.name, span: span, suggestion: suggestion))
            }
            if let prior = table, prior != t.text {
                fail("a schema for `\(t.text)`, but the schema above is for `\(prior)`", t.span, "describe one table")
                continue
            }
            if let l = loaded, l.text != t.text {
                fail("schema `\(t.text)` does not match `load \(l.text)`", t.span, "name the schema after the table it describes: `schema \(l.text) {`")
                continue
            }
            table = t.text
            for f in fs {
                guard let type = typeNames[f.type.text] else {
                    let near = Suggest.nearest(f.type.text, in: ["number", "string", "bool", "date"])
                    fail("unknown type `\(f.type.text)`", f.type.span, near.map { "did you mean `\($0)`?" } ?? "types are number, string, bool and date")
                    continue
                }
                var key = false, pii = false
                for flag in f.flags {
                    switch flag.text {
                    case "key", "pii":
                        if (flag.text == "key" && key) || (flag.text == "pii" && pii) {
                            fail("`\(flag.text)` is given twice for `\(f.name.text)`", flag.span, "write it once")
                        }
                        if flag.text == "key" { key = true } else { pii = true }
                    default:
                        fail("unknown flag `\(flag.text)`", flag.span, "flags are `key` (the customer id) and `pii` (personal data, masked in output)")
                    }
                }
                if fields.contains(where: { $0.name == f.name.text }) {
                    fail("field `\(f.name.text)` is declared twice", f.name.span, "keep one declaration")
                    continue
                }
                if key, let other = fields.first(where: \.key) {
                    fail("`\(f.name.text)` is marked `key`, but `\(other.name)` already is (\(other.file):\(other.span.start.line))", f.name.span,
                         "a table has one key, the customer id; remove one of the `key` flags")
                }
                fields.append(DeclaredField(name: f.name.text, type: type, key: key, pii: pii, file: s.source.name, span: f.name.span))
            }
        }
        return table.map { SchemaDeclaration(table: $0, fields: fields) }
    }

    static let typeNames: [String: ValueType] = ["number": .number, "string": .string, "text": .string, "bool": .bool, "date": .date]

    /// A catalog entry for data of this table, with the fields the schema leaves out each named with the
    /// line that would declare it.
    public func undeclared(in data: [FieldSchema]) -> [String: String] {
        let declared = Set(fields.map(\.name))
        guard let last = fields.last else { return [:] }
        var out: [String: String] = [:]
        for c in data where !declared.contains(c.name) {
            let line = (Lexer.isBareName(c.name) ? c.name : "`\(c.name)`") + ": " + c.type.name
            out[c.name] = "declare it in the schema (\(last.file):\(last.span.start.line)): \(line)"
        }
        return out
    }
}
