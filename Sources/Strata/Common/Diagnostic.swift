/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
    case error, warning, note
}

/// One message about a place in a source text: what is wrong, where, and what to do about it.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    /// The kind of message, stable across versions and wordings: what tools and translations key on.
    public var code: DiagnosticCode
    /// What is wrong, from the message catalog: rendered in the language of the output.
    public var text: Message
    /// The name of the source the span refers to (a file path, or `<repl>`).
    public var file: String
    public var span: SourceSpan
    /// A hint for the fix, shown as `help: …` (for example "did you mean `clv`?").
    public var help: Message?

    /// A diagnostic of kind `code`; the phases build theirs from a `DiagnosticMessage` instead.
    public init(_ severity: Severity = .error, _ text: Message, code: DiagnosticCode, file: String, span: SourceSpan, help: Message? = nil) {
        self.severity = severity
        self.code = code
        self.text = text
        self.file = file
        self.span = span
        self.help = help
    }

    /// The message in the current language (`Language.current`).
    public var message: String { text.text() }

    /// The help in the current language.
    public var suggestion: String? { help?.text() }

    /// The same message as an error (`--strict` makes warnings about the data errors).
    public var asError: Diagnostic {
        var d = self
        d.severity = .error
        return d
    }

    /// Short form `file:line:col: severity: message`, for logs and JSON-less tooling.
    public var headline: String {
        let place = span.start.line == 0 ? file : span.start.column == 0 ? "\(file):\(span.start.line)" : "\(file):\(span.start.line):\(span.start.column)"
        return "\(place): \(severity.word): \(message)"
    }
}

/// What a diagnostic says before it is placed in a file: built by the one function per message kind
/// in each phase's diagnostics file (`SyntaxDiagnostics.swift`, `CheckDiagnostics.swift`, …), so the
/// wording of every kind lives in one place and its code cannot be forgotten. Its texts come from the
/// message catalog (each phase's `…Text` enum).
struct DiagnosticMessage: Sendable {
    var code: DiagnosticCode
    var severity: Severity = .error
    var text: Message
    var help: Message?

    init(code: DiagnosticCode, severity: Severity = .error, text: Message, help: Message? = nil) {
        self.code = code
        self.severity = severity
        self.text = text
        self.help = help
    }
}

extension Diagnostic {
    /// A message placed at `span` in `file`.
    init(_ m: DiagnosticMessage, file: String, span: SourceSpan) {
        self.init(m.severity, m.text, code: m.code, file: file, span: span, help: m.help)
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
        if let source = sources[d.file], d.span.start.line >= 1, d.span.start.column >= 1, d.span.start.line <= source.lineCount {
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
            if let s = d.suggestion { out += " \(pad) = \(CommonText.help.message.text()): \(s)\n" }
        } else if let s = d.suggestion {
            out += "  = \(CommonText.help.message.text()): \(s)\n"
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

extension Diagnostic {
    /// Errors, then warnings, each top to bottom within a file (files in the order they first appear),
    /// each note kept behind the message it belongs to: syntax and type errors are found in separate passes.
    public static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var units: [[Diagnostic]] = []
        for d in diagnostics {
            if d.severity == .note, !units.isEmpty { units[units.count - 1].append(d) } else { units.append([d]) }
        }
        var fileRank: [String: Int] = [:]
        for u in units where fileRank[u[0].file] == nil { fileRank[u[0].file] = fileRank.count }
        let sorted = units.enumerated().sorted {
            let (a, b) = ($0.element[0], $1.element[0])
            let (ra, rb) = (a.severity == .error ? 0 : 1, b.severity == .error ? 0 : 1)
            return (ra, fileRank[a.file] ?? 0, a.span.start.offset, $0.offset) < (rb, fileRank[b.file] ?? 0, b.span.start.offset, $1.offset)
        }
        return sorted.flatMap(\.element)
    }
}
