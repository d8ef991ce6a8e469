@testable import Strata

/// Renders syntax trees back to text with every operation parenthesised, so tests can compare structure.
enum Render {
    static func expr(_ e: Expr) -> String {
        switch e.kind {
        case .number(_, let text): return text
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .date(_, let text): return text
        case .duration(let amount, let unit, _): return "\(amount) \(unit.rawValue)"
        case .name(let n): return n
        case .unary(.negate, let x): return "(-\(expr(x)))"
        case .unary(.not, let x): return "(not \(expr(x)))"
        case .binary(let op, let l, let r): return "(\(expr(l)) \(op.rawValue) \(expr(r)))"
        case .inList(let x, let items, let negated):
            return "(\(expr(x)) \(negated ? "not in" : "in") [\(items.map(expr).joined(separator: ", "))])"
        case .between(let x, let lo, let hi, let negated):
            return "(\(expr(x)) \(negated ? "not between" : "between") \(expr(lo)) and \(expr(hi)))"
        case .isNull(let x, let negated): return "(\(expr(x)) is \(negated ? "not null" : "null"))"
        case .member(let t, let f): return "\(t.text).\(f.text)"
        case .call(let name, let args, let filter, let options): return call(name, args, filter, options)
        case .paren(let x): return "{\(expr(x))}"
        }
    }

    /// Kept out of `expr`, whose frame every level of a 2,000-deep operator chain pays for.
    @inline(never)
    static func call(_ name: Name, _ args: [Expr], _ filter: Expr?, _ options: CallOptions) -> String {
        var parts = args.map(expr)
        if options.distinct, !parts.isEmpty { parts[0] = "distinct " + parts[0] }
        if let b = options.by, !parts.isEmpty { parts[min(max(options.byAfterArguments, 1), parts.count) - 1] += " by \(expr(b))" }
        if let f = filter {
            if parts.isEmpty { parts = ["where \(expr(f))"] } else { parts[0] += " where \(expr(f))" }
        }
        return "\(name.text)(\(parts.joined(separator: ", ")))"
    }

    static func stmt(_ s: Stmt) -> String {
        switch s.kind {
        case .load(let t, let p, let link, let key, let encoding):
            var out = "load \(t.text) from \"\(p.text)\""
            switch link {
            case .linked(let by)?: out += " linked by \(by.text)"
            case .matched(let by)?: out += " matched by \(by.text)"
            case nil: break
            }
            return out + (key.map { " key \($0.text)" } ?? "") + (encoding.map { " encoding \"\($0.text)\"" } ?? "")
        case .set(let n, let e): return "set \(n.text) = \(expr(e))"
        case .let(let n, let e): return "let \(n.text) = \(expr(e))"
        case .derive(let n, let e): return "derive \(n.text) = \(expr(e))"
        case .segment(let n, let e): return "segment \(n.text) where \(expr(e))"
        case .tiers(let n, let arms):
            let body = arms.map { a in a.condition.map { "\(a.label.text) where \(expr($0))" } ?? "\(a.label.text) otherwise" }
            return "tiers \(n.text) { \(body.joined(separator: "; ")) }"
        case .show(let target, let limit, let orderBy, let columns):
            var out = "show \(expr(target))"
            if let l = limit { out += " limit \(expr(l.count))" + (l.per.map { " per \(expr($0))" } ?? "") }
            if !orderBy.isEmpty {
                out += " order by " + orderBy.map { expr($0.expr) + ($0.descending ? " desc" : " asc") }.joined(separator: ", ")
            }
            if !columns.isEmpty { out += " columns " + columns.map(expr).joined(separator: ", ") }
            return out
        case .count(let e): return "count \(expr(e))"
        case .export(let target, let path, let columns):
            var out = "export \(expr(target)) to \"\(path.text)\""
            if !columns.isEmpty { out += " columns " + columns.map(expr).joined(separator: ", ") }
            return out
        case .assert(let e, let message): return "assert \(expr(e))" + (message.map { ", \"\($0)\"" } ?? "")
        case .include(let p): return "include \"\(p.text)\""
        case .schema(let t, let fields):
            let body = fields.map { f in ([f.name.text + ":", f.type.text] + f.flags.map(\.text)).joined(separator: " ") }
            return "schema \(t.text) { \(body.joined(separator: "; ")) }"
        case .expression(let e): return "expr \(expr(e))"
        case .summarize(let g):
            var out = "\(g.form.rawValue) \(expr(g.target)) by \(g.by.map(expr).joined(separator: ", "))"
            if !g.columns.isEmpty { out += " columns " + g.columns.map { "\($0.name.text) = \(expr($0.expr))" }.joined(separator: ", ") }
            if !g.orderBy.isEmpty {
                out += " order by " + g.orderBy.map { expr($0.expr) + ($0.descending ? " desc" : " asc") }.joined(separator: ", ")
            }
            if let l = g.limit { out += " limit \(expr(l))" }
            return out
        case .print(let list): return "print " + list.map { "\($0.name.text) = \(expr($0.expr))" }.joined(separator: ", ")
        case .overlap(let items): return (["overlap"] + items.map(expr)).joined(separator: " ")
        }
    }

    static func program(_ text: String, repl: Bool = false) -> (statements: [String], diagnostics: [String]) {
        let (program, diagnostics) = Parser.parse(SourceFile(name: "t.strata", text: text), allowBareExpressions: repl)
        return (program.statements.map(stmt), diagnostics.map(\.headline))
    }
}
