import Foundation

/// The one way a rule file becomes a source text, for `run`, `check`, `test`, `fmt`, `include` and the
/// REPL alike: the bytes must be UTF-8 (a byte-order mark is dropped), and a file saved in another
/// encoding is one message naming the line, not a flood of "unexpected character" errors.
public enum RuleSource {
    /// Why a rule file could not be read, as the diagnostic every front end shows.
    public enum Failure: Error, Sendable {
        /// The file does not exist or cannot be read.
        case unreadable(path: String)
        /// The file is not UTF-8; `line` is the first line with a byte that is not.
        case notUTF8(path: String, line: Int)

        /// The failure as a diagnostic placed at `place` (the `include` that named the file, and the path as
        /// written there), or at the file itself.
        public func diagnostic(at place: (file: String, span: SourceSpan, written: String)? = nil) -> Diagnostic {
            switch (self, place) {
            case (.unreadable, let p?): return Diagnostic(.includedFileUnreadable(p.written), file: p.file, span: p.span)
            case (.unreadable(let path), nil): return Diagnostic(.rulesFileUnreadable(path), file: path, span: .wholeFile)
            case (.notUTF8(_, let line), let p?): return Diagnostic(.includedFileNotUTF8(p.written, line: line), file: p.file, span: p.span)
            case (.notUTF8(let path, let line), nil): return Diagnostic(.rulesFileNotUTF8, file: path, span: .wholeLine(line))
            }
        }
    }

    /// Reads the rule file at `path` as a source named `path`.
    public static func read(path: String) -> Result<SourceFile, Failure> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable(path: path)) }
        return decode([UInt8](data), name: path)
    }

    /// Decodes a rule file's bytes: UTF-8, without a leading byte-order mark.
    public static func decode(_ bytes: [UInt8], name: String) -> Result<SourceFile, Failure> {
        if let bad = UTF8Validation.firstInvalid(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(.notUTF8(path: name, line: line))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return .success(SourceFile(name: name, text: String(decoding: body, as: UTF8.self)))
    }
}
