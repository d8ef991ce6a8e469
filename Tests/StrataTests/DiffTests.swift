import Foundation
import Testing
@testable import Strata

/// Golden cases of `strata diff` (`Golden/diff/<case>/`, see its README): the whole output of both modes.
@Suite struct DiffGoldenTests {
    static let folder = Repo.path("Tests/StrataTests/Golden/diff")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &dir) && dir.boolValue
        }.sorted()
    }

    /// In Chinese the tables' titles, Strata's header words and the verdict are Chinese; `--export`'s
    /// moves file is the same bytes (its headers are for tools).
    @Test func theTerminalDiffFollowsTheLanguage() throws {
        let dir = Self.folder + "/snapshots"
        let run = Language.$current.withValue(.zh) { CLIRun(["diff"] + RunGoldenTests.arguments(in: dir)) }
        #expect(run.out.contains("客户（按 ") && run.out.contains("之前"), "\(run.out)")
        #expect(run.out.hasSuffix("。\n"), "\(run.out)")
        let english = try String(contentsOfFile: dir + "/exit", encoding: .utf8)
        #expect("\(run.code)\n" == english)
    }

    @Test func bothModesHaveACase() {
        #expect(Self.cases.contains("snapshots") && Self.cases.contains("rule-versions"))
    }

    @Test(arguments: cases)
    func diff(_ name: String) throws {
        let dir = Self.folder + "/" + name
        try? FileManager.default.removeItem(atPath: dir + "/out")
        let run = CLIRun(["diff"] + RunGoldenTests.arguments(in: dir))
        let stdout = RunGoldenTests.anonymised(run.out, dir), stderr = RunGoldenTests.anonymised(run.err, dir)
        let moves = try? String(contentsOfFile: dir + "/out/moves.csv", encoding: .utf8)
        if Golden.updating {
            try Golden.update(stdout, at: dir + "/stdout")
            try Golden.update(stderr, at: dir + "/stderr")
            try Golden.update("\(run.code)\n", at: dir + "/exit")
            if let moves { try Golden.update(moves, at: dir + "/expected-moves.csv") }
        }
        Golden.expectEqual(stdout, toFileAt: dir + "/stdout", "\(name): stdout")
        Golden.expectEqual(stderr, toFileAt: dir + "/stderr", "\(name): stderr")
        Golden.expectEqual("\(run.code)\n", toFileAt: dir + "/exit", "\(name): exit code")
        let expectsMoves = FileManager.default.fileExists(atPath: dir + "/expected-moves.csv")
        #expect((moves != nil) == expectsMoves, "\(name): moves.csv written or not as expected")
        if let moves { Golden.expectEqual(moves, toFileAt: dir + "/expected-moves.csv", "\(name): moves.csv") }
        // The rules' own output statements are not run by a diff: nothing else appears under out/.
        let written = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        #expect(written.allSatisfy { $0 == "moves.csv" })
    }
}

/// `strata diff` as a specification: what it compares, how it counts, its exit codes and its refusals.
@Suite struct DiffTests {
    static let rules = """
        load customers from "before.csv"
        segment buyers where purchases >= 1
        tiers level {
          gold where clv >= 100
          silver where clv >= 10
          bronze otherwise
        }
        derive half = clv / 2
        count level

        """

    /// A folder with the rules and two snapshots.
    static func folder(before: String, after: String, rules: String = rules) -> String {
        let dir = Repo.tempDir()
        _ = CLITests.write(before, "before.csv", in: dir)
        _ = CLITests.write(after, "after.csv", in: dir)
        _ = CLITests.write(rules, "rules.strata", in: dir)
        return dir
    }

    static func snapshots(_ dir: String, _ extra: [String] = []) -> CLIRun {
        CLIRun(["diff", dir + "/rules.strata", "--against", "customers=\(dir)/after.csv"] + extra)
    }

