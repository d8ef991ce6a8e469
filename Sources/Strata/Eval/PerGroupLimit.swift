/// `show … limit N per G`: the first N rows of each group, in the show's order.
extension Runner {
    /// The rows `show` prints: the first `limit.count` (the REPL's row limit when there is no `limit`).
    /// With `per`, the first `count` rows of each group of `per` (nulls are one group); each group's rows
    /// stay together, and the groups come in the order of their first row — so with `order by clv desc`
    /// the group holding the top customer comes first.
    func limited(_ rows: [Int], _ limit: RowLimit?, _ ev: Evaluator) throws(EvalError) -> [Int] {
        guard let limit else { return options.showLimit.map { Array(rows.prefix($0)) } ?? rows }
        guard let per = limit.per else { return Array(rows.prefix(limit.count)) }
        let keys = GroupedOrder.groupKeys(try ev.eval(per), count: rowCount)
        var groupOf: [UInt64: Int] = [:]
        var groups: [[Int]] = []
        for r in rows where r < keys.count {
            let k = keys[r]
            if let g = groupOf[k] {
                if groups[g].count < limit.count { groups[g].append(r) }
            } else {
                groupOf[k] = groups.count
                groups.append(limit.count > 0 ? [r] : [])
            }
        }
        return groups.flatMap { $0 }
    }
}
