/// A name as written in the source, with its span.
public struct Name: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan
    public init(_ text: String, _ span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

/// Units of a duration literal (`90 days`, `6 months`, `1 year`, `2 weeks`).
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    case day, week, month, year
}

/// Unary operators.
public enum UnaryOp: String, Sendable, Hashable {
    case negate = "-"
    case not = "not"
}

/// Binary operators, with precedence kept as data.
public enum BinaryOp: String, Sendable, Hashable, CaseIterable {
    case or, and
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case add = "+", sub = "-"
    case mul = "*", div = "/", mod = "%"

    /// Binding strength: higher binds tighter. `not` sits between `and` (2) and comparisons (4).
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .eq, .ne, .lt, .le, .gt, .ge: return 4
        case .add, .sub: return 5
        case .mul, .div, .mod: return 6
        }
    }

    public var isComparison: Bool { precedence == 4 }
    public var isLogical: Bool { self == .and || self == .or }
}

/// An expression node; every node carries the span of the source it came from.
public struct Expr: Sendable, Hashable {
    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    public indirect enum Kind: Sendable, Hashable {
        /// A number literal and its text as written (`200万`, `2e6`, `1_000`).
        case number(Double, text: String)
        case string(String)
        case bool(Bool)
        case null
        /// A date literal: days since 1970-01-01, and its text.
        case date(Int32, text: String)
        /// A duration literal such as `90 days`; `amount` is a whole number.
        case duration(amount: Int, unit: DurationUnit, text: String)
        /// A reference to a field, derived field, `let` constant, segment, tier field or setting.
        case name(String)
        /// A field of a named table: `visits.date` (an event table's field), `may.clv` (a matched
        /// snapshot's), `customers.channel` (the customer table's, past an event field of that name).
        case member(table: Name, field: Name)
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        /// `x in [a, b]`, or `x not in [...]` when negated.
        case inList(Expr, [Expr], negated: Bool)
        /// `x between lo and hi` (inclusive), or `not between` when negated.
        case between(Expr, low: Expr, high: Expr, negated: Bool)
        /// `x is null`, or `is not null` when negated.
        case isNull(Expr, negated: Bool)
        /// A function call. `filter` is the aggregate filter: `avg(clv where vip)`, `count(where …)`;
        /// `options` hold `distinct` and `by` (`count(distinct visits.date)`, `last(x by date)`).
        case call(Name, [Expr], filter: Expr?, options: CallOptions)
        /// Parentheses as written, kept so the formatter can keep them.
        case paren(Expr)
    }
}

/// The modifiers an aggregate call may take besides its arguments and filter.
public struct CallOptions: Sendable, Hashable {
    /// `count(distinct x)`: count each value once.
    public var distinct: Bool
    /// `first(x by y)` / `last(x by y)`: the value of x on the row with the least / greatest y.
    public var by: Expr?
    /// How many arguments come before `by`: 1 in `last(x by y)`, 2 in `ntile(x, 5 by city)`.
    public var byAfterArguments = 1
    public init(distinct: Bool = false, by: Expr? = nil) {
        self.distinct = distinct
        self.by = by
    }
    /// No modifiers.
    public static let none = CallOptions()
}

/// How a loaded table relates to the customers.
public enum TableLink: Sendable, Hashable {
    /// `linked by customer_id`: an event log, any number of rows per customer.
    case linked(by: Name)
    /// `matched by id`: a snapshot or survey, at most one row per customer.
    case matched(by: Name)
}

/// One field of a `schema` block: `clv: number`, `phone: string pii`, `id: string key`.
public struct SchemaField: Sendable, Hashable {
    public var name: Name
    /// The type as written (`number`, `string`, `bool`, `date`); the checker validates it.
    public var type: Name
    /// Flags as written after the type: `key`, `pii`.
    public var flags: [Name]
    public var span: SourceSpan
    public init(name: Name, type: Name, flags: [Name], span: SourceSpan) {
        self.name = name
        self.type = type
        self.flags = flags
        self.span = span
    }
}

