/// A data file `--with-load` turns into a table: its name, path and the fields Strata inferred.
public struct SQLLoadTable: Sendable {
    public var name: String
    public var path: String
    /// Every column of the file, in its order.
    public var fields: [FieldSchema]

    public init(name: String, path: String, fields: [FieldSchema]) {
        self.name = name
        self.path = path
        self.fields = fields
    }
}

/// What a script is written for, besides the program.
public struct SQLOptions: Sendable {
    public var dialect: SQLDialect
    /// `as_of` when the rules do not set it (today, or `--as-of`, which also overrides the rules).
    public var asOf: Int32
    /// True when `--as-of` was given: it wins over the rules' `set as_of`, as in `strata run`.
    public var asOfOverrides: Bool
    /// The column that stands for load order; nil: `_row` with `load`, else the key.
    public var order: String?
    /// The files to load first (`--with-load`); nil when the tables already exist.
    public var load: [SQLLoadTable]?
    /// The linked table whose distinct keys are the customers, when the program loads no customer table.
    public var customersFrom: String?

    public init(dialect: SQLDialect, asOf: Int32, asOfOverrides: Bool = false, order: String? = nil, load: [SQLLoadTable]? = nil) {
        self.dialect = dialect
        self.asOf = asOf
        self.asOfOverrides = asOfOverrides
        self.order = order
        self.load = load
    }
}

/// Writes one SQL script for a checked program: a chain of CTEs, one stage per definition in run order,
/// whose final query returns the membership table (key, each segment, derived and tiers field) in load
/// order. It reads the checked program only, as the evaluator does.
public enum SQLScript {
    /// The script, or nil and the diagnostics of every construct it cannot translate.
    public static func write(_ program: Program, _ options: SQLOptions) -> (script: String?, diagnostics: [Diagnostic]) {
        var w = SQLScriptWriter(program: program, options: options)
        return w.write()
    }
}

/// The state of writing one script: the CTEs so far and the stage the next statement reads.
struct SQLScriptWriter {
    let program: Program
    let options: SQLOptions
    var dialect: SQLDialect { options.dialect }
    var ctes: [(name: String, body: String)] = []
    var failures: [Diagnostic] = []

    init(program: Program, options: SQLOptions) {
        self.program = program
        self.options = options
    }

    mutating func write() -> (script: String?, diagnostics: [Diagnostic]) {
        let root = program.sources.first?.name ?? "rules"
        guard let customers = program.customers, let keyField = program.customerKey else {
            return (nil, [Diagnostic(.sqlNotTranslated(.message(SQLText.programWithoutCustomers.message), dialect: dialect,
                                                            why: .oneRowPerCustomer), file: root, span: .zero)])
        }
        var names = SQLNames(dialect: dialect)
        let definitions = program.statements.compactMap { s -> String? in
            switch s.checked.kind {
            case .let(let n, _), .derive(let n, _), .segment(let n, _), .tiers(let n, _): return n
            case .setAsOf, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return nil
            }
        }
        definitions.forEach { names.define($0) }
        collisions(customers)
        // Only linked tables: the customers are the first one's keys, ordered by where each first appears.
        let implicit = options.customersFrom.map { implicitCustomers($0, key: keyField.name) }
        let orderField = implicit != nil ? "_first" : options.order ?? (options.load != nil ? "_row" : keyField.name)
        // A column the rules do not know (`_row`, made by the loading) is taken for a number: only text
        // needs PostgreSQL's `COLLATE "C"`.
        let orderType = customers.field(orderField)?.type ?? .number
        let key = dialect.quote(keyField.name)
        var expr = SQLExpressionWriter(dialect: dialect, names: names, asOf: asOf, order: dialect.quote("_strata_order"), orderType: orderType,
                                       tables: program.tables, key: key)
        // `_row` (what `--with-load` makes) and the key are unique: no ties to break.
        if implicit == nil, let o = options.order, o != keyField.name, o != "_row" { expr.tieBreak = dialect.ordered(key, keyField.type) }
        var stage = base(customers, key: key, order: dialect.quote(orderField), from: implicit ?? dialect.quote(customers.name))
        for (k, s) in program.statements.enumerated() {
            do throws(SQLUntranslatable) {
                stage = try statement(s.checked, number: k + 1, stage: stage, &expr)
            } catch {
                failures.append(Diagnostic(error.message, file: s.checked.file, span: error.span))
            }
        }
        guard failures.isEmpty else { return (nil, Diagnostic.inSourceOrder(failures)) }
        let columns = program.membershipColumns.map { c -> String in
            c.kind == .key ? key : names.quoted(c.name)
        }
        var out = header(names)
        if let load = options.load { out += loading(load) }
        out += "WITH\n" + ctes.map { "\($0.name) AS (\n  \($0.body)\n)" }.joined(separator: ",\n") + "\n"
        out += "SELECT \(columns.joined(separator: ", "))\nFROM \(stage)\nORDER BY \(expr.orderTerms);\n"
        return (out, [])
    }

