import Foundation

extension CLI {
    /// Usage of `strata fmt`, printed by `strata fmt -h`.
    public static var fmtUsage: String { UsageText.fmt.message.text() }

    /// `strata fmt`: prints, checks (`--check`) or rewrites (`-w`/`--write`) rule files in the canonical layout.
    func fmt(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: [], flagOptions: ["check", "write", "help"])
        if a.flag("help") {
            out(CLI.fmtUsage)
            return 0
        }
        let check = a.flag("check"), write = a.flag("write")
        let files = a.positionals
        guard !files.isEmpty else { throw UsageError(message: CLIText.needsRuleFile(["command": "fmt"])) }
        guard !(check && write) else { throw UsageError(message: CLIText.fmtCheckOrWrite.message) }
        guard files.count == 1 || check || write else {
            throw UsageError(message: CLIText.fmtPrintsOne(["count": "\(files.count)"]))
        }
        var code: Int32 = 0
        for path in files {
            code = max(code, fmtOne(path, check: check, write: write))
        }
        return code
    }

    /// Formats one file; exit code 0 (formatted or done), 1 (syntax errors, or unformatted under --check), 2 (unreadable/unwritable).
    private func fmtOne(_ path: String, check: Bool, write: Bool) -> Int32 {
        // Rewriting a file that is not UTF-8 would replace its bytes with U+FFFD, so such a file is refused.
        let source: SourceFile
        switch Pipeline.read(path: path) {
        case .success(let s): source = s
        case .failure(let f):
            err(DiagnosticRenderer().render([f.diagnostic()]))
            return 2
        }
        let text = source.text
        let (formatted, diagnostics) = Pipeline.format(source)
        guard let formatted else {
            err(DiagnosticRenderer(sources: [source]).render(diagnostics))
            return 1
        }
        if check {
            let diff = LineDiff.unified(old: text, new: formatted, oldName: path, newName: CLIText.formattedName(["path": .text(path)]).text())
            out(diff)
            return diff.isEmpty ? 0 : 1
        }
        if write {
            guard formatted != text else { return 0 }
            do {
                try AtomicFile.write(formatted, to: path)
            } catch {
                err("strata: \(error)\n")
                return 2
            }
            // On stdout, like `gofmt -l`, so that `git add $(strata fmt -w …)` works.
            out("\(path)\n")
            return 0
        }
        out(formatted)
        return 0
    }
}
