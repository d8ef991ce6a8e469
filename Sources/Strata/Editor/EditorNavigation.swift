import Foundation

/// Go to definition, find references and rename: over the program a file belongs to, and over the
/// programs that include it (a name an included file defines is used by the files including it).
extension EditorWorkspace {
    /// Where the name at a position is defined.
    public func definition(path: String, at: SourceLocation) -> [EditorLocation] {
        guard let (occurrence, own) = target(path, at) else { return [] }
        let here = declarations(of: occurrence.target, in: own)
        if !here.isEmpty { return here }
        // Defined in a file that includes this one.
        for index in includers(of: EditorPaths.standardized(path)) {
            let found = declarations(of: occurrence.target, in: index)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Every use of the name at a position, across the program's files and the programs including it.
    public func references(path: String, at: SourceLocation, includeDeclaration: Bool) -> [EditorLocation] {
        guard let (occurrence, own) = target(path, at) else { return [] }
        let indices = [own] + includers(of: EditorPaths.standardized(path))
        return places(of: occurrence.target, in: indices).filter { includeDeclaration || !$0.isDeclaration }
            .map { EditorLocation(path: $0.path, span: $0.span) }
    }

    /// The edits that rename the name at a position everywhere, or why not.
    public func rename(path: String, at: SourceLocation, to newName: String) -> EditorRename {
        guard let (occurrence, own) = target(path, at) else { return .refused("there is no name here to rename") }
        let indices = [own] + includers(of: EditorPaths.standardized(path))
        let name = newName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains("`"), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .refused("`\(newName)` is not a valid name")
        }
        if Keyword(word: name) != nil { return .refused("`\(name)` is a keyword") }
        if let broken = indices.flatMap(\.files).first(where: \.hasSyntaxErrors) {
            return .refused("\((broken.path as NSString).lastPathComponent) has syntax errors; fix them first, so that every use of the name is seen")
        }
        let written = Lexer.isBareName(name) ? name : "`\(name)`"
        let all = places(of: occurrence.target, in: indices)
        switch occurrence.target {
        case .definition(let old):
            guard indices.contains(where: { $0.definitions[old] != nil }) else { return .refused("`\(old)` is not defined in these rules") }
            if name == old { return .edits([]) }
            if let clash = indices.lazy.compactMap({ $0.definitions[name] }).first {
                return .refused("`\(name)` is already defined at \(place(clash.file.path, clash.nameSpan))")
            }
            let program = analysis(path).compilation.program
            for t in program?.tables ?? [] where t.field(name) != nil || t.name == name {
                return .refused(t.name == name ? "`\(name)` is a table" : "`\(name)` is a field of \(t.name)")
            }
            return .edits(all.map { EditorEdit(path: $0.path, span: $0.span, newText: written) })
        case .tierLabel(let tier, let old):
            if name == old { return .edits([]) }
            if indices.contains(where: { $0.tierLabels(tier).contains { $0.text == name } }) {
                return .refused("`\(tier)` already has a label `\(name)`")
            }
            return .edits(all.map { EditorEdit(path: $0.path, span: $0.span, newText: $0.isDeclaration ? written : EditorWorkspace.quoted(name)) })
        case .field, .table, .function, .setting:
            return .refused("only segments, tiers, their labels, lets and derived fields can be renamed")
        }
    }

    /// A text literal for a label: quotes, with `"` and `\` escaped.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The occurrence at a position and the index of the file's program.
    func target(_ path: String, _ at: SourceLocation) -> (EditorOccurrence, EditorIndex)? {
        let p = EditorPaths.standardized(path)
        let own = analysis(p).index
        guard let file = own.file(p), let occurrence = own.occurrence(in: p, at: file.source.offset(of: at)) else { return nil }
        return (occurrence, own)
    }

    /// The declarations of a target in one program.
    func declarations(of target: EditorTarget, in index: EditorIndex) -> [EditorLocation] {
        switch target {
        case .definition(let n):
            guard let d = index.definitions[n] else { return [] }
            return [EditorLocation(path: d.file.path, span: d.nameSpan)]
        case .tierLabel, .table, .setting, .field:
            var found = index.occurrences.filter { $0.target == target && $0.isDeclaration }
            // A field is declared by its schema line, when there is one.
            if case .field = target {
                found = index.occurrences.filter { o in
                    o.target == target && index.file(o.path)?.statements.contains { s in
                        if case .schema = s.kind { return s.span.start.offset <= o.span.start.offset && o.span.end.offset <= s.span.end.offset }
                        return false
                    } == true
                }
            }
            return found.map { EditorLocation(path: $0.path, span: $0.span) }
        case .function:
            return []
        }
    }

    /// Every occurrence of a target in the indices, each place once, in file and source order.
    func places(of target: EditorTarget, in indices: [EditorIndex]) -> [EditorOccurrence] {
        var seen: Set<EditorLocation> = []
        var out: [EditorOccurrence] = []
        for index in indices {
            for o in index.occurrences where o.target == target && seen.insert(EditorLocation(path: o.path, span: o.span)).inserted {
                out.append(o)
            }
        }
        return out.sorted { ($0.path, $0.span.start.offset) < ($1.path, $1.span.start.offset) }
    }

    /// The programs that include `path` (directly or not): the open documents and the rule files in its
    /// folder, the folder above and the workspace root.
    func includers(of path: String) -> [EditorIndex] {
        let folder = (path as NSString).deletingLastPathComponent
        var folders = [folder, (folder as NSString).deletingLastPathComponent]
        if let root { folders.append(root) }
        var candidates = openPaths
        for f in Set(folders) {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: f)) ?? []).sorted() where name.hasSuffix(".strata") {
                candidates.append(EditorPaths.standardized((f as NSString).appendingPathComponent(name)))
            }
        }
        var seen: Set<String> = [path]
        var out: [EditorIndex] = []
        for c in candidates.prefix(500) where seen.insert(c).inserted {
            guard let text = text(of: c), text.contains("include") else { continue }
            let idx = index(c)
            if idx.files.dropFirst().contains(where: { $0.path == path }) { out.append(idx) }
        }
        return out
    }

    /// `file:line` for messages, the file named relative to the workspace root when inside it.
    func place(_ path: String, _ span: SourceSpan) -> String {
        var shown = (path as NSString).lastPathComponent
        if let root, path.hasPrefix(root + "/") { shown = String(path.dropFirst(root.count + 1)) }
        return "\(shown):\(span.start.line)"
    }
}
