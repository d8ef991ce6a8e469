/// What the checker knows about the tables beside the customers, and where it is inside an event aggregate.
public struct EventScope: Sendable {
    /// Linked event tables (many rows per customer), by name.
    public var linked: [String: TableSchema] = [:]
    /// Matched tables (at most one row per customer), by name; their fields are customer fields `may.clv`.
    public var matched: [String: TableSchema] = [:]
    /// The linked table whose rows the expression being checked varies over (inside an event aggregate).
    var context: String?
    /// The statement wants one value (`let`, `assert`, `set`, a bare expression): an event aggregate
    /// standing on its own there runs over all events rather than per customer.
    var singleValue = false
    /// Warnings that an unqualified name inside an event aggregate hides a customer field (for `check`).
    public var hidingWarnings: [Diagnostic] = []
    var warnedHiding: Set<String> = []

    /// Functions that exist only over event tables.
    static let eventOnlyFunctions: Set<String> = ["first", "last"]
}

/// Type rules for several tables: `visits.date`, `may.clv`, `customers.channel`, and aggregates over
/// a linked table's rows (SQL's LEFT JOIN + GROUP BY per customer, or over all rows in a `let`).
extension Checker {
    /// Makes a linked or matched table known; a matched table's fields become customer fields `table.field`.
    public mutating func addTable(_ t: TableSchema) {
        switch t.grain {
        case .customers:
            addTable(name: t.name, fields: t.fields.map { ($0.name, $0.type) }, at: nil)
        case .linked:
            // Not a name in scope: a customer field may be called like the table (`purchases`, a count);
            // the table is reached as `purchases.x` and `count(purchases …)`.
            events.linked[t.name] = t
        case .matched:
            events.matched[t.name] = t
            for f in t.fields { scope.define(Binding(name: t.name + "." + f.name, kind: .field(f.type), file: nil, span: nil)) }
        }
    }

    /// `table.field`: an event field (only inside an aggregate over that table), a matched table's field,
    /// or a customer field reached past an event field of the same name.
    mutating func member(_ table: Name, _ field: Name, _ s: SourceSpan) -> TypedExpr? {
        if let linked = events.linked[table.text] {
            guard let f = linked.field(field.text) else {
                let near = Suggest.nearest(field.text, in: linked.fields.map(\.name))
                report(.unknownTableField(table.text, field: field.text, nearest: near, fields: linked.fields.map(\.name)), at: field.span)
                return nil
            }
            guard events.context == table.text else {
                if let other = events.context {
                    report(.eventFieldOfOtherTable(table.text, field: field.text, aggregated: other), at: s)
                } else {
                    report(.eventFieldOutsideAggregate(table.text, field: field.text), at: s)
                }
                return nil
            }
            return TypedExpr(.eventColumn(table: table.text, field: field.text), f.type, rowLevel: true, s)
        }
        if let matched = events.matched[table.text] {
            guard let f = matched.field(field.text) else {
                let near = Suggest.nearest(field.text, in: matched.fields.map(\.name))
                report(.unknownTableField(table.text, field: field.text, nearest: near, fields: matched.fields.map(\.name)), at: field.span)
                return nil
            }
            return TypedExpr(.column("\(table.text).\(field.text)"), f.type, rowLevel: true, s)
        }
        if table.text == tableName {
            // The customer's own field, also where an event field of the same name would hide it.
            let saved = events.context
            events.context = nil
            defer { events.context = saved }
            return expr(Expr(.name(field.text), s))
        }
        let tables = [tableName].compactMap { $0 } + events.linked.keys.sorted() + events.matched.keys.sorted()
        let near = Suggest.nearest(table.text, in: tables)
        report(.unknownTable(table.text, field: field.text, nearest: near, tables: tables), at: table.span)
        return nil
    }

