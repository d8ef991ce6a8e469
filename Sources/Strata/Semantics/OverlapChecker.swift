/// `overlap a, b, …`: every item is a segment or condition; with none listed, every segment defined so far.
extension Checker {
    mutating func checkOverlap(_ items: [Expr], at span: SourceSpan) -> CheckedStmt.Kind? {
        var checked: [(label: String, condition: TypedExpr)] = []
        if items.isEmpty {
            for b in scope.all {
                guard case .segment = b.kind else { continue }
                checked.append((b.name, TypedExpr(.segment(b.name), .bool, rowLevel: true, span)))
            }
        } else {
            var ok = true
            for e in items {
                guard let t = checkTarget(e) else { ok = false; continue }
                checked.append((label(e), t))
            }
            guard ok else { return nil }
        }
        // One set overlaps nothing: a matrix needs two.
        guard checked.count >= 2 else {
            report(.overlapNeedsTwo(found: checked.count, listed: !items.isEmpty), at: span)
            return nil
        }
        let label = items.isEmpty ? "overlap" : "overlap " + checked.map(\.label).joined(separator: ", ")
        return .overlap(label: label, checked)
    }
}