/// One arm of a `tiers` block: `A where clv >= 5e6`, or `C otherwise` (condition nil).
public struct TierArm: Sendable, Hashable {
    public var label: Name
    public var condition: Expr?
    public var span: SourceSpan
    public init(label: Name, condition: Expr?, span: SourceSpan) {
        self.label = label
        self.condition = condition
        self.span = span
    }
}

/// One key of `order by`.
public struct OrderKey: Sendable, Hashable {
    public var expr: Expr
    public var descending: Bool
    public init(expr: Expr, descending: Bool) {
        self.expr = expr
        self.descending = descending
    }
}

/// A statement; every statement carries the span from its keyword to its last token.
public struct Stmt: Sendable, Hashable {
    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    public enum Kind: Sendable, Hashable {
        /// `load customers from "data.csv" [key id]`, `load visits from "v.csv" linked by customer_id`,
        /// `load may from "2026-05.csv" matched by id`, each with `[encoding "gb18030"]`; `path` and
        /// `encoding` are the strings' spans and decoded text (the parser has checked the encoding's name).
        case load(table: Name, path: Name, link: TableLink?, key: Name?, encoding: Name?)
        /// `set as_of = 2026-06-30`
        case set(Name, Expr)
        /// `let big = 200万`
        case `let`(Name, Expr)
        /// `derive recency = days_between(last_visit, as_of)`
        case derive(Name, Expr)
        /// `segment vip where clv > 2e6`
        case segment(Name, Expr)
        /// `tiers grade { A where … B where … C otherwise }`
        case tiers(Name, [TierArm])
        /// `show TARGET [limit N [per G]] [order by k [asc|desc], …] [columns a, b]`; clauses in any order.
        case show(target: Expr, limit: ShowLimit?, orderBy: [OrderKey], columns: [Expr])
        /// `count TARGET` — a segment / boolean expression, or a tiers name (one row per tier).
        case count(Expr)
        /// `export TARGET to "path" [columns a, b]`
        case export(target: Expr, path: Name, columns: [Expr])
        /// `assert cond [, "message"]`
        case assert(Expr, message: String?)
        /// `include "common.strata"`
        case include(path: Name)
        /// `schema customers { id: string key  clv: number … }`: the fields a rule file expects, so it can be
        /// checked without data and the data can be verified against it.
        case schema(table: Name, fields: [SchemaField])
        /// A bare expression (REPL only): prints its value.
        case expression(Expr)
        /// `summarize TARGET by F[, G] …` and `count TARGET by F[, G]`: the target's members per group.
        case summarize(GroupedSummary)
        /// `print NAME = EXPR, …`: single values, each under its name.
        case print([NamedExpr])
        /// `overlap a, b, c`: pairwise intersections of segments or conditions; none listed means every segment.
        case overlap([Expr])
    }
}

/// A parsed source: its statements, comments (for the formatter) and the source it came from.
public struct ParsedFile: Sendable {
    public var statements: [Stmt]
    public var comments: [Comment]
    public var source: SourceFile
    /// The statements that had syntax errors and were skipped, in order.
    public var unparsed: [UnparsedStatement]
    public init(statements: [Stmt], comments: [Comment], source: SourceFile, unparsed: [UnparsedStatement] = []) {
        self.statements = statements
        self.comments = comments
        self.source = source
        self.unparsed = unparsed
    }
}

/// A statement skipped after a syntax error: what it would have been, so the checker can go on around it.
public struct UnparsedStatement: Sendable {
    /// Its statement keyword; nil when it did not start with one (a misspelt keyword, stray text).
    public var keyword: Keyword?
    /// The name it would have defined (`segment NAME …`), when it got that far.
    public var name: Name?
    /// Every identifier in its text: names it reads, so none of them is reported as never used.
    public var mentions: Set<String>
}

/// `limit N` of `show`, and `per G` when the limit holds for each group of G (`limit 3 per city`).
public struct ShowLimit: Sendable, Hashable {
    public var count: Expr
    public var per: Expr?
    public init(count: Expr, per: Expr? = nil) {
        self.count = count
        self.per = per
    }
}
