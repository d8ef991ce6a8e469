import Foundation
import Synchronization
import Testing
@testable import Strata

/// The server's behaviour that recorded sessions cannot show: diagnostics converted from real checks,
/// what is re-published when errors go away, cancellation, debouncing, and the built binary over a pipe.
@Suite struct LSPServerTests {
    /// A server whose messages and scheduled jobs are kept for the test to look at and run.
    final class Harness: @unchecked Sendable {
        var sent: [JSONValue] = []
        var jobs: [(Double, @Sendable () -> Void)] = []
        let lock = NSLock()
        lazy var server = LanguageServer(
            options: LanguageServer.Options(debounce: 0.2, version: "test"),
            send: { [unowned self] m in lock.withLock { sent.append(m) } },
            schedule: { [unowned self] d, job in lock.withLock { jobs.append((d, job)) } })

        func send(_ json: String) { server.handle(IncomingMessage.decode(Array(json.utf8))) }

        func take() -> [JSONValue] { lock.withLock { defer { sent = [] }; return sent } }
    }

    static func publishes(_ messages: [JSONValue]) -> [JSONValue] {
        messages.filter { $0["method"] == .string("textDocument/publishDiagnostics") }
    }

    static let rfm = (try? String(contentsOfFile: Repo.path("examples/rfm.strata"), encoding: .utf8)) ?? ""
    static let typo = rfm.replacingOccurrences(of: "avg(clv where champions)", with: "avg(clvv where champions)")

    @Test func aCheckDiagnosticBecomesAnLSPDiagnosticWithItsHelp() throws {
        // What `strata check` says about the misspelt `clvv` in a copy of examples/rfm.strata, placed where the
        // examples are (so the data is found), converted as the server publishes it.
        let path = Repo.path("examples/rfm.strata")
        let result = Pipeline().check(SourceFile(name: path, text: Self.typo))
        let typo = try #require(result.diagnostics.first { $0.message.contains("clvv") })
        let json = LanguageServer.json(typo, TextPositions(Self.typo))
        let line = try #require(Self.typo.components(separatedBy: "\n").firstIndex { $0.contains("avg(clvv") })
        #expect(json["message"]?.string == "\(typo.message)\nhelp: did you mean `clv`?")
        #expect(json["severity"] == .int(1))
        #expect(json["source"] == .string("strata"))
        #expect(json["code"] == .string(typo.code.rawValue))
        #expect(json["range"] == LSPRange(start: LSPPosition(line: line, character: 23), end: LSPPosition(line: line, character: 27)).json)
        // Warnings are severity 2 and notes 3; a message without help has no help line.
        let warning = try #require(result.diagnostics.first { $0.severity == .warning })
        #expect(LanguageServer.json(warning, TextPositions(Self.typo))["severity"] == .int(2))
        var note = warning
        note.severity = .note
        note.help = nil
        let n = LanguageServer.json(note, TextPositions(Self.typo))
        #expect(n["severity"] == .int(3) && n["message"]?.string == note.message)
    }

    @Test func filesWhoseErrorsWentAwayGetAnEmptyList() {
        func d(_ m: String) -> JSONValue { .object(["message": .string(m)]) }
        var p = DiagnosticPublisher()
        // The root's check reports an error in an included file: both are published, the root first.
        let first = p.update(root: "/w/main.strata", report: ["/w/inc.strata": [d("x")]])
        #expect(first.map(\.path) == ["/w/main.strata", "/w/inc.strata"])
        #expect(first.map(\.diagnostics) == [[], [d("x")]])
        // Checked again with the same result: only the root, which is always confirmed.
        #expect(p.update(root: "/w/main.strata", report: ["/w/inc.strata": [d("x")]]).map(\.path) == ["/w/main.strata"])
        // A second open document reports the same error: it is not sent twice to the included file.
        let other = p.update(root: "/w/other.strata", report: ["/w/inc.strata": [d("x")], "/w/other.strata": [d("y")]])
        #expect(other.map(\.path) == ["/w/other.strata"])
        // The error is fixed for the first root, but the second still reports it: the file keeps it.
        #expect(p.update(root: "/w/main.strata", report: [:]).map(\.path) == ["/w/main.strata"])
        // Closing the second document: nothing reports the error any more, so it is cleared, and so is the closed file.
        let closed = p.update(root: "/w/other.strata", report: nil)
        #expect(closed.map(\.path) == ["/w/inc.strata", "/w/other.strata"])
        #expect(closed.allSatisfy { $0.diagnostics.isEmpty })
    }

    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":null,"capabilities":{}}}"#

