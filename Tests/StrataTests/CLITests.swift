import Foundation
import Testing
@testable import Strata

/// Runs the command line in-process and captures what it prints.
struct CLIRun {
    var code: Int32
    var out: String
    var err: String

    init(_ args: [String], input: String? = nil) {
        final class Box: @unchecked Sendable { var out = "", err = "", lines: [String] = [] }
        let box = Box()
        box.lines = input.map { $0.components(separatedBy: "\n") } ?? []
        let cli = CLI(out: { box.out += $0 }, err: { box.err += $0 }, readLine: {
            box.lines.isEmpty ? nil : box.lines.removeFirst()
        })
        code = cli.main(args)
        out = box.out
        err = box.err
    }
}

@Suite struct CLITests {
    static func write(_ text: String, _ name: String, in dir: String) -> String {
        let p = dir + "/" + name
        try? text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    static let csv = """
        id,name,city,clv,referrals,last_visit
        C1,王伟,深圳,3000000,2,2026-05-01
        C2,李娜,广州,500000,0,2025-01-10
        C3,张敏,深圳,,1,2026-06-01
        C4,刘洋,上海,8000000,5,

        """

    @Test func theLongestAcceptedChainRunsChecksAndFormats() {
        // The deepest tree the parser accepts goes through every pass of the CLI without exhausting the stack.
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let ids = (0..<ParserState.maxChain).map { "id == \"C\($0)\"" }.joined(separator: " or ")
        let rules = Self.write("load customers from \"c.csv\"\nsegment s where \(ids)\ncount s\n", "long.strata", in: dir)
        let run = CLIRun(["run", rules, "--format", "csv"])
        #expect(run.code == 0 && run.out.contains("s,4,1"), "\(run.err)")
        #expect(CLIRun(["check", rules]).code == 0)
        let fmt = CLIRun(["fmt", rules])
        #expect(fmt.code == 0 && fmt.out.contains("or id == \"C\(ParserState.maxChain - 1)\""))
    }

    @Test func consecutiveSegmentCountsAreOneTableAndAnythingElseStartsANewOne() {
        // docs/cli.md: a run of `count`s of segments or conditions is one table (one CSV block, one JSON array);
        // a `count` of a field, or any other output, ends it.
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let rules = Self.write("""
            load customers from "c.csv"
            segment a where clv > 1e6
            segment b where referrals >= 1
            count a
            count b
            count a and b
            show a columns id
            count b
            count city
            count a

            """, "counts.strata", in: dir)
        let csv = CLIRun(["run", rules, "--format", "csv"])
        #expect(csv.code == 0, "\(csv.err)")
        let blocks = csv.out.components(separatedBy: "\n\n")
        #expect(blocks.count == 5)
        #expect(blocks.first == "segment,count,share\na,2,0.5\nb,3,0.75\na and b,2,0.5")
        #expect(blocks.dropFirst().first == "id\nC1\nC4")
        #expect(blocks.dropFirst(2).first == "segment,count,share\nb,3,0.75")
        #expect(blocks.dropFirst(3).first?.hasPrefix("city,count,share\n深圳,2,0.5\n") == true)
        #expect(blocks.last == "segment,count,share\na,2,0.5\n")
        let json = CLIRun(["run", rules, "--format", "json"])
        #expect(json.out.hasPrefix("[\n[\n{\"segment\":\"a\",\"count\":2,\"share\":0.5},\n{\"segment\":\"b\""))
        #expect(json.out.components(separatedBy: "\n[\n").count == 6, "five arrays in one: \(json.out)")
        let table = CLIRun(["run", rules])
        #expect(table.out.hasPrefix("segment  count  share\n-------  -----  -----\na            2  50.0%\nb            3  75.0%\n"), "\(table.out)")
    }

    @Test func aColumnThatIsTextBecauseOfOneCellSaysWhichCell() {
        let dir = Repo.tempDir()
        _ = Self.write("id,f,n,city\n1,2026-02-28,5,深圳\n2,2026-02-30,6,广州\n3,2026-03-01,N/A,上海\n", "bd.csv", in: dir)
        let rules = Self.write("load customers from \"bd.csv\"\nsegment x where f < 2026-06-30\nsegment y where n > 5\nsegment z where city > 1\n", "bd.strata", in: dir)
        let r = CLIRun(["run", rules])
        #expect(r.code == 1)
        #expect(r.err.contains("= help: `f` was read as text: line 3 has `2026-02-30`, which is not a valid date (the 1 cell above it is)"))
        #expect(r.err.contains("= help: `n` was read as text: line 4 has `N/A`, which is not a number (the 2 cells above it are)"))
        // A column that never looked like numbers is converted, never compared as text (`city > "1"`).
        #expect(r.err.contains("= help: `city` is text; convert it: `number(city)` (null where it is no number)"))
    }

    @Test func exportHeadersAreFieldNamesAndEmptyDeclaredColumnsTakeTheirType() throws {
        let dir = Repo.tempDir()
        _ = Self.write("id,count,last visit,x\n1,2,2026-01-01,\n", "kw.csv", in: dir)
        let rules = Self.write("""
            schema customers {
              id: string key
              `count`: number
              `last visit`: date
              x: number
            }
            load customers from "kw.csv"
            segment big where x > 1
            export customers to "out/kw.csv" columns id, `count`, `last visit`
            count big

            """, "kw.strata", in: dir)
        let r = CLIRun(["run", rules])
        #expect(r.code == 0, "\(r.err)")
        #expect(try String(contentsOfFile: dir + "/out/kw.csv", encoding: .utf8).hasPrefix("id,count,last visit\n"))
        #expect(r.out.contains("big          0"))
    }

    @Test func aDiagnosticOnAVeryLongLineShowsAWindowAroundTheSpan() {
        let line = "let x = " + Array(repeating: "1", count: 3000).joined(separator: " + ") + " + clvv"
        var r = DiagnosticRenderer()
        r.add(SourceFile(name: "t.strata", text: line))
        let col = line.count - 3
        let text = r.render(Diagnostic(.error, .verbatim("unknown name `clvv`"), code: .unknownName, file: "t.strata",
                                       span: SourceSpan(start: SourceLocation(line: 1, column: col, offset: col - 1),
                                                        end: SourceLocation(line: 1, column: col + 4, offset: col + 3))))
        let lines = text.split(separator: "\n").map(Array.init)
        #expect(lines.count == 3)
        #expect(String(lines[1]).hasPrefix(" 1 | …") && String(lines[1]).hasSuffix("+ clvv"))
        #expect(lines[1].count < 200)
        // All ASCII but the one-column `…`: the caret starts under the `c` of `clvv` and covers four columns.
        #expect(lines[2].firstIndex(of: "^") == lines[1].count - 4)
        #expect(lines[2].filter { $0 == "^" }.count == 4)
    }

    /// Expected stdout of each example: `Golden/examples/NAME.stdout` for `examples/NAME.strata`.
    static let exampleGoldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/examples").path

    static func exampleName(_ path: String) -> String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }

