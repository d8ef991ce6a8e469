import Foundation

/// Evaluation of each checked statement against the store.
extension Runner {
    func execute(_ c: CheckedStmt, _ result: inout RunResult) throws(EvalError) {
        let ev = evaluator
        switch c.kind {
        case .setAsOf(let e):
            if options.asOf == nil { scalars["as_of"] = try scalarValue(e, ev) }
        case .let(let name, let e):
            scalars[name] = try scalarValue(e, ev)
        case .derive(let name, let e):
            let column = try ev.eval(e).column(named: name, type: e.type, count: rowCount)
            table.put(column)
        case .segment(let name, let e):
            segments[name] = try ev.eval(e).truth(rowCount).isTrue
        case .tiers(let name, let arms):
            let column = try tiers(name, arms, ev)
            table.put(column)
        case .show(let label, let target, let limit, let orderBy, let columns):
            let rows = try ordered(try ev.eval(target).truth(rowCount).isTrue.indices, orderBy, ev)
            let shown = try limited(rows, limit, ev)
            let (headers, values, numeric) = try table(shown, columns, ev)
            result.outputs.append(.rows(title: label, headers: headers, rows: values, numeric: numeric, total: rows.count))
        case .count(let label, let target):
            var header = "segment"
            if case .groups = target { header = label }
            result.outputs.append(.counts(title: label, header: header, rows: try countRows(label, target, ev)))
        case .export(let label, let target, let path, let columns):
            let rows = try ev.eval(target).truth(rowCount).isTrue.indices
            let (headers, values, _) = try table(rows, columns, ev)
            let full = path
            if Runner.sameFile(full, table.source) {
                throw EvalError(.exportOverwritesData(table.source, path: full), at: c.span)
            }
            if options.dryRun {
                result.outputs.append(.note(OutputText.wouldExport(Self.exportSlots(rows.count, label, full))))
                return
            }
            try exportWriter(ExportRequest(path: full, headers: headers, rows: values, span: c.span, cancellation: options.cancellation))
            result.outputs.append(.note(OutputText.exported(Self.exportSlots(rows.count, label, full))))
        case .assert(let e, let text, let message, let sides):
            let v = try scalarValue(e, ev)
            if case .bool(true) = v {
                result.passedAssertions += 1
                result.assertions.append(RunResult.AssertionOutcome(file: c.file, span: e.span, text: text, message: message, passed: true, detail: nil))
                return
            }
            result.failedAssertions += 1
            var values: [Message] = []
            for s in sides { values.append(DiagnosticMessage.assertionValue(s.text, is: display(masked(try scalarValue(s.expr, ev), s.personal)))) }
            if v.isNull { values.append(DiagnosticMessage.assertionConditionNull) }
            result.assertions.append(RunResult.AssertionOutcome(file: c.file, span: e.span, text: text, message: message, passed: false,
                                                      detail: values.isEmpty ? nil : RunText.clauses(values)))
            result.diagnostics.append(Diagnostic(.assertionFailed(message: message, text: text, values: values), file: c.file, span: e.span))
        case .overlap(let label, let items):
            result.outputs.append(.overlap(title: label, try overlap(items, ev)))
        case .expression(let e, let text, let personal, let columns):
            let v = try ev.eval(e)
            if case .scalar(let s) = v {
                result.outputs.append(.value(label: text, masked(s, personal)))
            } else {
                // A per-customer value: its first rows (a condition: its first members) with the default columns.
                let rows = e.type == .bool ? v.truth(rowCount).isTrue.indices : Array(0..<rowCount)
                let (headers, values, numeric) = try table(Array(rows.prefix(20)), columns, ev)
                result.outputs.append(.rows(title: text, headers: headers, rows: values, numeric: numeric, total: rows.count))
            }
        case .summarize(let plan):
            result.outputs.append(try summarize(plan, ev))
        case .print(let list):
            result.outputs.append(.figures(title: list.map(\.header).joined(separator: ", "), try figures(list, ev)))
        }
    }

