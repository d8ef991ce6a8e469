import Foundation
import Testing
@testable import Strata

/// What a session carries from its start to its end: input numbers, a rule file's definitions when its
/// data did not load, and the date `.save` writes (docs/repl.md).
@Suite struct ReplContinuityTests {
    static var data: String { ReplSessionTests.data }

    @Test func theFirstInputIsOneAfterDataGivenOnTheCommandLine() {
        let r = CLIRun(["repl", "--data", "customers=\(Self.data)"], input: "foo\nbar\n")
        #expect(r.code == 1)
        #expect(r.err.contains("<repl:1>:1:1: error: unknown name `foo`"), "\(r.err)")
        #expect(r.err.contains("<repl:2>:1:1: error: unknown name `bar`"), "\(r.err)")
        // A `--data` file that cannot be read is named as what it is, not as an input.
        let missing = CLIRun(["repl", "--data", "customers=no-such-file.csv"], input: "foo\n")
        #expect(missing.err.contains("<--data>:1:21: error: no-such-file.csv: cannot read the file"), "\(missing.err)")
        #expect(missing.err.contains("<repl:1>:1:1: error: unknown name `foo`"), "\(missing.err)")
    }

    @Test func aLoadTypedAsADotCommandIsStillAnInput() {
        let r = CLIRun(["repl"], input: ".load \(Self.data)\nfoo\n")
        #expect(r.err.contains("<repl:2>:1:1: error: unknown name `foo`"), "\(r.err)")
    }

    @Test func saveWritesTodaysDateWhenTheSessionUsedIt() throws {
        let dir = Repo.tempDir()
        let script = """
            .load \(Self.data)
            segment recent where days_between(last_visit, as_of) < 90
            .save \(dir)/today.strata
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 0, "\(r.err)")
        let saved = try String(contentsOfFile: dir + "/today.strata", encoding: .utf8)
        let today = CivilDate.format(RunOptions.currentDate())
        #expect(saved.contains("set as_of = \(today)\n"), "\(saved)")
        // The saved file no longer depends on the day it is run: `check` has no as-of warning for it.
        let check = CLIRun(["check", dir + "/today.strata"])
        #expect(check.code == 0, "\(check.err)")
        #expect(!check.err.contains("as_of` is not set"), "\(check.err)")
    }

    @Test func aRuleFileWhoseDataFailedKeepsItsDefinitionsForTheNextLoad() throws {
        let dir = Repo.tempDir()
        let rules = """
            load customers from "missing.csv"
            set as_of = 2026-06-30
            let threshold = 5e6
            segment big where clv > threshold
            derive twice = clv * 2
            segment odd where no_such_field > 1
            """
        try rules.write(toFile: dir + "/rules.strata", atomically: true, encoding: .utf8)
        let script = """
            count(big)
            .load \(Self.data)
            count(big)
            count(where twice > 1e7) == count(big)
            as_of
            .save \(dir)/saved.strata
            """
        let r = CLIRun(["repl", dir + "/rules.strata"], input: script)
        #expect(r.err.contains("kept 4 definitions of \(dir)/rules.strata"), "\(r.err)")
        // Before the data, `big` waits; after it, it is computed, and the one the data cannot hold is set aside.
        #expect(r.err.contains("<repl:1>:1:7: error: unknown name `big`"), "\(r.err)")
        #expect(r.err.contains("set aside `odd`: unknown name `no_such_field`"), "\(r.err)")
        #expect(r.err.contains("recomputed 3 definitions on the new data"), "\(r.err)")
        #expect(r.out.components(separatedBy: "\n") == ["154", "true", "2026-06-30", ""], "\(r.out)")
        let saved = try String(contentsOfFile: dir + "/saved.strata", encoding: .utf8)
        #expect(saved.contains("set as_of = 2026-06-30\nlet threshold = 5e6\nsegment big where clv > threshold\nderive twice = clv * 2\n"), "\(saved)")
    }

    @Test func aDefinitionTypedBeforeTheLoadWinsOverTheFilesWaitingOne() throws {
        let dir = Repo.tempDir()
        try "load customers from \"missing.csv\"\nlet threshold = 5e6\nsegment big where clv > threshold\n"
            .write(toFile: dir + "/rules.strata", atomically: true, encoding: .utf8)
        let r = CLIRun(["repl", dir + "/rules.strata"], input: "let threshold = 2e6\n.load \(Self.data)\nthreshold\ncount(big) == count(where clv > 2e6)\n")
        #expect(r.out.components(separatedBy: "\n") == ["2000000", "true", ""], "\(r.out)\(r.err)")
    }
}
