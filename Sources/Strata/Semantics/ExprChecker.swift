/// Type rules for expressions: names, operators, lists, null tests.
extension Checker {
    /// Checks an expression; nil after reporting an error.
    mutating func expr(_ e: Expr) -> TypedExpr? {
        let s = e.span
        switch e.kind {
        case .number(let v, _): return TypedExpr(.constant(.number(v)), .number, rowLevel: false, s)
        case .string(let v): return TypedExpr(.constant(.string(v)), .string, rowLevel: false, s)
        case .bool(let v): return TypedExpr(.constant(.bool(v)), .bool, rowLevel: false, s)
        case .null: return TypedExpr(.constant(.null), .null, rowLevel: false, s)
        case .date(let d, _): return TypedExpr(.constant(.date(d)), .date, rowLevel: false, s)
        case .duration(let amount, let unit, _):
            // Far beyond any date range (years 1–9999), and small enough that unit arithmetic cannot overflow.
            guard abs(amount) <= 4_000_000 else {
                report(.durationTooLong(text(s)), at: s)
                return nil
            }
            let v: Value
            switch unit {
            case .day: v = .duration(months: 0, days: amount)
            case .week: v = .duration(months: 0, days: amount * 7)
            case .month: v = .duration(months: amount, days: 0)
            case .year: v = .duration(months: amount * 12, days: 0)
            }
            return TypedExpr(.constant(v), .duration, rowLevel: false, s)
        case .name(let n): return name(n, s)
        case .paren(let inner):
            guard var t = expr(inner) else { return nil }
            t.span = s
            return t
        case .unary(.negate, let a):
            guard let t = expr(a) else { return nil }
            if case .constant(.number(let v)) = t.kind { return TypedExpr(.constant(.number(-v)), .number, rowLevel: false, s) }
            if case .constant(.duration(let m, let d)) = t.kind { return TypedExpr(.constant(.duration(months: -m, days: -d)), .duration, rowLevel: false, s) }
            guard t.type == .number || t.type == .null else {
                report(.negationType(found: t.type, written: text(a.span)), at: a.span)
                return nil
            }
            return TypedExpr(.negate(t), .number, rowLevel: t.rowLevel, s)
        case .unary(.not, let a):
            guard let t = expr(a), expect(t, .bool, .notOperand, a.span) else { return nil }
            return TypedExpr(.not(t), .bool, rowLevel: t.rowLevel, s)
        case .binary(let op, let a, let b):
            // Both sides are checked even when the left has an error, so every mistake is reported at once.
            let l = expr(a), r = expr(b)
            guard let l, let r else { return nil }
            return binary(op, l, r, s)
        case .inList(let x, let items, let negated):
            guard let t = expr(x) else { return nil }
            var list: [TypedExpr] = []
            for item in items {
                guard let it = expr(item) else { return nil }
                if it.type == .null {
                    report(.nullInList(subject: text(x.span)), at: item.span)
                    return nil
                }
                guard comparable(t, it, op: "in") else { return nil }
                list.append(it)
            }
            return TypedExpr(.inList(t, list, negated: negated), .bool, rowLevel: t.rowLevel || list.contains { $0.rowLevel }, s)
        case .between(let x, let lo, let hi, let negated):
            let t = expr(x), l = expr(lo), h = expr(hi)
            guard let t, let l, let h else { return nil }
            guard comparable(t, l, op: "between"), comparable(t, h, op: "between") else { return nil }
            let row = t.rowLevel || l.rowLevel || h.rowLevel
            let both = TypedExpr(.and(TypedExpr(.compare(.ge, t, l), .bool, rowLevel: row, s),
                                      TypedExpr(.compare(.le, t, h), .bool, rowLevel: row, s)), .bool, rowLevel: row, s)
            return negated ? TypedExpr(.not(both), .bool, rowLevel: row, s) : both
        case .isNull(let x, let negated):
            guard let t = expr(x) else { return nil }
            return TypedExpr(.isNull(t, negated: negated), .bool, rowLevel: t.rowLevel, s)
        case .call(let fn, let args, let filter, let options):
            return call(fn, args, filter, options, s)
        case .member(let table, let field):
            return member(table, field, s)
        }
    }

