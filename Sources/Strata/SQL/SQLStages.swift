/// Stages a statement needs before its own column: window functions SQL cannot write where they stand,
/// and the customer stage an event aggregate's rows are joined to.
extension SQLScriptWriter {
    /// The `ntile`/`abc`/`rank` calls in `exprs` that stand where SQL cannot nest a window function (inside an
    /// aggregate, an event aggregate, or another `ntile`/`abc`), innermost first: each is computed into a
    /// column of a stage of its own, over every customer, and read from there. `inEvents` picks those inside
    /// an event aggregate (computed before its rows are joined to the customers) or the others.
    static func nestedWindows(_ exprs: [TypedExpr], inEvents: Bool) -> [TypedExpr] {
        var out: [TypedExpr] = []
        func walk(_ e: TypedExpr, nested: Bool, events: Bool) {
            switch e.kind {
            case .ranking:
                e.children.forEach { walk($0, nested: true, events: events) }
                if nested, events == inEvents { out.append(e) }
            case .aggregate:
                e.children.forEach { walk($0, nested: true, events: events) }
            case .eventAggregate:
                e.children.forEach { walk($0, nested: true, events: true) }
            case .constant, .column, .segment, .scalar, .negate, .not, .and, .or, .arith, .dateShift, .compare, .inList,
                 .isNull, .call, .eventColumn:
                e.children.forEach { walk($0, nested: nested, events: events) }
            }
        }
        exprs.forEach { walk($0, nested: false, events: false) }
        return out
    }

    /// The window function's name as written, for messages.
    static func windowName(_ e: TypedExpr) -> String {
        guard case .ranking(let r) = e.kind else { return "`ntile`" }
        switch r.function {
        case .ntile: return "`ntile`"
        case .abc: return "`abc`"
        case .rank: return "`rank`"
        }
    }

    /// Adds one stage per window in `windows` over `stage` (each reads the ones before it) and records
    /// where each is in `cx.lifted`; returns the last stage. Ties go by load order and nulls get no
    /// bucket, as where a window stands alone (`SQLExpressionWriter.sql`).
    mutating func liftWindows(_ windows: [TypedExpr], number k: Int, from stage: String, _ cx: inout SQLContext,
                              _ expr: SQLExpressionWriter) throws(SQLUntranslatable) -> String {
        var from = stage
        for w in windows {
            guard w.eventTable == nil else {
                throw .notTranslated(.text(Self.windowName(w)), dialect, why: .ranksEventRows, at: w.span)
            }
            let column = "_w\(k)_\(cx.lifted.count + 1)", name = "_s\(k)w\(cx.lifted.count + 1)"
            var over = SQLContext(stage: from)
            over.lifted = cx.lifted
            ctes.append((name, "SELECT *, \(try expr.sql(w, over)) AS \(dialect.quote(column))\n  FROM \(from)"))
            cx.lifted[w.span] = column
            from = name
        }
        cx.stage = from
        return from
    }

    /// The stage an event aggregate's rows are joined to: the first one (customers and matched tables)
    /// when the aggregate reads nothing computed later, else `stage`. Joining the first stage keeps each
    /// stage read once by the next, so an engine that inlines every CTE (Spark) plans a chain, not a tree
    /// that doubles with each event aggregate.
    func eventStage(_ e: TypedExpr, stage: String) -> String {
        readsOnlyLoaded(e) ? "_s0" : stage
    }

    /// Whether `e` reads only loaded customer fields, matched tables' fields, constants and event rows.
    func readsOnlyLoaded(_ e: TypedExpr) -> Bool {
        switch e.kind {
        case .column(let name):
            if program.customers?.field(name) != nil { return true }
            return program.tables.contains { t in
                guard case .matched = t.grain else { return false }
                return t.fields.contains { t.name + "." + $0.name == name }
            }
        case .segment, .ranking, .aggregate: return false
        case .constant, .scalar, .negate, .not, .and, .or, .arith, .dateShift, .compare, .inList, .isNull, .call,
             .eventColumn, .eventAggregate:
            return e.children.allSatisfy(readsOnlyLoaded)
        }
    }
}

extension SQLScriptWriter {
    /// A program that loads only linked tables: the customers are the distinct non-empty keys of the
    /// first, in order of first appearance (its `_row`, or the `--order` column), as `strata run` makes
    /// them. Adds the CTE `_c` (the key and `_first`) and returns its name.
    mutating func implicitCustomers(_ table: String, key: String) -> String {
        let by = dialect.quote(key), order = dialect.quote(options.order ?? "_row")
        let text = program.tables.first { $0.name == table }?.field(key)?.type == .string
        let keep = "e.\(by) IS NOT NULL" + (text ? " AND e.\(by) <> ''" : "")
        ctes.append(("_c", "SELECT e.\(by) AS \(by), MIN(e.\(order)) AS \(dialect.quote("_first"))\n  FROM \(dialect.quote(table)) e\n  "
                     + "WHERE \(keep)\n  GROUP BY e.\(by)"))
        return "_c"
    }
}
