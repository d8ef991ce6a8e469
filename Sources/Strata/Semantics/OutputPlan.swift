/// What the rules decide about output, decided once when a statement is compiled: the default columns
/// of `show` and `export`, where an export goes, and which values are personal data to be masked.
extension Compiler {
    /// The statement with its output completed.
    func plan(_ c: CheckedStmt, source: SourceFile) -> CheckedStmt {
        var out = c
        switch c.kind {
        case .setAsOf, .let, .derive, .segment, .tiers, .overlap:
            break
        case .show(let label, let target, let limit, let orderBy, let columns):
            let cols = columns.isEmpty ? defaultColumns(target, orderBy: orderBy.map(\.0) + [limit?.per].compactMap { $0 }) : marked(columns)
            out.kind = .show(label: label, target: target, limit: limit, orderBy: orderBy, columns: cols)
        case .count(let label, .groups(let e, let labels, _)):
            out.kind = .count(label: label, .groups(e, labels: labels, personal: personalKind(e)))
        case .count(_, .members):
            break
        case .export(let label, let target, let path, let columns):
            let cols = columns.isEmpty ? everyField() : marked(columns)
            let resolved = SourceSet.resolve(path, from: source.name, fallback: baseDirectory)
            out.kind = .export(label: label, target: target, path: resolved, columns: cols)
        case .assert(let e, let text, let message, let sides):
            out.kind = .assert(e, text: text, message: message, sides: sides.map { AssertSide(text: $0.text, expr: $0.expr, personal: personalKind($0.expr)) })
        case .expression(let e, let text, _, _):
            var cols: [OutputColumn] = []
            if e.rowLevel {
                cols = defaultColumns(e, orderBy: [])
                // A bare field is already among the default columns; show it once.
                if e.type != .bool, !cols.contains(where: { $0.header == text }) { cols.append(OutputColumn(header: text, expr: e, personal: personalKind(e))) }
            }
            out.kind = .expression(e, text: text, personal: personalKind(e), columns: cols)
        case .summarize(var plan):
            for k in plan.by.indices { plan.by[k].personal = personalKind(plan.by[k].expr) }
            for k in plan.columns.indices { plan.columns[k].personal = personalKind(plan.columns[k].expr) }
            out.kind = .summarize(plan)
        case .print(var figures):
            for k in figures.indices { figures[k].personal = personalKind(figures[k].expr) }
            out.kind = .print(figures)
        }
        return out
    }

    /// The key, the name and the fields a rule reads (looking through segments to their rules).
    func defaultColumns(_ target: TypedExpr, orderBy: [TypedExpr]) -> [OutputColumn] {
        guard let t = customers else { return [] }
        var names: [String] = []
        if let k = t.key.flatMap({ t.field($0) }) ?? t.keyField { names.append(k.name) }
        if let n = t.nameField, !names.contains(n.name) { names.append(n.name) }
        var used: [String] = []
        expandReferences(target, into: &used, depth: 0)
        for o in orderBy { expandReferences(o, into: &used, depth: 0) }
        for u in used where !names.contains(u) && isStoredField(u) { names.append(u) }
        return names.compactMap(column)
    }

    /// Every field of the customer table and every derived and tiers field defined so far, in order.
    func everyField() -> [OutputColumn] {
        let stored = checker.scope.all.filter { isStoredField($0.name) }.map(\.name)
        return stored.compactMap(column)
    }

    /// A field of the store (loaded, derived or tiers) as an output column.
    func column(_ name: String) -> OutputColumn? {
        guard let b = checker.scope.lookup(name) else { return nil }
        let type: ValueType
        switch b.kind {
        case .field(let t), .derived(let t): type = t
        case .tiers: type = .string
        case .constant, .segment, .setting, .table, .failed: return nil
        }
        let e = TypedExpr(.column(name), type, rowLevel: true, .zero)
        return OutputColumn(header: name, expr: e, personal: personalKind(e))
    }

    func isStoredField(_ name: String) -> Bool {
        switch checker.scope.lookup(name)?.kind {
        case .field, .derived, .tiers: return true
        case .constant, .segment, .setting, .table, .failed, nil: return false
        }
    }

    func marked(_ columns: [OutputColumn]) -> [OutputColumn] {
        columns.map { OutputColumn(header: $0.header, expr: $0.expr, personal: personalKind($0.expr)) }
    }

