import Foundation
import Testing
@testable import Strata

/// Recorded sessions: each folder of `Golden/lsp/` is a client's messages (`session.jsonl`) and every
/// message the server must send back, in order (`expected.jsonl`), with the exit code (`exit`). The
/// server runs in-process with diagnostics published at once, so the output is the same on every run.
/// Format of `session.jsonl` (see Golden/lsp/README.md): one message a line, framed with Content-Length as
/// it is (so a broken line tests broken JSON); `raw "…"` sends the JSON string's bytes unframed; `$ROOT`
/// is the repository; `$TEXT(name)` is the JSON string of the case folder's file `name`; `#` lines are comments.
@Suite struct LSPSessionTests {
    static let folder = Repo.path("Tests/StrataTests/Golden/lsp")
    static var root: String { Repo.root.path }

    static func cases() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &dir) && dir.boolValue
        }.sorted()
    }

    /// The bytes a session file sends.
    static func input(case dir: String) throws -> [UInt8] {
        let text = try String(contentsOfFile: dir + "/session.jsonl", encoding: .utf8)
        var bytes: [UInt8] = []
        for line in text.components(separatedBy: "\n") where !line.isEmpty && !line.hasPrefix("#") {
            var l = line.replacingOccurrences(of: "$ROOT", with: root)
            while let r = l.range(of: #"\$TEXT\(([^)]+)\)"#, options: .regularExpression) {
                let name = String(l[r].dropFirst(6).dropLast())
                let file = try String(contentsOfFile: dir + "/" + name, encoding: .utf8).replacingOccurrences(of: "$ROOT", with: root)
                l.replaceSubrange(r, with: JSONWriter.quote(file))
            }
            if l.hasPrefix("raw ") {
                // Each character is one byte (U+0000–U+00FF), so a raw line can hold bytes that are not UTF-8.
                let raw = try JSONParser.parse(String(l.dropFirst(4))).string ?? ""
                #expect(raw.unicodeScalars.allSatisfy { $0.value <= 0xFF }, "a raw line holds bytes: \(line)")
                bytes += raw.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            } else {
                bytes += MessageFramer.frame(l)
            }
        }
        return bytes
    }

    /// The server's messages, one a line: each output frame's body, with the repository written `$ROOT`.
    /// Fails the test if the output is not a clean sequence of frames.
    static func transcript(_ output: [UInt8]) -> String {
        var framer = MessageFramer()
        framer.append(output)
        var lines: [String] = []
        while let frame = framer.next() {
            guard case .body(let body) = frame else {
                Issue.record("the server wrote a broken frame: \(frame)")
                continue
            }
            lines.append(String(decoding: body, as: UTF8.self).replacingOccurrences(of: root, with: "$ROOT"))
        }
        #expect(!framer.hasPartialMessage, "the output ends inside a message")
        return lines.map { $0 + "\n" }.joined()
    }

    @Test func thereAreRecordedSessions() {
        #expect(Self.cases().count >= 8)
    }

    @Test(arguments: cases())
    func recordedSession(_ name: String) throws {
        let dir = Self.folder + "/" + name
        let (output, code) = LSPConnection.session(try Self.input(case: dir), version: "test")
        let transcript = Self.transcript(output)
        try Golden.update(transcript, at: dir + "/expected.jsonl")
        try Golden.update("\(code)\n", at: dir + "/exit")
        Golden.expectEqual(transcript, toFileAt: dir + "/expected.jsonl", "lsp session \(name)")
        Golden.expectEqual("\(code)\n", toFileAt: dir + "/exit", "lsp session \(name) exit code")
        // Every line the server sent is JSON-RPC 2.0 in the canonical form (sorted keys, compact).
        for line in transcript.split(separator: "\n") {
            let value = try JSONParser.parse(String(line))
            #expect(value["jsonrpc"] == .string("2.0"))
            #expect(value.serialized == String(line))
        }
    }
}
