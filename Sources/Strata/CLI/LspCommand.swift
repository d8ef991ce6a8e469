import Foundation

extension CLI {
    /// Usage of `strata lsp`, printed by `strata lsp --help`.
    public static var lspUsage: String { UsageText.lsp.message.text() }

    /// `strata lsp`: serves the protocol on stdin/stdout until the client says `exit` or closes the input.
    func lsp(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: [], flagOptions: ["stdio"])
        guard a.positionals.isEmpty else {
            throw UsageError(message: CLIText.lspTakesNoRuleFile.message)
        }
        // A client that goes away mid-write must not kill the server by SIGPIPE: the write fails, input ends.
        signal(SIGPIPE, SIG_IGN)
        let version = CLI.version.hasPrefix("strata ") ? String(CLI.version.dropFirst("strata ".count)) : CLI.version
        return LSPConnection.serveStdio(options: LanguageServer.Options(version: version))
    }
}
