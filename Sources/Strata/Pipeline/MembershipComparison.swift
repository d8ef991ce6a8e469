import Foundation

/// One side of a `strata diff`: a program's definitions evaluated over its data.
public struct EvaluatedMembership {
    public var program: Program
    public var runner: Runner
    /// The customer key: the `load … key` field, else the one the program picks by name.
    public var keyName: String?
}

extension Pipeline {
    /// Compiles a source and evaluates only what defines membership — segments, tiers, derived fields,
    /// lets, `set as_of` — so a diff never prints, exports or asserts what the rule file asks for.
    public func evaluateMembership(_ source: SourceFile) -> (evaluated: EvaluatedMembership?, result: RunResult) {
        var c = projected(source) ?? compile(source, forCheck: false)
        guard var program = c.program, c.result.exitCode == 0 else { return (nil, c.rendered()) }
        program.statements = program.statements.filter { Pipeline.definesMembership($0.checked.kind) }
        let runner = Runner(table: c.table, linked: c.linked, options: options, export: Exporter.writer)
        var result = RunResult()
        runner.run(program, into: &result)
        // Only what the data and the evaluation had to say (notes, an evaluation error): the summary a
        // program without output statements prints is not part of a diff.
        c.result.outputs += result.outputs.filter { Report.note($0) != nil }
        c.result.diagnostics += result.diagnostics
        c.result.exitCode = max(c.result.exitCode, result.diagnostics.contains { $0.severity == .error } ? 1 : 0)
        // The key a `load … key FIELD` names (the catalog records it only when tables are linked to it).
        let planned = c.planned.first { $0.link == nil }?.key
        let key = planned.flatMap { runner.table.column(named: $0) != nil ? $0 : nil } ?? program.customerKey?.name
        return (c.result.exitCode == 0 ? EvaluatedMembership(program: program, runner: runner, keyName: key) : nil, c.rendered())
    }

    /// Whether a statement kind defines a name a diff compares or depends on (output statements do not).
    static func definesMembership(_ kind: CheckedStmt.Kind) -> Bool {
        switch kind {
        case .setAsOf, .let, .derive, .segment, .tiers: return true
        case .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return false
        }
    }
}

/// Compares two evaluations customer by customer, matched by the customer key through a `KeyIndex`;
/// each segment, tiers and derived field is compared as whole columns.
public enum MembershipComparison {
    /// Why two evaluations cannot be compared.
    public struct Refusal: Error, Sendable {
        /// Why, rendered in the language of the output.
        public var message: Message

        /// Two customers with one key cannot be told apart, so nothing is compared.
        static func duplicate(_ key: String, _ field: String, _ first: Int, _ second: Int, side: DataText) -> Refusal {
            let shown = PII.kind(fieldName: field) != nil ? PII.mask(key, fieldName: field) : key
            return Refusal(message: DataText.duplicateKey(["side": .message(side.message), "field": .text(field), "key": .text(shown),
                                                           "first": "\(first + 1)", "second": "\(second + 1)"]))
        }
    }

