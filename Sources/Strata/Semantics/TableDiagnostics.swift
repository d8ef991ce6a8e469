/// The messages about several tables — the load plan, keys, event fields and event aggregates — one
/// function per message kind.
extension DiagnosticMessage {
    // MARK: - Load plan

    static func tableLoadedTwice(_ table: String, firstLine: Int) -> Self {
        Self(code: .tableLoadedTwice, text: "the table `\(table)` is already loaded at line \(firstLine)",
             suggestion: "give each table its own name, e.g. `load \(table)_2 from …`")
    }

    static func secondCustomerTable(first: String) -> Self {
        Self(code: .secondCustomerTable, text: "a second customer table: `\(first)` is already the customer table",
             suggestion: "add `linked by FIELD` for an event log, or `matched by FIELD` for a snapshot or survey")
    }

    static var keyOnLinkedTable: Self {
        Self(code: .keyOnLinkedTable, text: "`key` names the customer table's key",
             suggestion: "a linked or matched table names its customer with `linked by` / `matched by`")
    }

    /// A `--data NAME=…` whose NAME is none of the tables the rules load.
    static func dataNamesNoTable(_ given: String, loaded: [String]) -> Self {
        Self(code: .dataNamesNoTable, text: "`--data \(given)=…` names no table: the rules load " + loaded.map { "`\($0)`" }.joined(separator: ", "),
             suggestion: "use `--data \(Suggest.nearest(given, in: loaded) ?? loaded.first ?? "customers")=PATH`")
    }

    // MARK: - Keys and links (found when the data is read)

    static func customerKeyMissing(_ source: String, key: String, nearest: String?) -> Self {
        Self(code: .customerKeyMissing, text: "the customer table \(source) has no key field `\(key)`",
             suggestion: nearest.map { "name the key with `key \($0)` after the file name" } ?? "name the key with `key FIELD` after the file name")
    }

    static func customerKeyEmpty(_ source: String, line: Int, key: String) -> Self {
        Self(code: .customerKeyEmpty, text: "\(source):\(line): the customer key `\(key)` is empty",
             suggestion: "every customer needs a key; fix that row of the export")
    }

    static func customerKeyDuplicate(_ source: String, line: Int, key: String, firstLine: Int) -> Self {
        Self(code: .customerKeyDuplicate, text: "\(source):\(line): the customer key `\(key)` is given twice (first on line \(firstLine))",
             suggestion: "keys must be unique; remove the duplicate row or name another key with `key FIELD`")
    }

    static func matchedRowDuplicate(_ source: String, line: Int, key: String, firstLine: Int) -> Self {
        Self(code: .matchedRowDuplicate, text: "\(source):\(line): customer `\(key)` has a second row (first on line \(firstLine))",
             suggestion: "a table `matched by` has at most one row per customer; use `linked by` for many")
    }

    static func linkFieldMissing(_ source: String, field: String, nearest: String?, fields: [String]) -> Self {
        Self(code: .linkFieldMissing, text: "\(source) has no field `\(field)`",
             suggestion: didYouMean(nearest) ?? "its fields: " + fields.prefix(10).joined(separator: ", "))
    }

    /// Rows of a linked or matched table whose key is empty or names no customer.
    static func rowsNameNoCustomer(_ table: String, count: Int, path: String, firstLine: Int, firstKey: String) -> Self {
        let who = firstKey.isEmpty ? "an empty key" : "`\(firstKey)`"
        return Self(code: .rowsNameNoCustomer, severity: .warning,
                    text: "\(ValueFormat.grouped(count)) row\(count == 1 ? "" : "s") of `\(table)` name no customer (first: \(path):\(firstLine), \(who)); they are left out of every aggregate",
                    suggestion: nil)
    }

    /// Cells of a number, date or bool column that are not of its type (inferred from the other cells,
    /// or declared), read as null: one warning per column.
    static func cellsReadAsNull(_ field: String, path: String, count: Int, type: ValueType, line: Int, cell: String, declared: Bool) -> Self {
        let (one, many): (String, String)
        switch type {
        case .number: (one, many) = ("a number", "numbers")
        case .date: (one, many) = ("a date", "dates")
        case .bool: (one, many) = ("true or false", "true or false")
        case .string, .duration, .null: (one, many) = ("a " + type.name, type.name)
        }
        let cells = "\(ValueFormat.grouped(count)) cell\(count == 1 ? "" : "s")", verb = count == 1 ? "is" : "are"
        let why = declared ? "the schema declares `\(field): \(type.name)`" : "the other cells are \(many)"
        return Self(code: .cellsReadAsNull, severity: .warning,
                    text: "\(cells) of `\(field)` \(verb) not \(one) and \(verb) read as null (first: \(path):\(line), `\(cell)`); \(why)",
                    suggestion: "fix \(count == 1 ? "that cell" : "those cells") in the export; `--strict` refuses to run on data with such cells")
    }

