extension Formatter {
    /// An expression in the canonical layout on one line, as `strata fmt` prints it. Output labels (`count`
    /// titles, export notes, assertion texts, column headers) use it, so reformatting a file never changes
    /// what running it prints.
    public static func canonical(_ e: Expr, in source: SourceFile) -> String {
        // The expression printer reads only the source text; tokens matter only for breaking lines.
        FormatPrinter(source: source, tokens: [], trailingAnchors: []).expr(e)
    }
}
