/// Evaluation of `summarize`, `count … by` and `print`. Each customer gets a group id in one pass per
/// field; sizes are then counted in one pass, and aggregates read their columns once in group order.
extension Runner {
    func summarize(_ plan: SummaryPlan, _ ev: Evaluator) throws(EvalError) -> OutputItem {
        let members = try ev.eval(plan.target).truth(rowCount).isTrue
        var keys: [GroupKeys] = []
        for b in plan.by { keys.append(GroupKeys(try ev.eval(b.expr), rows: rowCount, labels: b.labels)) }
        try checkCancelled(at: plan.target.span)
        let groups = CombinedGroups(keys, rows: rowCount)
        var size = [Int](repeating: 0, count: groups.count)
        var inTarget = [Int](repeating: 0, count: groups.count)
        for g in groups.ids { size[Int(g)] += 1 }
        members.forEach { inTarget[Int(groups.ids[$0])] += 1 }
        // Each field's values ordered by their members in the target (text), or by value, or as declared.
        var ranks: [[Int]] = []
        for (k, key) in keys.enumerated() {
            var weight = [Int](repeating: 0, count: key.count)
            for (g, parts) in groups.parts.enumerated() { weight[parts[k]] += inTarget[g] }
            var rank = [Int](repeating: 0, count: key.count)
            for (r, v) in key.order(labels: plan.by[k].labels, weight: weight).enumerated() { rank[v] = r }
            ranks.append(rank)
        }
        let shown = groups.parts.indices.filter { inTarget[$0] > 0 }.sorted { a, b in
            for k in keys.indices where ranks[k][groups.parts[a][k]] != ranks[k][groups.parts[b][k]] {
                return ranks[k][groups.parts[a][k]] < ranks[k][groups.parts[b][k]]
            }
            return a < b
        }
        let labels = keys.indices.map { k in keys[k].values.map { groupLabel($0, plan.by[k].personal) } }
        let total = members.cardinality
        switch plan.form {
        case .count where keys.count == 2:
            return crosstab(plan, shown, groups, inTarget, labels, ranks)
        case .count:
            let rows = shown.map { g in
                CountRow(label: ValueFormat.text(labels[0][groups.parts[g][0]]), count: inTarget[g],
                         share: total == 0 ? 0 : Double(inTarget[g]) / Double(total))
            }
            return .counts(title: plan.label, header: plan.by[0].header, rows: rows)
        case .summarize:
            var rows = shown.map { g in keys.indices.map { labels[$0][groups.parts[g][$0]] } }
            var kinds = [SummaryTable.ColumnKind](repeating: .label, count: keys.count)
            var chart: Int? = keys.count
            if plan.columns.isEmpty {
                let overall = share(total)
                for (n, g) in shown.enumerated() {
                    let rate = Double(inTarget[g]) / Double(size[g])
                    rows[n] += [.number(Double(inTarget[g])), .number(Double(inTarget[g]) / Double(total)), .number(Double(size[g])),
                                .number(rate), overall > 0 ? .finite(rate / overall) : .null]
                }
                kinds += [.count, .share, .count, .share, .ratio]
            } else {
                let values = try columnValues(plan, ev, members: members, groups: groups, shown: shown)
                for n in rows.indices { rows[n] += values.map { $0[n] } }
                kinds += plan.columns.map { _ in .value }
                chart = plan.columns.firstIndex { $0.expr.type == .number }.map { keys.count + $0 }
            }
            rows = ordered(rows, plan.orderBy)
            if let l = plan.limit { rows = Array(rows.prefix(l)) }
            var table = SummaryTable(title: plan.label + " by " + plan.by.map(\.header).joined(separator: ", "),
                                     headers: plan.headers, kinds: kinds, rows: rows, chartColumn: chart)
            if plan.columns.isEmpty {
                for (k, word) in [OutputText.members, .share, .groupSize, .rate, .lift].enumerated() { table.headerWords[keys.count + k] = word.message }
            }
            return .summary(table)
        }
    }

    /// `count T by F, G`: F's groups down, G's across, the members of T in each cell, totals on the right and below.
    func crosstab(_ plan: SummaryPlan, _ shown: [Int], _ groups: CombinedGroups, _ inTarget: [Int], _ labels: [[Value]],
                  _ ranks: [[Int]]) -> OutputItem {
        var down: [Int] = [], across: [Int] = []
        for g in shown {
            let p = groups.parts[g]
            if !down.contains(p[0]) { down.append(p[0]) }
            if !across.contains(p[1]) { across.append(p[1]) }
        }
        across.sort { ranks[1][$0] < ranks[1][$1] }
        var cell: [Int: Int] = [:]
        for g in shown { cell[groups.parts[g][0] << 32 | groups.parts[g][1]] = inTarget[g] }
        var rows: [[Value]] = []
        var columnTotals = [Int](repeating: 0, count: across.count)
        for a in down {
            let counts = across.map { cell[a << 32 | $0] ?? 0 }
            for (k, c) in counts.enumerated() { columnTotals[k] += c }
            rows.append([labels[0][a]] + counts.map { .number(Double($0)) } + [.number(Double(counts.reduce(0, +)))])
        }
        rows.append([.string("total")] + columnTotals.map { .number(Double($0)) } + [.number(Double(columnTotals.reduce(0, +)))])
        let headers = [plan.by[0].header + " / " + plan.by[1].header] + across.map { ValueFormat.text(labels[1][$0]) } + ["total"]
        let kinds = [SummaryTable.ColumnKind.label] + Array(repeating: .count, count: across.count + 1)
        var table = SummaryTable(title: plan.label + " by " + plan.by.map(\.header).joined(separator: ", "), headers: headers,
                                 kinds: kinds, rows: rows, chartColumn: across.count + 1, hasTotalRow: true)
        table.headerWords[headers.count - 1] = OutputText.total.message
        return .summary(table)
    }