    func scalarValue(_ e: TypedExpr, _ ev: Evaluator) throws(EvalError) -> Value {
        let v = try ev.eval(e)
        if case .scalar(let s) = v { return s }
        return v.value(at: 0)
    }

    func display(_ v: Value) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return v.isNull ? "null" : ValueFormat.text(v)
    }

    /// First matching tier wins; `otherwise` takes every customer left, including those whose conditions were null.
    func tiers(_ name: String, _ arms: [(label: String, condition: TypedExpr?)], _ ev: Evaluator) throws(EvalError) -> Column {
        var codes = [Int32](repeating: 0, count: rowCount)
        var assigned = Bitset(count: rowCount)
        for (k, arm) in arms.enumerated() {
            var hit = ~assigned
            if let cond = arm.condition { hit = hit & (try ev.eval(cond).truth(rowCount).isTrue) }
            hit.forEach { codes[$0] = Int32(k) }
            assigned = assigned | hit
        }
        return Column(name: name, storage: .string(codes: codes, dictionary: arms.map(\.label)), valid: assigned)
    }

    /// Stable sort by the keys; nulls last in either direction, ties in load order.
    func ordered(_ rows: [Int], _ keys: [(TypedExpr, descending: Bool)], _ ev: Evaluator) throws(EvalError) -> [Int] {
        guard !keys.isEmpty else { return rows }
        var vectors: [(Vector, Bool)] = []
        for (e, d) in keys { vectors.append((try ev.eval(e), d)) }
        // A million rows take a while to sort: Ctrl-C is heard every 4096 comparisons, and then the sort
        // runs out quickly on row numbers alone (that order is thrown away).
        let token = options.cancellation
        var comparisons = 0
        var stopped = false
        let sorted = rows.sorted { a, b in
            if stopped { return a < b }
            comparisons &+= 1
            if comparisons & 0xFFF == 0, let t = token, t.isRequested {
                stopped = true
                return a < b
            }
            for (v, desc) in vectors {
                let x = v.value(at: a), y = v.value(at: b)
                if x.isNull != y.isNull { return y.isNull }
                let c = ScalarOrder.compare(x, y)
                if c != 0 { return desc ? c > 0 : c < 0 }
            }
            return a < b
        }
        if stopped { throw EvalError(.cancelled, at: keys.first?.0.span ?? .zero) }
        return sorted
    }

    /// Evaluates output columns for the given rows, masking personal data unless revealed.
    func table(_ rows: [Int], _ cols: [OutputColumn], _ ev: Evaluator) throws(EvalError) -> ([String], [[Value]], Set<Int>) {
        var columns: [MaskedColumn] = []
        for c in cols {
            let v = try ev.eval(c.expr)
            columns.append(MaskedColumn(v, kind: options.revealPII ? nil : c.personal, rows: rows.count))
        }
        var out: [[Value]] = []
        out.reserveCapacity(rows.count)
        for (n, r) in rows.enumerated() {
            // A million rows take a while to gather: Ctrl-C is heard every 64k of them.
            if n & 0xFFFF == 0xFFFF, let c = options.cancellation, c.isRequested { throw EvalError(.cancelled, at: cols.first?.expr.span ?? .zero) }
            var row: [Value] = []
            row.reserveCapacity(columns.count)
            for k in columns.indices { row.append(columns[k].value(at: r)) }
            out.append(row)
        }
        let numeric = Set(cols.indices.filter { cols[$0].expr.type == .number })
        return (cols.map(\.header), out, numeric)
    }

    func countRows(_ label: String, _ target: CountTarget, _ ev: Evaluator) throws(EvalError) -> [CountRow] {
        switch target {
        case .members(let e):
            let n = try ev.eval(e).truth(rowCount).isTrue.cardinality
            return [CountRow(label: label, count: n, share: share(n))]
        case .groups(let e, let labels, let personal):
            let rows = groupCounts(try ev.eval(e), labels: labels)
            guard let kind = personal, !options.revealPII else { return rows }
            // Counting by a personal field must not list the people: each group's label is masked.
            return rows.map { r in
                var m = r
                if r.label != "(none)", case .string(let t) = PII.mask(.string(r.label), kind: kind) { m.label = t }
                return m
            }
        }
    }

    /// A value masked as personal data of the given kind, unless `--reveal-pii`.
    func masked(_ value: Value, _ personal: PII.Kind?) -> Value {
        guard let k = personal, !options.revealPII else { return value }
        return PII.mask(value, kind: k)
    }

    /// The slots of an export's note: how many customers, which statement, where.
    static func exportSlots(_ count: Int, _ label: String, _ path: String) -> [String: Slot] {
        ["count": "\(count)", "en_s": OutputText.plural(count), "label": "\(label)", "path": "\(path)"]
    }

    /// Whether two paths name the same file (after resolving `.`, `..` and links); false if either is missing.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Sizes of each value of a text field: tiers in arm order, other fields largest first, null last.
    func groupCounts(_ v: Vector, labels: [String]?) -> [CountRow] {
        guard case .string(let codes, let dict, let valid) = v else { return [] }
        // A dictionary may repeat a value (near-unique columns are stored one entry per row): group by value.
        var enc = StringEncoder()
        let canonical = dict.map { enc.code($0) }
        let values = enc.dictionary
        var sizes = [Int](repeating: 0, count: values.count)
        var nulls = 0
        for i in 0..<rowCount {
            if valid[i] {
                let c = Int(codes[i])
                if c >= 0, c < canonical.count { sizes[Int(canonical[c])] += 1 }
            } else {
                nulls += 1
            }
        }
        var order = Array(values.indices)
        if labels == nil { order.sort { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 } }
        var rows = order.map { CountRow(label: values[$0], count: sizes[$0], share: share(sizes[$0])) }
        if nulls > 0 { rows.append(CountRow(label: "(none)", count: nulls, share: share(nulls))) }
        return rows
    }

    /// Every segment and tier with its size, for rule files that print nothing themselves.
    func summary(_ classifications: [Binding]) -> OutputItem {
        var rows: [CountRow] = []
        for b in classifications {
            switch b.kind {
            case .segment:
                let n = segments[b.name]?.cardinality ?? 0
                rows.append(CountRow(label: b.name, count: n, share: share(n)))
            case .tiers:
                if let c = table.column(named: b.name) {
                    for r in groupCounts(Vector(c), labels: []) { rows.append(CountRow(label: "\(b.name) = \(r.label)", count: r.count, share: r.share)) }
                }
            case .field, .derived, .constant, .setting, .table, .failed:
                break
            }
        }
        return .counts(title: "summary", header: "segment", rows: rows)
    }
}

