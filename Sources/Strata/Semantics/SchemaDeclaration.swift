/// A field declared in a `schema` block, validated, with where it is declared (for messages about the data).
public struct DeclaredField: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var key: Bool
    public var pii: Bool
    /// Marked `public`: not personal data although its name says so.
    public var notPersonal: Bool
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
        t.notPersonal = Set(fields.filter(\.notPersonal).map(\.name))
        return t
    }

    /// The program's `schema` blocks, one declaration per table (blocks for one table add up), validated;
    /// reports bad types, flags, duplicates, a second `key` and a schema for a table no `load` reads.
    public static func all(_ stmts: [Sourced], _ diagnostics: inout [Diagnostic]) -> [SchemaDeclaration] {
        var out: [SchemaDeclaration] = []
        let loaded = stmts.compactMap { s -> Name? in if case .load(let t, _, _, _, _) = s.stmt.kind { return t } else { return nil } }
        for s in stmts {
            guard case .schema(let t, let fs) = s.stmt.kind else { continue }
            func fail(_ message: DiagnosticMessage, at span: SourceSpan) {
                diagnostics.append(Diagnostic(message, file: s.source.name, span: span))
            }
            if let first = loaded.first, !loaded.contains(where: { $0.text == t.text }) {
                fail(.schemaLoadMismatch(t.text, loaded: first.text), at: t.span)
                continue
            }
            let index = out.firstIndex { $0.table == t.text } ?? {
                out.append(SchemaDeclaration(table: t.text, fields: []))
                return out.count - 1
            }()
            var fields = out[index].fields
            for f in fs {
                guard let type = typeNames[f.type.text] else {
                    fail(.unknownType(f.type.text, nearest: Suggest.nearest(f.type.text, in: ["number", "string", "bool", "date"])), at: f.type.span)
                    continue
                }
                var given: Set<String> = []
                for flag in f.flags {
                    guard flagNames.contains(flag.text) else {
                        fail(.unknownFlag(flag.text), at: flag.span)
                        continue
                    }
                    if !given.insert(flag.text).inserted {
                        fail(.repeatedFlag(flag.text, field: f.name.text), at: flag.span)
                    } else if flag.text == "pii" && given.contains("public") || flag.text == "public" && given.contains("pii") {
                        // `pii` masks the field and `public` shows it: both at once says nothing.
                        fail(.conflictingFlags(field: f.name.text), at: flag.span)
                    }
                }
                let key = given.contains("key"), pii = given.contains("pii") && !given.contains("public")
                let notPersonal = given.contains("public") && !given.contains("pii")
                if fields.contains(where: { $0.name == f.name.text }) {
                    fail(.duplicateField(f.name.text), at: f.name.span)
                    continue
                }
                if key, let other = fields.first(where: \.key) {
                    fail(.secondKey(f.name.text, first: other), at: f.name.span)
                }
                fields.append(DeclaredField(name: f.name.text, type: type, key: key, pii: pii, notPersonal: notPersonal, file: s.source.name, span: f.name.span))
            }
            out[index].fields = fields
        }
        return out
    }

    /// The flags a field may carry: `key` (the customer id), `pii` (personal data whatever its name),
    /// `public` (not personal data whatever its name).
    static let flagNames: Set<String> = ["key", "pii", "public"]

    static let typeNames: [String: ValueType] = ["number": .number, "string": .string, "text": .string, "bool": .bool, "date": .date]

    /// A catalog entry for data of this table, with the fields the schema leaves out each named with the
    /// line that would declare it.
    public func undeclared(in data: [FieldSchema]) -> [String: Message] {
        let declared = Set(fields.map(\.name))
        guard let last = fields.last else { return [:] }
        var out: [String: Message] = [:]
        for c in data where !declared.contains(c.name) {
            // An all-empty column has no type of its own; text is the declaration that keeps any value.
            let line = (Lexer.isBareName(c.name) ? c.name : "`\(c.name)`") + ": " + (c.type == .null ? ValueType.string : c.type).name
            out[c.name] = DiagnosticMessage.declareField(line, after: (last.file, last.span.start.line))
        }
        return out
    }
}
