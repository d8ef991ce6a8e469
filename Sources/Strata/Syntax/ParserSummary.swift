/// Parsing of the statements that answer with figures rather than members: `summarize`, `count … by` and `print`.
extension ParserState {
    /// After `summarize` (or after `count TARGET` when `by` follows): the target, `by` and its fields, then
    /// `columns`, `order by` and `limit` in any order, each once, as in `show`.
    mutating func parseGroupedSummary(_ form: SummaryForm, target given: Expr? = nil) throws(SyntaxError) -> Stmt.Kind {
        let target: Expr
        if let given { target = given } else { target = try parseExpression() }
        _ = try expect(.by, .byAfterSummaryTarget(form: form.rawValue))
        let by = try parseExpressionList()
        var summary = GroupedSummary(form: form, target: target, by: by)
        var seenLimit = false, seenOrder = false, seenColumns = false
        while form == .summarize, case .keyword(let k) = current.kind, k == .limit || k == .order || k == .columns {
            let kwTok = advance()
            let seen = (k == .limit && seenLimit) || (k == .order && seenOrder) || (k == .columns && seenColumns)
            if seen { report(.repeatedClause(kwTok.text, in: "summarize"), at: kwTok.span) }
            switch k {
            case .limit:
                let e = try parseExpression()
                if !seenLimit { summary.limit = e }
                seenLimit = true
            case .order:
                let keys = try parseOrderKeys()
                if !seenOrder { summary.orderBy = keys }
                seenOrder = true
            default:
                let list = try parseNamedExpressions(after: .columns)
                if !seenColumns { summary.columns = list }
                seenColumns = true
            }
        }
        return .summarize(summary)
    }

    /// `NAME = EXPR, …` after `print` or `columns`.
    mutating func parseNamedExpressions(after keyword: Keyword) throws(SyntaxError) -> [NamedExpr] {
        var list: [NamedExpr] = []
        repeat {
            let name = try parseName(.definedName(after: keyword), follow: .symbol(.assign))
            if eat(.assign) == nil { throw expected(.assign(after: keyword, name: name.text, foundDoubleEquals: isSymbol(.eq))) }
            list.append(NamedExpr(name: name, expr: try parseExpression()))
        } while eat(.comma) != nil
        return list
    }
}