    /// A group's label: its value, `(none)` for no value, masked when the field is personal data.
    func groupLabel(_ v: Value, _ personal: PII.Kind?) -> Value {
        if v.isNull { return .string("(none)") }
        return masked(v, personal)
    }

    /// The `columns` of a summary for each shown group, column by column. Aggregates run over the group's
    /// members of the target, as SQL's `WHERE target GROUP BY fields` does.
    func columnValues(_ plan: SummaryPlan, _ ev: Evaluator, members: Bitset, groups: CombinedGroups, shown: [Int]) throws(EvalError) -> [[Value]] {
        var ids = [Int32](repeating: -1, count: rowCount)
        members.forEach { ids[$0] = groups.ids[$0] }
        let slices = GroupAggregates(ids: ids, groups: groups.count)
        let inner = ev
        var out: [[Value]] = []
        for c in plan.columns {
            var found: [Column] = []
            let rewritten = try perGroup(c.expr, inner, slices, shown: shown, into: &found)
            let groupTable = Table(name: "groups", columns: found, rowCount: shown.count, source: table.source)
            let result = try Evaluator(table: groupTable, segments: [:], scalars: scalars, cancellation: options.cancellation).eval(rewritten)
            out.append(shown.indices.map { masked(result.value(at: $0), c.personal) })
        }
        return out
    }

    /// The expression with each aggregate replaced by a column of its per-group values (appended to `columns`).
    func perGroup(_ e: TypedExpr, _ ev: Evaluator, _ slices: GroupAggregates, shown: [Int], into columns: inout [Column]) throws(EvalError) -> TypedExpr {
        guard case .aggregate(let f, let arg, let filter, let param) = e.kind else {
            return try e.mapChildren { (c: TypedExpr) throws(EvalError) -> TypedExpr in try perGroup(c, ev, slices, shown: shown, into: &columns) }
        }
        let sel = try ev.selection(filter)
        var p = 0.5
        if f == .percentile, let pe = param {
            guard case .scalar(.number(let x)) = try ev.eval(pe), (0...1).contains(x) else {
                throw EvalError(.percentileValueOutOfRange, at: pe.span)
            }
            p = x
        }
        let v = try arg.map { (a: TypedExpr) throws(EvalError) -> Vector in try ev.eval(a) }
        let all = slices.compute(f, v, type: arg?.type ?? .number, selection: sel, p: p, count: rowCount)
        let name = "\u{1}aggregate \(columns.count)"
        columns.append(Column.build(named: name, type: e.type, count: shown.count) { all[shown[$0]] })
        return TypedExpr(.column(name), e.type, rowLevel: true, e.span)
    }

    /// Rows sorted by the `order by` columns (nulls last either way, ties in group order).
    func ordered(_ rows: [[Value]], _ keys: [(column: Int, descending: Bool)]) -> [[Value]] {
        guard !keys.isEmpty else { return rows }
        let indexed = rows.enumerated().sorted { x, y in
            for (c, desc) in keys {
                let a = x.element[c], b = y.element[c]
                if a.isNull != b.isNull { return b.isNull }
                let o = ScalarOrder.compare(a, b)
                if o != 0 { return desc ? o > 0 : o < 0 }
            }
            return x.offset < y.offset
        }
        return indexed.map(\.element)
    }

    /// `print`: each value, masked when personal.
    func figures(_ list: [SummaryColumn], _ ev: Evaluator) throws(EvalError) -> [Figure] {
        var out: [Figure] = []
        for f in list { out.append(Figure(name: f.header, value: masked(try scalarValue(f.expr, ev), f.personal))) }
        return out
    }
}

/// The groups of one or two fields together: a group id per row and, per group, each field's group.
struct CombinedGroups {
    var ids: [Int32]
    /// For each group, its group in each field.
    var parts: [[Int]]
    var count: Int { parts.count }

    init(_ keys: [GroupKeys], rows: Int) {
        guard keys.count == 2 else {
            ids = keys.first?.ids ?? [Int32](repeating: 0, count: rows)
            parts = (0..<(keys.first?.count ?? 1)).map { [$0] }
            return
        }
        let a = keys[0], b = keys[1]
        var ids = [Int32](repeating: 0, count: rows)
        var parts: [[Int]] = []
        let slots = a.count.multipliedReportingOverflow(by: b.count)
        if !slots.overflow, slots.partialValue <= 1 << 20 {
            // Few pairs can occur: a flat table of them, no hashing per row.
            var table = [Int32](repeating: -1, count: slots.partialValue)
            for i in 0..<rows {
                let x = Int(a.ids[i]), y = Int(b.ids[i])
                let slot = x * b.count + y
                if table[slot] < 0 {
                    table[slot] = Int32(parts.count)
                    parts.append([x, y])
                }
                ids[i] = table[slot]
            }
        } else {
            var index: [Int: Int32] = [:]
            for i in 0..<rows {
                let x = Int(a.ids[i]), y = Int(b.ids[i])
                // Group ids are 32-bit: the pair packs into one 64-bit key without overflow.
                let slot = x << 32 | y
                if let g = index[slot] { ids[i] = g; continue }
                let g = Int32(parts.count)
                index[slot] = g
                parts.append([x, y])
                ids[i] = g
            }
        }
        self.ids = ids
        self.parts = parts
    }
}
