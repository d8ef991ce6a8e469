import Foundation

/// The rule files as an editor sees them: open documents' unsaved texts shadow the files on disk.
public struct EditorWorkspace: Sendable {
    /// The workspace folder: the search for `.strata.json` stops here.
    public let root: String?
    /// The texts of open documents, by absolute path.
    private var overlays: [String: String] = [:]

    /// A workspace rooted at `root` (the folder the editor opened), if any.
    public init(root: String?) {
        self.root = root
    }

    /// Opens a document or replaces its text (every change sends the full text).
    public mutating func open(path: String, text: String) { overlays[path] = text }

    /// Closes a document: the file on disk is seen again.
    public mutating func close(path: String) { overlays[path] = nil }

    /// The text of `path`: the open document's, else the file on disk.
    public func text(of path: String) -> String? {
        if let t = overlays[path] { return t }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// What `strata check` reports for the program `path` belongs to (includes followed, overlays used),
    /// every file's diagnostics; `Diagnostic.file` is the absolute path of the file each is in.
    public func diagnostics(for path: String) -> [Diagnostic] { [] }

    /// The completions at a cursor position.
    public func completions(path: String, at: SourceLocation) -> [EditorCompletion] { [] }

    /// What hovering at a position shows, if anything.
    public func hover(path: String, at: SourceLocation) -> EditorHover? { nil }

    /// Where the name at a position is defined.
    public func definition(path: String, at: SourceLocation) -> [EditorLocation] { [] }

    /// Every use of the name at a position, across the program's files.
    public func references(path: String, at: SourceLocation, includeDeclaration: Bool) -> [EditorLocation] { [] }

    /// The edits that rename the name at a position everywhere, or why not.
    public func rename(path: String, at: SourceLocation, to newName: String) -> EditorRename { .edits([]) }

    /// The outline of a file.
    public func symbols(path: String) -> [EditorSymbol] { [] }
}