    /// `as_of` as `strata run` sets it: `--as-of`, else the rules' `set as_of`, else today.
    var asOf: Int32 {
        if options.asOfOverrides { return options.asOf }
        for s in program.statements {
            if case .setAsOf(let e) = s.checked.kind, case .constant(.date(let d)) = e.kind { return d }
        }
        return options.asOf
    }

    /// Names the engine would take for one: reported at the definition that makes the pair.
    mutating func collisions(_ customers: TableSchema) {
        guard !dialect.caseSensitiveNames else { return }
        var seen: [String: String] = [:]
        for f in customers.fields { seen[f.name.lowercased()] = f.name }
        for s in program.statements {
            guard let n = s.checked.definedName else { continue }
            if let other = seen[n.lowercased()], other != n {
                failures.append(Diagnostic(.sqlNameCollision(other, n, dialect: dialect), file: s.checked.file, span: s.checked.span))
            }
            seen[n.lowercased()] = n
        }
    }

    /// The first stage: the customers, each matched table's fields as `table.field`, and the load order.
    mutating func base(_ customers: TableSchema, key: String, order: String, from table: String) -> String {
        var select = ["c.*"]
        var joins: [String] = []
        for (i, t) in program.tables.enumerated() {
            guard case .matched(let by) = t.grain else { continue }
            let alias = "m\(i)"
            joins.append("LEFT JOIN \(dialect.quote(t.name)) \(alias) ON \(alias).\(dialect.quote(by)) = c.\(key)")
            select += t.fields.map { "\(alias).\(dialect.quote($0.name)) AS \(dialect.quote(t.name + "." + $0.name))" }
        }
        select.append("c.\(order) AS \(dialect.quote("_strata_order"))")
        let from = ([table + " c"] + joins).joined(separator: "\n  ")
        ctes.append(("_s0", "SELECT \(select.joined(separator: ", "))\n  FROM \(from)"))
        return "_s0"
    }

