/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
    case error, warning, note
}

/// One message about a place in a source text: what is wrong, where, and what to do about it.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    public var message: String
    /// The name of the source the span refers to (a file path, or `<repl>`).
    public var file: String
    public var span: SourceSpan
    /// A hint for the fix, shown as `help: …` (for example "did you mean `clv`?").
    public var suggestion: String?

    public init(_ severity: Severity = .error, _ message: String, file: String, span: SourceSpan, suggestion: String? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.span = span
        self.suggestion = suggestion
    }

    /// Short form `file:line:col: severity: message`, for logs and JSON-less tooling.
    public var headline: String {
        "\(file):\(span.start.line):\(span.start.column): \(severity.rawValue): \(message)"
    }
}

/// Renders diagnostics with the source line and a caret under the span, aware of wide (CJK) characters.
public struct DiagnosticRenderer: Sendable {
    public var sources: [String: SourceFile]

    public init(sources: [SourceFile] = []) {
        var map: [String: SourceFile] = [:]
        for s in sources { map[s.name] = s }
        self.sources = map
    }

    /// Adds or replaces a source so its diagnostics can show their lines.
    public mutating func add(_ source: SourceFile) { sources[source.name] = source }

    /// The full multi-line rendering of one diagnostic, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        var out = d.headline + "\n"
        if let source = sources[d.file], d.span.start.line >= 1, d.span.start.line <= source.lineCount {
            let lineNo = d.span.start.line
            let text = source.line(lineNo).replacingTabs()
            let gutter = String(lineNo)
            let pad = String(repeating: " ", count: gutter.count)
            let all = Array(text.unicodeScalars)
            let startCol = min(max(1, d.span.start.column), all.count + 1)
            let endCol = d.span.end.line == lineNo ? max(d.span.end.column, startCol + 1) : all.count + 1
            // A very long line (a generated rule, a pasted list) is shown as a window around the span.
            let window = DiagnosticRenderer.window(count: all.count, start: startCol - 1, end: endCol - 1)
            let scalars = Array(all[window])
            let before = window.lowerBound > 0 ? "…" : "", after = window.upperBound < all.count ? "…" : ""
            let prefix = scalars.prefix(startCol - 1 - window.lowerBound)
            let lead = prefix.reduce(before.count) { $0 + DisplayWidth.of($1) }
            let covered = scalars.dropFirst(startCol - 1 - window.lowerBound).prefix(max(1, endCol - startCol))
            let width = max(1, covered.reduce(0) { $0 + DisplayWidth.of($1) })
            let shown = before + String(String.UnicodeScalarView(scalars)) + after
            out += " \(gutter) | \(shown)\n"
            out += " \(pad) | \(String(repeating: " ", count: lead))\(String(repeating: "^", count: width))\n"
            if let s = d.suggestion { out += " \(pad) = help: \(s)\n" }
        } else if let s = d.suggestion {
            out += "  = help: \(s)\n"
        }
        return out
    }

    /// Scalars of a line to show: all of a line up to `maxShown`, else up to `maxShown` around `start..<end`.
    static func window(count: Int, start: Int, end: Int) -> Range<Int> {
        guard count > maxShown else { return 0..<count }
        let from = min(max(0, start - 40), max(0, count - maxShown))
        return from..<min(count, from + max(maxShown, min(end, start + maxShown) - from))
    }

    static let maxShown = 160

    /// Renders several diagnostics, in order, separated by nothing extra.
    public func render(_ ds: [Diagnostic]) -> String { ds.map(render).joined() }
}

extension String {
    /// Tabs become single spaces so the caret line stays aligned with the source line.
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}

/// Edit-distance suggestions ("did you mean `clv`?") shared by every phase.
public enum Suggest {
    /// The closest candidate to `name` if it is close enough to be a plausible typo.
    public static func nearest(_ name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)?
        for c in candidates.sorted() {
            let d = distance(target, Array(c.lowercased().unicodeScalars))
            if let b = best, d >= b.1 { continue }
            best = (c, d)
        }
        guard let (candidate, dist) = best else { return nil }
        let limit = max(1, min(3, (target.count + 2) / 3))
        return dist <= limit ? candidate : nil
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            prev2 = prev
            prev = cur
        }
        return prev[b.count]
    }
}
