import Foundation

extension CLI {
    /// Usage of `strata lsp`, printed by `strata lsp --help`.
    public static let lspUsage = """
        usage: strata lsp [--stdio]

        A Language Server Protocol server on standard input and output, for editors: diagnostics as you type,
        completion, hover, go to definition, references, rename, formatting and the outline (docs/editors.md).
        It is started by the editor, not by hand. --stdio is accepted (editors pass it) and is the only transport.
        Exit code 0 after the client's `shutdown` and `exit`, 1 when input ends or `exit` comes without `shutdown`.

        """

    /// `strata lsp`: serves the protocol on stdin/stdout until the client says `exit` or closes the input.
    func lsp(_ words: [String]) throws(UsageError) -> Int32 {
        let a = try Arguments(words, valueOptions: [], flagOptions: ["stdio"])
        guard a.positionals.isEmpty else {
            throw UsageError(message: "lsp takes no rule file: the editor sends the documents it opens")
        }
        // A client that goes away mid-write must not kill the server by SIGPIPE: the write fails, input ends.
        signal(SIGPIPE, SIG_IGN)
        let version = CLI.version.hasPrefix("strata ") ? String(CLI.version.dropFirst("strata ".count)) : CLI.version
        return LSPConnection.serveStdio(options: LanguageServer.Options(version: version))
    }
}
