/// Writes the exports a run asks for: CSV, or JSON for a `.json` path, through a temporary file that is
/// renamed into place, so a failed run never leaves half a file.
public enum Exporter {
    /// The writer every front end hands the runner.
    public static let writer: ExportWriter = { (e: ExportRequest) throws(EvalError) in try write(e) }

    /// Renders and writes one export.
    public static func write(_ e: ExportRequest) throws(EvalError) {
        let text = e.path.lowercased().hasSuffix(".json") ? JSONWriter.render(headers: e.headers, rows: e.rows)
            : CSVWriter.render(headers: e.headers, rows: e.rows)
        do {
            try AtomicFile.write(text, to: e.path)
        } catch {
            throw EvalError(.exportWriteFailed(e.path, reason: "\(error)"), at: e.span)
        }
    }
}
