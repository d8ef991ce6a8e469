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

    /// Each condition, alone in a checked file: whether `check` calls it impossible.
    @Test(arguments: [
        ("clv > 1 and clv < 0", true), ("clv >= 5 and clv < 3", true), ("clv >= 5 and clv <= 5", false),
        ("city == \"a\" and city == \"b\"", true), ("age == 3 and age != 3", true), ("age in [1, 2] and age == 3", true),
        ("age in [1, 2] and age == 2", false), ("city == \"深圳\" and city in [\"北京\", \"上海\"]", true),
        ("city == \"深圳\" and city not in [\"北京\", \"深圳\"]", true), ("age is null and age > 3", true),
        ("age is not null and age > 3", false), ("member and not member", true), ("member and age > 3", false),
        ("age > 1 and age < 0 or member", true), ("count(where age > 1 and age < 0) > 0", true),
        ("if(age > 1 and age < 0, true, member)", true), ("city > \"b\" and city < \"a\"", false),
        ("age in [1, 5] and age > 6", true), ("last_visit > 2026-01-01 and last_visit < 2025-01-01", true),
        ("age > 3 or age < 1", false),
    ] as [(String, Bool)])
    func impossibleConditionsAreFound(_ condition: String, _ impossible: Bool) {
        let dir = Self.write(["c.strata": "load customers from \"\(Self.data)\"\nsegment s where \(condition)\ncount s\n"])
        let r = CLIRun(["check", dir + "/c.strata"])
        #expect(r.err.contains("warning: this condition can never be true") == impossible, "\(condition): \(r.err)")
    }

    @Test func impossibleDerivedFieldsAreFoundToo() {
        let dir = Self.write(["d.strata": "load customers from \"\(Self.data)\"\nset as_of = 2026-06-30\nderive d = age > 1 and age < 0\nsegment s where d\ncount s\n"])
        let r = CLIRun(["check", dir + "/d.strata"])
        #expect(r.err.contains("d.strata:3:12: warning: this condition can never be true: no `age` satisfies all its tests"))
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
        #expect(ok.out.hasSuffix("4 passed, 0 failed\n"))
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

    @Test func aFieldTheSchemaLeavesOutIsAnErrorWithOrWithoutTheData() {
        let rules = "schema customers {\n  id: string key\n  clv: number\n}\nload customers from \"LOAD\"\nsegment vip where clv > 2e6 and age > 30\ncount vip\n"
        let dir = Self.write(["with.strata": rules.replacingOccurrences(of: "LOAD", with: Self.data),
                              "without.strata": rules.replacingOccurrences(of: "LOAD", with: "nowhere.csv")])
        for (command, file) in [("run", "with"), ("check", "with"), ("check", "without")] {
            let r = CLIRun([command, dir + "/\(file).strata"])
            #expect(r.code == 1, "\(command) \(file): \(r.err)")
            #expect(r.err.contains("\(file).strata:6:33: error:"), "\(command) \(file): \(r.err)")
        }
        let run = CLIRun(["run", dir + "/with.strata"])
        #expect(run.err.contains("error: field `age` is in the data but not in the schema"))
        #expect(run.err.contains("help: declare it in the schema (\(dir)/with.strata:3): age: number"))
        // The REPL explores the data: there every field of the loaded file can be used.
        let repl = CLIRun(["repl", dir + "/with.strata"], input: "count(where age > 30) > 0\n")
        #expect(repl.out.contains("true"), "\(repl.out)\(repl.err)")
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
        let pipeline = Pipeline(options: options)
        let ra = pipeline.run(SourceFile(name: path, text: text)), rb = pipeline.run(SourceFile(name: path, text: formatted))
        #expect(ra.exitCode == 0 && rb.exitCode == 0, "\(rb.renderedDiagnostics)")
        #expect(ra.outputs.map { Report.render($0, format: .csv) } == rb.outputs.map { Report.render($0, format: .csv) })
        #expect(Formatter.format(SourceFile(name: path, text: formatted)).text == formatted)
    }

    /// `strata fmt` never changes what `run` or `test` print: labels are the canonical expression.
    @Test func formattingDoesNotChangeRunOrTestOutput() throws {
        // Line breaks only after the asserts, so that their positions (in `test` output) stay the same.
        let messy = "load customers from \"\(Self.data)\"\nset as_of = 2026-06-30\ncount member   and  age>50 # old\n"
            + "show member  and(age>80)limit 2 columns id ,clv*2\n"
            + "assert count(member   and  age>50)>1000\nassert count( member )  between 1 and 2, \"few\"\n"
            + "export member and # the old ones\n  age > 80 to \"out/x.csv\"\n"
        let a = Self.write(["r.strata": messy])
        let formatted = try #require(Formatter.format(SourceFile(name: "r.strata", text: messy)).text)
        #expect(formatted != messy)
        let b = Self.write(["r.strata": formatted])
        for command in [["run"], ["test", "-v"]] {
            let ra = CLIRun(command + [a + "/r.strata"]), rb = CLIRun(command + [b + "/r.strata"])
            #expect(!ra.out.isEmpty)
            #expect(ra.out.replacingOccurrences(of: a, with: "DIR") == rb.out.replacingOccurrences(of: b, with: "DIR"), "\(command)")
            let notes = { (r: CLIRun, dir: String) in r.err.components(separatedBy: "\n").filter { $0.hasPrefix("exported") }.map { $0.replacingOccurrences(of: dir, with: "DIR") } }
            #expect(notes(ra, a) == notes(rb, b))
        }
        #expect(CLIRun(["run", a + "/r.strata"]).err.contains("(member and age > 80) to"))
    }

    @Test func aSecondSetAsOfInAnIncludeNamesTheFirst() {
        let dir = Self.write([
            "main.strata": "load customers from \"\(Self.data)\"\nset as_of = 2026-06-30\ninclude \"shared/withset.strata\"\n",
            "shared/withset.strata": "set as_of = 2025-01-01\n",
        ])
        let r = CLIRun(["check", dir + "/main.strata"])
        #expect(r.code == 1)
        #expect(r.err.contains("\(dir)/shared/withset.strata:1:5: error: `as_of` is already set at \(dir)/main.strata:2:5"))
    }

    @Test func diamondIncludesAreIncludedOnce() {
        let dir = Self.write([
            "diamond.strata": "load customers from \"\(Self.data)\"\ninclude \"shared/a.strata\"\ninclude \"./shared/b.strata\"\ncount a\ncount b\n",
            "shared/a.strata": "include \"common.strata\"\nsegment a where owners and clv > 1e6\n",
            "shared/b.strata": "include \"common.strata\"\nsegment b where owners and clv < 1e6\n",
            "shared/common.strata": "segment owners where purchases >= 1\n",
        ])
        let r = CLIRun(["check", dir + "/diamond.strata"])
        #expect(r.code == 0, "\(r.err)")
        #expect(CLIRun(["run", dir + "/diamond.strata"]).code == 0)
    }

    @Test func includedPathsHaveNoDotSlashAndSymlinkCyclesAreFound() throws {
        let dir = Self.write(["a.strata": "# a\ninclude \"b.strata\"\n", "b.strata": "include \"./a.strata\"\n"])
        // Relative to the working directory, as CI runs it: `strata check a.strata`.
        let saved = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(saved) }
        let r = CLIRun(["check", "a.strata", "--format", "json"])
        #expect(r.code == 1)
        #expect(r.out.contains("{\"file\":\"b.strata\",\"line\":1,\"column\":9,"))
        #expect(r.out.contains("{\"file\":\"a.strata\",\"line\":2,\"column\":9,"))
        let files = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]]).compactMap { $0["file"] as? String }
        #expect(files == ["b.strata", "a.strata"])
        let sym = Self.write(["a.strata": "include \"loop/a.strata\"\n"])
        try FileManager.default.createSymbolicLink(atPath: sym + "/loop", withDestinationPath: ".")
        let s = CLIRun(["check", sym + "/a.strata"])
        #expect(s.code == 1)
        #expect(s.err.contains("a.strata:1:9: error: include cycle: `loop/a.strata` includes this file again"))
    }

    @Test func warningsAreReportedNextToErrors() throws {
        let dir = Self.write(["ew.strata": "load customers from \"\(Self.data)\"\nsegment odd where clv > 1\nsegment c where age > 5 and age < 1\n"
            + "segment used where clv > 2\nsegment e where cityy == 1 and used\ncount e\ncount c\n"])
        let r = CLIRun(["check", dir + "/ew.strata"])
        #expect(r.code == 1)
        #expect(r.err.contains("ew.strata:2:9: warning: segment `odd` is never used or shown"))
        #expect(r.err.contains("ew.strata:3:17: warning: this condition can never be true"))
        // `used` is read by the statement with the error, so it is not reported unused.
        #expect(!r.err.contains("segment `used`"))
        #expect(r.err.hasSuffix("checked 1 file: 1 error, 2 warnings\n"))
        let j = CLIRun(["check", dir + "/ew.strata", "--format", "json"])
        let diags = try #require(try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [[String: Any]])
        #expect(diags.map { $0["severity"] as? String } == ["error", "warning", "warning"])
        // A `set as_of` with an error still sets it: no "`as_of` is not set" warning on top of the error.
        let s = Self.write(["s.strata": "load customers from \"\(Self.data)\"\nset as_of = \"2026-06-30\"\nsegment r where last_visit > as_of - 30 days\ncount r\n"])
        let sr = CLIRun(["check", s + "/s.strata"])
        #expect(sr.code == 1)
        #expect(!sr.err.contains("`as_of` is not set"), "\(sr.err)")
    }

    @Test func checkTypeChecksTheStatementsAroundASyntaxError() throws {
        let dir = Self.write([
            "s.strata": "load customers from \"\(Self.data)\"\nsegment a where clvv > 1\nsegment b where (clv >\n"
                + "segment c where ciity == \"深圳\"\nsegment d where b and clv > 1\ncount a\ncount c\ncount d\n",
            // A segment read only by a statement lost to a syntax error is not "never used".
            "u.strata": "load customers from \"\(Self.data)\"\nsegment vip where clv > 1\nshow vip where (age >\n",
            // Without its `load` every field would be unknown: then only the syntax error is reported.
            "l.strata": "load customers frm \"\(Self.data)\"\nsegment a where clvv > 1\ncount a\n",
        ])
        let r = CLIRun(["check", dir + "/s.strata", "--format", "json"])
        #expect(r.code == 1)
        let diags = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        // Top to bottom; `b` (whose definition did not parse) is not reported as unknown on line 5.
        #expect(diags.map { "\($0["line"] ?? ""):\($0["column"] ?? "")" } == ["2:17", "3:17", "4:17"])
        #expect(diags.map { $0["message"] as? String ?? "" }[2] == "unknown name `ciity`")
        let text = CLIRun(["check", dir + "/s.strata"])
        #expect(text.err.hasSuffix("checked 1 file: 3 errors, 0 warnings\n"), "\(text.err)")
        #expect(CLIRun(["run", dir + "/s.strata"]).code == 1)

        let u = CLIRun(["check", dir + "/u.strata"])
        #expect(u.code == 1)
        #expect(!u.err.contains("never used"), "\(u.err)")
        #expect(u.err.hasSuffix("checked 1 file: 1 error, 0 warnings\n"), "\(u.err)")

        let l = CLIRun(["check", dir + "/l.strata"])
        #expect(l.code == 1)
        #expect(l.err.contains("l.strata:1:"))
        #expect(!l.err.contains("clvv"), "\(l.err)")
    }

    @Test func schemaMistakesAreErrorsInCheckAndRun() {
        let dir = Self.write([
            "name.strata": "schema people {\n  id: string\n}\nload customers from \"\(Self.data)\"\ncount customers\n",
            "keys.strata": "schema customers {\n  id:  string key\n  clv: number key pii pii\n}\ncount customers\n",
            "field.strata": "schema customers {\n  clv:  number\n  agee: number\n  city: number\n}\nload customers from \"\(Self.data)\"\ncount customers\n",
        ])
        for command in ["check", "run"] {
            let r = CLIRun([command, dir + "/name.strata"])
            #expect(r.code == 1)
            #expect(r.err.contains("name.strata:1:8: error: schema `people` does not match `load customers`"), "\(command): \(r.err)")
        }
        let k = CLIRun(["check", dir + "/keys.strata"])
        #expect(k.code == 1)
        #expect(k.err.contains("keys.strata:3:3: error: `clv` is marked `key`, but `id` already is (\(dir)/keys.strata:2)"))
        #expect(k.err.contains("keys.strata:3:23: error: `pii` is given twice for `clv`"))
        let f = CLIRun(["run", dir + "/field.strata"])
        #expect(f.code == 3)
        #expect(f.err.contains("field.strata:3:3: error: the data in"))
        #expect(f.err.contains("field.strata:4:3: error: field `city` is declared number"))
    }

    @Test func checkReadsEveryRowAndExitsThreeOnBadData() {
        // 5 MB of rows with a ragged row far past the first 4096 (the sample `run`'s projection types
        // columns from): `check` reads every row, so it fails where `run` fails, at the same line.
        var csv = "id,clv,city\n"
        let row = String(repeating: "x", count: 60)
        for i in 0..<80_000 { csv += "C\(i),\(i),\(row)\n" }
        csv += "C-bad,1\n"
        let dir = Self.write(["data.csv": csv, "r.strata": "load customers from \"data.csv\"\nsegment big where clv > 10\ncount big\n",
                              "bad.csv": "id,clv\nC1,1\nC2\n", "b.strata": "load customers from \"bad.csv\"\ncount customers\n"])
        #expect(csv.utf8.count > TableLoader.sampleBytes)
        let c = CLIRun(["check", dir + "/r.strata"])
        let r = CLIRun(["run", dir + "/r.strata"])
        #expect(c.code == 3, "\(c.err)")
        #expect(r.code == 3)
        #expect(c.err.contains("data.csv:80002"), "\(c.err)")
        #expect(r.err.contains("data.csv:80002"), "\(r.err)")
        let b = CLIRun(["check", dir + "/b.strata"])
        #expect(b.code == 3)
        #expect(b.err.contains("bad.csv:3"))
        #expect(TableLoader.recordsEnd(Array("a,\"x\ny\"\nb\nc".utf8), records: 2, quoted: true) == 10)
        // With a schema, `check` alone reads no data; `check --data` reads that data, every row, as `run` would.
        try? "schema customers {\n  id: string key\n  clv: number\n}\nload customers from \"nowhere.csv\"\nsegment big where clv > 10\ncount big\n"
            .write(toFile: dir + "/s.strata", atomically: true, encoding: .utf8)
        #expect(CLIRun(["check", dir + "/s.strata"]).code == 0)
        let s = CLIRun(["check", dir + "/s.strata", "--data", "customers=" + dir + "/data.csv"])
        #expect(s.code == 3, "\(s.err)")
        #expect(s.err.contains("data.csv:80002"), "\(s.err)")
        try? "id,spend\nC1,1\n".write(toFile: dir + "/other.csv", atomically: true, encoding: .utf8)
        let other = CLIRun(["check", dir + "/s.strata", "--data", "customers=" + dir + "/other.csv"])
        #expect(other.code == 3, "\(other.err)")
        #expect(other.err.contains("s.strata:3:3: error: the data in"), "\(other.err)")
    }

    /// The worked repository in docs/rules-as-code.md, with no data in it, passes the CI job as written there.
    @Test func theDocumentedCIJobWorks() throws {
        var files: [String: String] = [:]
        for f in ["review.strata", "vip-program.strata", "shared/owners.strata"] {
            files[f] = try String(contentsOfFile: Repo.path("examples/" + f), encoding: .utf8)
        }
        let dir = Self.write(files)
        let doc = try String(contentsOfFile: Repo.path("docs/rules-as-code.md"), encoding: .utf8)
        let rules = [dir + "/review.strata", dir + "/vip-program.strata"]
        #expect(doc.contains("strata check --data customers=\"$EXPORT\" *.strata"))
        #expect(doc.contains("strata test --data customers=\"$EXPORT\" *.strata"))
        #expect(CLIRun(["fmt", "--check"] + rules + [dir + "/shared/owners.strata"]).code == 0)
        let check = CLIRun(["check", "--data", "customers=" + Self.data] + rules)
        #expect(check.code == 0, "\(check.err)")
        let test = CLIRun(["test", "--data", "customers=" + Self.data] + rules)
        #expect(test.code == 0, "\(test.out)\(test.err)")
        #expect(test.out.hasSuffix(" passed, 0 failed\n"))
        // The file with a schema needs no data; the one without says what it needs.
        #expect(CLIRun(["check", dir + "/review.strata"]).code == 0)
        #expect(CLIRun(["check", dir + "/vip-program.strata"]).code == 3)
    }
}