    @Test(arguments: GrammarDocsTests.examples)
    func examplesRunGreen(_ path: String) throws {
        let r = CLIRun(["run", path])
        #expect(r.code == 0, "\(r.err)")
        #expect(!r.out.isEmpty)
        #expect(!r.err.contains("error"))
        // The exact report, not only a green exit: a change in counts, tiers or masking shows up here.
        let expected = Self.exampleGoldens + "/" + Self.exampleName(path) + ".stdout"
        try Golden.update(r.out, at: expected)
        Golden.expectEqual(r.out, toFileAt: expected, "\(Self.exampleName(path)): stdout")
    }

    @Test func everyExampleGoldenHasItsExample() {
        let stored = ((try? FileManager.default.contentsOfDirectory(atPath: Self.exampleGoldens)) ?? [])
            .filter { $0.hasSuffix(".stdout") }.map { String($0.dropLast(".stdout".count)) }.sorted()
        #expect(stored == GrammarDocsTests.examples.map(Self.exampleName).sorted(), "stale or missing files in \(Self.exampleGoldens)")
    }

    @Test func outputIsDeterministic() {
        let path = Repo.path("examples/rfm.strata")
        let a = CLIRun(["run", path]), b = CLIRun(["run", path])
        #expect(a.out == b.out)
        #expect(a.code == 0)
    }

    @Test func countsAsCSVAndJSON() {
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let rules = Self.write("load customers from \"c.csv\"\nsegment vip where clv > 2e6 and referrals >= 2\ncount vip\n", "r.strata", in: dir)
        let csv = CLIRun(["run", rules, "--format", "csv"])
        #expect(csv.out == "segment,count,share\nvip,2,0.5\n")
        let json = CLIRun(["run", rules, "--format=json"])
        #expect(json.out.contains("\"segment\":\"vip\""))
        #expect(json.out.contains("\"count\":2"))
        let table = CLIRun(["run", rules])
        #expect(table.out.contains("vip"))
        #expect(table.out.contains("50.0%"))
    }

