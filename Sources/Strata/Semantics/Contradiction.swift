/// Finding `and` chains that no customer can satisfy, for the "can never be true" warning. Only tests
/// of a field against constants count: ranges of numbers and dates, `==`/`!=`/`in`/`not in` on any
/// type, `is null`, and bool fields. Under three-valued logic a comparison is true only for a non-null
/// value, so `x is null and x > 3` is impossible too.
enum Contradiction {
    /// The terms of every maximal `and` chain in `e`, with the chain's span.
    static func andChains(_ e: TypedExpr) -> [(terms: [TypedExpr], span: SourceSpan)] {
        var out: [(terms: [TypedExpr], span: SourceSpan)] = []
        func walk(_ x: TypedExpr) {
            if case .and = x.kind {
                var terms: [TypedExpr] = []
                flatten(x, into: &terms)
                out.append((terms, x.span))
                for t in terms { t.children.forEach(walk) }
            } else {
                x.children.forEach(walk)
            }
        }
        walk(e)
        return out
    }

    static func flatten(_ e: TypedExpr, into out: inout [TypedExpr]) {
        if case .and(let a, let b) = e.kind {
            flatten(a, into: &out)
            flatten(b, into: &out)
        } else {
            out.append(e)
        }
    }

    /// The first field whose tests in `terms` exclude every value, if any.
    static func impossibleField(_ terms: [TypedExpr]) -> String? {
        var constraints: [String: Constraint] = [:]
        var order: [String] = []
        for t in terms {
            guard let (field, narrow) = test(t) else { continue }
            if constraints[field] == nil { order.append(field) }
            var c = constraints[field] ?? Constraint()
            narrow(&c)
            constraints[field] = c
        }
        return order.first { constraints[$0]?.isEmpty == true }
    }

    /// What one term says about one field.
    static func test(_ t: TypedExpr) -> (String, (inout Constraint) -> Void)? {
        switch t.kind {
        case .column(let f) where t.type == .bool:
            return (f, { $0.allow([Key.bool(true)]) })
        case .not(let x):
            if case .column(let f) = x.kind, x.type == .bool { return (f, { $0.allow([Key.bool(false)]) }) }
            return nil
        case .isNull(let x, let negated):
            guard case .column(let f) = x.kind else { return nil }
            return (f, { if negated { $0.notNull = true } else { $0.null = true } })
        case .inList(let x, let items, let negated):
            guard case .column(let f) = x.kind else { return nil }
            let keys = items.compactMap(Key.of)
            guard keys.count == items.count else { return nil }
            return (f, { c in
                c.notNull = true
                if negated { c.excluded.formUnion(keys) } else { c.allow(Set(keys)) }
            })
        case .compare(let op, let a, let b):
            if case .column(let f) = a.kind, let k = Key.of(b) { return (f, { $0.narrow(op, k) }) }
            if case .column(let f) = b.kind, let k = Key.of(a) { return (f, { $0.narrow(op.flipped, k) }) }
            return nil
        default:
            return nil
        }
    }

    /// A constant as a comparable key: numbers and dates also carry their position on the number line.
    enum Key: Hashable {
        case number(Double), date(Int32), string(String), bool(Bool)

        static func of(_ e: TypedExpr) -> Key? {
            guard case .constant(let v) = e.kind else { return nil }
            switch v {
            case .number(let d): return .number(d + 0.0)
            case .date(let d): return .date(d)
            case .string(let s): return .string(s)
            case .bool(let b): return .bool(b)
            default: return nil
            }
        }

        var position: Double? {
            switch self {
            case .number(let d): return d
            case .date(let d): return Double(d)
            default: return nil
            }
        }
    }

    /// What the tests so far allow for one field.
    struct Constraint {
        var low = -Double.infinity, lowOpen = true
        var high = Double.infinity, highOpen = true
        /// nil: any value; else only these.
        var allowed: Set<Key>?
        var excluded: Set<Key> = []
        var null = false, notNull = false

        mutating func allow(_ keys: Set<Key>) {
            notNull = true
            allowed = allowed.map { $0.intersection(keys) } ?? keys
        }

        mutating func narrow(_ op: CompareOp, _ k: Key) {
            notNull = true
            switch op {
            case .eq: allow([k])
            case .ne: excluded.insert(k)
            case .gt, .ge, .lt, .le:
                guard let v = k.position else { return }  // text ranges are left alone
                let open = op == .gt || op == .lt
                if op == .gt || op == .ge {
                    if v > low || (v == low && open) { low = v; lowOpen = open }
                } else {
                    if v < high || (v == high && open) { high = v; highOpen = open }
                }
            }
        }

        func inRange(_ v: Double) -> Bool {
            (v > low || (v == low && !lowOpen)) && (v < high || (v == high && !highOpen))
        }

        var isEmpty: Bool {
            if null && notNull { return true }
            if low > high || (low == high && (lowOpen || highOpen)) { return true }
            guard let a = allowed else { return false }
            return a.subtracting(excluded).allSatisfy { k in k.position.map { !inRange($0) } ?? false }
        }
    }
}
