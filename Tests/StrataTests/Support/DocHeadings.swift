import Foundation

/// A Markdown heading (`## Statements`) outside the page's code blocks.
struct DocHeading: Equatable {
    /// 1 for `#`, 2 for `##`, …
    var level: Int
    /// The heading's text, without the `#`s.
    var text: String
    /// Its 1-based line.
    var line: Int

    /// The heading as written: `### load`.
    var written: String { String(repeating: "#", count: level) + " " + text }

    /// The headings of a Markdown text, in order; a `# comment` inside a fenced block is no heading.
    static func all(in markdown: String) -> [DocHeading] {
        var out: [DocHeading] = []
        var inFence = false
        for (i, raw) in markdown.components(separatedBy: "\n").enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, raw.hasPrefix("#") else { continue }
            let hashes = raw.prefix { $0 == "#" }.count
            let rest = raw.dropFirst(hashes)
            guard hashes <= 6, rest.first == " " else { continue }
            out.append(DocHeading(level: hashes, text: rest.trimmingCharacters(in: .whitespaces), line: i + 1))
        }
        return out
    }

    /// The code words a heading keeps in any language (`load`, `RFM`, `examples/rfm.strata`): its runs of ASCII
    /// letters, digits and `_-./`, lower-cased.
    var codeWords: Set<String> {
        Set(text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber || "_-./".contains($0))) }.map(String.init))
    }

    /// Whether a translated heading can stand for this English one: the same level, and every code word the
    /// translation keeps is one of the English heading's (a translation keeps identifiers, not prose).
    func isTranslated(by other: DocHeading) -> Bool {
        level == other.level && other.codeWords.isSubset(of: codeWords)
    }

    /// What a translation's headings lack or add against its English page's, each a message naming the English
    /// heading and its line: the headings are matched in order (a longest common subsequence of `isTranslated`).
    static func differences(english: [DocHeading], in englishDoc: String,
                            translation: [DocHeading], in translatedDoc: String) -> [String] {
        let n = english.count, m = translation.count
        // best[i][j]: the most headings matched between english[i...] and translation[j...].
        var best = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                best[i][j] = english[i].isTranslated(by: translation[j])
                    ? best[i + 1][j + 1] + 1 : max(best[i + 1][j], best[i][j + 1])
            }
        }
        var problems: [String] = []
        var i = 0, j = 0
        var previous: DocHeading?  // the last English heading matched, to place an extra one
        while i < n || j < m {
            if i < n, j < m, english[i].isTranslated(by: translation[j]), best[i][j] == best[i + 1][j + 1] + 1 {
                previous = english[i]
                i += 1; j += 1
            } else if i < n, j == m || best[i + 1][j] >= best[i][j + 1] {
                problems.append("\(translatedDoc) lacks the section `\(english[i].written)` (\(englishDoc):\(english[i].line))")
                i += 1
            } else {
                let place = previous.map { "after `\($0.written)` (\(englishDoc):\($0.line))" } ?? "before the first heading"
                problems.append("\(translatedDoc):\(translation[j].line) has the heading `\(translation[j].written)`, "
                    + "which \(englishDoc) does not have \(place)")
                j += 1
            }
        }
        return problems
    }

    /// The anchor GitHub gives a heading: lower case, spaces as `-`, punctuation other than `-` and `_` dropped
    /// (Chinese characters stay: `## 多张表` is `#多张表`).
    var anchor: String {
        String(text.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
        })
    }
}
