/// What one row of a table stands for.
public enum TableGrain: Sendable, Hashable {
    /// One row per customer: the program's customer table.
    case customers
    /// Many rows per customer (visits, purchases, complaints): rows name their customer in `by`.
    case linked(by: String)
    /// At most one row per customer (last month's snapshot, a survey): rows name their customer in `by`.
    case matched(by: String)
}

/// One field of a table as the compiler sees it: a name and a type, nothing of the values.
public struct FieldSchema: Sendable, Hashable {
    public var name: String
    /// `null` for a column with no value (all empty, or a header-only file): it has no type of its own,
    /// so the checker lets it meet any type as the literal `null` does, and every row of it is null.
    public var type: ValueType
    /// Why a text field is text when it looked like numbers or dates (the cell that made it text), for messages.
    public var textBecause: Message?

    public init(name: String, type: ValueType, textBecause: Message? = nil) {
        self.name = name
        self.type = type
        self.textBecause = textBecause
    }
}

/// A table's shape: its name, grain and typed fields, from a `schema` block, a data file's inferred
/// types, or the REPL's loaded table. The compiler does not care which.
public struct TableSchema: Sendable {
    public var name: String
    public var grain: TableGrain
    public var fields: [FieldSchema]
    /// The key field a `schema` declares (`id: string key`); nil lets output pick one by its name.
    public var key: String?
    /// Fields a `schema` marks `pii`: personal data even when the name does not say so.
    public var personal: Set<String> = []
    /// Fields a `schema` marks `public`: not personal data even when the name says so (a sales office's
    /// `contact_phone`).
    public var notPersonal: Set<String> = []
    /// Fields the data has but the rule file's `schema` leaves out, each with the line that would declare
    /// it: using one would pass `run` but fail `check` without the data, so it is an error either way.
    public var undeclared: [String: Message] = [:]

    public init(name: String, grain: TableGrain = .customers, fields: [FieldSchema], key: String? = nil) {
        self.name = name
        self.grain = grain
        self.fields = fields
        self.key = key
    }

    /// The entry for a table loaded `linked by` / `matched by` a field (`nil`: the customer table). A
    /// matched table's key is not one of its fields: `may.id` would only repeat the customer's.
    public func relating(by link: TableLink?) -> TableSchema {
        var t = self
        switch link {
        case nil: t.grain = .customers
        case .linked(let by)?: t.grain = .linked(by: by.text)
        case .matched(let by)?:
            t.grain = .matched(by: by.text)
            t.fields.removeAll { $0.name == by.text }
        }
        return t
    }

    /// The field of that name, if the table has one.
    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }

    /// The kind of personal data a field of this table holds: none when the schema marks it `public`,
    /// else what its name says, else a name's mask when the schema marks it `pii`.
    public func personalKind(of field: String) -> PII.Kind? {
        if notPersonal.contains(field) { return nil }
        return PII.kind(fieldName: field) ?? (personal.contains(field) ? .name : nil)
    }
}

/// The tables a program may read, by name.
public struct Catalog: Sendable {
    public var tables: [TableSchema]

    public init(tables: [TableSchema] = []) { self.tables = tables }

    /// The customer table, if the catalog has one.
    public var customers: TableSchema? { tables.first { $0.grain == .customers } }
}
