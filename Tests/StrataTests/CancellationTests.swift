import Foundation
import Testing
@testable import Strata

/// Cancellation (Ctrl-C in the REPL) and cleanup: work asked to stop throws `cancelled` and leaves
/// nothing behind, an export's temporary file never outlives it, and one left by a killed run is
/// removed by the next export to that folder.
@Suite struct CancellationTests {
    static let table = TestData.table([
        ("id", [.string("C1"), .string("C2"), .string("C3")]),
        ("clv", [.number(1e6), .number(3e6), .number(5e6)]),
    ])

    /// The names in a folder, sorted (hidden ones included: that is where temporary files hide).
    static func names(in dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func cancelled() -> Cancellation {
        let c = Cancellation()
        c.request()
        return c
    }

    @Test func aCancelledExportThrowsAndLeavesTheOldFileAndNoTemporaryFile() throws {
        let dir = Repo.tempDir()
        let target = dir + "/vip.csv"
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        for path in [target, dir + "/vip.json", dir + "/new/vip.csv"] {
            let request = ExportRequest(path: path, headers: ["id"], rows: [[.string("C1")], [.string("C2")]], span: .zero,
                                        cancellation: Self.cancelled())
            #expect(throws: EvalError.self) { try Exporter.write(request) }
            do throws(EvalError) { try Exporter.write(request) } catch { #expect(error.code == .cancelled) }
        }
        // The folder made for `new/` stays (as a failed write leaves it); no file is in it.
        #expect(Self.names(in: dir) == ["new", "vip.csv"])
        #expect(Self.names(in: dir + "/new").isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
    }

    @Test func anExportNotCancelledIsWrittenInChunksThatJoinUp() throws {
        // More rows than one chunk: the file is the same document the one-piece renderers make.
        let n = Exporter.chunkRows * 2 + 3
        let rows = (0..<n).map { [Value.string("C\($0)"), Value.number(Double($0))] }
        let dir = Repo.tempDir()
        for (ext, render) in [("csv", CSVWriter.render), ("json", JSONWriter.render)] {
            let path = dir + "/all." + ext
            try Exporter.write(ExportRequest(path: path, headers: ["id", "n"], rows: rows, span: .zero, cancellation: Cancellation()))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == render(["id", "n"], rows), "\(ext)")
        }
        // An export of no rows is the header alone (CSV), an empty array (JSON).
        try Exporter.write(ExportRequest(path: dir + "/none.json", headers: ["id"], rows: [], span: .zero))
        #expect(try String(contentsOfFile: dir + "/none.json", encoding: .utf8) == "[\n]\n")
        #expect(Self.names(in: dir) == ["all.csv", "all.json", "none.json"])
    }

    @Test func aCancelledRunStopsBeforeItsStatementsAndWritesNothing() {
        var options = RunOptions()
        options.cancellation = Self.cancelled()
        let dir = Repo.tempDir()
        let (_, r) = TestData.run("segment vip where clv > 2e6\ncount vip\nexport vip to \"\(dir)/vip.csv\"\n", on: Self.table, options: options)
        #expect(r.cancelled)
        #expect(r.exitCode == 1)
        #expect(r.outputs.isEmpty)
        #expect(r.diagnostics.map(\.code) == [.cancelled])
        #expect(Self.names(in: dir).isEmpty)
        // The same rules without the request run to the end.
        let (_, ok) = TestData.run("segment vip where clv > 2e6\ncount vip\n", on: Self.table)
        #expect(!ok.cancelled && ok.exitCode == 0)
    }

    @Test func theEvaluatorHearsARequestBetweenKernels() {
        let token = Self.cancelled()
        let ev = Evaluator(table: Self.table, segments: [:], scalars: [:], cancellation: token)
        let e = TypedExpr(.constant(.number(1)), .number, rowLevel: false, .zero)
        #expect(throws: EvalError.self) { try ev.eval(e) }
        token.reset()
        #expect((try? ev.eval(e)) != nil)
    }

    @Test func aLongSortHearsARequestMidway() {
        // The keys are evaluated before the request lands; the sort itself notices it.
        let n = 5000
        let big = TestData.table([("clv", (0..<n).map { Value.number(Double(($0 * 7919) % n)) })])
        var options = RunOptions()
        let token = Cancellation()
        options.cancellation = token
        let runner = Runner(table: big, options: options, export: Exporter.writer)
        let ev = Evaluator(table: big, segments: [:], scalars: [:])
        let key = TypedExpr(.column("clv"), .number, rowLevel: true, .zero)
        let sorted = try? runner.ordered(Array(0..<n), [(key, descending: true)], ev)
        #expect(sorted?.first.map { ($0 * 7919) % n } == n - 1)
        token.request()
        #expect(throws: EvalError.self) { try runner.ordered(Array(0..<n), [(key, descending: true)], ev) }
    }

    /// A session whose Ctrl-C is the given token; `clv > 2e6` is defined as `a` before anything is cancelled.
    static func session(_ token: Cancellation) -> ReplSession {
        var options = RunOptions()
        options.cancellation = token
        let s = ReplSession(options: options)
        s.attach(table)
        _ = s.interactive(SourceFile(name: "<repl:1>", text: "segment a where clv > 2e6"))
        return s
    }

    @Test func aCancelledInputLeavesTheSessionAsItWas() {
        let token = Cancellation()
        let s = Self.session(token)
        token.request()
        // A new definition, a redefinition and a whole input of several statements: none takes effect.
        let new = s.interactive(SourceFile(name: "<repl:2>", text: "segment b where clv > 4e6"))
        let redefined = s.interactive(SourceFile(name: "<repl:3>", text: "segment a where clv > 4e6"))
        let several = s.interactive(SourceFile(name: "<repl:4>", text: "segment c where clv > 1\ncount c"))
        for r in [new, redefined, several] {
            #expect(r.cancelled)
            #expect(r.diagnostics.map(\.code) == [.cancelled])
            // The REPL says "cancelled" itself; nothing points into the input.
            #expect(r.renderedDiagnostics.isEmpty)
        }
        token.reset()
        let after = s.interactive(SourceFile(name: "<repl:5>", text: "count a"))
        #expect(after.exitCode == 0)
        guard case .counts(_, _, let rows)? = after.outputs.first else {
            Issue.record("no count: \(after.outputs)")
            return
        }
        #expect(rows.first?.count == 2)
        #expect(s.definitionList.compactMap(\.name) == ["a"])
        // `b` and `c` were never defined: the names are unknown, not "not computed".
        let b = s.interactive(SourceFile(name: "<repl:6>", text: "count b"))
        #expect(b.diagnostics.first?.message.contains("unknown name") == true, "\(b.diagnostics)")
    }

    @Test func theReplSaysCancelledInOneLine() {
        let token = Cancellation()
        let s = Self.session(token)
        final class Box: @unchecked Sendable { var out = "", err = "" }
        let box = Box()
        let repl = Repl(session: s, out: { box.out += $0 }, err: { box.err += $0 })
        token.request()
        repl.handle("count a")
        #expect(box.err == "cancelled\n")
        #expect(box.out.isEmpty)
        token.reset()
        repl.handle("count a")
        #expect(box.out.contains("a "))
        #expect(box.err == "cancelled\n")
    }

    @Test func theInterruptTokenFollowsTheSignalFlag() {
        // What the REPL's SIGINT handler does, without a signal: the shared token hears it, others do not.
        let own = Cancellation()
        Cancellation.interrupt.reset()
        Cancellation.interruptFromSignalHandler()
        #expect(Cancellation.interrupt.isRequested)
        #expect(!own.isRequested)
        Cancellation.interrupt.reset()
        #expect(!Cancellation.interrupt.isRequested)
    }

    // MARK: - Temporary files

    @Test func temporaryNamesSayWhoseTheyAre() {
        let name = (TemporaryFiles.name(dir: "/x", base: "vip.csv", nonce: 42, attempt: 0) as NSString).lastPathComponent
        #expect(name == ".vip.csv.strata-tmp-\(getpid())-42-0")
        #expect(TemporaryFiles.ownerPid(name) == getpid())
        // A target whose own name holds the marker: the last one is the temporary file's.
        #expect(TemporaryFiles.ownerPid(".a.strata-tmp-1-2-3.csv.strata-tmp-77-5-0") == 77)
        for other in [".vip.csv.tmp-77-5-0", "vip.csv", ".x.strata-tmp-", ".x.strata-tmp-abc-1", ".x.strata-tmp--5-1", ".x.strata-tmp-0-1"] {
            #expect(TemporaryFiles.ownerPid(other) == nil, "\(other)")
        }
    }

    @Test func theNextExportRemovesTemporaryFilesOfDeadRunsOnly() throws {
        let dir = Repo.tempDir()
        // Beyond any pid_max: no such process (ESRCH). Pid 1 always runs. This process runs too.
        let dead = ".vip.csv.strata-tmp-2147483000-1-0"
        let otherDead = ".all.json.strata-tmp-2147483001-9-2"
        let keep = [".vip.csv.strata-tmp-1-1-0", ".vip.csv.strata-tmp-\(getpid())-1-0", ".vip.csv.tmp-2147483000-1-0",
                    "notes.strata-tmp-2147483000-1-0", "vip.csv"]
        for n in [dead, otherDead] + keep { try "x".write(toFile: dir + "/" + n, atomically: false, encoding: .utf8) }
        // A folder named like a temporary file is no file of ours.
        try FileManager.default.createDirectory(atPath: dir + "/.d.strata-tmp-2147483000-1-0", withIntermediateDirectories: true)
        try Exporter.write(ExportRequest(path: dir + "/other.csv", headers: ["id"], rows: [], span: .zero))
        #expect(Self.names(in: dir) == (keep + [".d.strata-tmp-2147483000-1-0", "other.csv"]).sorted())
    }

    @Test func liveTemporaryFilesAreRegisteredUntilCommittedOrDiscarded() throws {
        let dir = Repo.tempDir()
        let w = try AtomicFileWriter(path: dir + "/a.csv")
        let discarded = try AtomicFileWriter(path: dir + "/b.csv")
        discarded.discard()
        let committed = try AtomicFileWriter(path: dir + "/c.csv")
        try committed.commit()
        #expect(FileManager.default.fileExists(atPath: w.temporaryPath))
        // What a signal handler would remove (removing it here would take other tests' files too).
        let live = TemporaryFiles.live
        #expect(live.contains(w.temporaryPath))
        #expect(!live.contains(discarded.temporaryPath) && !live.contains(committed.temporaryPath))
        w.discard()
        #expect(!TemporaryFiles.live.contains(w.temporaryPath))
        #expect(Self.names(in: dir) == ["c.csv"])
    }
}
