/// Column kernels: tight loops over typed arrays producing whole vectors, with SQL null rules.
enum Kernels {
    // MARK: logic on scalars (Kleene)

    static func not(_ v: Value) -> Value {
        if case .bool(let b) = v { return .bool(!b) }
        return .null
    }

    static func and(_ a: Value, _ b: Value) -> Value {
        if case .bool(false) = a { return .bool(false) }
        if case .bool(false) = b { return .bool(false) }
        if case .bool(true) = a, case .bool(true) = b { return .bool(true) }
        return .null
    }

    // MARK: arithmetic

    static func arith(_ op: ArithOp, _ a: Vector, _ b: Vector, _ n: Int) -> Vector {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            guard case .number(let p) = x, case .number(let q) = y else { return .scalar(.null) }
            return .scalar(Arithmetic.apply(op, p, q).map(Value.number) ?? .null)
        case (.number(let xs, let xv), .scalar(let y)):
            guard case .number(let q) = y else { return .scalar(.null) }
            return numberMap(xs, xv, n) { Arithmetic.apply(op, $0, q) }
        case (.scalar(let x), .number(let ys, let yv)):
            guard case .number(let p) = x else { return .scalar(.null) }
            return numberMap(ys, yv, n) { Arithmetic.apply(op, p, $0) }
        case (.number(let xs, let xv), .number(let ys, let yv)):
            var out = [Double](repeating: 0, count: n)
            var valid = xv & yv
            for i in 0..<n where valid[i] {
                if let r = Arithmetic.apply(op, xs[i], ys[i]) { out[i] = r } else { valid[i] = false }
            }
            return .number(out, valid: valid)
        default:
            return .scalar(.null)
        }
    }

    /// Applies `f` to every valid number; a nil result (division by zero) or one that is not finite becomes
    /// null — `Value.finite`'s rule, held here for every numeric kernel, present and future.
    static func numberMap(_ xs: [Double], _ valid: Bitset, _ n: Int, _ f: (Double) -> Double?) -> Vector {
        var out = [Double](repeating: 0, count: n)
        var v = valid
        out.withUnsafeMutableBufferPointer { o in
            xs.withUnsafeBufferPointer { x in
                for i in 0..<min(n, x.count) {
                    if let r = f(x[i]), r.isFinite { o[i] = r } else { v[i] = false }
                }
            }
        }
        return .number(out, valid: v & valid)
    }

    // MARK: dates

    static func shift(_ d: Int32, _ months: Int, _ days: Int) -> Int32? {
        var r = d
        if months != 0 {
            guard let m = CivilDate.addMonths(r, months) else { return nil }
            r = m
        }
        let out = Int(r) + days
        guard out >= -719162, out <= 2932896 else { return nil }  // years 1…9999
        return Int32(out)
    }

    static func shift(_ date: Vector, _ duration: Vector, sign: Int, _ n: Int) -> Vector {
        guard case .scalar(.duration(let m, let dd)) = duration else { return .scalar(.null) }
        let months = m * sign, days = dd * sign
        switch date {
        case .scalar(.date(let d)): return .scalar(shift(d, months, days).map(Value.date) ?? .null)
        case .date(let ds, let valid):
            var out = [Int32](repeating: 0, count: n)
            var v = valid
            for i in 0..<n where valid[i] {
                if let r = shift(ds[i], months, days) { out[i] = r } else { v[i] = false }
            }
            return .date(out, valid: v)
        default: return .scalar(.null)
        }
    }

    // MARK: comparison

    static func compare(_ op: CompareOp, _ a: Vector, _ b: Vector, _ n: Int) -> Vector {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            if x.isNull || y.isNull { return .scalar(.null) }
            let c = ScalarOrder.compare(x, y)
            return .scalar(.bool(op.holds(c, 0)))
        case (.scalar, _):
            return compare(op.flipped, b, a, n)
        case (.number(let xs, let valid), .scalar(.number(let c))):
            return truth(valid, compareColumn(xs, c, op, n))
        case (.date(let xs, let valid), .scalar(.date(let c))):
            return truth(valid, compareColumn(xs, c, op, n))
        case (.string(let codes, let dict, let valid), .scalar(.string(let c))):
            let hit = dict.map { ScalarOrder.holds(op, $0, c) }
            return truth(valid, byCode(codes, hit, n))
        case (.bool(let t, let f), .scalar(.bool(let c))):
            let same = c ? t : f, other = c ? f : t
            return op == .eq ? .bool(isTrue: same, isFalse: other) : .bool(isTrue: other, isFalse: same)
        case (_, .scalar):
            return .bool(isTrue: Bitset(count: n), isFalse: Bitset(count: n))  // compared with null
        case (.number(let xs, let xv), .number(let ys, let yv)):
            let valid = xv & yv
            return truth(valid, Bitset.build(count: n) { op.holds(xs[$0], ys[$0]) })
        case (.date(let xs, let xv), .date(let ys, let yv)):
            let valid = xv & yv
            return truth(valid, Bitset.build(count: n) { op.holds(xs[$0], ys[$0]) })
        default:
            // Strings against strings, bools against bools: per row through values.
            let valid = a.validity(n) & b.validity(n)
            return truth(valid, Bitset.build(count: n) { op.holds(ScalarOrder.compare(a.value(at: $0), b.value(at: $0)), 0) })
        }
    }

    /// A boolean vector from the rows where the comparison holds, restricted to non-null rows.
    @inline(__always)
    static func truth(_ valid: Bitset, _ hit: Bitset) -> Vector {
        .bool(isTrue: hit & valid, isFalse: valid.subtracting(hit))
    }

    /// One word at a time, with the operator chosen outside the loop so each loop is a plain compare.
    static func compareColumn<T: Comparable>(_ xs: [T], _ c: T, _ op: CompareOp, _ n: Int) -> Bitset {
        xs.withUnsafeBufferPointer { x in
            let m = min(n, x.count)
            switch op {
            case .eq: return Bitset.build(count: m) { x[$0] == c }
            case .ne: return Bitset.build(count: m) { x[$0] != c }
            case .lt: return Bitset.build(count: m) { x[$0] < c }
            case .le: return Bitset.build(count: m) { x[$0] <= c }
            case .gt: return Bitset.build(count: m) { x[$0] > c }
            case .ge: return Bitset.build(count: m) { x[$0] >= c }
            }
        }
    }

    /// Rows whose dictionary code is marked in `hit`.
    static func byCode(_ codes: [Int32], _ hit: [Bool], _ n: Int) -> Bitset {
        codes.withUnsafeBufferPointer { c in
            hit.withUnsafeBufferPointer { h in
                Bitset.build(count: min(n, c.count)) { i in
                    let k = Int(c[i])
                    return k >= 0 && k < h.count && h[k]
                }
            }
        }
    }

    /// `x in [constants]`.
    static func member(_ x: Vector, _ items: [Value], _ n: Int) -> Vector {
        switch x {
        case .scalar(let v):
            if v.isNull { return .scalar(.null) }
            return .scalar(.bool(items.contains { ScalarOrder.compare($0, v) == 0 && $0.type == v.type }))
        case .number(let xs, let valid):
            let set = Set(items.compactMap { if case .number(let d) = $0 { return d } else { return nil } })
            return truth(valid, Bitset.build(count: n) { set.contains(xs[$0]) })
        case .date(let xs, let valid):
            let set = Set(items.compactMap { if case .date(let d) = $0 { return d } else { return nil } })
            return truth(valid, Bitset.build(count: n) { set.contains(xs[$0]) })
        case .string(let codes, let dict, let valid):
            let wanted = Set(items.compactMap { if case .string(let s) = $0 { return Array(s.utf8) } else { return nil } })
            let hit = dict.map { wanted.contains(Array($0.utf8)) }
            return truth(valid, byCode(codes, hit, n))
        case .bool(let t, let f):
            let hasT = items.contains(.bool(true)), hasF = items.contains(.bool(false))
            let yes = (hasT ? t : Bitset(count: n)) | (hasF ? f : Bitset(count: n))
            return .bool(isTrue: yes, isFalse: (t | f).subtracting(yes))
        }
    }
}
