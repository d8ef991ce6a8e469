import Foundation

/// Input history: Up/Down navigation that keeps the line being typed, no entry equal to the one
/// before it, a size limit (oldest dropped), a file kept across sessions, and search for Ctrl-R.
/// A multi-line statement is one entry; in the file its line breaks are written `\n` and `\` as `\\`.
public struct History: Sendable {
    /// Oldest first.
    public private(set) var entries: [String] = []
    /// The most entries kept.
    public let limit: Int
    /// The position while navigating: `entries.count` means the line being typed (the draft).
    private var position = 0
    private var draft = ""

    /// An empty history keeping at most `limit` entries.
    public init(limit: Int = 1000) {
        self.limit = max(1, limit)
    }

    /// Entries added since the file was last read or merged, which `merge(into:)` appends to it.
    private var unsaved: [String] = []

    /// Adds an entry unless it is blank or the same as the newest; drops the oldest past the limit; ends navigation.
    public mutating func add(_ entry: String) {
        if !entry.allSatisfy(\.isWhitespace), entries.last != entry {
            entries.append(entry)
            unsaved.append(entry)
            if entries.count > limit { entries.removeFirst(entries.count - limit) }
        }
        resetNavigation()
    }

    /// Ends navigation: the next Up starts again from the newest entry.
    public mutating func resetNavigation() {
        position = entries.count
        draft = ""
    }

    /// The previous (older) entry, keeping `current` as the draft when leaving it; nil at the oldest.
    public mutating func previous(current: String) -> String? {
        guard position > 0 else { return nil }
        if position >= entries.count { draft = current }
        position = min(position, entries.count) - 1
        return entries[position]
    }

    /// The next (newer) entry, or the draft when moving past the newest; nil when already at the draft.
    public mutating func next() -> String? {
        guard position < entries.count else { return nil }
        position += 1
        return position == entries.count ? draft : entries[position]
    }

    /// The newest entry at an index below `before` (default: all) that contains `query`.
    public func search(_ query: String, before: Int? = nil) -> (index: Int, entry: String)? {
        guard !query.isEmpty else { return nil }
        var i = min(before ?? entries.count, entries.count) - 1
        while i >= 0 {
            if entries[i].contains(query) { return (i, entries[i]) }
            i -= 1
        }
        return nil
    }

    /// Reads a history file written by `save`, appending its entries; a missing or unreadable file adds nothing.
    public mutating func load(from path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            add(History.unescape(String(line)))
        }
        unsaved = []
    }

    /// Appends this session's new entries to what the file holds now, so two sessions open at once
    /// both keep their lines; this session's own Up/Down list is left as it is.
    public mutating func merge(into path: String) throws {
        var onDisk = History(limit: limit)
        onDisk.load(from: path)
        for e in unsaved { onDisk.add(e) }
        try onDisk.save(to: path)
        unsaved = []
    }

    /// Writes every entry, one per line, through a temporary file renamed over `path`.
    public func save(to path: String) throws {
        let text = entries.map(History.escape).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
        try AtomicFile.write(text, to: path)
    }

    /// One entry as one file line.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// One file line back to an entry; an unknown escape keeps its character, a trailing `\` stays.
    static func unescape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var escaping = false
        for u in s.unicodeScalars {
            if escaping {
                switch u {
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(u)
                }
                escaping = false
            } else if u == "\\" {
                escaping = true
            } else {
                out.append(u)
            }
        }
        if escaping { out.append("\\") }
        return String(out)
    }
}

/// Reverse incremental search (Ctrl-R) as a state machine: typed text extends the query, Ctrl-R again
/// finds the next older match, Backspace shortens the query, Ctrl-G / Esc / Ctrl-C abort and restore
/// the line, and any other key accepts the match and is then handled by the editor (so Enter accepts
/// and submits, as in readline).
public struct ReverseSearch: Equatable, Sendable {
    /// What the reader does after a key.
    public enum Outcome: Equatable, Sendable {
        /// Still searching: redraw the search line.
        case searching
        /// Put `line` in the editor, then hand it `key` (if any).
        case accept(line: String, then: Key?)
        /// Put back `line`, the buffer from before the search.
        case abort(line: String)
    }

    /// What has been typed so far.
    public private(set) var query = ""
    /// The index in `History.entries` of the current match.
    public private(set) var match: Int?
    /// True when the last Ctrl-R or keystroke found nothing (the previous match, if any, stays shown).
    public private(set) var failed = false
    /// The buffer when the search began.
    public let saved: String

    /// A search started from a buffer holding `saved`.
    public init(saved: String) {
        self.saved = saved
    }

    /// The prompt, readline style: `(reverse-i-search)'query': `.
    public var prompt: String { (failed ? "(failed reverse-i-search)'" : "(reverse-i-search)'") + query + "': " }

    /// The matched entry (empty before anything matched).
    public func matchText(in history: History) -> String {
        guard let m = match, m < history.entries.count else { return "" }
        return history.entries[m]
    }

    /// Where the query starts inside the match, in Characters, for the cursor.
    public func matchCursor(in history: History) -> Int {
        let text = matchText(in: history)
        guard !query.isEmpty, let r = text.range(of: query) else { return text.count }
        return text.distance(from: text.startIndex, to: r.lowerBound)
    }

    /// Applies one key.
    public mutating func handle(_ key: Key, in history: History) -> Outcome {
        switch key {
        case .text(let t), .paste(let t):
            query += t.filter { $0 != "\n" }
            // A longer query can still match the current entry, so look from it (inclusive) backwards.
            find(in: history, before: match.map { $0 + 1 })
            return .searching
        case .backspace:
            guard !query.isEmpty else { return .searching }
            query.removeLast()
            find(in: history, before: nil)
            return .searching
        case .control("r"):
            if query.isEmpty { return .searching }
            find(in: history, before: match)
            return .searching
        case .control("g"), .control("c"), .escape:
            return .abort(line: saved)
        default:
            return .accept(line: match == nil ? saved : matchText(in: history), then: key)
        }
    }

    private mutating func find(in history: History, before: Int?) {
        if let found = history.search(query, before: before) {
            match = found.index
            failed = false
        } else {
            failed = !query.isEmpty
            if query.isEmpty { match = nil }
        }
    }
}
