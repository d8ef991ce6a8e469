/// The presentation of a `MembershipDiff` (`strata diff`): its tables as output items, rendered in
/// every output format, and the `--export` file of per-customer moves.
public enum DiffReport {
    /// One table of a diff: a title (printed above it in table form), headers and rows.
    public struct Section: Sendable {
        /// The title printed above the table in a terminal, in the output's language.
        public var title: Message
        /// The headers as CSV and JSON write them (English: tools parse them).
        public var headers: [String]
        /// The headers that are Strata's own words, by column, as a terminal shows them.
        var words: [Int: DiffText] = [:]
        public var rows: [[Value]]
        /// Rows and columns (by their label) a terminal may leave out when all zero: a migration
        /// matrix's `(none)`, `(arrived)` and `(left)`.
        var optional: Set<String> = []

        /// The table as an output item, for the CSV and JSON renderers.
        public var item: OutputItem { .rows(title: title.text(.en), headers: headers, rows: rows, numeric: [], total: rows.count) }

        /// The table for a terminal: optional rows and columns that are all zero left out.
        var trimmed: (headers: [String], rows: [[Value]]) {
            let zero = Value.number(0)
            let rows = self.rows.filter { r in
                guard case .string(let label)? = r.first, optional.contains(label) else { return true }
                return !r.dropFirst().allSatisfy { $0 == zero }
            }
            let keep = headers.indices.filter { i in i == 0 || !optional.contains(headers[i]) || !rows.allSatisfy { i < $0.count && $0[i] == zero } }
            return (keep.map { words[$0]?.message.text() ?? headers[$0] }, rows.map { r in keep.map { r[$0] } })
        }
    }

    /// The diff's tables, in order: customers, each tiers field's matrix, the tier movements, the
    /// segments, the derived fields.
    public static func tables(_ d: MembershipDiff) -> [Section] {
        var out: [Section] = []
        let n = { (i: Int) in Value.number(Double(i)) }
        out.append(Section(title: DiffText.customersTitle(["key": "\(d.keyName)"]), headers: ["before", "after", "in_both", "arrived", "left", "changed"],
                         words: words([.before, .after, .inBoth, .arrived, .left, .changed]),
                         rows: [[n(d.before), n(d.after), n(d.matched), n(d.arrived), n(d.left), n(d.customersChanged)]]))
        let defined = d.mode == .rules
        for t in d.tiers {
            let rows = t.fromLabels.enumerated().map { i, label in [Value.string(label)] + t.counts[i].map(n) }
            out.append(Section(title: DiffText.tierMatrixTitle(["name": "\(t.name)", "presence": presenceNote(t.presence)]), headers: [t.name] + t.toLabels,
                             rows: rows, optional: [TierMigration.none, TierMigration.arrivedLabel, TierMigration.leftLabel]))
        }
        if !d.tiers.isEmpty {
            out.append(Section(title: DiffText.tierMovesTitle.message, headers: ["tiers", "up", "down", "stayed", "arrived", "left"],
                             words: words([.tiers, .up, .down, .stayed, .arrived, .left]),
                             rows: d.tiers.map { [.string($0.name), n($0.up), n($0.down), n($0.stayed), n($0.arrived), n($0.left)] }))
        }
        if !d.segments.isEmpty {
            out.append(Section(title: DiffText.segmentsTitle.message, headers: ["segment", "before", "after", "entered", "left", "stayed"] + (defined ? ["defined"] : []),
                             words: words([.segment, .before, .after, .entered, .left, .stayed, .defined]),
                             rows: d.segments.map { s in
                                 [.string(s.name), n(s.before), n(s.after), n(s.entered), n(s.left), n(s.stayed)] + (defined ? [.string(s.presence.rawValue)] : [])
                             }))
        }
        if !d.fields.isEmpty {
            out.append(Section(title: DiffText.derivedTitle.message, headers: ["derived", "changed"] + (defined ? ["defined"] : []),
                             words: words([.derived, .changed, .defined]),
                             rows: d.fields.map { f in [.string(f.name), n(f.changed)] + (defined ? [.string(f.presence.rawValue)] : []) }))
        }
        return out
    }

    static func presenceNote(_ p: MembershipDiff.Presence) -> Slot {
        switch p {
        case .both: return ""
        case .added: return .message(DiffText.onlyInNewRules.message)
        case .removed: return .message(DiffText.onlyInOldRules.message)
        }
    }

    /// Header words by column, in order.
    static func words(_ w: [DiffText]) -> [Int: DiffText] {
        Dictionary(uniqueKeysWithValues: w.enumerated().map { ($0.offset, $0.element) })
    }

    /// The whole diff in one format: table form titles each table and ends with a verdict line; CSV is
    /// one block per table with a blank line between; JSON is one array of the tables' arrays.
    public static func render(_ d: MembershipDiff, format: OutputFormat) -> String {
        let parts = tables(d)
        switch format {
        case .table:
            var out = parts.map { t in
                let (headers, rows) = t.trimmed
                return "\(t.title.text()):\n" + TextTable(headers: headers, values: rows).render()
            }.joined(separator: "\n")
            out += "\n" + verdict(d) + "\n"
            return out
        case .csv:
            return parts.map { Report.render($0.item, format: .csv) }.joined(separator: "\n")
        case .json:
            let bodies = parts.map { p -> String in
                let s = Report.render(p.item, format: .json)
                return s.hasSuffix("\n") ? String(s.dropLast()) : s
            }
            return "[\n" + bodies.joined(separator: ",\n") + "\n]\n"
        }
    }

    /// One line saying what changed, as `terraform plan` ends.
    public static func verdict(_ d: MembershipDiff) -> String {
        guard d.changed else { return DiffText.noChanges.message.text() }
        let fieldsChanged = d.fields.filter { $0.changed > 0 }.count
        var s = DiffText.customersChanged(["count": "\(ValueFormat.grouped(d.customersChanged))",
                                           "total": "\(ValueFormat.grouped(d.before + d.after - d.matched))"]).text()
        if d.arrived > 0 || d.left > 0 {
            s += DiffText.arrivedAndLeft(["arrived": "\(ValueFormat.grouped(d.arrived))", "left": "\(ValueFormat.grouped(d.left))"]).text()
        }
        if fieldsChanged > 0 { s += DiffText.derivedFieldsChanged(["count": "\(fieldsChanged)", "en_s": OutputText.plural(fieldsChanged)]).text() }
        return s + DiffText.fullStop.message.text()
    }

    /// The `--export` file: one row per customer and segment or tiers field that changed (key, field,
    /// from, to); CSV, or JSON for a `.json` path. The key is masked when it is a personal field.
    public static func moves(_ d: MembershipDiff, json: Bool, revealPII: Bool) -> String {
        let headers = [d.keyName, "field", "from", "to"]
        let masked = !revealPII && PII.kind(fieldName: d.keyName) != nil
        let rows = d.moves.map { m -> [Value] in
            [.string(masked ? PII.mask(m.key, fieldName: d.keyName) : m.key), .string(m.field), .string(m.from), .string(m.to)]
        }
        return json ? JSONWriter.render(headers: headers, rows: rows) : CSVWriter.render(headers: headers, rows: rows)
    }
}
