/// The result of `summarize` or `count … by`: rows of values under headers, with how each column reads.
public struct SummaryTable: Sendable {
    /// How a column's numbers are meant: renderers print counts as integers, shares as percentages.
    public enum ColumnKind: Sendable, Hashable {
        /// A group's label (text, a number, a date or true/false; `(none)` for no value).
        case label
        /// A number of customers.
        case count
        /// A fraction of a whole (0…1): a percentage in a table, the fraction in CSV and JSON.
        case share
        /// A ratio such as lift: two decimals in a table.
        case ratio
        /// Any value a `columns` expression computed.
        case value
    }

    /// The statement as written, without its keyword (`vip by city`).
    public var title: String
    public var headers: [String]
    public var kinds: [ColumnKind]
    public var rows: [[Value]]
    /// The column that bars are drawn for with `--chart` (members, or a crosstab's row total).
    public var chartColumn: Int?
    /// A crosstab: its last row holds the column totals.
    public var hasTotalRow: Bool
    /// The headers (by column) that are Strata's own words (`members`, `share`, `total`): a terminal table
    /// shows them in the output's language, CSV and JSON keep `headers`.
    public var headerWords: [Int: Message] = [:]

    /// A summary table; `kinds` has one entry per header.
    public init(title: String, headers: [String], kinds: [ColumnKind], rows: [[Value]], chartColumn: Int?, hasTotalRow: Bool = false) {
        self.title = title
        self.headers = headers
        self.kinds = kinds
        self.rows = rows
        self.chartColumn = chartColumn
        self.hasTotalRow = hasTotalRow
    }

    /// The headers as a terminal table shows them: Strata's own words in the output's language.
    public var shownHeaders: [String] {
        headers.enumerated().map { headerWords[$0.offset]?.text() ?? $0.element }
    }

    /// How many leading columns label the group.
    public var labelColumns: Int { kinds.prefix { $0 == .label }.count }
}

/// One value of `print`: its name and its value (masked already when it is personal data).
public struct Figure: Sendable, Hashable {
    public var name: String
    public var value: Value
    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }
}
