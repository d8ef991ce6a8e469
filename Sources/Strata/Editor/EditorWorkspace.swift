import Foundation

/// The rule files as an editor sees them: open documents' unsaved texts shadow the files on disk.
public struct EditorWorkspace: Sendable {
    /// The workspace folder: the search for `.strata.json` stops here.
    public let root: String?
    /// The texts of open documents, by absolute path.
    private var overlays: [String: String] = [:]
    /// Tables read and programs checked, shared by copies of the workspace.
    let cache = EditorCache()

    /// A workspace rooted at `root` (the folder the editor opened), if any.
    public init(root: String?) {
        self.root = root.map(EditorPaths.standardized)
    }

    /// Opens a document or replaces its text (every change sends the full text).
    public mutating func open(path: String, text: String) { overlays[EditorPaths.standardized(path)] = text }

    /// Closes a document: the file on disk is seen again.
    public mutating func close(path: String) { overlays[EditorPaths.standardized(path)] = nil }

    /// The text of `path`: the open document's, else the file on disk (UTF-8, as `strata check` reads it).
    public func text(of path: String) -> String? {
        let p = EditorPaths.standardized(path)
        if let t = overlays[p] { return t }
        guard case .success(let s) = RuleSource.read(path: p) else { return nil }
        return s.text
    }

    /// The paths of the open documents.
    var openPaths: [String] { overlays.keys.sorted() }

    /// What `strata check` reports for the program `path` belongs to (includes followed, overlays used),
    /// every file's diagnostics; `Diagnostic.file` is the absolute path of the file each is in.
    public func diagnostics(for path: String) -> [Diagnostic] { analysis(path).diagnostics }

    /// The program `path` belongs to, checked as `strata check` checks it (cached while nothing it read changed).
    func analysis(_ path: String) -> EditorAnalysis {
        let p = EditorPaths.standardized(path)
        let settings = EditorSettings.find(for: p, root: root)
        let key = EditorCache.Key(path: p, overlays: overlays, settings: settings)
        if let hit = cache.analysis(key) { return hit }
        let made = EditorAnalysis(path: p, workspace: self, settings: settings)
        cache.store(made, for: key)
        return made
    }

    /// The parse-level index of the program rooted at `path` (no data, no checking).
    func index(_ path: String) -> EditorIndex { EditorIndex(root: path, read: text(of:)) }

    /// The overlays keyed as the pipeline finds included files.
    var canonicalOverlays: [String: String] {
        Dictionary(overlays.map { (SourceSet.canonical($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The program a file belongs to, checked: what `strata check` reports, the compilation (program, data)
/// and the index of its names.
struct EditorAnalysis: Sendable {
    var path: String
    var compilation: Pipeline.Compilation
    var diagnostics: [Diagnostic]
    var index: EditorIndex
    /// Modification stamps of what was read from disk (rule files not open, data, settings).
    var stamps: [String: String]

    init(path: String, workspace: EditorWorkspace, settings: EditorSettings) {
        self.path = path
        var options = RunOptions()
        let loads = EditorIndex(root: path, read: workspace.text(of:)).occurrences.compactMap { o -> String? in
            if case .table(let t) = o.target, o.isDeclaration { return t } else { return nil }
        }
        options.dataOverrides = settings.overrides(loading: Set(loads))
        var pipeline = Pipeline(options: options)
        pipeline.overlays = workspace.canonicalOverlays
        pipeline.tableCache = workspace.cache.tables
        pipeline.baseDirectory = (path as NSString).deletingLastPathComponent
        if let text = workspace.text(of: path) {
            compilation = pipeline.checked(SourceFile(name: path, text: text))
            diagnostics = compilation.result.diagnostics.map { d in
                var d = d
                d.file = EditorPaths.standardized(d.file)
                return d
            }
        } else {
            compilation = Pipeline.Compilation()
            let failure: RuleSource.Failure
            switch RuleSource.read(path: path) {
            case .failure(let f): failure = f
            case .success: failure = .unreadable(path: path)
            }
            diagnostics = [failure.diagnostic()]
        }
        let customers = compilation.program?.customers
        index = EditorIndex(root: path, read: workspace.text(of:), customerTable: customers?.name ?? "customers",
                            fields: Set(customers?.fields.map(\.name) ?? []))
        var read = index.files.map(\.path).filter { !workspace.openPaths.contains($0) }
        read += compilation.planned.map(\.path)
        if let s = settings.file { read.append(s) }
        stamps = EditorCache.stamps(read)
    }
}

/// What the workspace keeps between requests: tables (a million-row file is read once while it is
/// unchanged) and the last programs checked (hover and completion after a change reuse its check).
final class EditorCache: @unchecked Sendable {
    /// What an analysis depends on besides the files on disk.
    struct Key: Hashable {
        var path: String
        var overlays: [String: String]
        var settings: EditorSettings
    }

    let tables = TableCache()
    private let lock = NSLock()
    private var analyses: [(key: Key, analysis: EditorAnalysis)] = []
    private var tablesSeen: [String: [TableSchema]] = [:]

    func analysis(_ key: Key) -> EditorAnalysis? {
        lock.lock()
        let hit = analyses.last { $0.key == key }?.analysis
        lock.unlock()
        guard let hit, EditorCache.stamps(Array(hit.stamps.keys)) == hit.stamps else { return nil }
        return hit
    }

    /// The tables of the last program of `path` that had some: completion goes on offering fields
    /// while a half-typed statement keeps the program from being checked.
    func lastTables(_ path: String) -> [TableSchema] {
        lock.lock()
        defer { lock.unlock() }
        return tablesSeen[path] ?? []
    }

    func store(_ a: EditorAnalysis, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if let t = a.compilation.program?.tables, !t.isEmpty { tablesSeen[key.path] = t }
        analyses.removeAll { $0.key.path == key.path }
        analyses.append((key, a))
        if analyses.count > 8 { analyses.removeFirst(analyses.count - 8) }
    }

    /// Each file's size and modification time (a file that is gone has none).
    static func stamps(_ paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for p in paths {
            let a = try? FileManager.default.attributesOfItem(atPath: p)
            let size = (a?[.size] as? NSNumber)?.intValue ?? -1
            let time = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            out[p] = "\(size)@\(time)"
        }
        return out
    }
}
