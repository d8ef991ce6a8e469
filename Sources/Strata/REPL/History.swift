import Foundation

/// Input history: Up/Down navigation that keeps the line being typed, no entry equal to the one
/// before it, a size limit, a file kept across sessions, and reverse incremental search.
/// A multi-line statement is one entry; in the file its line breaks are written `\n` (and `\` as `\\`).
public struct History: Sendable {
    public private(set) var entries: [String] = []
    public let limit: Int
    /// The position while navigating: `entries.count` means the line being typed.
    private var position = 0
    private var draft = ""

    public init(limit: Int = 1000) {
        self.limit = max(1, limit)
    }

    /// Adds an entry unless it is blank or the same as the last one; drops the oldest past the limit.
    public mutating func add(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, entries.last != entry else { resetNavigation(); return }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        resetNavigation()
    }

    public mutating func resetNavigation() {
        position = entries.count
        draft = ""
    }

    /// The previous (older) entry, remembering `current` as the draft when leaving it; nil at the oldest.
    public mutating func previous(current: String) -> String? {
        guard position > 0 else { return nil }
        if position == entries.count { draft = current }
        position -= 1
        return entries[position]
    }

    /// The next (newer) entry, or the draft when moving past the newest; nil when already at the draft.
    public mutating func next() -> String? {
        guard position < entries.count else { return nil }
        position += 1
        return position == entries.count ? draft : entries[position]
    }

    /// The newest entry older than `before` that contains `query`, with its index.
    public func search(_ query: String, before: Int? = nil) -> (index: Int, entry: String)? {
        guard !query.isEmpty else { return nil }
        var i = min(before ?? entries.count, entries.count) - 1
        while i >= 0 {
            if entries[i].contains(query) { return (i, entries[i]) }
            i -= 1
        }
        return nil
    }

    /// Reads a history file (missing or unreadable: empty history).
    public mutating func load(from path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        for l in lines { add(History.unescape(String(l))) }
    }

    /// Writes the history file through a temporary file and a rename.
    public func save(to path: String) throws {
        let text = entries.map(History.escape).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
        try AtomicFile.write(text, to: path)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s.unicodeScalars {
            if escaping {
                switch c {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        if escaping { out += "\\" }
        return out
    }

    /// A multi-line entry as one editable line: lines joined by spaces, each cut at its `#` comment
    /// (the language ignores line breaks, so the meaning is kept).
    public static func asOneLine(_ entry: String) -> String {
        guard entry.contains("\n") else { return entry }
        return entry.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = ""
            var quote: Character?
            for c in line {
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" || c == "`" {
                    quote = c
                } else if c == "#" {
                    break
                }
                out.append(c)
            }
            return out.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
