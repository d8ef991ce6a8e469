import Foundation

/// Where an expression is translated: over the customer rows of a stage, or over an event table's rows
/// joined to their customer (inside an event aggregate).
struct SQLContext {
    /// The customer stage (a CTE) that aggregates over customers read.
    var stage: String
    /// The alias of the customer row inside an event aggregate's query; nil over the stage itself.
    var customerAlias: String?
    /// The alias of the event row inside an event aggregate's query.
    var eventAlias: String?
    /// Whether window functions (`ntile`, `abc`) may stand here: only in a stage's select list, not
    /// inside an aggregate or over event rows, where SQL cannot nest them.
    var windows = true
    /// Per-customer event aggregates already computed as columns of `stage`, by their position.
    var lifted: [SourceSpan: String] = [:]
}

/// What a `let` translates to: its CTE, or its value when it is a written constant (inlined, so that
/// engines that want a constant — a percentile's fraction, a duration — get one).
struct SQLLet {
    var cte: String
    var constant: Value?
}

/// Translates checked expressions to SQL text for one dialect. It reads only the typed tree (names
/// resolved, types known), never the rule text.
struct SQLExpressionWriter {
    let dialect: SQLDialect
    let names: SQLNames
    var lets: [String: SQLLet] = [:]
    let asOf: Int32
    /// The column that stands for load order in every customer stage (quoted).
    let order: String
    let orderType: ValueType
    /// The tables the program reads, for the link field of event tables.
    let tables: [TableSchema]
    /// The customer key (quoted).
    let key: String
    /// Derived fields and constants known to hold whole numbers, whose `text` every engine writes alike.
    var wholeNames: Set<String> = []
    /// The key as a second sort key when `--order` names a column that may hold ties (quoted, ordered
    /// as text is); nil when the order column is unique (`_row`, the key).
    var tieBreak: String? = nil

    typealias Failure = SQLUntranslatable

    func fail(_ construct: Slot, _ why: SQLText, _ e: TypedExpr) -> Failure {
        .notTranslated(construct, dialect, why: why, at: e.span)
    }

    func sql(_ e: TypedExpr, _ cx: SQLContext) throws(Failure) -> String {
        switch e.kind {
        case .constant(let v):
            return literal(v, e)
        case .column(let name):
            return (cx.customerAlias.map { $0 + "." } ?? "") + names.quoted(name)
        case .segment(let name):
            return (cx.customerAlias.map { $0 + "." } ?? "") + names.quoted(name)
        case .scalar(let name):
            if name == "as_of" { return dialect.date(asOf) }
            guard let l = lets[name] else { throw fail("`\(name)`", .notAConstant, e) }
            if let c = l.constant { return literal(c, e) }
            return "(SELECT \(dialect.quote("v")) FROM \(l.cte))"
        case .negate(let a):
            return "(-\(try sql(a, cx)))"
        case .not(let a):
            return "(NOT \(try sql(a, cx)))"
        case .and(let a, let b):
            return "(\(try sql(a, cx)) AND \(try sql(b, cx)))"
        case .or(let a, let b):
            return "(\(try sql(a, cx)) OR \(try sql(b, cx)))"
        case .arith(let op, let a, let b):
            let x = try sql(a, cx), y = try sql(b, cx)
            switch op {
            case .add: return "(\(x) + \(y))"
            case .sub: return "(\(x) - \(y))"
            case .mul: return "(\(x) * \(y))"
            case .div: return "(\(x) / NULLIF(\(y), 0))"  // Strata: x / 0 is null (DuckDB: inf, the others: an error)
            case .mod:
                guard dialect.hasDoubleRemainder else {
                    throw fail("`%`", .postgresRemainder, e)
                }
                return "(\(x) % NULLIF(\(y), 0))"
            }
        case .dateShift(let d, let dur, let sign):
            guard case .duration(let m, let days)? = constantValue(dur) else { return try shiftByComputed(d, dur, sign: sign, e, cx) }
            return dialect.shift(try sql(d, cx), months: m * sign, days: days * sign)
        case .compare(let op, let a, let b):
            let x = dialect.ordered(try sql(a, cx), a.type), y = try sql(b, cx)
            let o: String
            switch op {
            case .eq: o = "="
            case .ne: o = "<>"
            case .lt: o = "<"
            case .le: o = "<="
            case .gt: o = ">"
            case .ge: o = ">="
            }
            return "(\(x) \(o) \(y))"
        case .inList(let x, let items, let negated):
            var parts: [String] = []
            for i in items { parts.append(try sql(i, cx)) }
            return "(\(try sql(x, cx)) \(negated ? "NOT IN" : "IN") (\(parts.joined(separator: ", "))))"
        case .isNull(let a, let negated):
            return "(\(try sql(a, cx)) IS \(negated ? "NOT NULL" : "NULL"))"
        case .call(let f, let args):
            return try call(f, args, e, cx)
        case .aggregate(let f, let arg, let filter, let param):
            return try aggregate(f, arg, filter, param, e, cx)
        case .ranking where cx.lifted[e.span] != nil:
            // Computed in a stage before (SQLStages): read as a column.
            return (cx.customerAlias.map { $0 + "." } ?? "") + dialect.quote(cx.lifted[e.span] ?? "")
        case .ranking(let r):
            return try ranking(r, e, cx)
        case .eventColumn(_, let field):
            guard let alias = cx.eventAlias else { throw fail(.message(SQLText.eventField.message), .outsideEventAggregate, e) }
            return alias + "." + dialect.quote(field)
        case .eventAggregate(let g):
            if g.perCustomer {
                guard let column = cx.lifted[e.span] else {
                    throw fail(.message(SQLText.perCustomerEventAggregate.message), .insideAnotherAggregatesRows, e)
                }
                let ref = (cx.customerAlias.map { $0 + "." } ?? "") + dialect.quote(column)
                // A customer with no rows: count is 0, everything else null (as the LEFT JOIN leaves it).
                return g.function == .count || g.function == .countDistinct ? "COALESCE(\(ref), \(dialect.number(0)))" : ref
            }
            return "(" + (try eventQuery(g, e, stage: cx.stage, grouped: false, lifted: cx.lifted)) + ")"
        }
    }

    /// The load-order column as an ORDER BY term (text keys in code-point order).
    var orderKey: String { dialect.ordered(order, orderType) }

    /// Load order as ORDER BY terms: the order column, then the key when the column may hold ties
    /// (`--order` of a column that is not unique), so tied customers come in one order on every engine.
    var orderTerms: String { "\(orderKey) ASC" + (tieBreak.map { ", \($0) ASC" } ?? "") }

    func literal(_ v: Value, _ e: TypedExpr) -> String {
        switch v {
        case .null: return "NULL"
        case .number(let d): return dialect.number(d)
        case .string(let s): return dialect.string(s)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return dialect.date(d)
        case .duration(let m, let d): return "INTERVAL '\(m) month \(d) day'"  // only reached inside a shift, which writes its own
        }
    }

    /// The value of a written constant, directly or through a `let` that holds one.
    func constantValue(_ e: TypedExpr) -> Value? {
        switch e.kind {
        case .constant(let v): return v
        case .scalar(let name): return lets[name]?.constant
        default: return nil
        }
    }
}