    // MARK: - Event fields and aggregates

    static func unknownTableField(_ table: String, field: String, nearest: String?, fields: [String]) -> Self {
        Self(code: .unknownTableField, text: "`\(table)` has no field `\(field)`",
             suggestion: nearest.map { "did you mean `\(table).\($0)`?" } ?? "its fields: " + fields.prefix(10).joined(separator: ", "))
    }

    static func eventFieldOutsideAggregate(_ table: String, field: String) -> Self {
        Self(code: .eventFieldOutsideAggregate, text: "`\(table).\(field)` has many values per customer, one per row of `\(table)`",
             suggestion: "aggregate it, e.g. `max(\(table).\(field))` or `count(\(table) where …)`")
    }

    /// An unqualified name that is only a field of an event table, outside an aggregate over it.
    static func eventFieldUnqualified(_ field: String, table: String) -> Self {
        Self(code: .eventFieldOutsideAggregate, text: "`\(field)` is a field of `\(table)`, which has many rows per customer",
             suggestion: "aggregate it, e.g. `max(\(table).\(field))`, or use it inside `count(\(table) where …)`")
    }

    static func eventFieldOfOtherTable(_ table: String, field: String, aggregated: String) -> Self {
        Self(code: .eventFieldOfOtherTable, text: "`\(table).\(field)` is a field of `\(table)`, but this aggregate is over `\(aggregated)`",
             suggestion: "aggregate each event table on its own, e.g. `count(\(table) where …)`")
    }

    static func unknownTable(_ table: String, field: String, nearest: String?, tables: [String]) -> Self {
        Self(code: .unknownTable, text: "unknown table `\(table)`",
             suggestion: nearest.map { "did you mean `\($0).\(field)`?" } ?? (tables.isEmpty ? "load a table first" : "tables: " + tables.joined(separator: ", ")))
    }

    static func eventFieldHidesCustomerField(_ name: String, table: String, hidden noun: String, customers: String) -> Self {
        Self(code: .eventFieldHidesCustomerField, severity: .warning, text: "`\(name)` here is `\(table).\(name)`, which hides the \(noun) `\(name)`",
             suggestion: "write `\(table).\(name)` to say so, or `\(customers).\(name)` for the customer's")
    }

    static func eventOnlyFunction(_ function: String) -> Self {
        Self(code: .eventOnlyFunction, text: "`\(function)` takes a field of an event table",
             suggestion: "e.g. `\(function)(purchases.project by purchases.date)`")
    }

    static func eventModifierWithoutTable(_ modifier: String) -> Self {
        Self(code: .eventModifierWithoutTable, text: "`\(modifier)` works over an event table's rows",
             suggestion: "e.g. `count(distinct purchases.date)` or `last(purchases.project by purchases.date)`")
    }

    static var aggregateOverTwoTables: Self {
        Self(code: .aggregateOverTwoTables, text: "one aggregate cannot read two event tables",
             suggestion: "aggregate each table on its own and combine the results")
    }

    static func nestedEventAggregate(_ function: String, over table: String) -> Self {
        Self(code: .nestedAggregate, text: "aggregates cannot be nested: `\(function)` inside an aggregate over `\(table)`",
             suggestion: "compute the inner one with `derive` first")
    }

    /// `distinct` or `by` where it does not belong, or `first`/`last` without `by`.
    static func eventAggregateMisuse(_ text: String, example: String) -> Self {
        Self(code: .eventAggregateMisuse, text: text, suggestion: "e.g. `\(example)`")
    }

    static func eventPercentileFraction(_ table: String) -> Self {
        Self(code: .percentileOutOfRange, text: "the fraction of `percentile` must be a number between 0 and 1 written out",
             suggestion: "e.g. percentile(\(table).amount, 0.9)")
    }

    // MARK: - Evaluation

    static func eventFieldOutsideItsRows(_ field: String) -> Self {
        Self(code: .eventTableNotLoaded, text: "`\(field)` is read outside an aggregate over its table", suggestion: nil)
    }

    static func eventTableNotLoaded(_ table: String) -> Self {
        Self(code: .eventTableNotLoaded, text: "the table `\(table)` is not loaded",
             suggestion: "load it with `load \(table) from \"…\" linked by customer_id`")
    }
}
