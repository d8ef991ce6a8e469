extension Stmt {
    /// Every name the statement's expressions mention, as written; for statements that did not check,
    /// whose typed form (and so its dependencies) does not exist.
    var mentionedNames: Set<String> {
        var roots = rootExpressions
        var out: Set<String> = []
        // A worklist: generated rules can nest deeply.
        while let e = roots.popLast() {
            switch e.kind {
            case .name(let n): out.insert(n)
            case .member(let table, let field): out.insert(table.text); out.insert(table.text + "." + field.text)
            case .number, .string, .bool, .null, .date, .duration, .unary, .binary, .inList, .between, .isNull, .call, .paren:
                roots += e.children
            }
        }
        return out
    }
}
