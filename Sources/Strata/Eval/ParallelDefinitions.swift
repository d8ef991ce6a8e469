/// Consecutive definitions that do not read each other are evaluated at the same time on all cores
/// (the three RFM scores, an ABC grade and a percentile, say) and then stored in order.
extension Runner {
    /// Indices of the run of statements starting at `start` that may be evaluated together: `let`,
    /// `derive` and `segment` statements none of which reads a name another one defines.
    func independentRun(_ statements: [CompiledStatement], from start: Int) -> [Int] {
        var run = [start]
        let checked = statements.map(\.checked)
        guard checked[start].parallelizable, let first = checked[start].definedName else { return run }
        var names: Set<String> = [first]
        var j = start + 1
        while j < checked.count, checked[j].parallelizable, let n = checked[j].definedName,
              checked[j].dependencies.isDisjoint(with: names), !names.contains(n) {
            names.insert(n)
            run.append(j)
            j += 1
        }
        return run
    }

    /// Evaluates the expressions concurrently against the store as it is, then stores the results in order.
    func executeInParallel(_ items: [CheckedStmt]) throws(EvalError) {
        let ev = evaluator
        let exprs: [TypedExpr] = items.compactMap {
            switch $0.kind {
            case .let(_, let e), .derive(_, let e), .segment(_, let e): return e
            case .setAsOf, .tiers, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return nil
            }
        }
        let results = Parallel.map(exprs.count) { k -> Swift.Result<Vector, EvalError> in
            do throws(EvalError) { return .success(try ev.eval(exprs[k])) } catch { return .failure(error) }
        }
        for (item, r) in zip(items, results) {
            let v: Vector
            switch r {
            case .success(let x): v = x
            case .failure(let e): throw e
            }
            switch item.kind {
            case .let(let name, _):
                scalars[name] = v.isScalar ? v.value(at: 0) : .null
            case .derive(let name, let e):
                let column = v.column(named: name, type: e.type, count: rowCount)
                table.put(column)
            case .segment(let name, _):
                segments[name] = v.truth(rowCount).isTrue
            case .setAsOf, .tiers, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap:
                break
            }
        }
    }
}

extension Vector {
    var isScalar: Bool { if case .scalar = self { return true } else { return false } }
}
