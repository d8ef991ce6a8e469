/// Which diagnostics each file was last sent, so a check publishes every file whose list changed —
/// among them an empty list for a file whose errors went away. Each open document is checked as the
/// program it belongs to, which can report on other files (an `include`d file's errors); a file's list
/// is what every open document's last check said about it.
struct DiagnosticPublisher {
    /// For each checked document: the diagnostics its last check gave each file (LSP JSON).
    private var reports: [String: [String: [JSONValue]]] = [:]
    /// What each file was last sent (files last sent an empty list are absent).
    private var sent: [String: [JSONValue]] = [:]

    /// Records the check of `root` (nil: its document closed, so it reports nothing any more) and returns
    /// the files to publish with their lists: `root` first when it was checked and `confirm` is set (always,
    /// so opening or editing a file confirms it is clean), then every other file whose list changed, by path.
    mutating func update(root: String, report: [String: [JSONValue]]?, confirm: Bool = true) -> [(path: String, diagnostics: [JSONValue])] {
        let before = Set(reports[root].map { Array($0.keys) } ?? [])
        reports[root] = report
        let affected = before.union(report.map { Array($0.keys) } ?? []).union([root])
        var out: [(path: String, diagnostics: [JSONValue])] = []
        let first = report == nil || !confirm ? nil : root
        for file in affected.sorted(by: { ($0 != first ? 1 : 0, $0) < ($1 != first ? 1 : 0, $1) }) {
            let list = merged(file)
            guard list != (sent[file] ?? []) || file == first else { continue }
            sent[file] = list.isEmpty ? nil : list
            out.append((file, list))
        }
        return out
    }

    /// A file's diagnostics: its own last check's when it is an open document (the freshest: it saw every
    /// open text), else what every open document's last check said about it, by the documents' paths, each once.
    private func merged(_ file: String) -> [JSONValue] {
        if let own = reports[file] { return own[file] ?? [] }
        var seen: Set<JSONValue> = []
        var out: [JSONValue] = []
        for root in reports.keys.sorted() {
            for d in reports[root]?[file] ?? [] where seen.insert(d).inserted { out.append(d) }
        }
        return out
    }
}
