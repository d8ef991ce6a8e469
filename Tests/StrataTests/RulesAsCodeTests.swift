import Foundation
import Testing
@testable import Strata

@Suite struct RulesAsCodeTests {
    static let data = Repo.path("examples/data/customers.csv")

    static func write(_ files: [String: String]) -> String {
        let dir = Repo.tempDir()
        for (name, text) in files {
            let path = dir + "/" + name
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func checkNeedsNoDataWithASchema() {
        let dir = Self.write(["r.strata": "schema customers { id: string key\n clv: number }\nload customers from \"nowhere.csv\"\nset as_of = 2026-06-30\nsegment vip where clv > 2e6\ncount vip\n"])
        let r = CLIRun(["check", dir + "/r.strata"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.hasSuffix("checked 1 file: 0 errors, 0 warnings\n"))
        let bad = Self.write(["r.strata": "schema customers { clv: numbr }\nsegment vip where clv > 2e6\n"])
        let b = CLIRun(["check", bad + "/r.strata"])
        #expect(b.code == 1)
        #expect(b.err.contains("r.strata:1:25: error: unknown type `numbr`"))
        #expect(b.err.contains("did you mean `number`?"))
    }

    @Test func everyErrorInEveryFileAsJSON() throws {
        let dir = Self.write([
            "a.strata": "load customers from \"\(Self.data)\"\nsegment a where clvv > 1\nsegment b where city > 3\n",
            "b.strata": "load customers from \"\(Self.data)\"\nsegment odd where age > 60 and age < 30\ncount odd\nsegment recent where last_visit > as_of - 30 days\n",
        ])
        let r = CLIRun(["check", dir + "/a.strata", dir + "/b.strata", "--format", "json"])
        #expect(r.code == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]]
        let diags = try #require(parsed)
        #expect(diags.count == 5)
        let summary = diags.map { "\(($0["file"] as? String).map { ($0 as NSString).lastPathComponent } ?? ""):\($0["line"] ?? ""):\($0["column"] ?? ""):\($0["severity"] ?? "")" }
        #expect(summary.sorted() == ["a.strata:2:17:error", "a.strata:3:17:error", "b.strata:2:19:warning", "b.strata:4:35:warning", "b.strata:4:9:warning"])
        for d in diags {
            #expect(d["message"] is String)
            #expect(d["suggestion"] is String)
            #expect(d["end_column"] is Int)
        }
    }

    @Test func warningsHavePositionsAndStrictFailsOnThem() {
        let dir = Self.write(["w.strata": "load customers from \"\(Self.data)\"\nset as_of = 2026-06-30\nlet max = 3\nsegment CLV where clv > max\nsegment never where clv > 1 and clv < 0 and city == \"深圳\"\ncount never\n"])
        let r = CLIRun(["check", dir + "/w.strata"])
        #expect(r.code == 0)
        #expect(r.err.contains("w.strata:3:5: warning: `max` has the name of a function"))
        #expect(r.err.contains("w.strata:4:9: warning: segment `CLV` is never used or shown"))
        #expect(r.err.contains("w.strata:4:9: warning: `CLV` differs from the field `clv` only by letter case"))
        #expect(r.err.contains("w.strata:5:21: warning: this condition can never be true"))
        #expect(CLIRun(["check", dir + "/w.strata", "--strict"]).code == 1)
    }

    @Test func testPrintsFailuresAndTheClosingLine() {
        let dir = Self.write([
            "t.strata": "load customers from \"\(Self.data)\"\nsegment vip where clv > 2e6\nassert count(vip) > 0\nassert count(vip) > 1e9, \"impossibly many\"\nassert avg(clv where vip) > 0\nexport vip to \"out/vip.csv\"\n",
            "broken.strata": "load customers from \"\(Self.data)\"\nassert clvv > 0\n",
        ])
        let r = CLIRun(["test", dir + "/t.strata", dir + "/broken.strata"])
        #expect(r.code == 1)
        #expect(r.out.contains("FAIL \(dir)/t.strata:4:8: impossibly many (count(vip) > 1e9) — count(vip) is "))
        #expect(r.out.contains("FAIL \(dir)/broken.strata: the rules did not run"))
        #expect(r.out.hasSuffix("\n2 passed, 2 failed\n"))
        #expect(r.err.contains("unknown name `clvv`"))
        // Tests evaluate exports but write nothing.
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/vip.csv"))
        let ok = CLIRun(["test", Repo.path("examples/rfm.strata"), "-v"])
        #expect(ok.code == 0)
        #expect(ok.out.contains("PASS "))
        #expect(ok.out.hasSuffix("3 passed, 0 failed\n"))
    }

    @Test func includedDefinitionsAreUsableAndErrorsPointIntoTheIncludedFile() {
        let dir = Self.write([
            "main.strata": "load customers from \"\(Self.data)\"\ninclude \"lib/common.strata\"\ncount owners\n",
            "lib/common.strata": "segment owners where purchases >= 1\n",
            "bad.strata": "load customers from \"\(Self.data)\"\ninclude \"lib/broken.strata\"\n",
            "lib/broken.strata": "segment x where purchasez >= 1\n",
        ])
        let r = CLIRun(["run", dir + "/main.strata", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("segment,count,share\nowners,"))
        let b = CLIRun(["run", dir + "/bad.strata"])
        #expect(b.code == 1)
        #expect(b.err.contains("lib/broken.strata:1:17: error: unknown name `purchasez`"))
    }

    @Test func includeCycleShowsBothPositions() {
        let dir = Self.write(["a.strata": "# a\ninclude \"b.strata\"\n", "b.strata": "include \"a.strata\"\n"])
        let r = CLIRun(["check", dir + "/a.strata"])
        #expect(r.code == 1)
        #expect(r.err.contains("b.strata:1:9: error: include cycle: `a.strata` includes this file again"))
        #expect(r.err.contains("a.strata:2:9: note: the cycle starts with this include"))
        let missing = Self.write(["m.strata": "include \"nope.strata\"\n"])
        #expect(CLIRun(["check", missing + "/m.strata"]).err.contains("m.strata:1:9: error: cannot read included file `nope.strata`"))
    }

    @Test func runVerifiesTheDataAgainstTheSchema() {
        let dir = Self.write(["r.strata": "schema customers { clv: number\n  vip_level: string\n  city: number }\nload customers from \"\(Self.data)\"\ncount customers\n"])
        let r = CLIRun(["run", dir + "/r.strata"])
        #expect(r.code == 3)
        #expect(r.err.contains("has no field `vip_level` declared in the schema"))
        #expect(r.err.contains("field `city` is declared number but the data holds string values"))
    }

    @Test func schemaPIIFieldsAreMasked() {
        let dir = Self.write([
            "c.csv": "id,owner_note,clv\nC1,私人备注,5\n",
            "r.strata": "schema customers { id: string key\n owner_note: string pii }\nload customers from \"c.csv\"\nshow customers columns id, owner_note\n",
        ])
        let r = CLIRun(["run", dir + "/r.strata"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("私***"))
        #expect(!r.out.contains("私人备注"))
        #expect(CLIRun(["run", dir + "/r.strata", "--reveal-pii"]).out.contains("私人备注"))
    }

    /// Formatting never changes what a rule file computes.
    @Test(arguments: GrammarDocsTests.examples)
    func formattedExamplesGiveTheSameResults(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Whitespace mangled outside comments: indentation, doubled spaces, trailing blanks.
        let messy = text.components(separatedBy: "\n").map { line -> String in
            let cut = line.firstIndex(of: "#") ?? line.endIndex
            return "   " + line[..<cut].replacingOccurrences(of: " ", with: "  ") + line[cut...] + "  "
        }.joined(separator: "\n")
        #expect(messy != text)
        let formatted = try #require(Formatter.format(SourceFile(name: path, text: messy)).text)
        var options = RunOptions()
        options.dryRun = true
        options.dataOverrides = ["customers": Self.data]
        let a = Session(options: options), b = Session(options: options)
        a.baseDirectory = Repo.path("examples")
        b.baseDirectory = Repo.path("examples")
        let ra = a.run(SourceFile(name: path, text: text)), rb = b.run(SourceFile(name: path, text: formatted))
        #expect(ra.exitCode == 0 && rb.exitCode == 0, "\(rb.renderedDiagnostics)")
        #expect(ra.outputs.map { Report.render($0, format: .csv) } == rb.outputs.map { Report.render($0, format: .csv) })
        #expect(Formatter.format(SourceFile(name: path, text: formatted)).text == formatted)
    }
}
