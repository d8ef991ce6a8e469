import Foundation
import Testing
@testable import Strata

/// The built `strata` binary stopped by a signal in the middle of an export: its temporary file is
/// removed, the old target is untouched, and the process dies by that signal (status 128+N in a shell).
@Suite struct SignalCleanupTests {
    /// The `strata` executable `swift build` put beside the test bundle.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("strata").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : Repo.path(".build/debug/strata")
    }

    /// Demo customers written once by the binary: enough rows that an export takes a while to write.
    static let data: String = {
        let dir = Repo.tempDir()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["gen", "--customers", "40000", "--seed", "3", "--out", dir]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        return dir + "/customers.csv"
    }()

    /// Starts `strata run` on a rule file in `dir` that exports every customer to `out/NAME`.
    static func startExport(to name: String, in dir: String) throws -> Process {
        try "load customers from \"\(data)\"\nexport customers to \"out/\(name)\"\n".write(toFile: dir + "/r.strata", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["run", dir + "/r.strata"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Waits (up to two minutes) for the process's temporary file for `name` in `out`; whether it appeared.
    static func waitForTemporaryFile(of p: Process, for name: String, in out: String) -> Bool {
        for _ in 0..<60_000 where p.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if names.contains(where: { $0.hasPrefix(".\(name).strata-tmp-\(p.processIdentifier)-") }) { return true }
            usleep(2_000)
        }
        return false
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalDuringAnExportRemovesTheTemporaryFileAndKeepsTheOldTarget(_ sig: Int32) throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the binary first: swift build")
        #expect(FileManager.default.fileExists(atPath: Self.data))
        let dir = Repo.tempDir()
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "old\n".write(toFile: out + "/all.json", atomically: true, encoding: .utf8)
        let p = try Self.startExport(to: "all.json", in: dir)
        // The signal lands once the temporary file exists, whatever the machine's speed.
        let sawTemporary = Self.waitForTemporaryFile(of: p, for: "all.json", in: out)
        kill(p.processIdentifier, sig)
        p.waitUntilExit()
        #expect(sawTemporary, "the export never started writing")
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == sig)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["all.json"])
        #expect(try String(contentsOfFile: out + "/all.json", encoding: .utf8) == "old\n")
    }

    @Test func aKilledRunsTemporaryFileIsRemovedByTheNextExport() throws {
        // SIGKILL cannot be caught: the file stays until the next export to that folder finds its owner gone.
        let dir = Repo.tempDir()
        let out = dir + "/out"
        let p = try Self.startExport(to: "all.csv", in: dir)
        let sawTemporary = Self.waitForTemporaryFile(of: p, for: "all.csv", in: out)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(sawTemporary, "the export never started writing")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).contains { $0.contains(".strata-tmp-") })
        // The next export to that folder, by anyone: the dead run's file goes, the new file is written.
        try Exporter.write(ExportRequest(path: out + "/vip.csv", headers: ["id"], rows: [[.string("C1")]], span: .zero))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["vip.csv"])
    }
}
