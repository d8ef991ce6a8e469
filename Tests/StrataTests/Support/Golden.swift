import Foundation
import Testing
@testable import Strata

/// What every golden suite (checker, fmt, parse errors, `strata run`, the examples) shares: the one switch
/// that rewrites expectations, and a comparison that shows a diff instead of two long strings.
enum Golden {
    /// True when `STRATA_UPDATE_GOLDEN=1`: suites write what they got as the new expectation before
    /// comparing. Only the value `1` counts, so `STRATA_UPDATE_GOLDEN=0` does not rewrite anything.
    static var updating: Bool { ProcessInfo.processInfo.environment["STRATA_UPDATE_GOLDEN"] == "1" }

    /// Expects `actual` to equal the text stored at `path` (a missing file reads as missing, not as empty);
    /// on a mismatch the issue carries a unified diff.
    static func expectEqual(_ actual: String, toFileAt path: String, _ what: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("\(what): no expected file at \(path); run with STRATA_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let diff = LineDiff.unified(old: expected, new: actual, oldName: "expected", newName: "actual")
            Issue.record("\(what) differs from \(path):\n\(diff)", sourceLocation: sourceLocation)
        }
    }

    /// Writes `text` to `path` when updating (creating the folder if needed).
    static func update(_ text: String, at path: String) throws {
        guard updating else { return }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
