import Foundation

extension CLI {
    /// Where history is kept: `$STRATA_HISTORY`, else `~/.strata_history`.
    static var historyPath: String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["STRATA_HISTORY"], !p.isEmpty { return p }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.strata_history"
    }

    /// The line a terminal session opens with (docs/repl.md shows it; the docs test compares it).
    static var replBanner: String { ReplText.banner(["version": .text(CLI.version)]).text() + "\n" }

    /// The terminal session: the line editor with history and completion, run until `.quit` or Ctrl-D.
    func interactiveLoop(_ repl: Repl) -> Int32 {
        Terminal.installSignalHandlers()
        err(CLI.replBanner)
        var history = History()
        history.load(from: CLI.historyPath)
        let reader = LineReader(history: history, completer: NameCompleter(session: repl.session))
        // Raw for the whole session, not only while a line is read: statements run with the terminal
        // raw, so keys typed meanwhile are neither echoed nor lost (the editor reads them next). While an
        // input runs, Ctrl-C alone is a signal, and it cancels that input's work (`Terminal.interruptible`);
        // at the prompt it is a key that discards the line. Neither ends the session.
        let raw = Terminal.enableRaw()
        defer { if raw { Terminal.disableRaw() } }
        while true {
            let r = reader.readLine(prompt: "strata> ", continuationPrompt: "   ...> ") { text in
                InputCompleteness.isDotCommand(text) || InputCompleteness.isComplete(text)
            }
            switch r {
            case .endOfInput:
                try? reader.history.merge(into: CLI.historyPath)
                return 0
            case .interrupted:
                continue
            case .line(let text):
                try? reader.history.merge(into: CLI.historyPath)
                repl.width = Terminal.width
                if !Terminal.interruptible({ repl.handle(text) }) { return 0 }
            }
        }
    }
}
