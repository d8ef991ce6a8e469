/// One typed column of the store: a typed array plus a validity bitmap (1 = not null).
/// Strings are dictionary-encoded: `codes[i]` indexes `dictionary`; a null row's code is 0 and must be ignored.
public struct Column: Sendable {
    public enum Storage: Sendable {
        case number([Double])
        /// Truth values; meaningful only where `valid` is set.
        case bool(Bitset)
        /// Days since 1970-01-01.
        case date([Int32])
        case string(codes: [Int32], dictionary: [String])
    }

    public var name: String
    public var storage: Storage
    public var valid: Bitset

    public init(name: String, storage: Storage, valid: Bitset) {
        self.name = name
        self.storage = storage
        self.valid = valid
    }

    public var type: ValueType {
        switch storage {
        case .number: return .number
        case .bool: return .bool
        case .date: return .date
        case .string: return .string
        }
    }

    public var count: Int { valid.count }

    /// Number of null cells.
    public var nullCount: Int { count - valid.cardinality }

    /// The value of one row (for display and export; kernels read the arrays directly).
    public func value(at row: Int) -> Value {
        guard row >= 0, row < count, valid[row] else { return .null }
        switch storage {
        case .number(let a): return .number(a[row])
        case .bool(let b): return .bool(b[row])
        case .date(let a): return .date(a[row])
        case .string(let codes, let dict):
            let c = Int(codes[row])
            return c >= 0 && c < dict.count ? .string(dict[c]) : .null
        }
    }
}

/// The customer table: columns in file order, all of the same length, in load order.
public struct Table: Sendable {
    public var name: String
    public var columns: [Column]
    public var rowCount: Int
    /// Where the table was read from, for messages.
    public var source: String
    /// For text columns whose cells looked like numbers or dates until one did not: which cell, where.
    public var typeNotes: [String: TypeNote] = [:]
    /// Date columns whose cells had a time of day, dropped on load (`2026-06-30 10:00` is 2026-06-30).
    public var timesDropped: [String] = []
    /// The encoding the file was found to be in when that was not UTF-8 and its load named none (a notice says so).
    public var detectedEncoding: TextEncoding?
    /// Number, date and bool columns with cells that are not of the type, read as null: how many, the first.
    public var unreadCells: [String: UnreadCells] = [:]
    /// Columns read as text because they hold integers beyond 2⁵³ (no number holds them exactly), with the first.
    public var wideIntegers: [String: TypeNote] = [:]
    private var indexByName: [String: Int]

    public init(name: String, columns: [Column], rowCount: Int, source: String) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        self.source = source
        var idx: [String: Int] = [:]
        for (i, c) in columns.enumerated() where idx[c.name] == nil { idx[c.name] = i }
        self.indexByName = idx
    }

    public func column(named name: String) -> Column? {
        guard let i = indexByName[name] else { return nil }
        return columns[i]
    }

    /// Adds a column or replaces the one of the same name (derived fields, tiers, REPL redefinitions).
    public mutating func put(_ column: Column) {
        if let i = indexByName[column.name] {
            columns[i] = column
        } else {
            indexByName[column.name] = columns.count
            columns.append(column)
        }
    }

    /// Removes a column if present (the REPL drops a derived field before recomputing it).
    public mutating func remove(named name: String) {
        guard indexByName[name] != nil else { return }
        columns.removeAll { $0.name == name }
        var idx: [String: Int] = [:]
        for (i, c) in columns.enumerated() where idx[c.name] == nil { idx[c.name] = i }
        indexByName = idx
    }
}
