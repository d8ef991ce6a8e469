/// Comparison operators after type checking.
public enum CompareOp: String, Sendable, Hashable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="

    /// The operator that gives the same answer with the operands swapped (`3 < x` is `x > 3`).
    public var flipped: CompareOp {
        switch self {
        case .eq, .ne: return self
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        }
    }

    @inline(__always)
    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }
}

/// Arithmetic on numbers.
public enum ArithOp: String, Sendable, Hashable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
}

/// Aggregates: one value over all customers (optionally filtered).
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, sum, avg, min, max, median, stddev, percentile
}

/// Scalar (per-customer) built-in functions.
public enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
    case abs, round, floor, ceil, min, max, coalesce, lower, upper, length
    case contains, starts_with, ends_with, days_between, months_between, years_between
    case year, month, `if`, date, number
    case pow, exp, ln, log10, sqrt, day, weekday, day_of_year, days, months, text, concat
}

/// A function that ranks customers against each other, within the groups of `group` when it has `by`
/// (SQL's window functions with `PARTITION BY`).
public struct Ranking: Sendable {
    /// Which ranking: `ntile(x, n)`, `abc(x, a, b)` or `rank(x)`.
    public enum Function: Sendable, Hashable {
        /// 1..n, 1 for the lowest values.
        case ntile(buckets: Int)
        /// "A"/"B"/"C" by cumulative share of x, descending.
        case abc(a: Double, b: Double)
        /// 1 for the highest value, ties in load order (SQL `ROW_NUMBER() OVER (ORDER BY x DESC, row)`).
        case rank
    }
    public var function: Function
    /// The value ranked.
    public var value: TypedExpr
    /// `by FIELD`: customers are ranked among those with the same value of it; nil ranks everyone together.
    public var group: TypedExpr?
}

/// What an event aggregate computes over the rows of a linked table.
public enum EventAggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, countDistinct = "count distinct", sum, avg, min, max, median, stddev, percentile, first, last
}

/// An aggregate over a linked table's rows. `argument`, `by` and `filter` vary per event row.
public struct EventAggregate: Sendable {
    public var function: EventAggregateFunction
    /// The linked table aggregated.
    public var table: String
    /// The value aggregated (nil for `count(E)`).
    public var argument: TypedExpr?
    /// For `first`/`last`: the order key.
    public var by: TypedExpr?
    public var filter: TypedExpr?
    /// For `percentile`: p, a single value.
    public var parameter: TypedExpr?
    /// True: one value per customer; false: one value over every row that belongs to a customer.
    public var perCustomer: Bool
}

/// A checked expression: resolved names, known type, and whether it varies per customer.
public struct TypedExpr: Sendable {
    public var kind: Kind
    public var type: ValueType
    /// True when the value differs per customer (refers to a field, segment or scoring function).
    public var rowLevel: Bool
    public var span: SourceSpan

    public init(_ kind: Kind, _ type: ValueType, rowLevel: Bool, _ span: SourceSpan) {
        self.kind = kind
        self.type = type
        self.rowLevel = rowLevel
        self.span = span
    }

    public indirect enum Kind: Sendable {
        case constant(Value)
        /// A column of the store: a loaded field, a derived field or a tiers field.
        case column(String)
        /// Membership of a segment.
        case segment(String)
        /// A `let` constant or the `as_of` setting, looked up when evaluated.
        case scalar(String)
        case negate(TypedExpr)
        case not(TypedExpr)
        case and(TypedExpr, TypedExpr)
        case or(TypedExpr, TypedExpr)
        case arith(ArithOp, TypedExpr, TypedExpr)
        /// `date ± duration`; `sign` is +1 or -1.
        case dateShift(TypedExpr, TypedExpr, sign: Int)
        case compare(CompareOp, TypedExpr, TypedExpr)
        case inList(TypedExpr, [TypedExpr], negated: Bool)
        case isNull(TypedExpr, negated: Bool)
        case call(ScalarFunction, [TypedExpr])
        /// An aggregate; `argument` is nil for `count()`, `parameter` is percentile's p.
        case aggregate(AggregateFunction, argument: TypedExpr?, filter: TypedExpr?, parameter: TypedExpr?)
        /// `ntile`, `abc` or `rank`, over everyone or within groups.
        case ranking(Ranking)
        /// A field of a linked event table, one value per event row: only inside an event aggregate.
        case eventColumn(table: String, field: String)
        /// An aggregate over a linked table's rows: per customer (SQL LEFT JOIN + GROUP BY), or over all
        /// rows that belong to a customer (in a `let`).
        case eventAggregate(EventAggregate)
    }

    /// The expressions directly inside this one, in source order.
    public var children: [TypedExpr] {
        switch kind {
        case .constant, .column, .segment, .scalar: return []
        case .negate(let x), .not(let x), .isNull(let x, _): return [x]
        case .ranking(let r): return [r.value, r.group].compactMap { $0 }
        case .and(let a, let b), .or(let a, let b), .arith(_, let a, let b), .dateShift(let a, let b, _), .compare(_, let a, let b): return [a, b]
        case .inList(let x, let items, _): return [x] + items
        case .call(_, let args): return args
        case .aggregate(_, let a, let f, let p): return [a, f, p].compactMap { $0 }
        case .eventColumn: return []
        case .eventAggregate(let g): return [g.argument, g.by, g.filter, g.parameter].compactMap { $0 }
        }
    }

    /// The event table whose rows this value varies over, if it is one (a field of `visits`, or an
    /// expression over one); nil for customer-level and single values. An event aggregate is per customer.
    public var eventTable: String? {
        switch kind {
        case .eventColumn(let t, _): return t
        case .eventAggregate: return nil
        case .constant, .column, .segment, .scalar, .negate, .not, .and, .or, .arith, .dateShift, .compare, .inList,
             .isNull, .call, .aggregate, .ranking:
            for c in children { if let t = c.eventTable { return t } }
            return nil
        }
    }

    /// Names of columns and segments this expression reads, in first-use order (for `show`'s default columns).
    public func references(into out: inout [String]) {
        switch kind {
        case .column(let n), .segment(let n): if !out.contains(n) { out.append(n) }
        default: for c in children { c.references(into: &out) }
        }
    }
}
