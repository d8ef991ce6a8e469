import Foundation

/// The data a rule file is checked against in the editor, from `.strata.json` in the file's folder or a
/// parent up to the workspace root: `{"data": {"customers": "data/c.csv"}}` means what
/// `strata check --data customers=data/c.csv` means, with paths relative to the `.strata.json`.
struct EditorSettings: Sendable, Hashable {
    /// `--data` overrides: table name → absolute path.
    var data: [String: String] = [:]
    /// The settings file they came from, if any.
    var file: String?

    /// The settings nearest to `path`: its folder's `.strata.json`, else a parent's up to `root`
    /// (only the file's own folder when the file lies outside the root).
    static func find(for path: String, root: String?) -> EditorSettings {
        var folder = (path as NSString).deletingLastPathComponent
        let stop = root.map(EditorPaths.standardized)
        while true {
            let candidate = (folder as NSString).appendingPathComponent(".strata.json")
            if let bytes = FileManager.default.contents(atPath: candidate) { return parse(bytes, at: candidate) }
            guard let stop, folder != stop, folder.hasPrefix(stop + "/") || stop == "/" else { break }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        return EditorSettings()
    }

    /// The `--data` overrides for a program that loads `tables`: one settings file serves every rule file
    /// of the workspace, so a table a program does not load is left out (where `--data` would refuse it);
    /// a program that loads nothing gets the only table named, or else `customers`.
    func overrides(loading tables: Set<String>) -> [String: String] {
        if !tables.isEmpty { return data.filter { tables.contains($0.key) } }
        if data.count == 1 { return data }
        return data.filter { $0.key == "customers" }
    }

    /// The settings a `.strata.json` holds; anything other than an object of table names and paths under
    /// `"data"` is left out (the editor cannot stop on a settings file; `strata check` never reads it).
    static func parse(_ bytes: Data, at file: String) -> EditorSettings {
        var out = EditorSettings(file: file)
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
              let data = object["data"] as? [String: Any] else { return out }
        let folder = (file as NSString).deletingLastPathComponent
        for (table, value) in data {
            guard let p = value as? String, !p.isEmpty else { continue }
            out.data[table] = EditorPaths.absolute(p, from: folder + "/.strata.json")
        }
        return out
    }
}
