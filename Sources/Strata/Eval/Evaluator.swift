/// A failure while evaluating (rare: the checker rules out type errors), with the place it came from.
public struct EvalError: Error, Sendable {
    /// The kind of failure, carried into the diagnostic the error becomes.
    public var code: DiagnosticCode
    public var text: Message
    public var span: SourceSpan
    public var help: Message?

    /// The error saying `m` about the expression at `span`.
    init(_ m: DiagnosticMessage, at span: SourceSpan) {
        code = m.code
        text = m.text
        self.span = span
        help = m.help
    }
}

/// Evaluates checked expressions over the whole store, one column kernel per node: the tree is walked
/// once per statement, never once per customer.
struct Evaluator: Sendable {
    /// The rows evaluated over: the customers, or an event table inside an event aggregate.
    let table: Table
    let segments: [String: Bitset]
    let scalars: [String: Value]
    /// The linked event tables, by name.
    var events: [String: LinkedTable] = [:]
    /// Inside an event aggregate: how customer-level values reach the event rows.
    var gather: GatherContext?
    /// Checked before each node: a kernel is one pass over a column, so Ctrl-C stops a statement within one pass.
    var cancellation: Cancellation?
    var count: Int { table.rowCount }

    func eval(_ e: TypedExpr) throws(EvalError) -> Vector {
        if let c = cancellation, c.isRequested { throw EvalError(.cancelled, at: e.span) }
        // Over event rows, a customer-level value is computed over the customers and read through each row's customer.
        if let g = gather, e.rowLevel, e.eventTable == nil {
            return try g.customers.eval(e).gathered(g.customerOf)
        }
        switch e.kind {
        case .constant(let v):
            return .scalar(v)
        case .column(let name):
            guard let c = table.column(named: name) else {
                throw EvalError(.columnNotFound(name), at: e.span)
            }
            // A field with no value has no type of its own (the catalog's null): it is null, whatever
            // type its use gave it, and its stored text column must not meet a number kernel.
            if e.type == .null { return .scalar(.null) }
            return Vector(c)
        case .segment(let name):
            guard let s = segments[name] else {
                throw EvalError(.segmentNotComputed(name), at: e.span)
            }
            return .bool(isTrue: s, isFalse: ~s)
        case .scalar(let name):
            return .scalar(scalars[name] ?? .null)
        case .negate(let a):
            return Kernels.arith(.sub, .scalar(.number(0)), try eval(a), count)
        case .not(let a):
            if case .scalar(let v) = try eval(a) { return .scalar(Kernels.not(v)) }
            let (t, f) = try eval(a).truth(count)
            return .bool(isTrue: f, isFalse: t)
        case .and(let a, let b):
            let x = try eval(a), y = try eval(b)
            if case .scalar(let p) = x, case .scalar(let q) = y { return .scalar(Kernels.and(p, q)) }
            let (ta, fa) = x.truth(count), (tb, fb) = y.truth(count)
            return .bool(isTrue: ta & tb, isFalse: fa | fb)
        case .or(let a, let b):
            let x = try eval(a), y = try eval(b)
            if case .scalar(let p) = x, case .scalar(let q) = y { return .scalar(Kernels.not(Kernels.and(Kernels.not(p), Kernels.not(q)))) }
            let (ta, fa) = x.truth(count), (tb, fb) = y.truth(count)
            return .bool(isTrue: ta | tb, isFalse: fa & fb)
        case .arith(let op, let a, let b):
            return Kernels.arith(op, try eval(a), try eval(b), count)
        case .dateShift(let d, let dur, let sign):
            return try shift(d, by: dur, sign: sign)
        case .compare(let op, let a, let b):
            return Kernels.compare(op, try eval(a), try eval(b), count)
        case .inList(let x, let items, let negated):
            let r = try inList(x, items)
            guard negated else { return r }
            if case .scalar(let v) = r { return .scalar(Kernels.not(v)) }
            let (t, f) = r.truth(count)
            return .bool(isTrue: f, isFalse: t)
        case .isNull(let a, let negated):
            let v = try eval(a)
            if case .scalar(let s) = v { return .scalar(.bool(s.isNull != negated)) }
            let valid = v.validity(count)
            return negated ? .bool(isTrue: valid, isFalse: ~valid) : .bool(isTrue: ~valid, isFalse: valid)
        case .call(let f, let args):
            var vs: [Vector] = []
            for a in args { vs.append(try eval(a)) }
            return try Functions.call(f, vs, types: args.map(\.type), resultType: e.type, count: count, span: e.span)
        case .aggregate(let f, let arg, let filter, let param):
            return .scalar(try aggregate(f, arg, filter, param, span: e.span))
        case .ranking(let r):
            let groups: Vector? = try r.group.map { (g: TypedExpr) throws(EvalError) -> Vector in try eval(g) }
            return Scoring.rank(r.function, try eval(r.value), groups: groups, count: count)
        case .eventColumn(_, let field):
            guard gather != nil, let c = table.column(named: field) else {
                throw EvalError(.eventFieldOutsideItsRows(field), at: e.span)
            }
            if e.type == .null { return .scalar(.null) }
            return Vector(c)
        case .eventAggregate(let g):
            return try eventAggregate(g, type: e.type, span: e.span)
        }
    }

