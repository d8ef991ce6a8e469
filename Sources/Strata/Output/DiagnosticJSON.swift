/// Diagnostics as JSON for editors and CI annotations.
public enum DiagnosticJSON {
    /// An array of objects, one per line: file, line, column, end_line, end_column, severity, code, message, suggestion.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let objects = diagnostics.map { d -> String in
            let fields: [(String, String)] = [
                ("file", JSONWriter.quote(d.file)),
                ("line", String(d.span.start.line)), ("column", String(d.span.start.column)),
                ("end_line", String(d.span.end.line)), ("end_column", String(d.span.end.column)),
                ("severity", JSONWriter.quote(d.severity.rawValue)),
                ("code", JSONWriter.quote(d.code.rawValue)),
                ("message", JSONWriter.quote(d.message)),
                ("suggestion", d.suggestion.map(JSONWriter.quote) ?? "null"),
            ]
            return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
