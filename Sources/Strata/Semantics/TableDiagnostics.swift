/// The messages about several tables — the load plan, keys, event fields and event aggregates — one
/// function per message kind.
extension DiagnosticMessage {
    // MARK: - Load plan

    static func tableLoadedTwice(_ table: String, firstLine: Int) -> Self {
        Self(code: .tableLoadedTwice, text: TableText.tableLoadedTwice(["table": "\(table)", "line": "\(firstLine)"]),
             help: TableText.tableLoadedTwiceHelp(["table": "\(table)"]))
    }

    static func secondCustomerTable(first: String) -> Self {
        Self(code: .secondCustomerTable, text: TableText.secondCustomerTable(["first": "\(first)"]), help: TableText.secondCustomerTableHelp.message)
    }

    static var keyOnLinkedTable: Self {
        Self(code: .keyOnLinkedTable, text: TableText.keyOnLinkedTable.message, help: TableText.keyOnLinkedTableHelp.message)
    }

    /// A `--data NAME=…` whose NAME is none of the tables the rules load.
    static func dataNamesNoTable(_ given: String, loaded: [String]) -> Self {
        Self(code: .dataNamesNoTable, text: TableText.dataNamesNoTable(["given": "\(given)", "tables": .list(loaded.map { "`\($0)`" })]),
             help: TableText.dataNamesNoTableHelp(["name": "\(Suggest.nearest(given, in: loaded) ?? loaded.first ?? "customers")"]))
    }

    // MARK: - Keys and links (found when the data is read)

    static func customerKeyMissing(_ source: String, key: String, nearest: String?) -> Self {
        Self(code: .customerKeyMissing, text: TableText.customerKeyMissing(["source": "\(source)", "key": "\(key)"]),
             help: TableText.nameTheKey(["name": "\(nearest ?? "FIELD")"]))
    }

    static func customerKeyEmpty(_ source: String, line: Int, key: String) -> Self {
        Self(code: .customerKeyEmpty, text: TableText.customerKeyEmpty(["source": "\(source)", "line": "\(line)", "key": "\(key)"]),
             help: TableText.customerKeyEmptyHelp.message)
    }

    static func customerKeyDuplicate(_ source: String, line: Int, key: String, firstLine: Int) -> Self {
        Self(code: .customerKeyDuplicate,
             text: TableText.customerKeyDuplicate(["source": "\(source)", "line": "\(line)", "key": "\(key)", "first": "\(firstLine)"]),
             help: TableText.customerKeyDuplicateHelp.message)
    }

    static func matchedRowDuplicate(_ source: String, line: Int, key: String, firstLine: Int) -> Self {
        Self(code: .matchedRowDuplicate,
             text: TableText.matchedRowDuplicate(["source": "\(source)", "line": "\(line)", "key": "\(key)", "first": "\(firstLine)"]),
             help: TableText.matchedRowDuplicateHelp.message)
    }

    static func linkFieldMissing(_ source: String, field: String, nearest: String?, fields: [String]) -> Self {
        Self(code: .linkFieldMissing, text: TableText.linkFieldMissing(["source": "\(source)", "field": "\(field)"]),
             help: Message.didYouMean(nearest) ?? TableText.itsFields(["fields": .list(Array(fields.prefix(10)))]))
    }

    /// Rows of a linked or matched table whose key is empty or names no customer.
    static func rowsNameNoCustomer(_ table: String, count: Int, path: String, firstLine: Int, firstKey: String) -> Self {
        let who: Slot = firstKey.isEmpty ? .message(TableText.emptyKey.message) : "`\(firstKey)`"
        return Self(code: .rowsNameNoCustomer, severity: .warning,
                    text: TableText.rowsNameNoCustomer(["count": "\(ValueFormat.grouped(count))", "en_s": count == 1 ? "" : "s", "table": "\(table)",
                                                        "place": "\(path):\(firstLine)", "who": who]))
    }

    /// Cells of a number, date or bool column that are not of its type (inferred from the other cells,
    /// or declared), read as null: one warning per column.
    static func cellsReadAsNull(_ field: String, path: String, count: Int, type: ValueType, line: Int, cell: String, declared: Bool) -> Self {
        let (one, many): (Message, Slot)
        switch type {
        case .number: (one, many) = (TableText.aNumber.message, .message(TableText.numbers.message))
        case .date: (one, many) = (TableText.aDate.message, .message(TableText.dates.message))
        case .bool: (one, many) = (TableText.trueOrFalse.message, .message(TableText.trueOrFalse.message))
        case .string, .duration, .null: (one, many) = (TableText.aType(["type": type.slot]), type.slot)
        }
        let why = declared ? TableText.schemaDeclares(["field": "\(field)", "type": "\(type.name)"]) : TableText.otherCellsAre(["many": many])
        return Self(code: .cellsReadAsNull, severity: .warning,
                    text: TableText.cellsReadAsNull(["count": "\(ValueFormat.grouped(count))", "en_s": count == 1 ? "" : "s", "field": "\(field)",
                                                     "en_verb": count == 1 ? "is" : "are", "one": .message(one), "place": "\(path):\(line)",
                                                     "cell": "\(cell)", "why": .message(why)]),
                    help: TableText.cellsReadAsNullHelp(["en_those": count == 1 ? "that cell" : "those cells"]))
    }

