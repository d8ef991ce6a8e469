/// `why` as text (a tree drawn with `├─ └─`, notes aligned in display columns so CJK text lines up),
/// CSV (one row per clause, with its depth) and JSON (the tree nested as it is). The tree is in the output's
/// language; CSV and JSON keep their keys, clauses and truths as written, and give the notes and the
/// headline in the output's language (they are prose, not keys).
enum WhyRender {
    /// The report in the given format.
    static func render(_ r: WhyReport, format: OutputFormat) -> String {
        switch format {
        case .table: return tree(r)
        case .csv: return csv(r)
        case .json: return "[\n" + json(r) + "\n]\n"
        }
    }

    /// The first line: what is explained, for whom, and the result.
    static func headline(_ r: WhyReport) -> String {
        let slots: [String: Slot] = ["name": "\(r.name)", "field": "\(r.keyField)", "key": "\(r.key)", "result": "\(r.result)"]
        return (r.isTiers ? WhyText.headlineTiers(slots) : WhyText.headlineSegment(slots)).text()
    }

    /// One clause's line without its tree prefix: `text → truth`, in the output's language.
    static func line(_ n: WhyNode) -> String {
        let text = n.wording?.text() ?? n.text
        return n.truth == .none ? text : text + " → " + n.truth.word
    }

    /// Notes start in one column, past the longest line that has one (within reason: a very long clause
    /// pushes only its own note further).
    static let noteColumnLimit = 64

    static func tree(_ r: WhyReport) -> String {
        var lines: [(left: String, note: String?)] = []
        func walk(_ nodes: [WhyNode], _ indent: String) {
            for (i, n) in nodes.enumerated() {
                let last = i == nodes.count - 1
                lines.append((indent + (last ? "└─ " : "├─ ") + line(n), n.note?.text()))
                walk(n.children, indent + (last ? "   " : "│  "))
            }
        }
        walk(r.clauses, "")
        let widths = lines.filter { $0.note != nil }.map { DisplayWidth.of($0.left) }
        let column = min(widths.max() ?? 0, noteColumnLimit)
        var out = headline(r) + "\n"
        for l in lines {
            guard let note = l.note else {
                out += l.left + "\n"
                continue
            }
            let pad = max(0, column - DisplayWidth.of(l.left))
            out += l.left + String(repeating: " ", count: pad) + "   " + note + "\n"
        }
        return out
    }

    static func csv(_ r: WhyReport) -> String {
        var rows: [[Value]] = []
        func walk(_ nodes: [WhyNode], _ depth: Int) {
            for n in nodes {
                rows.append([.string(r.key), .string(r.name), .number(Double(depth)), .string(n.text), .string(n.truth.rawValue),
                             n.note.map { Value.string($0.text()) } ?? .null])
                walk(n.children, depth + 1)
            }
        }
        walk(r.clauses, 1)
        let head: [Value] = [.string(r.key), .string(r.name), .number(0), .string(headline(r)), .string(r.result), .null]
        return CSVWriter.render(headers: [r.keyField, "name", "depth", "clause", "truth", "note"], rows: [head] + rows)
    }

    static func json(_ r: WhyReport) -> String {
        func node(_ n: WhyNode) -> String {
            var parts = ["\"clause\":" + JSONWriter.quote(n.text)]
            if n.truth != .none { parts.append("\"truth\":" + JSONWriter.quote(n.truth.rawValue)) }
            if let note = n.note { parts.append("\"note\":" + JSONWriter.quote(note.text())) }
            if !n.children.isEmpty { parts.append("\"clauses\":[" + n.children.map(node).joined(separator: ",") + "]") }
            return "{" + parts.joined(separator: ",") + "}"
        }
        let parts = ["\"key_field\":" + JSONWriter.quote(r.keyField), "\"key\":" + JSONWriter.quote(r.key),
                     "\"name\":" + JSONWriter.quote(r.name), "\"kind\":" + JSONWriter.quote(r.isTiers ? "tiers" : "segment"),
                     "\"result\":" + JSONWriter.quote(r.result), "\"clauses\":[" + r.clauses.map(node).joined(separator: ",") + "]"]
        return "{" + parts.joined(separator: ",") + "}"
    }
}
