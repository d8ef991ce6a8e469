import Foundation
import Testing
@testable import Strata

/// `strata repl` with piped input: statements from stdin, no prompts or escape codes, exit 1 on any failure.
@Suite struct ReplSessionTests {
    static var data: String { Repo.path("examples/data/customers.csv") }

    @Test func pipedSessionPrintsValuesAndRecomputes() {
        let script = """
            load customers from "\(Self.data)"
            segment vip where clv > 2e6 and referrals >= 2
            count(vip)
            segment happy where vip and
              satisfaction >= 4.5
            count happy
            segment vip where clv > 5e6
            count happy
            avg(clv where vip) > 0
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 0, "\(r.err)")
        #expect(!r.out.contains("\u{1B}"))
        #expect(!r.out.contains("strata>"))
        let lines = r.out.components(separatedBy: "\n")
        #expect(lines.first == "186")
        #expect(r.out.contains("happy       78   1.6%"))
        #expect(r.out.contains("happy       59   1.2%"))
        #expect(r.err.contains("replaced segment `vip`; recomputed `happy`"))
        #expect(lines.contains("true"))
    }

    @Test func errorsDoNotEndTheSessionButSetTheExitCode() {
        let r = CLIRun(["repl"], input: "load customers from \"\(Self.data)\"\nsegment a where clvv > 1\ncount(where city == \"深圳\")\n")
        #expect(r.code == 1)
        #expect(r.err.contains("<repl:2>:1:17: error: unknown name `clvv`"))
        #expect(r.out.contains("682"))
    }

    @Test func dotCommands() throws {
        let dir = Repo.tempDir()
        let script = """
            .load \(Self.data)
            segment vip where clv > 2e6
            derive score = ntile(clv, 5)
            .segments
            .schema
            .mode csv
            count vip
            .timer on
            .save \(dir)/saved.strata
            .nonsense
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 1)  // the unknown dot-command
        #expect(r.out.contains("vip       "))
        #expect(r.out.contains("clv > 2e6"))
        #expect(r.out.contains("score         number      0  derived"))
        #expect(r.out.contains("segment,count,share\nvip,"))
        #expect(r.err.contains("time: "))
        #expect(r.err.contains("unknown command .nonsense"))
        let saved = try String(contentsOfFile: dir + "/saved.strata", encoding: .utf8)
        #expect(saved.contains("segment vip where clv > 2e6\nderive score = ntile(clv, 5)\n"))
        // The saved file is a rule file that `strata run` accepts, with the data path relative to it.
        let run = CLIRun(["run", dir + "/saved.strata"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("vip"))
    }

    @Test func redefinitionThatWouldLoopIsRefused() {
        let r = CLIRun(["repl"], input: "load customers from \"\(Self.data)\"\nsegment a where clv > 1\nsegment b where a and clv > 2\nsegment a where b\ncount a\n")
        #expect(r.code == 1)
        #expect(r.err.contains("`a` cannot use `b`: `b` depends on `a`"))
        #expect(r.out.contains("a   "))
    }

    @Test func replAcceptsARuleFileFirst() {
        let r = CLIRun(["repl", Repo.path("examples/rfm.strata")], input: "count(champions) > 0\n")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasSuffix("true\n"))
    }
}
