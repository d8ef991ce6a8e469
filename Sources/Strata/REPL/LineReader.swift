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
/// search, multi-line continuation and bracketed paste. The terminal is restored before it returns.
///
/// Multi-line input: on Enter, when `isComplete` rejects the text so far, the line joins an accumulator
/// and editing goes on in a fresh line under the continuation prompt; the whole text is returned, and
/// stored in history as one entry, once it is complete.
///
/// Multi-line recall and paste: an entry recalled from history (Up, Ctrl-R) or a pasted text keeps its
/// line breaks in the buffer and is drawn over several rows, each after the continuation prompt, so
/// `#` comments and layout survive. The whole buffer is one edit: Left/Right cross line breaks,
/// Home/End go to its start and end, Up/Down stay history keys. Pasting never completes and never
/// submits; Enter submits the whole buffer.
public final class LineReader {
    /// Entries so far; `readLine` adds each complete input. The caller saves it.
    public var history: History
    let completer: Completer?
    private let io: TerminalIO
    private var decoder = KeyDecoder()
    /// Keys read past the end of the last input (typed ahead, or in the same burst), used by the next read.
    private var pendingKeys: [Key] = []

    /// True when standard input and output are both terminals; otherwise read lines plainly, without a LineReader.
    public static var isInteractive: Bool { Terminal.isInteractive }

    /// A reader on the process's terminal.
    public convenience init(history: History, completer: Completer?) {
        self.init(history: history, completer: completer, io: SystemTerminal())
    }

    init(history: History, completer: Completer?, io: TerminalIO) {
        self.history = history
        self.completer = completer
        self.io = io
    }

    /// Reads until `isComplete` accepts the accumulated lines, Ctrl-C, or Ctrl-D on an empty first line.
    public func readLine(prompt: String, continuationPrompt: String, isComplete: (String) -> Bool) -> ReadResult {
        guard io.enableRaw() else { return .endOfInput }
        defer { io.disableRaw() }
        var read = ReadState(prompt: prompt, continuationPrompt: continuationPrompt, width: io.width)
        history.resetNavigation()
        draw(&read)
        while true {
            if io.takeResize() {
                // The terminal has reflowed what was drawn to the new width: find the cursor's row there.
                read.width = io.width
                if let d = read.drawn {
                    let at = Renderer.layout(prompt: d.prompt, continuationPrompt: read.continuationPrompt, chars: d.chars, width: read.width)
                    read.screen.cursorRow = at[max(0, min(d.cursor, at.count - 1))].row
                }
                read.dirty = true
            }
            if pendingKeys.isEmpty {
                guard let bytes = io.read(timeoutMs: 100) else {
                    finish(&read, suffix: "\r\n")
                    return .endOfInput
                }
                pendingKeys = decoder.feed(bytes)
                if bytes.isEmpty, decoder.waitingAfterEscape { pendingKeys = decoder.flushEscape() }
            }
            // Keys that arrive together are applied together and drawn once.
            while !pendingKeys.isEmpty {
                let key = pendingKeys.removeFirst()
                if let result = process(key, &read, isComplete) { return result }
            }
            if read.dirty { draw(&read) }
        }
    }

    /// The state of one `readLine` call.
    private struct ReadState {
        var prompt: String
        let continuationPrompt: String
        var width: Int
        var editor = LineEditor()
        var screen = RenderState()
        var accumulated: String?
        var search: ReverseSearch?
        var dirty = false
        /// What the last draw put on the screen, to place the cursor again after a resize.
        var drawn: (prompt: String, chars: [Character], cursor: Int)?

        /// The prompt of the statement's first line (`prompt` becomes the continuation prompt after it).
        let firstPrompt: String

        init(prompt: String, continuationPrompt: String, width: Int) {
            self.prompt = prompt
            self.firstPrompt = prompt
            self.continuationPrompt = continuationPrompt
            self.width = width
        }
    }

    private func draw(_ r: inout ReadState) {
        let out: String
        if let s = r.search {
            let match = Array(s.matchText(in: history))
            (out, r.screen) = Renderer.render(
                prompt: s.prompt, continuationPrompt: r.continuationPrompt, chars: match,
                cursor: s.matchCursor(in: history), width: r.width, height: io.height, previous: r.screen)
            r.drawn = (s.prompt, match, s.matchCursor(in: history))
        } else {
            (out, r.screen) = Renderer.render(
                prompt: r.prompt, continuationPrompt: r.continuationPrompt, chars: r.editor.chars,
                cursor: r.editor.cursor, width: r.width, height: io.height, previous: r.screen)
            r.drawn = (r.prompt, r.editor.chars, r.editor.cursor)
        }
        io.write(out)
        r.dirty = false
    }