    /// The diff from `before` to `after`; refused when either side's customer table has no key.
    public static func compare(_ before: EvaluatedMembership, _ after: EvaluatedMembership,
                               mode: MembershipDiff.Mode) throws(Refusal) -> MembershipDiff {
        guard let keyB = before.keyName, let keyA = after.keyName,
              let colB = before.runner.table.column(named: keyB), let colA = after.runner.table.column(named: keyA) else {
            throw Refusal(message: DataText.noKeyToMatch.message)
        }
        let rowsB = before.runner.table.rowCount, rowsA = after.runner.table.rowCount
        let keysB = keyTexts(colB, rows: rowsB), keysA = keyTexts(colA, rows: rowsA)
        var index = KeyIndex(capacity: rowsB)
        for (r, k) in keysB.enumerated() {
            if let first = index.append(k) { throw Refusal.duplicate(k, keyB, Int(first), r, side: .sideBefore) }
        }
        var afterIndex = KeyIndex(capacity: rowsA)
        for (r, k) in keysA.enumerated() {
            if let first = afterIndex.append(k) { throw Refusal.duplicate(k, keyA, Int(first), r, side: .sideAfter) }
        }
        // For each after row, its before row (−1: arrived); which before rows were matched.
        var match = [Int32](repeating: -1, count: rowsA)
        var matchedB = [Bool](repeating: false, count: rowsB)
        var matched = 0
        for a in 0..<rowsA {
            guard let b = index.row(of: keysA[a]), !matchedB[Int(b)] else { continue }
            match[a] = b
            matchedB[Int(b)] = true
            matched += 1
        }
        var diff = MembershipDiff(mode: mode, keyName: keyA, before: rowsB, after: rowsA, matched: matched)
        let fields = comparedFields(before.program, after.program)
        // Per field, each row's state on each side: a tier rank (segments: 0 member, 1 not), and whether it differs.
        var columns: [(name: String, kind: FieldKind, b: [Int32], a: [Int32])] = []
        for f in fields {
            switch f.kind {
            case .segment:
                let sb = f.presence == .added ? nil : before.runner.segments[f.name]
                let sa = f.presence == .removed ? nil : after.runner.segments[f.name]
                let b = segmentStates(sb, rows: rowsB), a = segmentStates(sa, rows: rowsA)
                var s = SegmentChange(name: f.name, presence: f.presence)
                s.before = b.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
                s.after = a.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
                for r in 0..<rowsA where a[r] == 0 && match[r] >= 0 && b[Int(match[r])] == 0 { s.stayed += 1 }
                s.entered = s.after - s.stayed
                s.left = s.before - s.stayed
                diff.segments.append(s)
                columns.append((f.name, f.kind, b, a))
            case .tiers(let labels):
                let b = f.presence == .added ? noTier(rowsB, labels) : tierRanks(before.runner.table.column(named: f.name), labels, rows: rowsB)
                let a = f.presence == .removed ? noTier(rowsA, labels) : tierRanks(after.runner.table.column(named: f.name), labels, rows: rowsA)
                var m = TierMigration(name: f.name, presence: f.presence, tiers: labels)
                let outside = labels.count + 1
                for r in 0..<rowsA {
                    let from = match[r] >= 0 ? Int(b[Int(match[r])]) : outside
                    m.counts[from][Int(a[r])] += 1
                }
                for r in 0..<rowsB where !matchedB[r] { m.counts[Int(b[r])][outside] += 1 }
                diff.tiers.append(m)
                columns.append((f.name, f.kind, b, a))
            case .derived:
                var c = FieldChange(name: f.name, presence: f.presence)
                if f.presence == .both, let cb = before.runner.table.column(named: f.name), let ca = after.runner.table.column(named: f.name) {
                    for r in 0..<rowsA where match[r] >= 0 && ca.value(at: r) != cb.value(at: Int(match[r])) { c.changed += 1 }
                }
                diff.fields.append(c)
            }
        }
        diff.moves = moves(columns, match: match, matchedB: matchedB, keysA: keysA, keysB: keysB)
        return diff
    }

    /// A compared field's kind; a tiers field carries the union of both sides' tiers, highest first.
    enum FieldKind {
        case segment
        case tiers([String])
        case derived
    }

    /// The segments, tiers and derived fields of both programs: the after program's in definition order,
    /// then those only the before program defines.
    static func comparedFields(_ before: Program, _ after: Program) -> [(name: String, kind: FieldKind, presence: MembershipDiff.Presence)] {
        let b = definitions(before), a = definitions(after)
        var out: [(name: String, kind: FieldKind, presence: MembershipDiff.Presence)] = []
        for (name, kind) in a {
            guard let old = b.first(where: { $0.name == name }) else {
                out.append((name, kind, .added))
                continue
            }
            switch (kind, old.kind) {
            case (.tiers(let new), .tiers(let was)): out.append((name, .tiers(new + was.filter { !new.contains($0) }), .both))
            case (.segment, .segment), (.derived, .derived): out.append((name, kind, .both))
            // A name whose kind changed between the versions: the old one is removed, the new one added.
            case (.segment, _), (.tiers, _), (.derived, _): out.append((name, kind, .added))
            }
        }
        for (name, kind) in b {
            let same = out.contains { o in
                o.name == name && o.presence == .both
            }
            if !same { out.append((name, kind, .removed)) }
        }
        return out
    }

