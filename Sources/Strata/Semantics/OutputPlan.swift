/// What the rules decide about output, decided once when a statement is compiled: the default columns
/// of `show` and `export`, where an export goes, and which values are personal data to be masked.
extension Compiler {
    /// The statement with its output completed.
    func plan(_ c: CheckedStmt, source: SourceFile) -> CheckedStmt {
        var out = c
        switch c.kind {
        case .setAsOf, .let, .derive, .segment, .tiers:
            break
        case .show(let label, let target, let limit, let orderBy, let columns):
            let cols = columns.isEmpty ? defaultColumns(target, orderBy: orderBy.map(\.0)) : marked(columns)
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

    /// The kind of personal data a value shows, looking through derived fields and constants (`derive
    /// n2 = lower(name)`, `let first = min(name)` are as personal as `name`); nil for ordinary data.
    /// A field a schema marks `pii` but whose name says nothing is masked like a name.
    func personalKind(_ e: TypedExpr, depth: Int = 0) -> PII.Kind? {
        for r in e.dependencies.sorted() {
            if let k = PII.kind(fieldName: r) { return k }
            if customers?.personal.contains(r) == true { return .name }
            if case .segment? = checker.scope.lookup(r)?.kind { continue }
            if depth < 16, let def = definitions[r], let k = personalKind(def, depth: depth + 1) { return k }
        }
        return nil
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