    /// One statement's stages; returns the stage the next statement reads.
    mutating func statement(_ c: CheckedStmt, number k: Int, stage: String, _ expr: inout SQLExpressionWriter) throws(SQLUntranslatable) -> String {
        let exprs: [TypedExpr]
        switch c.kind {
        case .let(_, let e), .derive(_, let e), .segment(_, let e): exprs = [e]
        case .tiers(_, let arms): exprs = arms.compactMap(\.condition)
        case .setAsOf, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return stage
        }
        var cx = SQLContext(stage: stage)
        // Windows SQL cannot nest where they stand become columns of stages before: those inside event
        // aggregates before the rows are joined to the stage that holds them, the others after.
        let current = try liftWindows(Self.nestedWindows(exprs, inEvents: true), number: k, from: stage, &cx, expr)
        let lifted = exprs.flatMap(SQLScriptWriter.perCustomerEventAggregates)
        if !lifted.isEmpty {
            // Each event aggregate over its own table, grouped per customer, then LEFT JOINed: joining two
            // event tables before aggregating would multiply their rows.
            var select = ["s.*"], joins: [String] = []
            for (j, e) in lifted.enumerated() {
                guard case .eventAggregate(let g) = e.kind else { continue }
                let name = "_e\(k)_\(j + 1)", column = "_ea\(k)_\(j + 1)"
                ctes.append((name, try expr.eventQuery(g, e, stage: eventStage(e, stage: current), grouped: true, lifted: cx.lifted)))
                joins.append("LEFT JOIN \(name) ON \(name).\(dialect.quote("_k")) = s.\(expr.key)")
                select.append("\(name).\(dialect.quote("v")) AS \(dialect.quote(column))")
                cx.lifted[e.span] = column
            }
            let joined = "_s\(k)j"
            ctes.append((joined, "SELECT \(select.joined(separator: ", "))\n  FROM \(current) s\n  \(joins.joined(separator: "\n  "))"))
            cx.stage = joined
        }
        let from = try liftWindows(Self.nestedWindows(exprs, inEvents: false), number: k, from: cx.stage, &cx, expr)
        switch c.kind {
        case .let(let name, let e):
            if expr.isWhole(e) { expr.wholeNames.insert(name) }
            if case .constant(let v) = e.kind {
                expr.lets[name] = SQLLet(cte: "", constant: v)
                return from
            }
            let cte = "_l\(k)"
            if e.type == .duration {
                // A computed duration is kept as its months and days (SQL/SQLComputed.swift).
                let parts = try expr.durationParts(e, cx)
                ctes.append((cte, "SELECT \(parts.months) AS \(dialect.quote("m")), \(parts.days) AS \(dialect.quote("d"))"))
                expr.lets[name] = SQLLet(cte: cte, constant: nil)
                return from
            }
            ctes.append((cte, "SELECT \(try expr.sql(e, cx)) AS \(dialect.quote("v"))"))
            expr.lets[name] = SQLLet(cte: cte, constant: nil)
            return from
        case .derive(let name, let e):
            if expr.isWhole(e) { expr.wholeNames.insert(name) }
            return add("\(try expr.sql(e, cx)) AS \(expr.names.quoted(name))", from: from, k)
        case .segment(let name, let e):
            // Members are those for whom the rule is true: false and null are both outside.
            return add("COALESCE(\(try expr.sql(e, cx)), FALSE) AS \(expr.names.quoted(name))", from: from, k)
        case .tiers(let name, let arms):
            var cases: [String] = []
            var otherwise = "NULL"
            for a in arms {
                if let cond = a.condition {
                    cases.append("WHEN \(try expr.sql(cond, cx)) THEN \(dialect.string(a.label))")
                } else {
                    otherwise = dialect.string(a.label)
                }
            }
            return add("(CASE \(cases.joined(separator: " ")) ELSE \(otherwise) END) AS \(expr.names.quoted(name))", from: from, k)
        case .setAsOf, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap:
            return from
        }
    }

    /// A stage that adds one column to the stage before it.
    mutating func add(_ column: String, from: String, _ k: Int) -> String {
        let name = "_s\(k)"
        ctes.append((name, "SELECT *, \(column)\n  FROM \(from)"))
        return name
    }

    /// The per-customer event aggregates in an expression, in source order (they do not nest).
    static func perCustomerEventAggregates(_ e: TypedExpr) -> [TypedExpr] {
        if case .eventAggregate(let g) = e.kind { return g.perCustomer ? [e] : [] }
        return e.children.flatMap(perCustomerEventAggregates)
    }

    /// The script's opening comment: what it is, and the aliases of names too long for the engine.
    func header(_ names: SQLNames) -> String {
        var h = "-- strata sql --dialect \(dialect.rawValue): one row per customer in load order: the key, each segment\n"
            + "-- (true/false), each derived and tiers field. show, count, export and assert are not translated.\n"
        for a in names.aliases { h += "-- column \(a.alias) is `\(a.name)`\n" }
        return h
    }