    static func definitions(_ p: Program) -> [(name: String, kind: FieldKind)] {
        p.statements.compactMap { s in
            switch s.checked.kind {
            case .segment(let name, _): return (name, .segment)
            case .tiers(let name, let arms): return (name, .tiers(arms.map(\.label)))
            case .derive(let name, _): return (name, .derived)
            case .setAsOf, .let, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: return nil
            }
        }
    }

    /// Each row's key as text (numbers as they print), read once per row.
    static func keyTexts(_ c: Column, rows: Int) -> [String] {
        if case .string(let codes, let dict) = c.storage {
            return (0..<rows).map { r in
                let code = r < codes.count ? Int(codes[r]) : -1
                return code >= 0 && code < dict.count && c.valid[r] ? dict[code] : ""
            }
        }
        return (0..<rows).map { ValueFormat.text(c.value(at: $0)) }
    }

    /// 0 for a member, 1 for not (a segment the side does not define has no members).
    static func segmentStates(_ s: Bitset?, rows: Int) -> [Int32] {
        guard let s else { return [Int32](repeating: 1, count: rows) }
        return (0..<rows).map { r in r < s.count && s[r] ? 0 : 1 }
    }

    static func noTier(_ rows: Int, _ labels: [String]) -> [Int32] { [Int32](repeating: Int32(labels.count), count: rows) }

    /// Each row's tier as its index in `labels` (`labels.count` for none), mapping the column's
    /// dictionary once rather than comparing text per row.
    static func tierRanks(_ c: Column?, _ labels: [String], rows: Int) -> [Int32] {
        let none = Int32(labels.count)
        guard let c, case .string(let codes, let dict) = c.storage else { return noTier(rows, labels) }
        let rankOf = dict.map { d in Int32(labels.firstIndex(of: d) ?? labels.count) }
        return (0..<rows).map { r in
            guard r < codes.count, c.valid[r] else { return none }
            let code = Int(codes[r])
            return code >= 0 && code < rankOf.count ? rankOf[code] : none
        }
    }

    /// The per-customer changes, after rows in load order, then the customers who left.
    static func moves(_ columns: [(name: String, kind: FieldKind, b: [Int32], a: [Int32])], match: [Int32],
                      matchedB: [Bool], keysA: [String], keysB: [String]) -> [Move] {
        func label(_ kind: FieldKind, _ state: Int32) -> String {
            switch kind {
            case .segment: return state == 0 ? "true" : "false"
            case .tiers(let labels): return Int(state) < labels.count ? labels[Int(state)] : TierMigration.none
            case .derived: return ""
            }
        }
        func absent(_ kind: FieldKind, _ state: Int32) -> Bool {
            switch kind {
            case .segment: return state != 0  // not a member on the one side it is on: no membership change
            case .tiers, .derived: return false
            }
        }
        var out: [Move] = []
        for r in 0..<keysA.count {
            let b = Int(match[r])
            for c in columns {
                if b >= 0 {
                    if c.b[b] != c.a[r] { out.append(Move(key: keysA[r], field: c.name, from: label(c.kind, c.b[b]), to: label(c.kind, c.a[r]))) }
                } else if !absent(c.kind, c.a[r]) {
                    out.append(Move(key: keysA[r], field: c.name, from: TierMigration.arrivedLabel, to: label(c.kind, c.a[r])))
                }
            }
        }
        for r in 0..<keysB.count where !matchedB[r] {
            for c in columns where !absent(c.kind, c.b[r]) {
                out.append(Move(key: keysB[r], field: c.name, from: label(c.kind, c.b[r]), to: TierMigration.leftLabel))
            }
        }
        return out
    }
}
