/// `ntile`, `abc` and `rank` in SQL: window functions, with `PARTITION BY` the groups of `by`.
extension SQLExpressionWriter {
    func ranking(_ r: Ranking, _ e: TypedExpr, _ cx: SQLContext) throws(Failure) -> String {
        let name: String
        switch r.function {
        case .ntile: name = "`ntile`"
        case .abc: name = "`abc`"
        case .rank: name = "`rank`"
        }
        guard cx.windows else { throw fail(.text(name), .insideAggregate, e) }
        var inner = cx
        inner.windows = false
        let v = try sql(r.value, inner)
        // Nulls get no rank and must not take one from the others: they are a partition of their own,
        // within each group (a null group is one group, as in Strata).
        var partition = "(\(v) IS NULL)"
        var groups = ""
        if let g = r.group {
            groups = try sql(g, inner)
            partition += ", " + groups
        }
        switch r.function {
        case .ntile(let n):
            return "(CASE WHEN \(v) IS NULL THEN NULL ELSE CAST(NTILE(\(n)) OVER (PARTITION BY \(partition) ORDER BY "
                + "\(dialect.ordered(v, r.value.type)) ASC NULLS LAST, \(orderTerms)) AS \(dialect.doubleType)) END)"
        case .rank:
            return "(CASE WHEN \(v) IS NULL THEN NULL ELSE CAST(ROW_NUMBER() OVER (PARTITION BY \(partition) ORDER BY "
                + "\(dialect.ordered(v, r.value.type)) DESC NULLS LAST, \(orderTerms)) AS \(dialect.doubleType)) END)"
        case .abc(let a, let b):
            // The total of the customer's group (nulls add nothing to it).
            let total = "SUM(\(v)) OVER (\(groups.isEmpty ? "" : "PARTITION BY " + groups))"
            // The share held by the customers before this one: ROWS, because the default RANGE frame would
            // count tied customers as before each other.
            let before = "COALESCE(SUM(\(v)) OVER (PARTITION BY \(partition) ORDER BY \(v) DESC NULLS LAST, \(orderTerms) "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
            return "(CASE WHEN \(v) IS NULL OR NOT (\(total) > 0) THEN NULL WHEN \(before) / \(total) < \(dialect.number(a)) THEN 'A' "
                + "WHEN \(before) / \(total) < \(dialect.number(b)) THEN 'B' ELSE 'C' END)"
        }
    }
}
