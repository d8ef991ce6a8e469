/// Supplies completions for the word before the cursor (Character offsets: the word is `start..<cursor`).
public protocol Completer {
    func completions(for line: String, cursor: Int) -> (start: Int, candidates: [String])
}

extension NameCompleter: Completer {}

/// What `readLine` got.
public enum ReadResult: Equatable, Sendable {
    /// A complete input, possibly several lines joined by "\n".
    case line(String)
    /// Ctrl-C: the statement being typed was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
}

/// Reads one complete input from the terminal in raw mode: editing, history, completion, reverse
/// search, multi-line continuation and pasting. The terminal is restored before it returns.
public final class LineReader {
    public var history: History
    var completer: Completer?
    var decoder = KeyDecoder()
    /// Lines of a multi-line paste not yet used; each later read takes the next.
    var queued: [String] = []

    public init(history: History, completer: Completer?) {
        self.history = history
        self.completer = completer
    }

    /// Reads until `isComplete` accepts the accumulated lines.
    public func readLine(prompt: String, continuationPrompt: String, isComplete: (String) -> Bool) -> ReadResult {
        guard Terminal.enableRaw() else { return .endOfInput }
        defer { Terminal.disableRaw() }
        var accumulated: String?
        var editor = LineEditor()
        var state = RenderState()
        var width = Terminal.width
        var currentPrompt = prompt
        var search: (query: String, index: Int?, saved: String)?
        history.resetNavigation()

        func draw() {
            if let s = search {
                let match = s.index.map { History.asOneLine(history.entries[$0]) } ?? ""
                let p = "(reverse-i-search)'\(s.query)': "
                let (out, st) = LineRenderer.render(prompt: p, chars: Array(match), cursor: match.count, width: width, previous: state)
                Terminal.write(out)
                state = st
                return
            }
            let (out, st) = LineRenderer.render(prompt: currentPrompt, chars: editor.chars, cursor: editor.cursor, width: width, previous: state)
            Terminal.write(out)
            state = st
        }

        /// Leaves the cursor below the line so the next output starts on a fresh row.
        func finishLine() {
            let (out, _) = LineRenderer.render(prompt: currentPrompt, chars: editor.chars, cursor: editor.chars.count, width: width, previous: state)
            Terminal.write(out + "\r\n")
            state = RenderState()
        }

        /// Enter on a line: returns the result when the input is complete, else continues on a new line.
        func submit(_ line: String) -> ReadResult? {
            finishLine()
            let text = accumulated.map { $0 + "\n" + line } ?? line
            if text.allSatisfy({ $0.isWhitespace }) && accumulated == nil {
                editor = LineEditor()
                draw()
                return nil
            }
            if isComplete(text) {
                history.add(text)
                return .line(text)
            }
            accumulated = text
            currentPrompt = continuationPrompt
            editor = LineEditor()
            draw()
            return nil
        }

        /// Runs queued pasted lines one by one; what is left unfinished stays in the editor.
        func drainQueue() -> ReadResult? {
            while !queued.isEmpty {
                let line = queued.removeFirst()
                editor.set(line)
                draw()
                if let r = submit(line) { return r }
            }
            if let tail = queuedTail {
                queuedTail = nil
                editor.set(tail)
                draw()
            }
            return nil
        }

        draw()
        if let r = drainQueue() { return r }
        while true {
            if Terminal.takeResize() {
                width = Terminal.width
                draw()
            }
            var keys = pendingKeys
            pendingKeys = []
            if keys.isEmpty {
                guard let bytes = Terminal.read(timeoutMs: 100) else {
                    finishLine()
                    return .endOfInput
                }
                keys = decoder.feed(bytes)
                if keys.isEmpty, decoder.waitingAfterEscape, bytes.isEmpty { keys = decoder.flushEscape() }
            }
            while !keys.isEmpty {
                let key = keys.removeFirst()
                if var s = search {
                    switch key {
                    case .text(let t):
                        s.query += t
                        s.index = history.search(s.query)?.index
                        search = s
                        draw()
                        continue
                    case .backspace:
                        s.query = String(s.query.dropLast())
                        s.index = history.search(s.query)?.index
                        search = s
                        draw()
                        continue
                    case .control("r"):
                        if let i = s.index, let older = history.search(s.query, before: i) { s.index = older.index }
                        search = s
                        draw()
                        continue
                    case .control("g"), .control("c"), .escape:
                        editor.set(s.saved)
                        search = nil
                        draw()
                        continue
                    default:
                        editor.set(s.index.map { History.asOneLine(history.entries[$0]) } ?? s.saved)
                        search = nil
                        draw()
                        if key == .enter { if let r = submit(editor.text) { pendingKeys = keys; return r } }
                        continue
                    }
                }
                switch editor.handle(key) {
                case .none:
                    break
                case .redraw:
                    draw()
                case .submit(let line):
                    if let r = submit(line) { pendingKeys = keys; return r }
                case .cancel:
                    finishLine()
                    Terminal.write("^C\r\n")
                    pendingKeys = keys
                    return .interrupted
                case .endOfInput:
                    if accumulated == nil {
                        finishLine()
                        pendingKeys = keys
                        return .endOfInput
                    }
                case .clearScreen:
                    Terminal.write("\u{1B}[H\u{1B}[2J")
                    state = RenderState()
                    draw()
                case .complete:
                    complete(&editor, &state, width: width, prompt: currentPrompt)
                    draw()
                case .historyPrevious:
                    if let e = history.previous(current: editor.text) { editor.set(History.asOneLine(e)); draw() }
                case .historyNext:
                    if let e = history.next() { editor.set(History.asOneLine(e)); draw() }
                case .reverseSearch:
                    search = ("", nil, editor.text)
                    draw()
                case .pasteLines(let text):
                    // The first pasted line joins what is typed; complete lines run in turn; the rest waits in the editor.
                    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let tail = parts.removeLast()
                    _ = editor.handle(.text(parts.removeFirst()))
                    queued.append(contentsOf: parts)
                    queuedTail = tail.isEmpty ? nil : tail
                    draw()
                    if let r = submit(editor.text) { pendingKeys = keys; return r }
                    if let r = drainQueue() { pendingKeys = keys; return r }
                }
            }
        }
    }

