/// The types of Strata values. Fields are number, string, bool or date; durations and null
/// exist only in expressions.
public enum ValueType: String, Sendable, Hashable, CaseIterable {
    case number, string, bool, date, duration
    /// The type of the `null` literal; it fits wherever any other type is expected.
    case null

    /// How the type is named in messages and `.schema`.
    public var name: String { rawValue }
}

/// One scalar value: a `let` constant, an aggregate's result, one cell.
public enum Value: Sendable, Hashable {
    case null
    case number(Double)
    case string(String)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    /// A calendar duration: whole months plus days (weeks are 7 days, years 12 months).
    case duration(months: Int, days: Int)

    public var type: ValueType {
        switch self {
        case .null: return .null
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        case .duration: return .duration
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A number, or null when it is not finite. Strata's one rule for overflow, infinities and NaN: such
    /// a result is as unknown as a division by zero, so it prints as null *and* `is null` says so.
    public static func finite(_ d: Double) -> Value { d.isFinite ? .number(d) : .null }
}