/// An output column's values, masked when it is personal. A text column's dictionary entries are each
/// masked once, when first shown: a name shared by many customers costs one mask, not one per row.
struct MaskedColumn {
    let vector: Vector
    let kind: PII.Kind?
    /// The masked text of each dictionary entry met so far (only when masking a text column).
    var memo: [String?] = []

    init(_ vector: Vector, kind: PII.Kind?, rows: Int) {
        self.vector = vector
        self.kind = kind
        // Remembering pays when rows may repeat entries; a few rows of a large dictionary (`show … limit
        // 20` over one entry per customer) are masked directly rather than allocate a slot for every entry.
        if kind != nil, case .string(_, let dict, _) = vector, rows * 4 >= dict.count {
            memo = [String?](repeating: nil, count: dict.count)
        }
    }

    mutating func value(at r: Int) -> Value {
        guard let kind else { return vector.value(at: r) }
        guard !memo.isEmpty, case .string(let codes, let dict, let valid) = vector else { return PII.mask(vector.value(at: r), kind: kind) }
        guard valid[r] else { return .null }
        let c = Int(codes[r])
        guard c >= 0, c < dict.count else { return .null }
        if let m = memo[c] { return .string(m) }
        let m = PII.mask(dict[c], kind: kind)
        memo[c] = m
        return .string(m)
    }
}