    /// Every customer's tier on each side, computed here by the arms' thresholds, gives the matrix.
    @Test func theMatrixCountsEachCustomerOnceByTheirTierBeforeAndAfter() throws {
        let before: [(String, Double)] = [("C1", 150), ("C2", 50), ("C3", 5), ("C4", 120), ("C5", 20)]
        let after: [(String, Double)] = [("C1", 150), ("C2", 150), ("C3", 50), ("C5", 5), ("C6", 12)]
        func tier(_ clv: Double) -> String { clv >= 100 ? "gold" : clv >= 10 ? "silver" : "bronze" }
        func csv(_ rows: [(String, Double)]) -> String { "id,clv,purchases\n" + rows.map { "\($0.0),\(Int($0.1)),0\n" }.joined() }
        let dir = Self.folder(before: csv(before), after: csv(after))
        let run = Self.snapshots(dir, ["--format", "json"])
        #expect(run.code == 1, "something changed: exit 1")
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[[String: Any]]])
        let matrix = tables[1]
        let order = ["gold", "silver", "bronze"]
        for row in matrix {
            let from = try #require(row["level"] as? String)
            for (to, value) in row where to != "level" {
                let n = try #require(value as? Double)
                let expected: Int
                switch (from, to) {
                case ("(arrived)", _): expected = after.filter { b in !before.contains { $0.0 == b.0 } && tier(b.1) == to }.count
                case (_, "(left)"): expected = before.filter { b in !after.contains { $0.0 == b.0 } && tier(b.1) == from }.count
                default:
                    expected = before.filter { b in after.contains { $0.0 == b.0 && tier($0.1) == to } && tier(b.1) == from }.count
                }
                #expect(Int(n) == expected, "\(from) → \(to)")
            }
        }
        // Up and down follow the declared order: gold is the highest.
        let moves = tables[2][0]
        var up = 0, down = 0, stayed = 0
        for b in before {
            guard let a = after.first(where: { $0.0 == b.0 }), let i = order.firstIndex(of: tier(b.1)), let j = order.firstIndex(of: tier(a.1)) else { continue }
            if j < i { up += 1 } else if j > i { down += 1 } else { stayed += 1 }
        }
        #expect(moves["up"] as? Double == Double(up) && moves["down"] as? Double == Double(down) && moves["stayed"] as? Double == Double(stayed))
        #expect(moves["arrived"] as? Double == 1 && moves["left"] as? Double == 1)
    }

    @Test func segmentCountsAddUpAcrossArrivalsAndDepartures() throws {
        let dir = Self.folder(before: "id,clv,purchases\nC1,1,1\nC2,1,1\nC3,1,0\nC4,1,1\n", after: "id,clv,purchases\nC1,1,1\nC2,1,0\nC3,1,1\nC5,1,1\n")
        let run = Self.snapshots(dir, ["--format", "json"])
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[[String: Any]]])
        let buyers = try #require(tables.first { $0.first?["segment"] != nil }?.first)
        let n = { (k: String) in Int(buyers[k] as? Double ?? -1) }
        #expect(n("before") == 3 && n("after") == 3)
        #expect(n("stayed") == 1, "C1 only")
        #expect(n("entered") == 2, "C3 joined, C5 arrived as a buyer")
        #expect(n("left") == 2, "C2 stopped, C4 left the snapshot")
        #expect(n("before") == n("stayed") + n("left") && n("after") == n("stayed") + n("entered"))
    }

    @Test func theSameDataTwiceIsNoChangeAndExitsZero() {
        let data = "id,clv,purchases\nC1,150,1\nC2,3,0\n"
        let dir = Self.folder(before: data, after: data)
        let run = Self.snapshots(dir)
        #expect(run.code == 0)
        #expect(run.out.hasSuffix("No changes: every customer has the same segments, tiers and derived values.\n"))
        let same = CLIRun(["diff", dir + "/rules.strata", dir + "/rules.strata"])
        #expect(same.code == 0)
    }

    @Test func aChangedDerivedValueAloneIsAChange() throws {
        let dir = Self.folder(before: "id,clv,purchases\nC1,150,1\n", after: "id,clv,purchases\nC1,160,1\n")
        let run = Self.snapshots(dir, ["--format", "csv"])
        #expect(run.code == 1)
        #expect(run.out.contains("derived,changed\nhalf,1\n"))
    }

    @Test func exitCodesForErrorsAreThoseOfTheOtherCommandsButOneMeansChanged() {
        let dir = Self.folder(before: "id,clv,purchases\nC1,150,1\n", after: "id,clv,purchases\nC1,150,1\n")
        #expect(CLIRun(["diff", dir + "/rules.strata"]).code == 2, "no second side")
        #expect(CLIRun(["diff", dir + "/rules.strata", "--against", "customers=\(dir)/missing.csv"]).code == 3)
        _ = CLITests.write("load customers from \"before.csv\"\nsegment a where clvv > 1\n", "bad.strata", in: dir)
        let bad = CLIRun(["diff", dir + "/rules.strata", dir + "/bad.strata"])
        #expect(bad.code == 2, "a rule error is 2: 1 means changed")
        #expect(bad.err.contains("the new rules cannot be evaluated") && bad.err.contains("clvv"))
        #expect(CLIRun(["diff", dir + "/rules.strata", dir + "/nothere.strata"]).code == 2)
        #expect(CLIRun(["diff", dir + "/rules.strata", dir + "/rules.strata", "--rev", "HEAD"]).code == 2)
        let help = CLIRun(["diff", "--help"])
        #expect(help.code == 0 && help.out.hasPrefix("usage: strata diff"))
    }

    @Test func theExportListsEachChangeAndMasksAPersonalKey() throws {
        let rules = Self.rules.replacingOccurrences(of: "\"before.csv\"", with: "\"before.csv\" key phone")
        let dir = Self.folder(before: "phone,clv,purchases\n13812345678,150,1\n13900001111,5,0\n",
                              after: "phone,clv,purchases\n13812345678,50,1\n13900001111,5,0\n", rules: rules)
        let out = dir + "/moves.csv"
        let run = Self.snapshots(dir, ["--export", out])
        #expect(run.code == 1)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text == "phone,field,from,to\n138****5678,level,gold,silver\n")
        let revealed = Self.snapshots(dir, ["--export", out, "--reveal-pii"])
        #expect(revealed.code == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("13812345678,level,gold,silver"))
    }

    @Test func aKeyTwiceOnEitherSideIsRefusedRatherThanGuessed() {
        let dir = Self.folder(before: "id,clv,purchases\nC1,150,1\nC2,5,0\n", after: "id,clv,purchases\nC1,150,1\nC1,5,0\n")
        let run = Self.snapshots(dir)
        #expect(run.code == 2 && run.out.isEmpty)
        #expect(run.err.contains("the after data has the key `id` = C1 twice (data rows 1 and 2)"), "\(run.err)")
    }

    @Test func aSegmentOrTierOnlyOneVersionDefinesIsAddedOrRemoved() throws {
        let dir = Self.folder(before: "id,clv,purchases\nC1,150,1\nC2,5,0\n", after: "")
        _ = CLITests.write("load customers from \"before.csv\"\nsegment buyers where purchases >= 1\nsegment big where clv > 100\n", "new.strata", in: dir)
        let run = CLIRun(["diff", dir + "/rules.strata", dir + "/new.strata", "--format", "csv"])
        #expect(run.code == 1)
        #expect(run.out.contains("buyers,1,1,0,0,1,both\n"))
        #expect(run.out.contains("big,0,1,1,0,0,added\n"))
        #expect(run.out.contains("half,0,removed\n"))
        #expect(run.out.contains("level,gold,silver,bronze,(none),(left)\n"), "the removed tiers field still has its matrix")
    }

    /// `--rev` reads the old rules from git, in the repository of the rule file.
    @Test func revTakesTheOldVersionFromGit() throws {
        let dir = Self.folder(before: "id,clv,purchases\nC1,150,1\nC2,50,0\nC3,5,0\n", after: "")
        func git(_ args: String...) -> Int32 { GitRevision.git(["-C", dir] + args).status }
        guard git("init", "-q") == 0 else { return }  // no git on this machine: nothing to test
        #expect(git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", "rules.strata") == 0)
        #expect(git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "v1") == 0)
        let unchanged = CLIRun(["diff", dir + "/rules.strata", "--rev", "HEAD"])
        #expect(unchanged.code == 0, "\(unchanged.err)")
        _ = CLITests.write(Self.rules.replacingOccurrences(of: "clv >= 100", with: "clv >= 40"), "rules.strata", in: dir)
        let changed = CLIRun(["diff", dir + "/rules.strata", "--rev", "HEAD", "--format", "csv"])
        #expect(changed.code == 1)
        #expect(changed.out.contains("silver,1,0,0,0,0\n"), "C2 moved from silver to gold")
        let unknown = CLIRun(["diff", dir + "/rules.strata", "--rev", "nosuchrev"])
        #expect(unknown.code == 2 && unknown.err.contains("`nosuchrev` is not a revision"))
        _ = CLITests.write(Self.rules, "other.strata", in: dir)
        let untracked = CLIRun(["diff", dir + "/other.strata", "--rev", "HEAD"])
        #expect(untracked.code == 2 && untracked.err.contains("does not exist in HEAD"))
        let outside = Self.folder(before: "id,clv,purchases\nC1,1,1\n", after: "")
        let noRepo = CLIRun(["diff", outside + "/rules.strata", "--rev", "HEAD"])
        // A temporary folder inside some repository would make this a different case.
        if GitRevision.git(["-C", outside, "rev-parse", "--is-inside-work-tree"]).status != 0 {
            #expect(noRepo.code == 2 && noRepo.err.contains("is not in a git repository"))
        }
    }
}
