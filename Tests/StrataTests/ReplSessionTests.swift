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

    @Test func aRedefinitionThatUsesItselfIsRefusedAndTheOldOneKept() {
        let script = """
            load customers from "\(Self.data)"
            segment vip where clv > 2e6
            segment sz_vip where vip and city == "深圳"
            segment vip where vip and referrals >= 2
            count(vip)
            let t = 1e6
            let t = t * 2
            t
            segment vip where clv > 5e6
            count(sz_vip) == count(where vip and city == "深圳")
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 1)
        #expect(r.err.contains("<repl:4>:1:1: error: `vip` cannot use itself: the old `vip` is kept"))
        #expect(r.err.contains("`t` cannot use itself"))
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines == ["512", "1000000", "true"], "the old vip (512) and t stay; sz_vip follows the new vip")
        #expect(r.err.contains("replaced segment `vip`; recomputed `sz_vip`"))
    }

    @Test func aRedefinitionADependantCannotTakeIsUndoneWhole() throws {
        let dir = Repo.tempDir()
        let script = """
            load customers from "\(Self.data)"
            let f = 0.5
            let q = percentile(clv, f)
            segment above where clv > q
            count(above)
            let f = 1.5
            count(above)
            f
            let f = 0.9
            count(above)
            .save \(dir)/p.strata
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 1)
        #expect(r.err.contains("`f` was not replaced: `q`, which depends on it, would fail: the fraction of `percentile` must be between 0 and 1"))
        #expect(r.out.split(separator: "\n") == ["2500", "2500", "0.5", "500"])
        let run = CLIRun(["run", dir + "/p.strata", "--format", "csv"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("above,500,"))
    }

    @Test func setAsOfRecomputesAndIsSaved() throws {
        let dir = Repo.tempDir()
        let script = """
            load customers from "\(Self.data)"
            set as_of = 2025-01-01
            segment recent where days_between(last_visit, as_of) < 90
            count(recent)
            set as_of = 2026-06-30
            count(recent) == count(where days_between(last_visit, as_of) < 90)
            .save \(dir)/a.strata
            """
        let r = CLIRun(["repl", "--as-of", "2024-01-01"], input: script)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("replaced setting `as_of`; recomputed `recent`"))
        #expect(r.out.hasSuffix("true\n"))
        let saved = try String(contentsOfFile: dir + "/a.strata", encoding: .utf8)
        #expect(saved.contains("set as_of = 2026-06-30\n"))
        // A date given only on the command line is written too, so the file reproduces the session.
        let r2 = CLIRun(["repl", "--as-of", "2025-01-01"], input: ".load \(Self.data)\n.save \(dir)/b.strata\n")
        #expect(r2.code == 0)
        #expect(try String(contentsOfFile: dir + "/b.strata", encoding: .utf8).contains("set as_of = 2025-01-01\n"))
    }

    @Test func definitionsALoadBreaksComeBackWithTheRightData() throws {
        let dir = Repo.tempDir()
        try "客户编号,城市\nA1,深圳\n".write(toFile: dir + "/其他 数据.csv", atomically: true, encoding: .utf8)
        let script = """
            .load \(Self.data)
            segment big where clv > 5e6
            .load "\(dir)/其他 数据.csv" AS others
            .segments
            .load \(Self.data)
            count(big)
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("loaded 1 customer from \(dir)/其他 数据.csv"))
        #expect(r.err.contains("set aside `big`: unknown name `clv`"))
        #expect(r.out.contains("no segments yet"))
        #expect(r.out.hasSuffix("154\n"))
    }

    @Test func savedFilesAreInTheCanonicalLayout() throws {
        let dir = Repo.tempDir()
        let script = """
            load customers from "\(Self.data)"
            segment   big where clv>5e6   and referrals>=1
            tiers g {
              A where clv >= 5e6   # top
              B otherwise
            }
            .save \(dir)/s.strata
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 0, "\(r.err)")
        let check = CLIRun(["fmt", "--check", dir + "/s.strata"])
        #expect(check.code == 0, "\(check.out)")
        let saved = try String(contentsOfFile: dir + "/s.strata", encoding: .utf8)
        #expect(saved.contains("segment big where clv > 5e6 and referrals >= 1\n"))
        #expect(saved.contains("# top"))
    }

    @Test func segmentsListsTierSizesAndFollowsTheMode() {
        let r = CLIRun(["repl", Repo.path("examples/vip-program.strata")], input: ".mode csv\n.segments\n")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("segment,size,share,rule\nowners,2481,0.4962,purchases >= 1\n"))
        #expect(r.out.contains("vip_tier = 钻石,17,0.0034,owners and clv >= diamond_clv and referrals >= 2\n"))
        #expect(r.out.contains("vip_tier = 普通,4354,0.8708,otherwise\n"))
    }
}

