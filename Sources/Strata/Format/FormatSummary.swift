/// The canonical layout of `summarize`, `count … by` and `print`: one line, clauses in the order
/// `by`, `columns`, `order by`, `limit`, `NAME = EXPR` with single spaces around `=`.
extension FormatPrinter {
    func groupedSummary(_ g: GroupedSummary) -> String {
        var out = g.form.rawValue + " " + expr(g.target) + " by " + g.by.map(expr).joined(separator: ", ")
        if !g.columns.isEmpty { out += " columns " + named(g.columns) }
        if !g.orderBy.isEmpty {
            out += " order by " + g.orderBy.map { expr($0.expr) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        }
        if let l = g.limit { out += " limit " + expr(l) }
        return out
    }

    func named(_ list: [NamedExpr]) -> String {
        list.map { text($0.name.span) + " = " + expr($0.expr) }.joined(separator: ", ")
    }
}