    @Test func showMasksPersonalDataUnlessRevealed() {
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let rules = Self.write("load customers from \"c.csv\"\nsegment vip where clv > 2e6\nshow vip order by clv desc\n", "r.strata", in: dir)
        let masked = CLIRun(["run", rules])
        #expect(masked.code == 0)
        #expect(!masked.out.contains("王伟"))
        #expect(masked.out.contains("王"))
        #expect(masked.out.contains("C4"))
        let revealed = CLIRun(["run", rules, "--reveal-pii"])
        #expect(revealed.out.contains("王伟"))
        // Ordered by clv descending: C4 (8M) before C1 (3M).
        if let a = revealed.out.range(of: "C4"), let b = revealed.out.range(of: "C1") { #expect(a.lowerBound < b.lowerBound) }
    }

    @Test func dataOverrideAndSummary() {
        let dir = Repo.tempDir()
        let data = Self.write(Self.csv, "other.csv", in: dir)
        let rules = Self.write("load customers from \"missing.csv\"\nsegment sz where city == \"深圳\"\ntiers g { A where clv >= 1e6; B otherwise }\n", "r.strata", in: dir)
        let r = CLIRun(["run", rules, "--data", "customers=\(data)", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "segment,count,share\nsz,2,0.5\ng = A,2,0.5\ng = B,2,0.5\n")
    }

    @Test func exportWritesAFile() throws {
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let rules = Self.write("load customers from \"c.csv\"\nsegment sz where city == \"深圳\"\nexport sz to \"out/sz.csv\" columns id, city\n", "r.strata", in: dir)
        let r = CLIRun(["run", rules])
        #expect(r.code == 0, "\(r.err)")
        let written = try String(contentsOfFile: dir + "/out/sz.csv", encoding: .utf8)
        #expect(written == "id,city\nC1,深圳\nC3,深圳\n")
        #expect(r.err.contains("exported 2 customers"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir + "/out")
        #expect(leftovers == ["sz.csv"])
    }

    @Test func failedAssertionExitsOneWithValues() {
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let rules = Self.write("load customers from \"c.csv\"\nsegment vip where clv > 2e6\nassert count(vip) > 10\ncount vip\n", "r.strata", in: dir)
        let r = CLIRun(["run", rules])
        #expect(r.code == 1)
        #expect(r.err.contains("r.strata:3:8: error: assertion failed: count(vip) > 10"))
        #expect(r.err.contains("count(vip) is 2"))
    }

    @Test func ruleErrorsExitOneWithCaret() {
        let dir = Repo.tempDir()
        _ = Self.write(Self.csv, "c.csv", in: dir)
        let rules = Self.write("load customers from \"c.csv\"\nsegment vip where clvv > 2e6\n", "r.strata", in: dir)
        let r = CLIRun(["run", rules])
        #expect(r.code == 1)
        #expect(r.err.contains("r.strata:2:19: error: unknown name `clvv`"))
        #expect(r.err.contains("^^^^"))
        #expect(r.err.contains("did you mean `clv`?"))
        #expect(r.out.isEmpty)
    }

    @Test func badDataExitsThree() {
        let dir = Repo.tempDir()
        _ = Self.write("id,clv\nC1,1\nC2,2,3\n", "ragged.csv", in: dir)
        let ragged = Self.write("load customers from \"ragged.csv\"\ncount customers\n", "r.strata", in: dir)
        let r = CLIRun(["run", ragged])
        #expect(r.code == 3)
        #expect(r.err.contains("ragged.csv:3"))
        let missing = Self.write("load customers from \"nope.csv\"\ncount customers\n", "m.strata", in: dir)
        let m = CLIRun(["run", missing])
        #expect(m.code == 3)
        #expect(m.err.contains("nope.csv"))
    }

    @Test(arguments: [
        ["frobnicate"], ["run"], ["run", "a", "b"], ["run", "x.strata", "--format", "xml"], ["run", "x.strata", "--as-of", "yesterday"],
        ["run", "x.strata", "--dta", "a=b"], ["run", "x.strata", "--data", "nopath"], ["gen", "--customers", "ten", "--out", "/tmp/x"], [],
    ])
    func usageErrorsExitTwo(_ args: [String]) {
        let r = CLIRun(args)
        #expect(r.code == 2)
        #expect(r.err.contains("usage: strata"))
    }

    @Test func missingRulesFileIsAnError() {
        let r = CLIRun(["run", "/nonexistent/rules.strata"])
        #expect(r.code == 2)
        #expect(r.err.contains("cannot read rules file"))
    }

    @Test func genIsDeterministic() throws {
        let a = Repo.tempDir(), b = Repo.tempDir()
        #expect(CLIRun(["gen", "--customers", "300", "--seed", "7", "--out", a]).code == 0)
        #expect(CLIRun(["gen", "--customers", "300", "--seed", "7", "--out", b]).code == 0)
        let x = try Data(contentsOf: URL(fileURLWithPath: a + "/customers.csv"))
        let y = try Data(contentsOf: URL(fileURLWithPath: b + "/customers.csv"))
        #expect(x == y)
        #expect(x.count > 300 * 50)
    }

    @Test func genEventsWritesTheEventTablesBesideTheSameCustomers() throws {
        let plain = Repo.tempDir(), events = Repo.tempDir()
        #expect(CLIRun(["gen", "--customers", "300", "--seed", "7", "--out", plain]).code == 0)
        let r = CLIRun(["gen", "--customers", "300", "--seed", "7", "--out", events, "--events"])
        #expect(r.code == 0)
        #expect(r.err.contains("rows to \(events)/visits.csv"))
        let x = try Data(contentsOf: URL(fileURLWithPath: plain + "/customers.csv"))
        let y = try Data(contentsOf: URL(fileURLWithPath: events + "/customers.csv"))
        #expect(x == y)
        for table in EventTable.allCases { #expect(FileManager.default.fileExists(atPath: events + "/" + table.fileName)) }
        #expect(!FileManager.default.fileExists(atPath: plain + "/visits.csv"))
    }

    @Test func genHelpDescribesEvents() {
        for flag in ["--help", "-h"] {
            let r = CLIRun(["gen", flag])
            #expect(r.code == 0 && r.out == CLI.genUsage)
        }
        #expect(CLI.genUsage.contains("--events") && CLI.usage.contains("--events"))
    }
}

@Suite struct ReadmeTests {
    /// The README shows what a typo in an example prints; that text must be what Strata really prints.
    @Test func readmeErrorSampleIsReal() throws {
        let readme = try String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)
        let example = try String(contentsOfFile: Repo.path("examples/vip-program.strata"), encoding: .utf8)
        let broken = example.replacingOccurrences(of: "钻石 where owners and clv >=", with: "钻石 where owners and clvv >=")
        #expect(broken != example)
        var options = RunOptions()
        options.dataOverrides = ["customers": Repo.path("examples/data/customers.csv")]
        let r = Pipeline(options: options).run(SourceFile(name: "examples/vip-program.strata", text: broken))
        #expect(r.exitCode == 1)
        #expect(r.diagnostics.count == 1)
        #expect(readme.contains(r.renderedDiagnostics), "README sample differs from:\n\(r.renderedDiagnostics)")
    }
}

/// Issue 11 item 8: every subcommand answers `--help`/`-h`, and every command that takes a rule file says the
/// same thing when it is missing.
@Suite struct SubcommandHelpTests {
    @Test func everySubcommandPrintsItsOwnUsageOnHelp() {
        for sub in CLI.Subcommand.allCases {
            for flag in ["--help", "-h"] {
                // The flag wins over other words, even ones that would be a usage error.
                for args in [[sub.rawValue, flag], [sub.rawValue, "x.strata", "--bogus", flag]] {
                    let r = CLIRun(args)
                    #expect(r.code == 0, "\(args)")
                    #expect(r.out == sub.usage, "\(args)")
                    #expect(r.err.isEmpty, "\(args)")
                }
            }
            #expect(sub.usage.hasPrefix("usage: strata \(sub.rawValue)"))
            #expect(CLI.usage.contains("  \(sub.rawValue) "), "the overview lists \(sub.rawValue)")
        }
    }

    @Test func aMissingRulesFileIsTheSameMessageInEveryCommand() {
        let path = "/nonexistent/missing.strata"
        let expected = "\(path): error: cannot read rules file `\(path)`"
        for sub in CLI.Subcommand.allCases where sub != .gen {
            let r = CLIRun([sub.rawValue, path], input: "")
            #expect(r.err.contains(expected), "\(sub)")
            #expect(r.err.components(separatedBy: "cannot read rules file").count == 2, "said once by \(sub)")
            #expect(r.code != 0, "\(sub)")
        }
    }

    @Test func nothingToSummarizePrintsNothingOnStdout() throws {
        let dir = NSTemporaryDirectory() + "strata-empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = CLITests.write(CLITests.csv, "c.csv", in: dir)
        let bare = CLITests.write("load customers from \"c.csv\"\nlet x = 1\n", "bare.strata", in: dir)
        for format in ["table", "csv", "json"] {
            let r = CLIRun(["run", bare, "--format", format])
            #expect(r.code == 0 && r.out.isEmpty, "\(format): \(r.out)")
            #expect(r.err.contains("no output statements"))
        }
        // With a segment there is something to summarize, as before.
        let seg = CLITests.write("load customers from \"c.csv\"\nsegment big where clv > 1e6\n", "seg.strata", in: dir)
        let r = CLIRun(["run", seg])
        #expect(r.code == 0 && r.out.contains("big") && !r.err.contains("no output statements"))
    }
}