    /// Inside an event aggregate an unqualified name is the event table's field first (as in a SQL
    /// subquery); nil when it is not one.
    mutating func eventField(_ n: String, _ s: SourceSpan) -> TypedExpr? {
        guard let ctx = events.context, let f = events.linked[ctx]?.field(n) else { return nil }
        if let hidden = scope.lookup(n), !events.warnedHiding.contains(n) {
            events.warnedHiding.insert(n)
            let who = tableName ?? "customers"
            events.hidingWarnings.append(Diagnostic(.eventFieldHidesCustomerField(n, table: ctx, hidden: hidden.kind.nounText, customers: who), file: source.name, span: s))
        }
        return TypedExpr(.eventColumn(table: ctx, field: n), f.type, rowLevel: true, s)
    }

    /// Why an unknown name is not a customer value: it is a field of a linked table (with the aggregate to write).
    func eventFieldHint(_ n: String) -> DiagnosticMessage? {
        guard let t = events.linked.keys.sorted().first(where: { events.linked[$0]?.field(n) != nil }) else { return nil }
        return .eventFieldUnqualified(n, table: t)
    }

    /// The linked table an aggregate call runs over, if it is an event aggregate: `count(visits …)`, or a
    /// first argument (or `by`) that reads `visits.x`. Nil for an aggregate over customers.
    func eventTable(of fn: Name, _ args: [Expr], _ options: CallOptions) -> (table: String, bare: Bool)?? {
        if case .name(let n)? = args.first?.kind, fn.text == "count", events.linked[n] != nil { return (n, true) }
        var tables: [String] = []
        var work = [args.first, options.by].compactMap { $0 }
        while let e = work.popLast() {
            switch e.kind {
            case .member(let t, _): if events.linked[t.text] != nil, !tables.contains(t.text) { tables.append(t.text) }
            case .name, .number, .string, .bool, .null, .date, .duration: break
            case .unary(_, let x), .paren(let x), .isNull(let x, _): work.append(x)
            case .binary(_, let a, let b): work += [a, b]
            case .inList(let x, let items, _): work += [x] + items
            case .between(let x, let lo, let hi, _): work += [x, lo, hi]
            // An aggregate inside has its own table (or is reported as nested); a scalar function's arguments are this one's.
            case .call(let f, let inner, _, _):
                let isAggregate = (AggregateFunction(rawValue: f.text) != nil && !((f.text == "min" || f.text == "max") && inner.count >= 2))
                    || EventScope.eventOnlyFunctions.contains(f.text)
                if !isAggregate { work += inner }
            }
        }
        if tables.count > 1 { return .some(nil) }
        return tables.first.map { ($0, false) }
    }

    /// Checks an aggregate over a linked table; the outer optional is nil when the call is not one.
    mutating func eventAggregate(_ fn: Name, _ args: [Expr], _ filter: Expr?, _ options: CallOptions, _ s: SourceSpan) -> TypedExpr?? {
        let name = fn.text
        let isEventOnly = EventScope.eventOnlyFunctions.contains(name)
        guard AggregateFunction(rawValue: name) != nil || isEventOnly else { return nil }
        if (name == "min" || name == "max"), args.count >= 2 { return nil }
        guard let found = eventTable(of: fn, args, options) else {
            if isEventOnly {
                report(.eventOnlyFunction(name), at: s)
                return .some(nil)
            }
            if options.distinct || options.by != nil {
                report(.eventModifierWithoutTable(options.distinct ? "distinct" : "by"), at: s)
                return .some(nil)
            }
            return nil
        }
        guard let (table, bare) = found else {
            report(.aggregateOverTwoTables, at: s)
            return .some(nil)
        }
        guard events.context == nil else {
            report(.nestedEventAggregate(name, over: events.context ?? table), at: s)
            return .some(nil)
        }
        return .some(checkEventAggregate(fn, args, filter, options, table: table, bare: bare, s))
    }

