/// The value of an expression over all customers at once: a scalar (same for everyone) or one typed
/// array with a validity bitmap. Booleans are two bitsets (true rows, false rows); rows in neither are null.
enum Vector: Sendable {
    case scalar(Value)
    case number([Double], valid: Bitset)
    case date([Int32], valid: Bitset)
    case string(codes: [Int32], dictionary: [String], valid: Bitset)
    case bool(isTrue: Bitset, isFalse: Bitset)

    /// Wraps a stored column without copying its arrays.
    init(_ c: Column) {
        switch c.storage {
        case .number(let a): self = .number(a, valid: c.valid)
        case .date(let a): self = .date(a, valid: c.valid)
        case .string(let codes, let dict): self = .string(codes: codes, dictionary: dict, valid: c.valid)
        case .bool(let b): self = .bool(isTrue: b & c.valid, isFalse: c.valid.subtracting(b))
        }
    }

    /// Truth of a boolean vector as (true rows, false rows) over `count` rows.
    func truth(_ count: Int) -> (isTrue: Bitset, isFalse: Bitset) {
        switch self {
        case .bool(let t, let f): return (t, f)
        case .scalar(.bool(let b)): return (Bitset(count: count, filled: b), Bitset(count: count, filled: !b))
        default: return (Bitset(count: count), Bitset(count: count))
        }
    }

    /// Rows whose value is not null.
    func validity(_ count: Int) -> Bitset {
        switch self {
        case .scalar(let v): return Bitset(count: count, filled: !v.isNull)
        case .number(_, let v), .date(_, let v), .string(_, _, let v): return v
        case .bool(let t, let f): return t | f
        }
    }

    /// The value of one row (slow path: display, sorting keys of rare types, generic functions).
    func value(at i: Int) -> Value {
        switch self {
        case .scalar(let v): return v
        case .number(let a, let v): return v[i] ? .number(a[i]) : .null
        case .date(let a, let v): return v[i] ? .date(a[i]) : .null
        case .string(let codes, let dict, let v):
            guard v[i] else { return .null }
            let c = Int(codes[i])
            return c >= 0 && c < dict.count ? .string(dict[c]) : .null
        case .bool(let t, let f): return t[i] ? .bool(true) : (f[i] ? .bool(false) : .null)
        }
    }

    /// A stored column holding this vector's values for `count` rows (scalars are broadcast).
    func column(named name: String, type: ValueType, count: Int) -> Column {
        switch self {
        case .number(let a, let v): return Column(name: name, storage: .number(a), valid: v)
        case .date(let a, let v): return Column(name: name, storage: .date(a), valid: v)
        case .string(let c, let d, let v): return Column(name: name, storage: .string(codes: c, dictionary: d), valid: v)
        case .bool(let t, let f): return Column(name: name, storage: .bool(t), valid: t | f)
        case .scalar(let v):
            return Vector.broadcast(v, type: type, count: count).column(named: name, type: type, count: count)
        }
    }

    /// A scalar repeated over `count` rows, as an array vector of `type`.
    static func broadcast(_ v: Value, type: ValueType, count: Int) -> Vector {
        let valid = Bitset(count: count, filled: !v.isNull)
        switch (v, type) {
        case (.number(let x), _): return .number([Double](repeating: x, count: count), valid: valid)
        case (.date(let d), _): return .date([Int32](repeating: d, count: count), valid: valid)
        case (.string(let s), _): return .string(codes: [Int32](repeating: 0, count: count), dictionary: [s], valid: valid)
        case (.bool(let b), _): return .bool(isTrue: Bitset(count: count, filled: b), isFalse: Bitset(count: count, filled: !b))
        case (_, .number): return .number([Double](repeating: 0, count: count), valid: valid)
        case (_, .date): return .date([Int32](repeating: 0, count: count), valid: valid)
        case (_, .bool): return .bool(isTrue: valid, isFalse: valid)
        default: return .string(codes: [Int32](repeating: 0, count: count), dictionary: [], valid: valid)
        }
    }

    /// Builds a vector of `type` from per-row values (the generic slow path).
    static func build(type: ValueType, count: Int, _ value: (Int) -> Value) -> Vector {
        Vector(Column.build(named: "", type: type, count: count, value))
    }
}

/// String order and equality by Unicode scalars (UTF-8 bytes), as DuckDB and PostgreSQL's C collation do.
enum ScalarOrder {
    @inline(__always) static func equal(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }
    @inline(__always) static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static func holds(_ op: CompareOp, _ a: String, _ b: String) -> Bool {
        switch op {
        case .eq: return equal(a, b)
        case .ne: return !equal(a, b)
        case .lt: return less(a, b)
        case .le: return !less(b, a)
        case .gt: return less(b, a)
        case .ge: return !less(a, b)
        }
    }

    /// Total order on values of one type for sorting; nil sorts after everything.
    static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): return less(x, y) ? -1 : (equal(x, y) ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        default: return 0
        }
    }
}
