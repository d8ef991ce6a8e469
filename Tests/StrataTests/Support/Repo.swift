import Foundation

/// Paths inside the repository, independent of the directory the tests run from.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Files in a repository folder with the given extension, sorted.
    static func files(in folder: String, ext: String) -> [String] {
        let dir = path(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix("." + ext) }.sorted().map { dir + "/" + $0 }
    }

    /// A fresh empty temporary folder.
    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "strata-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}
