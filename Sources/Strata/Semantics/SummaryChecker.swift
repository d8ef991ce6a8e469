/// Checking of `summarize`, `count … by` and `print`.
extension Checker {
    mutating func checkSummary(_ g: GroupedSummary) -> CheckedStmt.Kind? {
        guard let target = checkTarget(g.target) else { return nil }
        guard g.by.count <= 2 else {
            report(.tooManyGroupFields(g.by.count), at: g.by[2].span)
            return nil
        }
        var fields: [GroupField] = []
        for b in g.by {
            guard let t = expr(b) else { return nil }
            let groupable: Bool
            switch t.type {
            case .string, .number, .date, .bool: groupable = t.rowLevel
            case .duration, .null: groupable = false
            }
            if groupable {
                var labels: [String]?
                if case .tiers(let l) = kindOfName(b) { labels = l }
                var header = label(b)
                if case .name(let n) = b.kind { header = n }
                fields.append(GroupField(header: header, expr: t, labels: labels, personal: nil))
            } else {
                report(.invalidGroupField(found: t.type, written: text(b.span), perCustomer: t.rowLevel), at: b.span)
                return nil
            }
        }
        guard let columns = namedValues(g.columns, taken: Set(fields.map(\.header)), { .summaryColumn($0) }) else { return nil }
        var plan = SummaryPlan(form: g.form, label: label(g.target), target: target, by: fields, columns: columns, orderBy: [], limit: nil)
        if let l = g.limit {
            guard let n = limitCount(l) else { return nil }
            plan.limit = n
        }
        let headers = plan.headers
        for k in g.orderBy {
            var name = label(k.expr)
            if case .name(let n) = k.expr.kind { name = n }
            guard let i = headers.firstIndex(of: name) else {
                report(.unknownSummaryColumn(name, columns: headers, nearest: Suggest.nearest(name, in: headers)), at: k.expr.span)
                return nil
            }
            plan.orderBy.append((i, k.descending))
        }
        return .summarize(plan)
    }

    mutating func checkPrint(_ figures: [NamedExpr]) -> CheckedStmt.Kind? {
        guard let values = namedValues(figures, taken: [], { .print($0) }) else { return nil }
        return .print(values)
    }

    /// `NAME = EXPR` pairs that must each be one value (an aggregate, a constant, arithmetic on them), named
    /// apart from each other and from `taken`.
    mutating func namedValues(_ list: [NamedExpr], taken: Set<String>,
                              _ statement: (String) -> DiagnosticMessage.SingleValueStatement) -> [SummaryColumn]? {
        var out: [SummaryColumn] = []
        var seen = taken
        var ok = true
        for item in list {
            guard seen.insert(item.name.text).inserted else {
                report(.duplicateColumnName(item.name.text), at: item.name.span)
                ok = false
                continue
            }
            guard let t = expr(item.expr) else { ok = false; continue }
            guard requireScalar(t, statement(item.name.text)) else { ok = false; continue }
            guard t.type != .duration else {
                report(.durationColumn, at: item.expr.span)
                ok = false
                continue
            }
            out.append(SummaryColumn(header: item.name.text, expr: t, personal: nil))
        }
        return ok ? out : nil
    }
}

extension DiagnosticMessage {
    static func invalidGroupField(found: ValueType, written: String, perCustomer: Bool) -> Self {
        Self(code: .invalidGroupField,
             text: perCustomer ? SummaryText.invalidGroupField(["type": found.slot, "written": "\(written)"]) : SummaryText.invalidGroupFieldConstant(["written": "\(written)"]),
             help: SummaryText.invalidGroupFieldHelp.message)
    }

    static func tooManyGroupFields(_ n: Int) -> Self {
        Self(code: .tooManyGroupFields, text: SummaryText.tooManyGroupFields(["count": "\(n)"]), help: SummaryText.tooManyGroupFieldsHelp.message)
    }

    static func duplicateColumnName(_ name: String) -> Self {
        Self(code: .duplicateColumnName, text: SummaryText.duplicateColumnName(["name": "\(name)"]), help: SummaryText.duplicateColumnNameHelp.message)
    }

    static func unknownSummaryColumn(_ name: String, columns: [String], nearest: String?) -> Self {
        Self(code: .unknownSummaryColumn, text: SummaryText.unknownSummaryColumn(["name": "\(name)"]),
             help: Message.didYouMean(nearest) ?? SummaryText.orderByOneOf(["columns": .list(columns)]))
    }
}
