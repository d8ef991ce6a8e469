import Foundation

/// A statement with the source it came from: the rule file or a file it includes.
public struct Sourced: Sendable {
    public var stmt: Stmt
    public var source: SourceFile
}

/// A rule program as parsed: the statements of the rule file with every `include` replaced by the
/// statements of the included file, every source read (for rendering diagnostics), and the syntax
/// errors. Nothing here knows about data or types.
public struct SourceSet: Sendable {
    /// The statements in program order (includes expanded, each file once).
    public var statements: [Sourced] = []
    /// Every source read, the rule file first.
    public var sources: [SourceFile] = []
    /// Syntax errors and unreadable includes.
    public var diagnostics: [Diagnostic] = []
    /// Statements lost to syntax errors, when the set was read around them (`strata check`).
    public var skipped: [(UnparsedStatement, SourceFile)] = []
    /// Whether the statements can be checked: no syntax error, or only errors in skippable statements
    /// when reading around them.
    public var usable = true

    /// The root source, parsed, with its includes expanded. `baseDirectory` is the folder paths in a
    /// source without a file (a REPL input) are relative to. With `aroundSyntaxErrors` the statements
    /// that parsed are kept, while every statement lost is one whose loss cannot make the others wrong.
    public static func read(_ root: SourceFile, baseDirectory: String = ".", bareExpressions: Bool = false,
                            aroundSyntaxErrors: Bool = false, overlays: [String: String] = [:]) -> SourceSet {
        var reader = IncludeReader(baseDirectory: baseDirectory, aroundSyntaxErrors: aroundSyntaxErrors)
        reader.overlays = overlays
        reader.chain = [(canonical(root.name), nil)]
        reader.done.insert(canonical(root.name))
        var set = SourceSet()
        set.statements = reader.expand(root, bare: bareExpressions, into: &set) ?? []
        set.usable = reader.ok
        set.skipped = reader.skipped
        return set
    }

    /// Every name the statements define (and `as_of` if it is set), with its first definition's place.
    public var definedNames: [String: (file: String, span: SourceSpan)] {
        var out: [String: (file: String, span: SourceSpan)] = [:]
        for s in statements {
            let n = s.stmt.kind.definedName ?? s.stmt.kind.setting.flatMap { $0.text == "as_of" ? $0 : nil }
            if let n, out[n.text] == nil { out[n.text] = (s.source.name, n.span) }
        }
        return out
    }

    /// The folder paths in a source are relative to: the file's own folder (REPL inputs use `fallback`).
    public static func folder(of name: String, fallback: String) -> String {
        if name.hasPrefix("<") { return fallback }
        let d = (name as NSString).deletingLastPathComponent
        return d.isEmpty ? "." : d
    }

    /// A path written in a source (`load`, `include`, `export`) as the program uses it: relative to the
    /// source's folder, with no `./` in front; absolute paths stay as they are.
    public static func resolve(_ written: String, from source: String, fallback: String) -> String {
        if written.hasPrefix("/") { return written }
        var rest = Substring(written)
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        let folder = folder(of: source, fallback: fallback)
        return folder == "." ? String(rest) : folder + "/" + rest
    }

    /// One name per file for finding cycles and repeats: absolute, with symlinks resolved (a linked folder
    /// that leads back is still a cycle).
    public static func canonical(_ path: String) -> String {
        if path.hasPrefix("<") { return path }
        if let p = realpath(path, nil) {
            defer { free(p) }
            return String(cString: p)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// Reads a source and its includes depth first, each file once, refusing cycles.
private struct IncludeReader {
    var baseDirectory: String
    var aroundSyntaxErrors: Bool
    /// The files being included, from the rule file down, each with the include that led there.
    var chain: [(path: String, via: (file: String, span: SourceSpan)?)] = []
    /// Every file already included in this program.
    var done: Set<String> = []
    var skipped: [(UnparsedStatement, SourceFile)] = []
    var ok = true
    /// Texts that stand in for files, by canonical path: an editor's unsaved documents.
    var overlays: [String: String] = [:]

    init(baseDirectory: String, aroundSyntaxErrors: Bool) {
        self.baseDirectory = baseDirectory
        self.aroundSyntaxErrors = aroundSyntaxErrors
    }

    mutating func expand(_ source: SourceFile, bare: Bool, into set: inout SourceSet) -> [Sourced]? {
        set.sources.append(source)
        let (parsed, diagnostics) = Parser.parse(source, allowBareExpressions: bare)
        set.diagnostics += diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            let skippable = parsed.unparsed.allSatisfy { $0.keyword?.statementRole?.skippableAfterSyntaxError == true }
            guard aroundSyntaxErrors, skippable else {
                ok = false
                return nil
            }
            skipped += parsed.unparsed.map { ($0, source) }
        }
        var out: [Sourced] = []
        for stmt in parsed.statements {
            guard case .include(let p) = stmt.kind else {
                out.append(Sourced(stmt: stmt, source: source))
                continue
            }
            let path = SourceSet.resolve(p.text, from: source.name, fallback: baseDirectory)
            let key = SourceSet.canonical(path)
            if let k = chain.firstIndex(where: { $0.path == key }) {
                set.diagnostics += Self.cycle(p, in: source, first: k + 1 < chain.count ? chain[k + 1].via : nil)
                ok = false
                continue
            }
            // Include once: a file two others share (a diamond) is already defined; its second include adds nothing.
            if done.contains(key) { continue }
            let included: SourceFile
            switch overlays[key].map({ Result<SourceFile, RuleSource.Failure>.success(SourceFile(name: path, text: $0)) }) ?? RuleSource.read(path: path) {
            case .success(let s): included = s
            case .failure(let f):
                set.diagnostics.append(f.diagnostic(at: (source.name, p.span, p.text)))
                ok = false
                continue
            }
            done.insert(key)
            chain.append((key, (source.name, p.span)))
            defer { chain.removeLast() }
            guard let inner = expand(included, bare: false, into: &set) else { continue }
            out += inner
        }
        return out
    }

    static func cycle(_ p: Name, in source: SourceFile, first: (file: String, span: SourceSpan)?) -> [Diagnostic] {
        var out = [Diagnostic(.includeCycle(p.text, firstInclude: first), file: source.name, span: p.span)]
        if let f = first { out.append(Diagnostic(.includeCycleStart, file: f.file, span: f.span)) }
        return out
    }
}
