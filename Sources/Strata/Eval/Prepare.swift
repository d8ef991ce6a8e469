import Foundation

/// A statement with the source it came from: the rule file or a file it includes.
struct Sourced {
    var stmt: Stmt
    var source: SourceFile
}

/// A field declared in a `schema` block, validated, with where it is declared (for messages about the data).
public struct DeclaredField: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var key: Bool
    public var pii: Bool
    public var file: String
    public var span: SourceSpan
}

extension Session {
    /// Parses a source and, in place of each `include`, the statements of the included file.
    /// Nil after an include that cannot be read or forms a cycle, and after syntax errors — unless
    /// `aroundSyntaxErrors`, when the statements that parsed are returned with the skipped ones, so the
    /// rest can still be checked (only while every skipped statement is one whose loss cannot make the
    /// others wrong: not a `load`, `schema`, `include` or `set`).
    func expand(_ source: SourceFile, bare: Bool, aroundSyntaxErrors: Bool = false, _ result: inout Result)
        -> (stmts: [Sourced], skipped: [(UnparsedStatement, SourceFile)])? {
        var state = Includes(chain: [(Session.canonical(source.name), nil)], aroundSyntaxErrors: aroundSyntaxErrors)
        state.done.insert(Session.canonical(source.name))
        guard let stmts = expand(source, bare: bare, &state, &result) else { return nil }
        return (stmts, state.skipped)
    }

    /// The files being included (the chain from the rule file down, each with the include that led there)
    /// and every file already included in this program.
    struct Includes {
        var chain: [(path: String, via: (file: String, span: SourceSpan)?)]
        var done: Set<String> = []
        var aroundSyntaxErrors = false
        var skipped: [(UnparsedStatement, SourceFile)] = []
    }

    /// Statements whose loss to a syntax error leaves the others checkable as they stand.
    private static let skippable: Set<Keyword> = [.segment, .let, .derive, .tiers, .show, .count, .export, .assert]

