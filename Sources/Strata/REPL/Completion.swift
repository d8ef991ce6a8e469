/// Supplies completions for the word before the cursor. Offsets count Characters: the word being
/// completed is `start..<cursor` of `Array(line)`.
public protocol Completer {
    /// The start of the word before `cursor` and the texts that could replace it.
    func completions(for line: String, cursor: Int) -> (start: Int, candidates: [String])
}

extension NameCompleter: Completer {}

/// Completion mechanics shared by the editor and the reader: common prefixes and candidate columns.
public enum Completion {
    /// The longest common prefix, compared Character by Character (so 客户 and 客服 share 客, never half a character).
    public static func longestCommonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first.map(Array.init) else { return "" }
        for item in items.dropFirst() {
            var n = 0
            for c in item {
                guard n < prefix.count, prefix[n] == c else { break }
                n += 1
            }
            prefix.removeSubrange(n...)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// Candidates laid out row by row in columns of equal display width that fit the terminal (CJK = 2 columns).
    public static func columns(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let cell = (items.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perRow = max(1, max(1, width) / cell)
        var out = ""
        for (i, item) in items.enumerated() {
            out += item
            if (i + 1) % perRow == 0 || i == items.count - 1 {
                out += "\n"
            } else {
                out += String(repeating: " ", count: cell - DisplayWidth.of(item))
            }
        }
        return out
    }
}

extension LineEditor {
    /// Applies what a completer offered for the word `start..<cursor`.
    ///
    /// - no candidate: `.bell`;
    /// - one: the word is replaced by it and no space is added (what follows a name is as often `(`, `)`,
    ///   `,` or an operator as a space, and a stray space before `(` reads badly);
    /// - several: their longest common prefix replaces the word when it is longer than the word;
    ///   otherwise `.showCandidates` for the reader to list (duplicates removed, order kept).
    public mutating func applyCompletion(start: Int, candidates: [String]) -> EditorEvent {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        let s = max(0, min(start, cursor))
        let typed = Array(chars[s..<cursor])
        guard let first = unique.first else { return .bell }
        if unique.count == 1 {
            if Array(first) == typed { return .none }
            replaceWord(from: s, with: first)
            return .redraw
        }
        let common = Completion.longestCommonPrefix(unique)
        if common.count > typed.count {
            replaceWord(from: s, with: common)
            return .redraw
        }
        return .showCandidates(unique)
    }
}