    // MARK: - Event fields and aggregates

    static func unknownTableField(_ table: String, field: String, nearest: String?, fields: [String]) -> Self {
        Self(code: .unknownTableField, text: TableText.unknownTableField(["table": "\(table)", "field": "\(field)"]),
             help: Message.didYouMean(nearest.map { "\(table).\($0)" }) ?? TableText.itsFields(["fields": .list(Array(fields.prefix(10)))]))
    }

    static func eventFieldOutsideAggregate(_ table: String, field: String) -> Self {
        let slots: [String: Slot] = ["table": "\(table)", "field": "\(field)"]
        return Self(code: .eventFieldOutsideAggregate, text: TableText.eventFieldOutsideAggregate(slots), help: TableText.eventFieldOutsideAggregateHelp(slots))
    }

    /// An unqualified name that is only a field of an event table, outside an aggregate over it.
    static func eventFieldUnqualified(_ field: String, table: String) -> Self {
        let slots: [String: Slot] = ["table": "\(table)", "field": "\(field)"]
        return Self(code: .eventFieldOutsideAggregate, text: TableText.eventFieldUnqualified(slots), help: TableText.eventFieldUnqualifiedHelp(slots))
    }

    static func eventFieldOfOtherTable(_ table: String, field: String, aggregated: String) -> Self {
        Self(code: .eventFieldOfOtherTable, text: TableText.eventFieldOfOtherTable(["table": "\(table)", "field": "\(field)", "aggregated": "\(aggregated)"]),
             help: TableText.eventFieldOfOtherTableHelp(["table": "\(table)"]))
    }

    static func unknownTable(_ table: String, field: String, nearest: String?, tables: [String]) -> Self {
        Self(code: .unknownTable, text: TableText.unknownTable(["table": "\(table)"]),
             help: Message.didYouMean(nearest.map { "\($0).\(field)" })
                 ?? (tables.isEmpty ? TableText.loadTableFirst.message : TableText.tableList(["tables": .list(tables)])))
    }

    static func eventFieldHidesCustomerField(_ name: String, table: String, hidden noun: Message, customers: String) -> Self {
        Self(code: .eventFieldHidesCustomerField, severity: .warning,
             text: TableText.eventFieldHidesCustomerField(["name": "\(name)", "table": "\(table)", "noun": .message(noun)]),
             help: TableText.eventFieldHidesCustomerFieldHelp(["name": "\(name)", "table": "\(table)", "customers": "\(customers)"]))
    }

    static func eventOnlyFunction(_ function: String) -> Self {
        Self(code: .eventOnlyFunction, text: TableText.eventOnlyFunction(["function": "\(function)"]),
             help: TableText.eventOnlyFunctionHelp(["function": "\(function)"]))
    }

    static func eventModifierWithoutTable(_ modifier: String) -> Self {
        Self(code: .eventModifierWithoutTable, text: TableText.eventModifierWithoutTable(["modifier": "\(modifier)"]),
             help: TableText.eventModifierWithoutTableHelp.message)
    }

    static var aggregateOverTwoTables: Self {
        Self(code: .aggregateOverTwoTables, text: TableText.aggregateOverTwoTables.message, help: TableText.aggregateOverTwoTablesHelp.message)
    }

    static func nestedEventAggregate(_ function: String, over table: String) -> Self {
        Self(code: .nestedAggregate, text: TableText.nestedEventAggregate(["function": "\(function)", "table": "\(table)"]),
             help: TableText.nestedEventAggregateHelp.message)
    }

    /// `distinct` or `by` where it does not belong, or `first`/`last` without `by`.
    static func eventAggregateMisuse(_ text: Message, example: String) -> Self {
        Self(code: .eventAggregateMisuse, text: text, help: TableText.example(["example": "\(example)"]))
    }

    static func eventPercentileFraction(_ table: String) -> Self {
        Self(code: .percentileOutOfRange, text: TableText.eventPercentileFraction.message, help: TableText.eventPercentileFractionHelp(["table": "\(table)"]))
    }

    // MARK: - Evaluation

    static func eventFieldOutsideItsRows(_ field: String) -> Self {
        Self(code: .eventTableNotLoaded, text: TableText.eventFieldOutsideItsRows(["field": "\(field)"]))
    }

    static func eventTableNotLoaded(_ table: String) -> Self {
        Self(code: .eventTableNotLoaded, text: TableText.eventTableNotLoaded(["table": "\(table)"]), help: TableText.eventTableNotLoadedHelp(["table": "\(table)"]))
    }
}
