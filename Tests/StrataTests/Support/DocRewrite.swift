import Foundation

/// An output block's new text, for `STRATA_UPDATE_DOCS=1 swift test --filter DocsOutput`: every run output block
/// that differs from what the program prints is rewritten in place with what it prints (review the diff).
/// The lead regenerates the Chinese pages' outputs this way once the Chinese messages exist.
struct DocRewrite {
    /// True when `STRATA_UPDATE_DOCS=1` (only the value `1` counts).
    static var updating: Bool { ProcessInfo.processInfo.environment["STRATA_UPDATE_DOCS"] == "1" }

    /// The block to replace.
    var block: DocBlock
    /// Its new code lines (without the fences and the block's indentation), `$ strata …` line included.
    var code: String

    /// `markdown` with each rewritten block's lines replaced; every other byte stays as it was.
    static func apply(_ rewrites: [DocRewrite], to markdown: String) -> String {
        var lines = markdown.components(separatedBy: "\n")
        // From the last block up, so the line numbers of the ones above stay true.
        for r in rewrites.sorted(by: { $0.block.line > $1.block.line }) {
            let start = r.block.line - 1
            guard start >= 0, start + r.block.lineCount <= lines.count else { continue }
            let pad = String(repeating: " ", count: r.block.indent)
            let new = r.code.components(separatedBy: "\n").map { $0.isEmpty ? $0 : pad + $0 }
            lines.replaceSubrange(start..<(start + r.block.lineCount), with: new)
        }
        return lines.joined(separator: "\n")
    }

    /// Rewrites the doc at `doc` (a path in the repository) with `rewrites`, when there are any.
    static func write(_ rewrites: [DocRewrite], to doc: String) throws {
        guard !rewrites.isEmpty else { return }
        let path = Repo.path(doc)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try apply(rewrites, to: text).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
