import Foundation

/// A statement with the source it came from: the rule file or a file it includes.
struct Sourced {
    var stmt: Stmt
    var source: SourceFile
}

/// A field declared in a `schema` block, validated.
public struct DeclaredField: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var key: Bool
    public var pii: Bool
}

extension Session {
    /// Parses a source and, in place of each `include`, the statements of the included file.
    /// Nil after syntax errors or an include that cannot be read or forms a cycle.
    func expand(_ source: SourceFile, bare: Bool, _ result: inout Result) -> [Sourced]? {
        var chain: [(path: String, via: (file: String, span: SourceSpan)?)] = [(Session.canonical(source.name), nil)]
        return expand(source, bare: bare, chain: &chain, &result)
    }

    private func expand(_ source: SourceFile, bare: Bool, chain: inout [(path: String, via: (file: String, span: SourceSpan)?)],
                        _ result: inout Result) -> [Sourced]? {
        renderer.add(source)
        let (program, diagnostics) = Parser.parse(source, allowBareExpressions: bare)
        result.diagnostics += diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) { return nil }
        var out: [Sourced] = []
        var ok = true
        for stmt in program.statements {
            guard case .include(let p) = stmt.kind else {
                out.append(Sourced(stmt: stmt, source: source))
                continue
            }
            let path = p.text.hasPrefix("/") ? p.text : Session.folder(of: source.name, fallback: baseDirectory) + "/" + p.text
            let key = Session.canonical(path)
            if let k = chain.firstIndex(where: { $0.path == key }) {
                let first = k + 1 < chain.count ? chain[k + 1].via : nil
                var hint = "remove one of the includes"
                if let f = first { hint = "`\(p.text)` is already being included (its include at \(f.file):\(f.span.start.line):\(f.span.start.column) leads back here)" }
                result.diagnostics.append(Diagnostic(.error, "include cycle: `\(p.text)` includes this file again", file: source.name, span: p.span, suggestion: hint))
                if let f = first {
                    result.diagnostics.append(Diagnostic(.note, "the cycle starts with this include", file: f.file, span: f.span,
                                                         suggestion: "shared definitions belong in a file that includes nothing that includes it"))
                }
                ok = false
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                result.diagnostics.append(Diagnostic(.error, "cannot read included file `\(p.text)`", file: source.name, span: p.span,
                                                     suggestion: "the path is relative to this file's folder"))
                ok = false
                continue
            }
            chain.append((key, (source.name, p.span)))
            defer { chain.removeLast() }
            guard let inner = expand(SourceFile(name: path, text: String(decoding: data, as: UTF8.self)), bare: false, chain: &chain, &result) else {
                ok = false
                continue
            }
            out += inner
        }
        return ok ? out : nil
    }

    static func canonical(_ path: String) -> String {
        path.hasPrefix("<") ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The folder paths in a source are relative to: the file's own folder (REPL inputs use `fallback`).
    static func folder(of name: String, fallback: String) -> String {
        if name.hasPrefix("<") { return fallback }
        let d = (name as NSString).deletingLastPathComponent
        return d.isEmpty ? "." : d
    }

    /// The fields of the `schema` blocks, validated; reports bad types, flags and duplicates.
    func declaredSchema(_ stmts: [Sourced], _ result: inout Result) -> (table: String, fields: [DeclaredField])? {
        var table: String?
        var fields: [DeclaredField] = []
        for s in stmts {
            guard case .schema(let t, let fs) = s.stmt.kind else { continue }
            if let prior = table, prior != t.text {
                result.diagnostics.append(Diagnostic(.error, "a schema for `\(t.text)`, but the schema above is for `\(prior)`", file: s.source.name,
                                                     span: t.span, suggestion: "describe one table"))
                continue
            }
            table = t.text
            for f in fs {
                let typeNames: [String: ValueType] = ["number": .number, "string": .string, "text": .string, "bool": .bool, "date": .date]
                guard let type = typeNames[f.type.text] else {
                    let near = Suggest.nearest(f.type.text, in: ["number", "string", "bool", "date"])
                    result.diagnostics.append(Diagnostic(.error, "unknown type `\(f.type.text)`", file: s.source.name, span: f.type.span,
                                                         suggestion: near.map { "did you mean `\($0)`?" } ?? "types are number, string, bool and date"))
                    continue
                }
                var key = false, pii = false
                for flag in f.flags {
                    switch flag.text {
                    case "key": key = true
                    case "pii": pii = true
                    default:
                        result.diagnostics.append(Diagnostic(.error, "unknown flag `\(flag.text)`", file: s.source.name, span: flag.span,
                                                             suggestion: "flags are `key` (the customer id) and `pii` (personal data, masked in output)"))
                    }
                }
                if fields.contains(where: { $0.name == f.name.text }) {
                    result.diagnostics.append(Diagnostic(.error, "field `\(f.name.text)` is declared twice", file: s.source.name, span: f.name.span,
                                                         suggestion: "keep one declaration"))
                    continue
                }
                fields.append(DeclaredField(name: f.name.text, type: type, key: key, pii: pii))
            }
        }
        return table.map { ($0, fields) }
    }

    /// Data that does not match the rule file's schema is refused before any rule runs.
    func verify(_ t: Table, against fields: [DeclaredField], at stmts: [Sourced], _ result: inout Result) -> Bool {
        let place = stmts.first { if case .schema = $0.stmt.kind { return true } else { return false } }
        var ok = true
        for f in fields {
            guard let c = t.column(named: f.name) else {
                let near = Suggest.nearest(f.name, in: t.columns.map(\.name))
                result.diagnostics.append(Diagnostic(.error, "the data in \(t.source) has no field `\(f.name)` declared in the schema",
                                                     file: place?.source.name ?? "", span: place?.stmt.span ?? .zero,
                                                     suggestion: near.map { "the data has `\($0)`" } ?? "check the export's columns"))
                ok = false
                continue
            }
            // An all-empty column loads as string; it cannot contradict a declared type.
            if c.type != f.type, c.nullCount < c.count {
                result.diagnostics.append(Diagnostic(.error, "field `\(f.name)` is declared \(f.type.name) but the data holds \(c.type.name) values",
                                                     file: place?.source.name ?? "", span: place?.stmt.span ?? .zero,
                                                     suggestion: "fix the schema or the export"))
                ok = false
            }
        }
        return ok
    }
}