    mutating func name(_ n: String, _ s: SourceSpan) -> TypedExpr? {
        if let e = eventField(n, s) { return e }
        guard let sym = scope.lookup(n) else {
            if let hint = eventFieldHint(n) {
                report(hint, at: s)
                return nil
            }
            if ScalarFunction(rawValue: n) != nil || AggregateFunction(rawValue: n) != nil || Checker.scoringNames.contains(n) {
                report(.functionWithoutCall(n), at: s)
                return nil
            }
            // Not in scope yet but defined somewhere in the program: later, unless it is this very definition.
            if let later = laterDefinitions[n] {
                // Defined further down: used too early. Defined at or above this point yet not in scope: this
                // is the statement that defines it (an earlier definition with errors is in scope as failed).
                if later.file != source.name || later.span.start.offset > s.start.offset {
                    report(.usedBeforeDefinition(n, definedAt: later, inFile: source.name), at: s)
                } else {
                    report(.definitionUsesItself(n), at: s)
                }
                return nil
            }
            let fields = scope.all.filter { if case .field = $0.kind { return true } else { return false } }.map(\.name)
            report(.unknownName(n, nearest: Suggest.nearest(n, in: scope.names), fields: fields), at: s)
            return nil
        }
        if case .setting = sym.kind, n == "as_of", asOfSetAt == nil, let later = laterDefinitions[n] {
            report(.usedBeforeDefinition(n, definedAt: later, inFile: source.name), at: s)
            return nil
        }
        if case .field = sym.kind, !allowRedefinition, let declare = undeclaredFields[n] {
            report(.undeclaredField(n, declare: declare), at: s)
            return nil
        }
        switch sym.kind {
        case .field(let t), .derived(let t): return TypedExpr(.column(n), t, rowLevel: true, s)
        case .tiers: return TypedExpr(.column(n), .string, rowLevel: true, s)
        case .segment: return TypedExpr(.segment(n), .bool, rowLevel: true, s)
        case .constant(let t), .setting(let t): return TypedExpr(.scalar(n), t, rowLevel: false, s)
        case .table: return TypedExpr(.constant(.bool(true)), .bool, rowLevel: false, s)
        case .failed: return TypedExpr(.scalar(n), .null, rowLevel: true, s)
        }
    }

    mutating func binary(_ op: BinaryOp, _ l: TypedExpr, _ r: TypedExpr, _ s: SourceSpan) -> TypedExpr? {
        let row = l.rowLevel || r.rowLevel
        switch op {
        case .and, .or:
            guard expect(l, .bool, .leftSide(of: op), l.span), expect(r, .bool, .rightSide(of: op), r.span) else { return nil }
            return TypedExpr(op == .and ? .and(l, r) : .or(l, r), .bool, rowLevel: row, s)
        case .eq, .ne, .lt, .le, .gt, .ge:
            let cmp = CompareOp(rawValue: op.rawValue) ?? .eq
            for (side, other) in [(l, r), (r, l)] where side.type == .null {
                if case .constant(.null) = side.kind {
                    report(.compareWithNull(other: text(other.span), negated: cmp == .ne), at: s)
                    return nil
                }
            }
            guard comparable(l, r, op: op.rawValue) else { return nil }
            if l.type == .bool || r.type == .bool, cmp != .eq, cmp != .ne {
                report(.orderedBool(op), at: s)
                return nil
            }
            return TypedExpr(.compare(cmp, l, r), .bool, rowLevel: row, s)
        case .add, .sub, .mul, .div, .mod:
            return arithmetic(op, l, r, s)
        }
    }