    private mutating func checkEventAggregate(_ fn: Name, _ args: [Expr], _ filter: Expr?, _ options: CallOptions,
                                              table: String, bare: Bool, _ s: SourceSpan) -> TypedExpr? {
        let name = fn.text
        // Standing inside an aggregate over customers it is a per-customer value (`avg(count(visits))`).
        let perCustomer = !events.singleValue || insideAggregate
        let (savedContext, savedInside) = (events.context, insideAggregate)
        events.context = table
        insideAggregate = true
        defer { events.context = savedContext; insideAggregate = savedInside }
        var function: EventAggregateFunction
        var arg: TypedExpr?, by: TypedExpr?, param: TypedExpr?
        switch name {
        case "count":
            guard arity(fn, args.count, 1...1, s) else { return nil }
            if !bare { guard let t = expr(args[0]) else { return nil }; arg = t }
            function = options.distinct ? .countDistinct : .count
            if options.distinct, bare {
                report(.eventAggregateMisuse(TableText.distinctCountsValues.message, example: "count(distinct \(table).date)"), at: s)
                return nil
            }
        case "first", "last":
            guard arity(fn, args.count, 1...1, s), let t = expr(args[0]) else { return nil }
            guard let b = options.by else {
                report(.eventAggregateMisuse(TableText.needsBy(["function": "\(name)"]),
                                             example: "\(name)(\(table).\(fieldName(args[0]) ?? "project") by \(table).date)"), at: s)
                return nil
            }
            guard let bt = expr(b), argType(fn, bt, [.number, .date, .string], position: 1) else { return nil }
            guard t.type != .duration else {
                report(.eventAggregateMisuse(TableText.cannotReturnDuration(["function": "\(name)"]), example: "\(name)(\(table).project by \(table).date)"), at: t.span)
                return nil
            }
            arg = t
            by = bt
            function = name == "first" ? .first : .last
        case "percentile":
            guard arity(fn, args.count, 2...2, s), let t = expr(args[0]),
                  argType(fn, t, [.number], position: 1) else { return nil }
            arg = t
            events.context = nil
            guard let p = expr(args[1]), argType(fn, p, [.number], position: 2) else { return nil }
            events.context = table
            guard !p.rowLevel, case .constant(.number(let v)) = p.kind, (0...1).contains(v) else {
                report(.eventPercentileFraction(table), at: p.span)
                return nil
            }
            param = p
            function = .percentile
        default:
            guard let f = EventAggregateFunction(rawValue: name), arity(fn, args.count, 1...1, s), let t = expr(args[0]) else { return nil }
            let allowed: [ValueType] = (f == .min || f == .max) ? [.number, .date, .string] : [.number]
            guard argType(fn, t, allowed, position: 1) else { return nil }
            arg = t
            function = f
        }
        if options.distinct, function != .countDistinct {
            report(.eventAggregateMisuse(TableText.distinctGoesWithCount.message, example: "count(distinct \(table).date)"), at: s)
            return nil
        }
        if options.by != nil, function != .first, function != .last {
            report(.eventAggregateMisuse(TableText.byGoesWithFirstLast.message, example: "last(\(table).project by \(table).date)"), at: s)
            return nil
        }
        var f: TypedExpr?
        if let fe = filter {
            guard let t = expr(fe), expect(t, .bool, .whereFilter, fe.span) else { return nil }
            f = t
        }
        let type: ValueType
        switch function {
        case .count, .countDistinct, .sum, .avg, .median, .stddev, .percentile: type = .number
        case .min, .max, .first, .last: type = arg?.type ?? .number
        }
        let g = EventAggregate(function: function, table: table, argument: arg, by: by, filter: f, parameter: param, perCustomer: perCustomer)
        return TypedExpr(.eventAggregate(g), type, rowLevel: perCustomer, s)
    }

    private func fieldName(_ e: Expr) -> String? {
        if case .member(_, let f) = e.kind { return f.text }
        return nil
    }
}