/// `.maxrows N`: at the prompt a `show` without its own `limit` prints at most N rows (40 by default).
@Suite struct ReplMaxRowsTests {
    final class Sink: @unchecked Sendable { var out = "", err = "" }

    static func repl() -> (Repl, Sink) {
        let sink = Sink()
        let repl = Repl(session: ReplSession(), out: { sink.out += $0 }, err: { sink.err += $0 })
        repl.handle("load customers from \"\(ReplSessionTests.data)\"")
        sink.out = ""
        sink.err = ""
        return (repl, sink)
    }

    /// Data rows of a rendered table: the lines between the rule under the header and the footer.
    static func rowCount(_ text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("--") }) else { return 0 }
        return lines[(rule + 1)...].prefix { !$0.isEmpty && !$0.hasPrefix("(") }.count
    }

    @Test func showIsCappedAtFortyRowsByDefault() {
        let (repl, sink) = Self.repl()
        repl.handle("show clv > 0")
        #expect(Self.rowCount(sink.out) == 40, "\(sink.out.prefix(300))")
        #expect(sink.out.contains("(40 of "))
    }

    @Test func maxrowsSetsTheCapAndZeroLiftsIt() {
        let (repl, sink) = Self.repl()
        repl.handle(".maxrows 3")
        repl.handle("show clv > 0")
        #expect(Self.rowCount(sink.out) == 3)
        #expect(sink.out.contains("(3 of "))
        // The statement's own limit wins over the cap.
        sink.out = ""
        repl.handle("show clv > 0 limit 5")
        #expect(Self.rowCount(sink.out) == 5)
        sink.out = ""
        repl.handle(".maxrows 0")
        repl.handle("show city == \"深圳\"")
        #expect(Self.rowCount(sink.out) > 40)
        #expect(!sink.out.contains(" of "))
        #expect(repl.failures == 0, "\(sink.err)")
    }

    @Test func pipedInputPrintsEveryRowUnlessMaxrowsIsGiven() {
        let load = "load customers from \"\(ReplSessionTests.data)\"\n"
        let all = CLIRun(["repl"], input: load + "show clv > 2e6 columns id\n")
        #expect(all.code == 0 && all.out.contains("(512 customers)"), "\(all.err)")
        let capped = CLIRun(["repl"], input: load + ".maxrows 2\nshow clv > 2e6 columns id\n")
        #expect(capped.code == 0 && capped.out.contains("(2 of 512 customers)"), "\(capped.err)")
    }

    @Test func maxrowsRefusesWhatIsNotACount() {
        let (repl, sink) = Self.repl()
        repl.handle(".maxrows lots")
        #expect(sink.err.contains(".maxrows takes a whole number"))
        #expect(repl.failures == 1)
    }

    @Test func maxrowsIsListedInHelpAndCompletion() {
        #expect(Repl.help.contains(".maxrows N"))
        #expect(Repl.dotCommands.contains(".maxrows"))
    }
}

/// `.schema` lists a loaded field with the type the checker gives it.
@Suite struct ReplSchemaListingTests {
    final class Sink: @unchecked Sendable { var out = "", err = "" }

    static func listing(_ inputs: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strata-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("c.csv").path
        try "id,bonus,clv\nC1,,10\nC2,,20\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let sink = Sink()
        let repl = Repl(session: ReplSession(), out: { sink.out += $0 }, err: { sink.err += $0 })
        for i in inputs { repl.handle(i.replacingOccurrences(of: "DATA", with: csv)) }
        sink.out = ""
        repl.handle(".schema")
        return sink.out
    }

    static func typeOf(_ field: String, in listing: String) -> String? {
        listing.components(separatedBy: "\n").first { $0.hasPrefix(field + " ") }.map {
            $0.dropFirst(field.count).trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? ""
        }
    }

    @Test func anAllEmptyColumnHasNoTypeOfItsOwn() throws {
        let out = try Self.listing(["load customers from \"DATA\""])
        #expect(Self.typeOf("bonus", in: out) == "none (empty)", "\(out)")
        #expect(Self.typeOf("clv", in: out) == "number", "\(out)")
    }

    @Test func aSchemaGivesItsType() throws {
        let out = try Self.listing(["schema customers { id: string key\n bonus: number\n clv: number }", "load customers from \"DATA\""])
        #expect(Self.typeOf("bonus", in: out) == "number", "\(out)")
    }
}