    /// Keys read after the end of the last input (typed ahead or sent in one burst), used by the next read.
    var pendingKeys: [Key] = []

    /// The unfinished last line of a paste: left in the editor for the user to complete.
    var queuedTail: String?

    /// Tab: one match is inserted; several insert their common prefix, or are listed when there is none to add.
    func complete(_ editor: inout LineEditor, _ state: inout RenderState, width: Int, prompt: String) {
        guard let c = completer else { return }
        let (start, candidates) = c.completions(for: editor.text, cursor: editor.cursor)
        let typed = String(editor.chars[max(0, min(start, editor.cursor))..<editor.cursor])
        guard let first = candidates.first else {
            Terminal.write("\u{07}")
            return
        }
        if candidates.count == 1 {
            editor.replaceWord(from: start, with: first)
            return
        }
        let common = candidates.dropFirst().reduce(Array(first)) { acc, s in Array(zip(acc, Array(s)).prefix { $0 == $1 }.map(\.0)) }
        if common.count > typed.count {
            editor.replaceWord(from: start, with: String(common))
            return
        }
        // List them under the line, in columns, then redraw the prompt below.
        let (out, _) = LineRenderer.render(prompt: prompt, chars: editor.chars, cursor: editor.chars.count, width: width, previous: state)
        Terminal.write(out + "\r\n" + LineReader.columns(candidates, width: width).replacingOccurrences(of: "\n", with: "\r\n"))
        state = RenderState()
    }

    /// Candidates laid out in columns that fit the width (by display width).
    public static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perRow = max(1, width / max(1, cell))
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
