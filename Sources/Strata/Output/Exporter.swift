/// Writes the exports a run asks for: CSV, or JSON for a `.json` path, through a temporary file that is
/// renamed into place, so a failed or cancelled run never leaves half a file.
public enum Exporter {
    /// The writer every front end hands the runner.
    public static let writer: ExportWriter = { (e: ExportRequest) throws(EvalError) in try write(e) }

    /// Rows rendered and written at a time: the file never exists as one string in memory, and a
    /// cancellation is heard between chunks.
    static let chunkRows = 16_384

    /// Renders and writes one export, a chunk of rows at a time.
    public static func write(_ e: ExportRequest) throws(EvalError) {
        let json = e.path.lowercased().hasSuffix(".json")
        let writer: AtomicFileWriter
        do {
            writer = try AtomicFileWriter(path: e.path)
        } catch {
            throw EvalError(.exportWriteFailed(e.path, reason: "\(error)"), at: e.span)
        }
        do {
            let keys = e.headers.map(JSONWriter.quote)
            var text = json ? "[\n" : ""
            if !json { CSVWriter.appendRecord(e.headers, to: &text) }
            var start = 0
            repeat {
                if let c = e.cancellation, c.isRequested {
                    writer.discard()
                    throw EvalError(.cancelled, at: e.span)
                }
                let end = min(start + chunkRows, e.rows.count)
                if json {
                    JSONWriter.appendRows(e.rows, start..<end, keys: keys, to: &text)
                } else {
                    CSVWriter.appendRows(e.rows[start..<end], to: &text)
                }
                if end == e.rows.count, json { text += "]\n" }
                try text.withUTF8 { try writer.write(raw: UnsafeRawBufferPointer($0)) }
                text = ""
                start = end
            } while start < e.rows.count
            try writer.commit()
        } catch let error as EvalError {
            throw error
        } catch {
            writer.discard()
            throw EvalError(.exportWriteFailed(e.path, reason: "\(error)"), at: e.span)
        }
    }
}
