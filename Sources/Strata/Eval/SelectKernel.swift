/// `if(cond, a, b)` over whole columns: rows where `cond` is true take `a`, all others (false or
/// null) take `b`, as the row-by-row reference `Functions.scalar(.if, …)` does.
enum SelectKernel {
    /// Nil when the branches' shapes are not ones this kernel handles (the caller goes row by row).
    static func select(_ cond: Vector, _ a: Vector, _ b: Vector, type: ValueType, count n: Int) -> Vector? {
        let t = cond.truth(n).isTrue
        let x = a.isScalar ? Vector.broadcast(a.value(at: 0), type: type, count: n) : a
        let y = b.isScalar ? Vector.broadcast(b.value(at: 0), type: type, count: n) : b
        let valid = { (xv: Bitset, yv: Bitset) in (t & xv) | yv.subtracting(t) }
        switch (x, y) {
        case (.number(let xs, let xv), .number(let ys, let yv)) where xs.count >= n && ys.count >= n:
            return .number(take(xs, into: ys, at: t), valid: valid(xv, yv))
        case (.date(let xs, let xv), .date(let ys, let yv)) where xs.count >= n && ys.count >= n:
            return .date(take(xs, into: ys, at: t), valid: valid(xv, yv))
        case (.string(let xc, let xd, let xv), .string(let yc, let yd, let yv)) where xc.count >= n && yc.count >= n:
            // One dictionary for both branches, equal strings merged, so codes still mean one value each.
            var enc = StringEncoder()
            let xm = xd.map { enc.code($0) }, ym = yd.map { enc.code($0) }
            let recode = { (codes: [Int32], map: [Int32]) in
                codes.map { c in c >= 0 && Int(c) < map.count ? map[Int(c)] : 0 }
            }
            return .string(codes: take(recode(xc, xm), into: recode(yc, ym), at: t), dictionary: enc.dictionary, valid: valid(xv, yv))
        case (.bool(let xt, let xf), .bool(let yt, let yf)):
            return .bool(isTrue: valid(xt, yt), isFalse: valid(xf, yf))
        default:
            return nil
        }
    }

    /// `ys` with the rows in `rows` replaced by those of `xs`.
    static func take<T>(_ xs: [T], into ys: [T], at rows: Bitset) -> [T] {
        var out = ys
        out.withUnsafeMutableBufferPointer { o in
            xs.withUnsafeBufferPointer { x in
                rows.forEach { i in if i < o.count, i < x.count { o[i] = x[i] } }
            }
        }
        return out
    }
}
