/// Consecutive definitions that do not read each other are evaluated at the same time on all cores
/// (the three RFM scores, an ABC grade and a percentile, say) and then stored in order.
extension Session {
    /// Indices of the run of statements starting at `start` that may be evaluated together: `let`,
    /// `derive` and `segment` statements none of which reads a name another one defines.
    func independentRun(_ checked: [(Sourced, CheckedStmt)], from start: Int) -> [Int] {
        var run = [start]
        guard Session.parallelizable(checked[start].1), let first = checked[start].1.definedName else { return run }
        var names: Set<String> = [first]
        var j = start + 1
        while j < checked.count, Session.parallelizable(checked[j].1), let n = checked[j].1.definedName,
              checked[j].1.dependencies.isDisjoint(with: names), !names.contains(n) {
            names.insert(n)
            run.append(j)
            j += 1
        }
        return run
    }

    static func parallelizable(_ c: CheckedStmt) -> Bool {
        switch c.kind {
        case .let, .derive, .segment: return true
        default: return false
        }
    }

    /// Evaluates the expressions concurrently against the store as it is, then stores the results in order.
    func executeInParallel(_ items: [(Sourced, CheckedStmt)]) throws(EvalError) {
        let ev = evaluator
        let exprs: [TypedExpr] = items.compactMap {
            switch $0.1.kind {
            case .let(_, let e), .derive(_, let e), .segment(_, let e): return e
            default: return nil
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
            switch item.1.kind {
            case .let(let name, let e):
                scalars[name] = v.isScalar ? v.value(at: 0) : .null
                definitions[name] = e
            case .derive(let name, let e):
                let column = v.column(named: name, type: e.type, count: rowCount)
                table?.put(column)
                definitions[name] = e
            case .segment(let name, let e):
                segments[name] = v.truth(rowCount).isTrue
                definitions[name] = e
            default:
                break
            }
        }
    }
}

extension Vector {
    var isScalar: Bool { if case .scalar = self { return true } else { return false } }
}