    /// Draws the line with the cursor at its end, then `suffix`; the next output starts on a fresh row.
    private func finish(_ r: inout ReadState, suffix: String) {
        let (out, _) = Renderer.render(
            prompt: r.prompt, continuationPrompt: r.continuationPrompt, chars: r.editor.chars,
            cursor: r.editor.chars.count, width: r.width, previous: r.screen)
        io.write(out + suffix)
        r.screen = RenderState()
        r.dirty = false
    }

    /// Applies one key; a result ends the read.
    private func process(_ key: Key, _ r: inout ReadState, _ isComplete: (String) -> Bool) -> ReadResult? {
        if var s = r.search {
            let outcome = s.handle(key, in: history)
            r.dirty = true
            switch outcome {
            case .searching:
                r.search = s
                return nil
            case .abort(let line):
                r.search = nil
                r.editor.set(line)
                return nil
            case .accept(let line, let then):
                r.search = nil
                // As readline does: the cursor stays on the match, then the key that ended the search applies.
                r.editor.set(line, cursor: then == nil ? line.count : s.matchCursor(in: history))
                if let k = then { return process(k, &r, isComplete) }
                return nil
            }
        }
        switch r.editor.handle(key) {
        case .none:
            break
        case .redraw:
            r.dirty = true
        case .bell:
            io.write("\u{07}")
        case .submit(let line):
            return submit(line, &r, isComplete)
        case .cancel:
            // The whole statement goes, continuation lines included.
            finish(&r, suffix: "^C\r\n")
            return .interrupted
        case .endOfInput:
            guard r.accumulated == nil else {
                io.write("\u{07}")  // mid-statement Ctrl-D would lose the lines above: Ctrl-C discards them
                break
            }
            finish(&r, suffix: "\r\n")
            return .endOfInput
        case .clearScreen:
            io.write("\u{1B}[H\u{1B}[2J")
            // The statement's earlier lines are still part of the input: show them again above the line.
            if let earlier = r.accumulated {
                let lines = earlier.split(separator: "\n", omittingEmptySubsequences: false)
                io.write(lines.enumerated().map { (i, l) in (i == 0 ? r.firstPrompt : r.continuationPrompt) + l + "\r\n" }.joined())
            }
            r.screen = RenderState()
            r.dirty = true
        case .complete:
            complete(&r)
        case .historyPrevious:
            if let e = history.previous(current: r.editor.text) {
                r.editor.set(e)
                r.dirty = true
            }
        case .historyNext:
            if let e = history.next() {
                r.editor.set(e)
                r.dirty = true
            }
        case .reverseSearch:
            r.search = ReverseSearch(saved: r.editor.text)
            r.dirty = true
        case .suspend:
            finish(&r, suffix: "\r\n")
            io.suspend()
            r.width = io.width
            r.dirty = true
        case .showCandidates:
            break
        }
        return nil
    }

    /// Enter: the result when the input is complete, else a continuation line.
    private func submit(_ line: String, _ r: inout ReadState, _ isComplete: (String) -> Bool) -> ReadResult? {
        finish(&r, suffix: "\r\n")
        if r.accumulated == nil, line.allSatisfy(\.isWhitespace) {
            r.editor = LineEditor()
            history.resetNavigation()
            r.dirty = true
            return nil
        }
        let text = r.accumulated.map { $0 + "\n" + line } ?? line
        if isComplete(text) {
            history.add(text)
            return .line(text)
        }
        r.accumulated = text
        r.prompt = r.continuationPrompt
        r.editor = LineEditor()
        history.resetNavigation()
        r.dirty = true
        return nil
    }

    /// Tab: asks the completer and applies its answer; a list is printed under the line, then the line again.
    private func complete(_ r: inout ReadState) {
        guard let c = completer else {
            io.write("\u{07}")
            return
        }
        let (start, candidates) = c.completions(for: r.editor.text, cursor: r.editor.cursor)
        switch r.editor.applyCompletion(start: start, candidates: candidates) {
        case .showCandidates(let list):
            finish(&r, suffix: "\r\n" + Completion.columns(list, width: r.width).replacingOccurrences(of: "\n", with: "\r\n"))
            r.dirty = true
        case .bell:
            io.write("\u{07}")
        case .none:
            break
        default:
            r.dirty = true
        }
    }
}