    private func expand(_ source: SourceFile, bare: Bool, _ state: inout Includes, _ result: inout Result) -> [Sourced]? {
        renderer.add(source)
        let (program, diagnostics) = Parser.parse(source, allowBareExpressions: bare)
        result.diagnostics += diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            guard state.aroundSyntaxErrors, program.unparsed.allSatisfy({ $0.keyword.map(Session.skippable.contains) == true }) else { return nil }
            state.skipped += program.unparsed.map { ($0, source) }
        }
        var out: [Sourced] = []
        var ok = true
        for stmt in program.statements {
            guard case .include(let p) = stmt.kind else {
                out.append(Sourced(stmt: stmt, source: source))
                continue
            }
            let path = Session.includePath(p.text, from: source.name, fallback: baseDirectory)
            let key = Session.canonical(path)
            if let k = state.chain.firstIndex(where: { $0.path == key }) {
                reportCycle(p, in: source, first: k + 1 < state.chain.count ? state.chain[k + 1].via : nil, &result)
                ok = false
                continue
            }
            // Include once: a file two others share (a diamond) is already defined; its second include adds nothing.
            if state.done.contains(key) { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                result.diagnostics.append(Diagnostic(.error, "cannot read included file `\(p.text)`", file: source.name, span: p.span,
                                                     suggestion: "the path is relative to this file's folder"))
                ok = false
                continue
            }
            state.done.insert(key)
            state.chain.append((key, (source.name, p.span)))
            defer { state.chain.removeLast() }
            guard let inner = expand(SourceFile(name: path, text: String(decoding: data, as: UTF8.self)), bare: false, &state, &result) else {
                ok = false
                continue
            }
            out += inner
        }
        return ok ? out : nil
    }

    private func reportCycle(_ p: Name, in source: SourceFile, first: (file: String, span: SourceSpan)?, _ result: inout Result) {
        var hint = "remove one of the includes"
        if let f = first { hint = "`\(p.text)` is already being included (its include at \(f.file):\(f.span.start.line):\(f.span.start.column) leads back here)" }
        result.diagnostics.append(Diagnostic(.error, "include cycle: `\(p.text)` includes this file again", file: source.name, span: p.span, suggestion: hint))
        if let f = first {
            result.diagnostics.append(Diagnostic(.note, "the cycle starts with this include", file: f.file, span: f.span,
                                                 suggestion: "shared definitions belong in a file that includes nothing that includes it"))
        }
    }

    /// An included file's path as messages show it: relative to the including file's folder, with no `./` in front.
    static func includePath(_ written: String, from including: String, fallback: String) -> String {
        if written.hasPrefix("/") { return written }
        var rest = Substring(written)
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        let folder = folder(of: including, fallback: fallback)
        return folder == "." ? String(rest) : folder + "/" + rest
    }

    /// One name per file for finding cycles and repeats: absolute, with symlinks resolved (a linked folder
    /// that leads back is still a cycle).
    static func canonical(_ path: String) -> String {
        if path.hasPrefix("<") { return path }
        return AtomicFileWriter.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The folder paths in a source are relative to: the file's own folder (REPL inputs use `fallback`).
    static func folder(of name: String, fallback: String) -> String {
        if name.hasPrefix("<") { return fallback }
        let d = (name as NSString).deletingLastPathComponent
        return d.isEmpty ? "." : d
    }

    /// The fields of the `schema` blocks, validated; reports bad types, flags, duplicates, a second `key`
    /// and a schema named for another table than the one loaded.
    func declaredSchema(_ stmts: [Sourced], _ result: inout Result) -> (table: String, fields: [DeclaredField])? {
        var table: String?
        var fields: [DeclaredField] = []
        let loaded = stmts.lazy.compactMap { s -> Name? in if case .load(let t, _) = s.stmt.kind { return t } else { return nil } }.first
        for s in stmts {
            guard case .schema(let t, let fs) = s.stmt.kind else { continue }
            func fail(_ message: String, _ span: SourceSpan, _ suggestion: String) {
                result.diagnostics.append(Diagnostic(.error, message, file: s.source.name, span: span, suggestion: suggestion))
            }
            if let prior = table, prior != t.text {
                fail("a schema for `\(t.text)`, but the schema above is for `\(prior)`", t.span, "describe one table")
                continue
            }
            if let l = loaded, l.text != t.text {
                fail("schema `\(t.text)` does not match `load \(l.text)`", t.span, "name the schema after the table it describes: `schema \(l.text) {`")
                continue
            }
            table = t.text
            for f in fs {
                let typeNames: [String: ValueType] = ["number": .number, "string": .string, "text": .string, "bool": .bool, "date": .date]
                guard let type = typeNames[f.type.text] else {
                    let near = Suggest.nearest(f.type.text, in: ["number", "string", "bool", "date"])
                    fail("unknown type `\(f.type.text)`", f.type.span, near.map { "did you mean `\($0)`?" } ?? "types are number, string, bool and date")
                    continue
                }
                var key = false, pii = false
                for flag in f.flags {
                    switch flag.text {
                    case "key", "pii":
                        if (flag.text == "key" && key) || (flag.text == "pii" && pii) {
                            fail("`\(flag.text)` is given twice for `\(f.name.text)`", flag.span, "write it once")
                        }
                        if flag.text == "key" { key = true } else { pii = true }
                    default:
                        fail("unknown flag `\(flag.text)`", flag.span, "flags are `key` (the customer id) and `pii` (personal data, masked in output)")
                    }
                }
                if fields.contains(where: { $0.name == f.name.text }) {
                    fail("field `\(f.name.text)` is declared twice", f.name.span, "keep one declaration")
                    continue
                }
                if key, let other = fields.first(where: \.key) {
                    fail("`\(f.name.text)` is marked `key`, but `\(other.name)` already is (\(other.file):\(other.span.start.line))", f.name.span,
                         "a table has one key, the customer id; remove one of the `key` flags")
                }
                fields.append(DeclaredField(name: f.name.text, type: type, key: key, pii: pii, file: s.source.name, span: f.name.span))
            }
        }
        return table.map { ($0, fields) }
    }

    /// Data that does not match the rule file's schema is refused before any rule runs; each message
    /// points at the field's own line in the schema.
    func verify(_ t: Table, against fields: [DeclaredField], _ result: inout Result) -> Bool {
        var ok = true
        for f in fields {
            guard let c = t.column(named: f.name) else {
                let near = Suggest.nearest(f.name, in: t.columns.map(\.name))
                result.diagnostics.append(Diagnostic(.error, "the data in \(t.source) has no field `\(f.name)` declared in the schema",
                                                     file: f.file, span: f.span,
                                                     suggestion: near.map { "the data has `\($0)`" } ?? "check the export's columns"))
                ok = false
                continue
            }
            // An all-empty column loads as string; it cannot contradict a declared type, and takes it.
            if c.type != f.type, c.nullCount == c.count {
                table?.put(Vector.broadcast(.null, type: f.type, count: c.count).column(named: f.name, type: f.type, count: c.count))
                checker.addField(f.name, f.type)
                continue
            }
            if c.type != f.type, c.nullCount < c.count {
                result.diagnostics.append(Diagnostic(.error, "field `\(f.name)` is declared \(f.type.name) but the data holds \(c.type.name) values",
                                                     file: f.file, span: f.span, suggestion: "fix the schema or the export"))
                ok = false
            }
        }
        return ok
    }
}