    /// An aggregate over a linked table's rows that belong to a customer: per customer, or over all of them.
    func eventAggregate(_ g: EventAggregate, type: ValueType, span: SourceSpan) throws(EvalError) -> Vector {
        guard let linked = events[g.table] else {
            throw EvalError(.eventTableNotLoaded(g.table), at: span)
        }
        let rows = Evaluator(table: linked.table, segments: [:], scalars: scalars, events: [:],
                             gather: GatherContext(customers: self, customerOf: linked.customerOf), cancellation: cancellation)
        let m = linked.table.rowCount
        var selected = linked.belongs
        if let f = g.filter { selected = selected & (try rows.eval(f).truth(m).isTrue) }
        let arg = try g.argument.map { (a: TypedExpr) throws(EvalError) -> Vector in try rows.eval(a) }
        let by = try g.by.map { (b: TypedExpr) throws(EvalError) -> Vector in try rows.eval(b) }
        var p = 0.5
        if let pe = g.parameter, case .scalar(.number(let x)) = try eval(pe) { p = x }
        let groupOf = g.perCustomer ? linked.customerOf : linked.customerOf.map { $0 >= 0 ? 0 : -1 }
        let result = EventAggregates.compute(g.function, arg: arg, by: by, type: g.argument?.type ?? type, p: p,
                                             rows: selected, groupOf: groupOf, groups: g.perCustomer ? count : 1)
        return g.perCustomer ? result : .scalar(result.value(at: 0))
    }

    /// `x in [...]`: constant lists are matched through a set (per dictionary entry for strings);
    /// lists with per-customer items fall back to `x == a or x == b …`.
    func inList(_ x: TypedExpr, _ items: [TypedExpr]) throws(EvalError) -> Vector {
        var constants: [Value] = []
        for i in items {
            guard case .constant(let v) = i.kind else { constants = []; break }
            constants.append(v)
        }
        let xv = try eval(x)
        if constants.count == items.count {
            return Kernels.member(xv, constants, count)
        }
        var acc: Vector = .scalar(.bool(false))
        for i in items {
            let eq = Kernels.compare(.eq, xv, try eval(i), count)
            let (ta, fa) = acc.truth(count), (tb, fb) = eq.truth(count)
            acc = .bool(isTrue: ta | tb, isFalse: fa & fb)
        }
        return acc
    }

    /// Rows a filter keeps (true, not null); all rows without a filter.
    func selection(_ filter: TypedExpr?) throws(EvalError) -> Bitset {
        guard let f = filter else { return Bitset(count: count, filled: true) }
        return try eval(f).truth(count).isTrue
    }

    func aggregate(_ f: AggregateFunction, _ arg: TypedExpr?, _ filter: TypedExpr?, _ param: TypedExpr?, span: SourceSpan) throws(EvalError) -> Value {
        let sel = try selection(filter)
        guard let a = arg else { return .number(Double(sel.cardinality)) }
        let v = try eval(a)
        if f == .count {
            if a.type == .bool { return .number(Double((v.truth(count).isTrue & sel).cardinality)) }
            return .number(Double((v.validity(count) & sel).cardinality))
        }
        var p = 0.5
        if f == .percentile, let pe = param {
            guard case .scalar(.number(let x)) = try eval(pe), (0...1).contains(x) else {
                throw EvalError(.percentileValueOutOfRange, at: pe.span)
            }
            p = x
        }
        return Aggregates.compute(f, v, selection: sel, p: p, count: count)
    }
}
