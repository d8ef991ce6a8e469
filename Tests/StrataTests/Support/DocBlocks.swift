import Foundation

/// A fenced code block of a Markdown doc, with the markers written above it (see docs/architecture.md,
/// "Docs are tested").
struct DocBlock {
    /// What a marker above a block says about it: an HTML comment on a line of its own, invisible when rendered.
    enum Marker: Equatable {
        /// `<!-- file: PATH -->`: the ```strata block below is the file PATH (relative to the doc's folder).
        case file(String)
        /// `<!-- not run: REASON -->`: the block below shows no output of a command (a diagram, a synopsis).
        case notRun(String)
        /// `<!-- excerpt: PATH -->`: the ```strata block below is lines of the file PATH, in order (not a whole file).
        case excerpt(String)
        /// `<!-- change: FILE "OLD" to "NEW" -->`: the command below runs on FILE with OLD (once in it) made NEW.
        case change(file: String, old: String, new: String)

        var isNotRun: Bool { if case .notRun = self { true } else { false } }
    }

    /// The doc's path in the repository (`README.md`, `docs/cli.md`).
    var doc: String
    /// The 1-based line of the block's first code line.
    var line: Int
    /// The fence's info string: `strata`, `text`, `sh`, or empty.
    var info: String
    var code: String
    var markers: [Marker]
    /// Only blank lines and markers stand between the block before this one and this one.
    var followsBlock: Bool
    /// The fence's indentation (a block inside a list item), taken off the code's lines.
    var indent = 0
    /// How many lines the code has (0 for an empty block).
    var lineCount = 0

    /// `doc:line`, for messages.
    var origin: String { "\(doc):\(line)" }

    /// Whether the block holds rules rather than something a command prints or a command line to type.
    var isRules: Bool { info == "strata" }
    /// `sh` blocks are command lines to type, `lua` and `json` editor settings to copy (docs/editors.md); every
    /// other fence (`text`, none) shows what something prints.
    var isOutput: Bool { !["strata", "sh", "lua", "json"].contains(info) }

    /// Every fenced block of README.md, docs/*.md and their Chinese pages (`DocPages`), in order, each doc's blocks together.
    static var all: [DocBlock] {
        DocPages.all
            .flatMap { doc in
                (try? String(contentsOfFile: Repo.path(doc), encoding: .utf8)).map { blocks(in: $0, doc: doc) } ?? []
            }
    }

    /// The fenced blocks of one Markdown text. A fence may be indented (a block inside a list item); its
    /// indentation is removed from the block's lines.
    static func blocks(in text: String, doc: String) -> [DocBlock] {
        var out: [DocBlock] = []
        var open: (indent: Int, info: String, line: Int, lines: [String])?
        var markers: [Marker] = []
        var sinceBlock = false  // a line other than a blank or a marker since the last block closed
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if var o = open {
                if trimmed == "```" {
                    out.append(DocBlock(doc: doc, line: o.line, info: o.info, code: o.lines.joined(separator: "\n"),
                                        markers: markers, followsBlock: !out.isEmpty && !sinceBlock,
                                        indent: o.indent, lineCount: o.lines.count))
                    open = nil
                    markers = []
                    sinceBlock = false
                } else {
                    o.lines.append(String(raw.dropFirst(min(o.indent, raw.prefix { $0 == " " }.count))))
                    open = o
                }
            } else if trimmed.hasPrefix("```") {
                open = (raw.prefix { $0 == " " }.count, String(trimmed.dropFirst(3)), i + 2, [])
            } else if let m = marker(trimmed) {
                markers.append(m)
            } else if !trimmed.isEmpty {
                markers = []
                sinceBlock = true
            }
        }
        return out
    }

    /// The marker a line holds, if it is one.
    static func marker(_ line: String) -> Marker? {
        guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { return nil }
        let body = line.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("file:") { return .file(body.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
        if body.hasPrefix("excerpt:") { return .excerpt(body.dropFirst(8).trimmingCharacters(in: .whitespaces)) }
        if body.hasPrefix("not run:") { return .notRun(body.dropFirst(8).trimmingCharacters(in: .whitespaces)) }
        if body.hasPrefix("change:") {
            // FILE "OLD" to "NEW"
            let rest = body.dropFirst(7).trimmingCharacters(in: .whitespaces)
            let parts = rest.components(separatedBy: "\"")
            guard parts.count == 5, parts[2].trimmingCharacters(in: .whitespaces) == "to" else { return nil }
            return .change(file: parts[0].trimmingCharacters(in: .whitespaces), old: parts[1], new: parts[3])
        }
        return nil
    }
}
