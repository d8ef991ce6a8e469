/// Expressions, lowest precedence first: or; and; not; comparisons and their postfix forms; + -; * / %; unary -; primary.
extension ParserState {
    static let durationUnits: [String: DurationUnit] = [
        "day": .day, "days": .day, "week": .week, "weeks": .week,
        "month": .month, "months": .month, "year": .year, "years": .year,
    ]

    /// Counts one level of nesting — a bracket (grouping, a call's, a list's) or a prefix `-` / `not` — so
    /// hostile input (thousands of `(` or `-`) ends in a message, not a stack overflow. Every way the
    /// expression parser recurses passes through one of them, so this alone bounds its depth.
    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw SyntaxError(diagnostic: diagnostic(.nestedTooDeeply(maxDepth: Self.maxDepth), at: current.span))
        }
    }

    /// Counts one more binary operator; past `maxChain` the expression ends in a message, not a stack overflow.
    mutating func link() throws(SyntaxError) {
        chain += 1
        if chain > Self.maxChain {
            throw SyntaxError(diagnostic: diagnostic(.expressionTooLong(maxOperators: Self.maxChain), at: current.span))
        }
    }

    mutating func parseExpression() throws(SyntaxError) -> Expr {
        // Operators are counted over the whole top-level expression: their number bounds the tree's depth.
        // The expression itself is no level of nesting: `((1))` is two deep, as docs/language.md counts.
        if depth == 0 { chain = 0 }
        return try parseOr()
    }

    static func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr) -> Expr {
        Expr(.binary(op, l, r), l.span.merged(with: r.span))
    }

    mutating func parseOr() throws(SyntaxError) -> Expr {
        var l = try parseAnd()
        while eat(.or) != nil { try link(); l = Self.binary(.or, l, try parseAnd()) }
        return l
    }

    mutating func parseAnd() throws(SyntaxError) -> Expr {
        var l = try parseNot()
        while eat(.and) != nil { try link(); l = Self.binary(.and, l, try parseNot()) }
        return l
    }

    mutating func parseNot() throws(SyntaxError) -> Expr {
        guard let t = eat(.not) else { return try parseComparison() }
        try enter()
        defer { depth -= 1 }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), t.span.merged(with: operand.span))
    }

    static let comparisonSymbols: [Symbol: BinaryOp] = [.eq: .eq, .ne: .ne, .lt: .lt, .le: .le, .gt: .gt, .ge: .ge]

    /// True when the current token begins a comparison or one of its postfix forms.
    var atComparison: Bool {
        switch current.kind {
        case .symbol(let s): return Self.comparisonSymbols[s] != nil || s == .assign
        case .keyword(.in), .keyword(.between), .keyword(.is): return true
        case .keyword(.not): return peek(1).kind == .keyword(.in) || peek(1).kind == .keyword(.between)
        default: return false
        }
    }

    mutating func parseComparison() throws(SyntaxError) -> Expr {
        var l = try parseAdditive()
        guard atComparison else { return l }
        l = try parseComparisonTail(l)
        var reported = false
        while atComparison {
            try link()
            let opTok = current
            let first = l
            l = try parseComparisonTail(l)
            guard !reported else { continue }
            reported = true
            var rewrite: (a: String, op1: String, b: String, op2: String, c: String)?
            if case .binary(let op1, let a, let b) = first.kind, op1.isComparison,
               case .binary(let op2, _, let c) = l.kind, op2.isComparison {
                rewrite = (source.slice(a.span), op1.rawValue, source.slice(b.span), op2.rawValue, source.slice(c.span))
            }
            report(.chainedComparison(rewrite: rewrite), at: opTok.span)
        }
        return l
    }

    /// One comparison operator or postfix form applied to `l`.
    mutating func parseComparisonTail(_ l: Expr) throws(SyntaxError) -> Expr {
        let t = advance()
        switch t.kind {
        case .symbol(.assign):
            report(.assignmentInComparison, at: t.span)
            return Self.binary(.eq, l, try parseAdditive())
        case .symbol(let s):
            let op = Self.comparisonSymbols[s] ?? .eq
            return Self.binary(op, l, try parseAdditive())
        case .keyword(.in):
            return try parseInList(l, negated: false)
        case .keyword(.between):
            return try parseBetween(l, negated: false)
        case .keyword(.is):
            let negated = eat(.not) != nil
            let null = try expect(.null, .null(negated: negated))
            return Expr(.isNull(l, negated: negated), l.span.merged(with: null.span))
        default:
            // `not in` / `not between`: the caller saw the second word.
            if eat(.in) != nil { return try parseInList(l, negated: true) }
            _ = try expect(.between, .inOrBetweenAfterNot)
            return try parseBetween(l, negated: true)
        }
    }

    mutating func parseInList(_ l: Expr, negated: Bool) throws(SyntaxError) -> Expr {
        let open = current
        let close: Symbol
        if eat(.lbracket) != nil {
            close = .rbracket
        } else if eat(.lparen) != nil {
            close = .rparen
        } else {
            throw expected(.list(negated: negated))
        }
        try enter()
        self.open(open, close)
        defer { depth -= 1; self.close() }
        var items: [Expr] = []
        if !isSymbol(close) {
            items.append(try parseExpression())
            while eat(.comma) != nil { items.append(try parseExpression()) }
        }
        let end = try expectClosing(close, .listContinuation(close: close))
        return Expr(.inList(l, items, negated: negated), l.span.merged(with: end.span))
    }

    mutating func parseBetween(_ l: Expr, negated: Bool) throws(SyntaxError) -> Expr {
        // Bounds are additive so the `and` between them belongs to `between`, not to logical `and`.
        let low = try parseAdditive()
        _ = try expect(.and, .andBetweenBounds)
        let high = try parseAdditive()
        return Expr(.between(l, low: low, high: high, negated: negated), l.span.merged(with: high.span))
    }

    mutating func parseAdditive() throws(SyntaxError) -> Expr {
        var l = try parseMultiplicative()
        while true {
            if current.kind == .symbol(.plus) || current.kind == .symbol(.minus) { try link() }
            if eat(.plus) != nil {
                l = Self.binary(.add, l, try parseMultiplicative())
            } else if eat(.minus) != nil {
                l = Self.binary(.sub, l, try parseMultiplicative())
            } else {
                return l
            }
        }
    }

    mutating func parseMultiplicative() throws(SyntaxError) -> Expr {
        var l = try parseUnary()
        while true {
            let op: BinaryOp
            if eat(.star) != nil { op = .mul } else if eat(.slash) != nil { op = .div } else if eat(.percent) != nil { op = .mod } else { return l }
            try link()
            l = Self.binary(op, l, try parseUnary())
        }
    }

    mutating func parseUnary() throws(SyntaxError) -> Expr {
        guard let t = eat(.minus) else { return try parsePrimary() }
        try enter()
        defer { depth -= 1 }
        let operand = try parseUnary()
        return Expr(.unary(.negate, operand), t.span.merged(with: operand.span))
    }

    mutating func parsePrimary() throws(SyntaxError) -> Expr {
        let t = current
        switch t.kind {
        case .number(let value):
            advance()
            return parseDurationIfPresent(number: t, value: value)
        case .string(let s):
            advance()
            return Expr(.string(s), t.span)
        case .date(let days):
            advance()
            return Expr(.date(days, text: t.text), t.span)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expr(.bool(t.kind == .keyword(.true)), t.span)
        case .keyword(.null):
            advance()
            return Expr(.null, t.span)
        case .identifier(let name):
            advance()
            if isSymbol(.lparen) { return try parseCall(Name(name, t.span)) }
            // `visits.date`: a field of a named table; the dot binds tighter than anything else.
            if isSymbol(.dot), current.span.start.offset == t.span.end.offset {
                advance()
                let f = current
                guard case .identifier(let field) = f.kind else {
                    throw expected(.memberField(table: name))
                }
                advance()
                return Expr(.member(table: Name(name, t.span), field: Name(field, f.span)), t.span.merged(with: f.span))
            }
            return Expr(.name(name), t.span)
        case .keyword(.count) where peek(1).kind == .symbol(.lparen):
            advance()
            return try parseCall(Name("count", t.span))
        case .symbol(.lparen):
            // Counted before it is taken, so the message points at the `(` one too deep.
            try enter()
            defer { depth -= 1 }
            advance()
            open(t, .rparen)
            defer { self.close() }
            let inner = try parseExpression()
            let close = try expectClosing(.rparen, .closingParenthesis)
            return Expr(.paren(inner), t.span.merged(with: close.span))
        case .keyword(let k):
            let structural: Set<Keyword> = Keyword.statementStarts.union([.where, .otherwise, .from, .to, .by, .and, .or, .in, .is, .between, .asc, .desc])
            throw expected(structural.contains(k) ? .expression : .expressionNotKeyword(written: t.text))
        case .symbol(.lbracket):
            throw expected(.expressionNotList)
        default:
            throw expected(.expression)
        }
    }

    /// `90 days`: a number followed on the same line by a unit word is a duration.
    mutating func parseDurationIfPresent(number t: Token, value: Double) -> Expr {
        guard case .identifier(let word) = current.kind, let unit = Self.durationUnits[word],
              current.span.start.line == t.span.end.line else {
            return Expr(.number(value, text: t.text), t.span)
        }
        let unitTok = advance()
        let span = t.span.merged(with: unitTok.span)
        var amount = 0
        // Plain conversion and compare-back: the rounding functions would drag in libm at link time.
        if value.isFinite, abs(value) < 1e15, Double(Int(value)) == value {
            amount = Int(value)
        } else {
            report(.fractionalDuration(t.text), at: t.span)
        }
        return Expr(.duration(amount: amount, unit: unit, text: source.slice(span)), span)
    }

    /// `f()`, `f(a, b)`, `f(x where cond, p)`, `count(where cond)`: the filter follows the first argument;
    /// `count(distinct x …)` and `last(x by y …)` put their modifier around the first argument.
    mutating func parseCall(_ name: Name) throws(SyntaxError) -> Expr {
        let open = advance()
        try enter()
        self.open(open, .rparen)
        defer { depth -= 1; close() }
        var args: [Expr] = []
        var filter: Expr?
        var options = CallOptions.none
        if eat(.where) != nil {
            filter = try parseExpression()
        } else if !isSymbol(.rparen) {
            // `distinct` is a word only here, before the first argument (a field may be called `distinct`).
            if case .identifier("distinct") = current.kind, startsExpression(peek(1)) {
                advance()
                options.distinct = true
            }
            args.append(try parseExpression())
            if eat(.by) != nil { options.by = try parseExpression() }
            if eat(.where) != nil { filter = try parseExpression() }
            while eat(.comma) != nil {
                args.append(try parseExpression())
                if isKeyword(.where) { throw expected(.argumentAfterFilter) }
                // Ranking within groups puts `by` after the last argument: `ntile(x, 5 by city)`.
                if options.by == nil, eat(.by) != nil {
                    options.by = try parseExpression()
                    options.byAfterArguments = args.count
                }
            }
        }
        let end = try expectClosing(.rparen, .callContinuation(function: name.text))
        return Expr(.call(name, args, filter: filter, options: options), name.span.merged(with: end.span))
    }

    /// Whether a token can begin an expression (so `distinct` before it is the modifier, not a name).
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .identifier, .number, .string, .date: return true
        case .keyword(let k): return k == .not || k == .null || k == .true || k == .false || k == .count
        case .symbol(let s): return s == .lparen || s == .minus
        case .eof: return false
        }
    }
}