    @Test func aCancelledRequestIsAnsweredRequestCancelled() {
        let h = Harness()
        h.send(Self.initialize)
        _ = h.take()
        // The reader marks the id the moment the cancel arrives; the request is refused when its turn comes.
        h.server.cancelled.cancel(.int(7))
        h.send(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.strata"},"position":{"line":0,"character":0}}}"#)
        h.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}}"#)
        #expect(h.take() == [OutgoingMessage.error(id: .int(7), RPCError(.requestCancelled, "the request was cancelled"))])
        // Handled after the request it names, the cancel forgets the id: a reused id is answered again.
        #expect(!h.server.cancelled.contains(.int(7)))
    }

    @Test func changesAreCheckedOnceAfterTheLastOne() {
        let h = Harness()
        h.send(Self.initialize)
        let uri = DocumentURI.uri(path: Repo.path("examples/rfm.strata"))
        h.send(OutgoingMessage.notification("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "version": .int(1), "text": .string(Self.typo)])])).serialized)
        // Opening publishes at once, without waiting.
        #expect(Self.publishes(h.take()).count == 1)
        #expect(h.jobs.isEmpty)
        for v in 2...4 {
            h.send(OutgoingMessage.notification("textDocument/didChange", .object([
                "textDocument": .object(["uri": .string(uri), "version": .int(v)]),
                "contentChanges": .array([.object(["text": .string(Self.rfm)])])])).serialized)
        }
        // Each change schedules a check 200 ms later, and nothing is published yet.
        #expect(h.jobs.map(\.0) == [0.2, 0.2, 0.2])
        #expect(h.take().isEmpty)
        // When they run, only the last change's job checks: one publication, of the latest version.
        for (_, job) in h.jobs { job() }
        let published = Self.publishes(h.take())
        #expect(published.count == 1)
        #expect(published.first?["params"]?["version"] == .int(4))
    }

    @Test func exitWithoutShutdownIsCodeOne() {
        for (messages, code) in [([#"{"jsonrpc":"2.0","method":"exit"}"#], Int32(1)),
                                 ([Self.initialize, #"{"jsonrpc":"2.0","method":"exit"}"#], 1),
                                 ([Self.initialize, #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#], 0)] {
            let h = Harness()
            for m in messages { h.send(m) }
            #expect(h.server.exitCode == code, "\(messages)")
        }
    }

    @Test func lspTakesNoRuleFile() {
        let r = CLIRun(["lsp", "examples/rfm.strata"])
        #expect(r.code == 2)
        #expect(r.err.contains("lsp takes no rule file"))
    }

    /// The built binary over a pipe, as an editor runs it: initialize, open the misspelt file, read its
    /// diagnostics, shutdown, and only then exit, with code 0; in the language the environment asks for.
    @Test(arguments: [("en", "unknown name `clvv`\nhelp: did you mean `clv`?"), ("zh", "找不到名称 `clvv`\n提示: 是不是想写 `clv`？")])
    func theBinaryServesAnEditorOverStdio(_ language: String, _ expected: String) throws {
        #expect(FileManager.default.isExecutableFile(atPath: SignalCleanupTests.binary), "build the binary first: swift build")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: SignalCleanupTests.binary)
        p.arguments = ["lsp", "--stdio"]
        p.environment = ProcessInfo.processInfo.environment.merging(["STRATA_LANG": language]) { $1 }
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        let received = Mutex<[UInt8]>([])
        let reader = Thread {
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return }
                received.withLock { $0 += Array(data) }
            }
        }
        reader.start()
        /// The messages read so far, once one satisfies `done` (within a minute).
        func waitFor(_ done: (JSONValue) -> Bool) -> [JSONValue] {
            for _ in 0..<6_000 {
                var framer = MessageFramer()
                framer.append(received.withLock { $0 })
                var messages: [JSONValue] = []
                while case .body(let b)? = framer.next() { if let v = try? JSONParser.parse(b) { messages.append(v) } }
                if messages.contains(where: done) { return messages }
                usleep(10_000)
            }
            return []
        }
        func send(_ m: JSONValue) { input.fileHandleForWriting.write(Data(MessageFramer.frame(m.serialized))) }
        let uri = DocumentURI.uri(path: Repo.path("examples/rfm.strata"))
        send(try JSONParser.parse(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#))
        send(OutgoingMessage.notification("initialized", .object([:])))
        send(OutgoingMessage.notification("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("strata"), "version": .int(1), "text": .string(Self.typo)])])))
        send(try JSONParser.parse(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#))
        let messages = waitFor { $0["id"] == .int(2) }
        send(OutgoingMessage.notification("exit", .null))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let initialized = messages.first { $0["id"] == .int(1) }
        #expect(initialized?["result"]?["capabilities"]?["hoverProvider"] == .bool(true))
        let diagnostics = messages.first { $0["method"] == .string("textDocument/publishDiagnostics") }
        #expect(diagnostics?["params"]?["uri"] == .string(uri))
        let typo = diagnostics?["params"]?["diagnostics"]?.array?.first
        #expect(typo?["message"]?.string == expected)
        #expect(typo?["severity"] == .int(1))
        #expect(messages.last?["id"] == .int(2))
    }
}
