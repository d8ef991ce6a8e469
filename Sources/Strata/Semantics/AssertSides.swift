extension Checker {
    /// The values a failing `assert` reports: every operand of its comparisons, `in`, `between` and
    /// `is null` tests, through `and`, `or`, `not` and parentheses, in source order, each once.
    /// Constants are left out (their value is in the text already).
    mutating func assertSides(_ e: Expr) -> [AssertSide] {
        var leaves: [Expr] = []
        // A worklist rather than recursion: a generated assert may join hundreds of tests.
        var work = [e]
        while let x = work.popLast() {
            switch x.kind {
            case .paren(let inner), .unary(.not, let inner):
                work.append(inner)
            case .binary(let op, let a, let b) where op.isLogical:
                work += [b, a]
            case .binary(let op, let a, let b) where op.isComparison:
                leaves += [a, b]
            case .inList(let subject, let items, _):
                leaves += [subject] + items
            case .between(let subject, let low, let high, _):
                leaves += [subject, low, high]
            case .isNull(let subject, _):
                leaves.append(subject)
            default:
                leaves.append(x)
            }
        }
        // Re-checking an operand that already checked reports nothing new; any message is dropped regardless.
        let kept = diagnostics.count
        defer { diagnostics.removeSubrange(kept...) }
        var seen: Set<String> = []
        var out: [AssertSide] = []
        for leaf in leaves {
            guard let t = expr(leaf) else { continue }
            if case .constant = t.kind { continue }
            let text = label(leaf)
            if seen.insert(text).inserted { out.append(AssertSide(text: text, expr: t, personal: nil)) }
        }
        return out
    }
}
