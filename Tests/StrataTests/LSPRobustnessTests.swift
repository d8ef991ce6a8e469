import Foundation
import Testing
@testable import Strata

/// `strata lsp` never traps or hangs, whatever the bytes: damaged recorded sessions, random bytes, a
/// large document, and a client that closes its end without a word.
@Suite struct LSPRobustnessTests {
    /// Checks that the output is whole frames of JSON-RPC messages.
    static func expectWellFormed(_ output: [UInt8], _ what: String) {
        var framer = MessageFramer()
        framer.append(output)
        while let frame = framer.next() {
            guard case .body(let body) = frame, let v = try? JSONParser.parse(body), v["jsonrpc"] == .string("2.0") else {
                Issue.record("\(what): the server wrote something that is not a JSON-RPC message")
                return
            }
        }
        #expect(!framer.hasPartialMessage, "\(what): the output ends inside a message")
    }

    @Test func damagedSessionsAreAnsweredNeverTrapped() throws {
        // Sessions that need no data, so each replay is quick; every kind of damage a pipe or a buggy client makes.
        let sessions = try ["cjk-emoji-positions", "formatting", "malformed-input", "unknown-method", "lifecycle"].map {
            try LSPSessionTests.input(case: LSPSessionTests.folder + "/" + $0)
        }
        var rng = SplitMix(seed: 14)
        for round in 0..<300 {
            var bytes = sessions[round % sessions.count]
            for _ in 0..<(1 + rng.below(4)) {
                guard !bytes.isEmpty else { break }
                let at = rng.below(bytes.count)
                switch rng.below(5) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(40)))
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + rng.below(200))], at: rng.below(bytes.count))
                case 3: bytes.insert(contentsOf: (0..<rng.below(16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
                default: bytes = Array(bytes[0..<at])
                }
            }
            let (output, code) = LSPConnection.session(bytes, version: "test")
            #expect(code == 0 || code == 1)
            Self.expectWellFormed(output, "round \(round)")
        }
    }

    @Test func randomBytesAreAnsweredNeverTrapped() {
        var rng = SplitMix(seed: 7)
        let pieces = ["Content-Length: ", "\r\n", "\r\n\r\n", "{", "}", "\"", "[", "]", ":", ",", "12", "-3", "\\u", "😀", "\n"].map { Array($0.utf8) }
        for round in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.below(200) {
                if rng.below(3) == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                } else {
                    bytes += pieces[rng.below(pieces.count)]
                }
            }
            let (output, code) = LSPConnection.session(bytes, version: "test")
            #expect(code == 1, "round \(round): no shutdown was sent")
            Self.expectWellFormed(output, "round \(round)")
        }
    }

    @Test func aLargeDocumentIsCheckedAndFormatted() throws {
        // Two thousand segments, one line of the longest chain the parser accepts (30,000 characters), CJK names: opened, edited, formatted.
        var text = "schema customers {\n  id:  string key\n  城市: string\n  clv: number\n}\n"
        for i in 0..<2_000 { text += "segment s\(i) where clv > \(i) and 城市 == \"深圳\"\ncount s\(i)\n" }
        text += "segment wide where " + (0..<ParserState.maxChain).map { "clv == \($0)" }.joined(separator: " or ") + "\ncount wide\n"
        let uri = DocumentURI.uri(path: Repo.tempDir() + "/large.strata")
        let messages: [JSONValue] = [
            try JSONParser.parse(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
            OutgoingMessage.notification("textDocument/didOpen", .object(["textDocument": .object([
                "uri": .string(uri), "version": .int(1), "text": .string(text)])])),
            OutgoingMessage.notification("textDocument/didChange", .object([
                "textDocument": .object(["uri": .string(uri), "version": .int(2)]),
                "contentChanges": .array([.object(["range": LSPRange(start: LSPPosition(line: 5, character: 0), end: LSPPosition(line: 5, character: 0)).json,
                                                   "text": .string("segment   extra where clv>1\n")])])])),
            try JSONParser.parse(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/formatting","params":{"textDocument":{"uri":"\#(uri)"},"options":{}}}"#),
            try JSONParser.parse(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#),
            OutgoingMessage.notification("exit", .null),
        ]
        let input = messages.flatMap { MessageFramer.frame($0.serialized) }
        let (output, code) = LSPConnection.session(input, version: "test")
        #expect(code == 0)
        var framer = MessageFramer()
        framer.append(output)
        var answers: [JSONValue] = []
        while case .body(let b)? = framer.next() { answers.append(try JSONParser.parse(b)) }
        let formatted = answers.first { $0["id"] == .int(2) }?["result"]?.array?.first?["newText"]?.string
        #expect(formatted?.contains("segment extra where clv > 1\n") == true)
        #expect(formatted?.hasSuffix("count wide\n") == true)
    }

    @Test func theBinaryEndsWhenItsInputEnds() throws {
        // A client that dies: garbage, then the end of input. The server answers and exits 1 at once.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: SignalCleanupTests.binary)
        p.arguments = ["lsp"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data("Content-Length: 5\r\n\r\n{oops".utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(String(decoding: out, as: UTF8.self).contains("\"code\":-32700"))
    }
}