    /// Fields a rule reads, looking through segments to the fields their rules read.
    func expandReferences(_ e: TypedExpr, into out: inout [String], depth: Int) {
        var direct: [String] = []
        e.references(into: &direct)
        for n in direct {
            if case .segment? = checker.scope.lookup(n)?.kind, let def = definitions[n], depth < 16 {
                expandReferences(def, into: &out, depth: depth + 1)
            } else if !out.contains(n) {
                out.append(n)
            }
        }
    }

    /// The kind of personal data a value shows, following where the value comes from through derived
    /// fields and constants (`derive n2 = lower(name)`, `let first = max(name)` are as personal as
    /// `name`); nil for ordinary data. Only what carries a personal value counts: a truth value, a count,
    /// a length or a rank computed from a personal field (`phone is null`, `count(phone)`, `ntile(…)`)
    /// shows no one's data, and masking it would only hide the answer.
    func personalKind(_ e: TypedExpr, depth: Int = 0) -> PII.Kind? {
        guard depth < 64 else { return .name }
        func of(_ x: TypedExpr?) -> PII.Kind? { x.flatMap { personalKind($0, depth: depth + 1) } }
        switch e.kind {
        case .constant, .segment, .not, .and, .or, .compare, .inList, .isNull, .ranking:
            return nil
        case .column(let n):
            return storedKind(n, depth: depth)
        case .scalar(let n):
            guard let def = definitions[n] else { return nil }
            return personalKind(def, depth: depth + 1)
        case .eventColumn(let table, let field):
            guard let linked = checker.events.linked[table] else { return PII.kind(fieldName: field) }
            return linked.personalKind(of: field)
        case .negate(let x):
            return of(x)
        case .arith(_, let a, let b), .dateShift(let a, let b, _):
            return PII.Kind.combined(of(a), of(b))
        case .call(let f, let args):
            switch f {
            case .length, .contains, .starts_with, .ends_with:
                return nil
            case .if:
                // The condition chooses; only the two branches are shown.
                return PII.Kind.combined(of(args.dropFirst().first), of(args.dropFirst(2).first))
            case .abs, .round, .floor, .ceil, .min, .max, .coalesce, .lower, .upper, .days_between, .months_between,
                 .years_between, .year, .month, .date, .number,
                 .pow, .exp, .ln, .log10, .sqrt, .day, .weekday, .day_of_year, .days, .months, .text, .concat:
                return args.reduce(nil) { PII.Kind.combined($0, of($1)) }
            }
        case .aggregate(let f, let argument, _, _):
            switch f {
            case .count: return nil
            case .sum, .avg, .min, .max, .median, .stddev, .percentile: return of(argument)
            }
        case .eventAggregate(let g):
            switch g.function {
            case .count, .countDistinct: return nil
            case .sum, .avg, .min, .max, .median, .stddev, .percentile, .first, .last: return of(g.argument)
            }
        }
    }

    /// The personal kind of a column of the store: a derived field by its definition, a loaded field
    /// (or a matched table's `may.phone`) by its table's schema and its name; tiers hold their labels.
    func storedKind(_ name: String, depth: Int) -> PII.Kind? {
        switch checker.scope.lookup(name)?.kind {
        case .derived?:
            return definitions[name].flatMap { personalKind($0, depth: depth + 1) }
        case .tiers?, .segment?, .setting?, .table?, .failed?:
            return nil
        case .field?, .constant?, nil:
            if let dot = name.firstIndex(of: "."), let matched = checker.events.matched[String(name[..<dot])] {
                return matched.personalKind(of: String(name[name.index(after: dot)...]))
            }
            // A field the schema marks `public` stays ordinary: the name is asked only without a table.
            guard let table = customers else { return PII.kind(fieldName: name) }
            return table.personalKind(of: name)
        }
    }
}

extension PII.Kind {
    /// The kind of a value made of two: either one's when only one is personal or both are the same;
    /// a name's mask, which keeps the least, when they differ.
    static func combined(_ a: PII.Kind?, _ b: PII.Kind?) -> PII.Kind? {
        guard let a else { return b }
        guard let b, b != a else { return a }
        return .name
    }
}

extension TableSchema {
    /// The key field by its name: `id`, `customer_id`, `客户编号`, one ending in `_id`, else the first field.
    public var keyField: FieldSchema? {
        for p in ["id", "customer_id", "客户编号", "客户id", "客户ID"] { if let f = field(p) { return f } }
        return fields.first { $0.name.hasSuffix("_id") } ?? fields.first
    }

    /// The field holding a person's name, if any (`name`, `姓名`, `customer_name`).
    public var nameField: FieldSchema? {
        for p in ["name", "姓名", "customer_name", "客户姓名"] { if let f = field(p) { return f } }
        return nil
    }
}