    mutating func arithmetic(_ op: BinaryOp, _ l: TypedExpr, _ r: TypedExpr, _ s: SourceSpan) -> TypedExpr? {
        let row = l.rowLevel || r.rowLevel
        let lt = l.type, rt = r.type
        if (lt == .date && rt == .duration) || (lt == .duration && rt == .date && op == .add) {
            guard op == .add || op == .sub else {
                report(.dateDurationOperator(op, date: text(l.span)), at: s)
                return nil
            }
            let (d, dur) = lt == .date ? (l, r) : (r, l)
            return TypedExpr(.dateShift(d, dur, sign: op == .add ? 1 : -1), .date, rowLevel: row, s)
        }
        if lt == .date && rt == .date && op == .sub {
            report(.dateSubtraction(later: text(l.span), earlier: text(r.span)), at: s)
            return nil
        }
        if (lt == .date && rt == .number) || (lt == .number && rt == .date) {
            report(.dateNumberArithmetic(op, date: text(lt == .date ? l.span : r.span)), at: s)
            return nil
        }
        let okL = lt == .number || lt == .null, okR = rt == .number || rt == .null
        guard okL, okR else {
            let bad = okL ? r : l
            report(.arithmeticType(op, found: bad.type, written: text(bad.span), conversion: conversion(bad, to: .number)), at: bad.span)
            return nil
        }
        let a = ArithOp(rawValue: op.rawValue) ?? .add
        if case .constant(let x) = l.kind, case .constant(let y) = r.kind, case .number(let p) = x, case .number(let q) = y {
            return TypedExpr(.constant(Arithmetic.apply(a, p, q).map(Value.number) ?? .null), .number, rowLevel: false, s)
        }
        return TypedExpr(.arith(a, l, r), .number, rowLevel: row, s)
    }

    /// How text used as a number or date can be read as one, for the message; nil when it is not text,
    /// or is a string written out (its own hints say to drop the quotes or compare like with like).
    func conversion(_ t: TypedExpr, to wanted: ValueType) -> DiagnosticMessage.TextConversion? {
        guard t.type == .string else { return nil }
        if case .constant = t.kind { return nil }
        var field: String?
        if case .column(let n) = t.kind { field = n }
        return DiagnosticMessage.TextConversion(written: text(t.span), field: field, why: field.flatMap { fieldNotes[$0] }, wanted: wanted,
                                                table: tableName)
    }

    /// Whether two operands can be compared; reports an error with a hint when not.
    mutating func comparable(_ l: TypedExpr, _ r: TypedExpr, op: String) -> Bool {
        if l.type == r.type || l.type == .null || r.type == .null {
            if l.type == .duration || r.type == .duration {
                report(.durationComparison, at: l.type == .duration ? l.span : r.span)
                return false
            }
            return true
        }
        var hint = DiagnosticMessage.ComparisonHint.sameType(written: text(l.span), type: l.type)
        for (a, b) in [(l, r), (r, l)] {
            if case .constant(.string(let str)) = b.kind {
                if a.type == .number, Double(str) != nil { hint = .removeQuotes(str) }
                if a.type == .date, CivilDate.parse(str) != nil { hint = .dateWithoutQuotes(str) }
                if a.type == .bool, str == "true" || str == "false" { hint = .removeQuotes(str) }
            }
            if a.type == .string, b.type == .number || b.type == .date, let c = conversion(a, to: b.type) { hint = .convertText(c) }
        }
        // A field that is text only because of one cell: say which, so the data can be fixed.
        if case .convertText = hint {} else {
            for a in [l, r] {
                if case .column(let name) = a.kind, let why = fieldNotes[name] { hint = .readAsText(field: name, why: why) }
            }
        }
        report(.comparisonTypeMismatch(op, left: (l.type, text(l.span)), right: (r.type, text(r.span)), hint: hint), at: l.span.merged(with: r.span))
        return false
    }
}

/// Number arithmetic shared by constant folding and the kernels: division and modulo by zero are null.
enum Arithmetic {
    @inline(__always)
    static func apply(_ op: ArithOp, _ a: Double, _ b: Double) -> Double? {
        let r: Double
        switch op {
        case .add: r = a + b
        case .sub: r = a - b
        case .mul: r = a * b
        case .div: guard b != 0 else { return nil }; r = a / b
        case .mod: guard b != 0 else { return nil }; r = a.truncatingRemainder(dividingBy: b)
        }
        // An overflow is as unknown as a division by zero: null, never an infinity that prints as "null".
        return r.isFinite ? r : nil
    }
}
