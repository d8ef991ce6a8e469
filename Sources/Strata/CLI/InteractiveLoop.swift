extension CLI {
    /// The terminal session: prompts, continuation lines, and the line editor.
    func interactiveLoop(_ repl: Repl) -> Int32 {
        err("strata \(CLI.version.split(separator: " ").last ?? "") — .help for help, .quit or Ctrl-D to leave\n")
        var pending = ""
        while true {
            out(pending.isEmpty ? "strata> " : "   ...> ")
            guard let line = readLine() else { break }
            pending += pending.isEmpty ? line : "\n" + line
            guard pending.hasPrefix(".") || InputCompleteness.isComplete(pending) else { continue }
            let go = repl.handle(pending)
            pending = ""
            if !go { break }
        }
        return 0
    }
}
