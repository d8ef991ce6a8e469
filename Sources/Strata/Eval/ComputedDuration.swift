/// `date ± duration` where the duration differs per customer (`if(vip, 1 month, 2 months)`,
/// `coalesce(…)`, `days(n)`). Vectors have no duration column, so such a duration is carried as two number vectors,
/// its months and its days (null together), and the date is shifted row by row — months first, then
/// days, the day clamped to the month's end, exactly as a written duration shifts it. `strata sql`
/// writes the same decomposition (SQL/SQLConversions.swift), so the two cannot drift apart.
extension Evaluator {
    /// The date `d` shifted by `sign` times the duration `dur`.
    func shift(_ d: TypedExpr, by dur: TypedExpr, sign: Int) throws(EvalError) -> Vector {
        let date = try eval(d)
        guard dur.rowLevel else { return Kernels.shift(date, try eval(dur), sign: sign, count) }
        let parts = try durationParts(dur)
        let n = count
        return Vector.build(type: .date, count: n) { i in
            guard case .date(let day) = date.value(at: i), case .number(let m) = parts.months.value(at: i),
                  case .number(let dd) = parts.days.value(at: i), let months = Int(exactly: m), let days = Int(exactly: dd)
            else { return .null }
            return Kernels.shift(day, months * sign, days * sign).map(Value.date) ?? .null
        }
    }

    /// A duration expression as its months and its days, each a number vector (both null where it is null).
    func durationParts(_ e: TypedExpr) throws(EvalError) -> (months: Vector, days: Vector) {
        guard e.rowLevel else {
            guard case .scalar(.duration(let m, let d)) = try eval(e) else { return (.scalar(.null), .scalar(.null)) }
            return (.scalar(.number(Double(m))), .scalar(.number(Double(d))))
        }
        let n = count
        switch e.kind {
        case .call(.if, let args) where args.count == 3:
            let c = try eval(args[0])
            let a = try durationParts(args[1]), b = try durationParts(args[2])
            let types: [ValueType] = [.bool, .number, .number]
            return (try Functions.call(.if, [c, a.months, b.months], types: types, resultType: .number, count: n, span: e.span),
                    try Functions.call(.if, [c, a.days, b.days], types: types, resultType: .number, count: n, span: e.span))
        case .call(.coalesce, let args):
            var months: [Vector] = [], days: [Vector] = []
            for a in args {
                let p = try durationParts(a)
                months.append(p.months)
                days.append(p.days)
            }
            let types = [ValueType](repeating: .number, count: args.count)
            return (try Functions.call(.coalesce, months, types: types, resultType: .number, count: n, span: e.span),
                    try Functions.call(.coalesce, days, types: types, resultType: .number, count: n, span: e.span))
        case .call(let f, let args) where (f == .days || f == .months) && args.count == 1:
            // `birthday + days(n)` with n per customer: each row's own whole amount (null for a fraction).
            let amount = try eval(args[0])
            let whole = Vector.build(type: .number, count: n) { i in
                guard case .number(let x) = amount.value(at: i), let k = DurationShift.amount(x) else { return .null }
                return .number(Double(k))
            }
            let zero = Vector.build(type: .number, count: n) { i in whole.value(at: i).isNull ? .null : .number(0) }
            return f == .months ? (whole, zero) : (zero, whole)
        default:
            // The checker lets only `if`, `coalesce`, `days(n)` and `months(n)` make a duration that differs per customer (`min`,
            // `max`, negation and event aggregates of durations are refused), so this is not reached.
            return (.scalar(.null), .scalar(.null))
        }
    }
}