    /// `--with-load`: each CSV file as a table with the types Strata inferred and `_row`, the row's place
    /// in the file. DuckDB reads it with `read_csv`; PostgreSQL with psql's `\copy` into a table whose
    /// `_row` counts the rows as they are copied; Spark with temporary views (`sparkLoading`).
    func loading(_ tables: [SQLLoadTable]) -> String {
        switch dialect {
        case .duckdb:
            var out = "SET preserve_insertion_order = true;\n"
            for t in tables {
                let types = t.fields.map { "\(dialect.string($0.name)): '\(columnType($0.type))'" }
                // A quoted empty cell (`""`) is null, as Strata reads it (`allow_quoted_nulls`, DuckDB's default, written out).
                let read = "read_csv(\(dialect.string(t.path)), header = true, delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = true, "
                    + "columns = {\(types.joined(separator: ", "))})"
                out += "CREATE OR REPLACE TABLE \(dialect.quote(t.name)) AS SELECT *, CAST(ROW_NUMBER() OVER () AS DOUBLE) AS "
                    + "\(dialect.quote("_row")) FROM \(read);\n"
            }
            return out
        case .postgres:
            var out = ""
            for t in tables {
                let columns = t.fields.map { "\(dialect.quote($0.name)) \(columnType($0.type))" } + ["\(dialect.quote("_row")) BIGSERIAL"]
                out += "DROP TABLE IF EXISTS \(dialect.quote(t.name));\nCREATE TABLE \(dialect.quote(t.name)) (\(columns.joined(separator: ", ")));\n"
                // psql reads `\copy` to the end of the line: the file's path is one quoted word. FORCE_NULL: a
                // quoted empty cell (`""`) is null, as Strata reads it (COPY would read an empty text).
                out += "\\copy \(dialect.quote(t.name)) (\(t.fields.map { dialect.quote($0.name) }.joined(separator: ", "))) FROM "
                    + "\(dialect.string(t.path)) WITH (FORMAT csv, HEADER true, FORCE_NULL (\(t.fields.map { dialect.quote($0.name) }.joined(separator: ", "))))\n"
            }
            return out
        case .spark:
            return tables.map(sparkLoading).joined()
        }
    }

    /// Spark: a temporary view over the CSV file with the inferred types, then the table's view with the
    /// bool columns converted and `_row`. `multiLine` makes the file one partition whatever its size (the
    /// reader cannot split it), so `monotonically_increasing_id()` counts the rows in file order (checked
    /// on a file of many splits by Tests/SQL/spark_check.sh). `FAILFAST`: a cell Spark cannot read as its
    /// type (`¥1,200`, `2026/6/30`) stops the query, where the default mode would make it null silently.
    func sparkLoading(_ t: SQLLoadTable) -> String {
        let raw = dialect.quote("_csv_" + t.name)
        // Spark's CSV reader takes only true/false for a BOOLEAN: bool columns are read as text and turned
        // into booleans as Strata reads them (y/yes/n/no/是/否 too, any case, spaces around).
        let columns = t.fields.map { "\(dialect.quote($0.name)) \(columnType($0.type == .bool ? .string : $0.type))" }
        let options = ["path": t.path, "header": "true", "multiLine": "true", "quote": "\"", "escape": "\"",
                       "mode": "FAILFAST", "dateFormat": "yyyy-MM-dd", "encoding": "UTF-8"]
        let written = options.keys.sorted().map { "\($0) \(dialect.string(options[$0] ?? ""))" }
        var out = "CREATE OR REPLACE TEMPORARY VIEW \(raw) (\(columns.joined(separator: ", ")))\n  USING csv OPTIONS (\(written.joined(separator: ", ")));\n"
        let select = t.fields.map { f -> String in
            let c = dialect.quote(f.name)
            // Spark reads a quoted empty cell (`""`) of a STRING column as an empty text; Strata reads it as null.
            if f.type == .string { return "NULLIF(\(c), '') AS \(c)" }
            guard f.type == .bool else { return c }
            let v = "LOWER(TRIM(\(c)))"
            return "(CASE WHEN \(v) IN ('true', 'y', 'yes', '是') THEN TRUE WHEN \(v) IN ('false', 'n', 'no', '否') THEN FALSE END) AS \(c)"
        } + ["monotonically_increasing_id() AS \(dialect.quote("_row"))"]
        out += "CREATE OR REPLACE TEMPORARY VIEW \(dialect.quote(t.name)) AS SELECT \(select.joined(separator: ", ")) FROM \(raw);\n"
        return out
    }

    /// The column type of a Strata type.
    func columnType(_ t: ValueType) -> String {
        switch t {
        case .number: return dialect.doubleType
        case .bool: return "BOOLEAN"
        case .date: return "DATE"
        case .string, .duration, .null:
            switch dialect {
            case .duckdb: return "VARCHAR"
            case .postgres: return "TEXT"
            case .spark: return "STRING"  // Spark's VARCHAR needs a length
            }
        }
    }
}
