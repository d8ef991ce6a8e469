import Foundation
import Testing
@testable import Strata

/// Issue 11 item 2, second half: a few bad cells do not make a column text, a schema type forces the
/// parse, an all-empty column takes its type from its use, type errors say how to read text as a
/// number, and integers beyond 2⁵³ are never rounded (docs/language.md, "Real-world files").
@Suite struct TolerantColumnTests {
    /// `id,v` rows with `cells` under `v`.
    static func csv(_ cells: [String]) -> String {
        "id,v\n" + cells.enumerated().map { "C\($0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
    }

    static func numbers(_ n: Int, bad: [Int: String]) -> [String] {
        (0..<n).map { bad[$0] ?? String(100 + $0) }
    }

    @Test(arguments: [0, 1, 500, 999])
    func oneBadCellAmongAThousandNumbersIsNull(at row: Int) throws {
        let t = try Load.csv(Self.csv(Self.numbers(1000, bad: [row: "n/a"])))
        #expect(t.column(named: "v")?.type == .number)
        let values = Load.values(t, "v")
        #expect(values[row] == .null)
        #expect(values[(row + 1) % 1000] == .number(Double(100 + (row + 1) % 1000)))
        #expect(t.unreadCells["v"] == UnreadCells(count: 1, line: row + 2, cell: "n/a", type: .number, declared: false))
    }

    @Test func aDateColumnWithAnUnknownCellStaysADateColumn() throws {
        let cells = (0..<300).map { $0 == 150 ? "unknown" : "2026-01-\(String(format: "%02d", 1 + $0 % 28))" }
        let t = try Load.csv(Self.csv(cells))
        #expect(t.column(named: "v")?.type == .date)
        #expect(Load.values(t, "v")[150] == .null)
        #expect(t.unreadCells["v"]?.count == 1 && t.unreadCells["v"]?.line == 152)
    }

    /// Columns that must stay text, each with the reason.
    static let mixed: [[String]] = {
        // Names: never numbers.
        let names: [String] = (0..<500).map { (i: Int) -> String in "张" + String(i) }
        // Room numbers with a `12A` in every fifty: more than one per hundred.
        let rooms: [String] = (0..<500).map { (i: Int) -> String in i % 50 == 7 ? String(i) + "A" : String(1200 + i) }
        // A small file with one stray word: too few numbers to call the word a slip.
        let small: [String] = (0..<30).map { (i: Int) -> String in i == 10 ? "n/a" : String(i) }
        // Two bad cells at the top, before a hundred numbers could excuse the second.
        let top: [String] = ["n/a", "-"] + (0..<1000).map { (i: Int) -> String in String(i) }
        // A bool column does not tolerate a stray cell.
        let flags: [String] = (0..<500).map { (i: Int) -> String in i == 3 ? "maybe" : (i % 2 == 0 ? "Y" : "N") }
        return [names, rooms, small, top, flags]
    }()

    @Test(arguments: mixed)
    func mixedColumnsStayText(cells: [String]) throws {
        let t = try Load.csv(Self.csv(cells))
        #expect(t.column(named: "v")?.type == .string)
        #expect(t.unreadCells.isEmpty)
    }

    @Test func theRuleCountsDownTheFile() {
        #expect(ColumnStats.tolerates(misses: 1, seen: 0))
        #expect(!ColumnStats.tolerates(misses: 2, seen: 99))
        #expect(ColumnStats.tolerates(misses: 2, seen: 100))
        #expect(ColumnStats.tolerates(misses: 11, seen: 1000))
        #expect(!ColumnStats.tolerates(misses: 12, seen: 1000))
    }

    @Test func aTextColumnsNoteNamesTheCellThatMadeItText() throws {
        let cells = (0..<30).map { $0 == 10 ? "n/a" : String($0) }
        let t = try Load.csv(Self.csv(cells))
        #expect(t.typeNotes["v"] == TypeNote(line: 12, cell: "n/a", expected: .number, seen: 10))
    }

    /// Rows in ranges read on several cores: the misses of every range are judged together, in file order,
    /// and the answer is the one a single range gives.
    static func ranges(_ bad: (Int) -> String?) throws -> (parallel: Table, single: Table) {
        let dir = Repo.tempDir()
        let rows = (0..<200_000).map { (i: Int) -> String in "C\(i)," + (bad(i) ?? String(i)) + ",padding-padding-padding" }
        try ("id,v,pad\n" + rows.joined(separator: "\n") + "\n").write(toFile: dir + "/big.csv", atomically: true, encoding: .utf8)
        return (try TableLoader.load(path: dir + "/big.csv", tableName: "c", parallel: true),
                try TableLoader.load(path: dir + "/big.csv", tableName: "c", parallel: false))
    }

    @Test func slipsInSeveralRangesAreNull() throws {
        let (parallel, single) = try Self.ranges { $0 == 60_000 ? "n/a" : $0 == 190_000 ? "-" : nil }
        #expect(parallel.column(named: "v")?.type == .number)
        #expect(parallel.unreadCells["v"] == UnreadCells(count: 2, line: 60_002, cell: "n/a", type: .number, declared: false))
        #expect(parallel.unreadCells == single.unreadCells)
        #expect(Load.values(parallel, "v") == Load.values(single, "v"))
    }

    @Test(arguments: [
        // One in fifty from the top: too many from the hundredth row on, text.
        (0, ValueType.string),
        // One in fifty from row 150,000: 1,000 slips after 150,000 numbers are within one per hundred.
        (150_000, .number),
    ])
    func manySlipsAreJudgedDownTheWholeFile(from start: Int, type: ValueType) throws {
        let (parallel, single) = try Self.ranges { $0 >= start && $0 % 50 == 7 ? "x\($0)" : nil }
        #expect(parallel.column(named: "v")?.type == type)
        #expect(single.column(named: "v")?.type == type)
        #expect(parallel.unreadCells == single.unreadCells)
        #expect(Load.values(parallel, "v") == Load.values(single, "v"))
    }

    @Test func jsonColumnsFollowTheSameRule() throws {
        let objects = (0..<300).map { i in i == 42 ? "{\"v\": \"n/a\"}" : "{\"v\": \(i)}" }
        let t = try TableLoader.loadJSON(bytes: Array(("[" + objects.joined(separator: ",\n") + "]").utf8), name: "t.json", tableName: "c", lines: false)
        #expect(t.column(named: "v")?.type == .number)
        #expect(Load.values(t, "v")[42] == .null)
        #expect(t.unreadCells["v"] == UnreadCells(count: 1, line: 43, cell: "n/a", type: .number, declared: false))
        let mixed = try TableLoader.loadJSON(bytes: Array("[{\"v\": 1}, {\"v\": \"a\"}, {\"v\": \"b\"}]".utf8), name: "t.json", tableName: "c", lines: false)
        #expect(mixed.column(named: "v")?.type == .string)
    }
}

@Suite struct CellWarningTests {
    static func run(_ rules: String, files: [String: String], args: [String] = []) -> CLIRun {
        let dir = Repo.tempDir()
        for (name, text) in files { _ = CLITests.write(text, name, in: dir) }
        let path = CLITests.write(rules, "rules.strata", in: dir)
        return CLIRun(["run", path] + args)
    }

    static let data = TolerantColumnTests.csv(TolerantColumnTests.numbers(1000, bad: [500: "n/a", 700: "未知"]))

    @Test func oneWarningPerColumnWithCountLineAndCell() {
        let r = Self.run("load customers from \"c.csv\"\ncount v > 1000\n", files: ["c.csv": Self.data])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("v > 1000"))
        let warnings = r.err.components(separatedBy: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("2 cells of `v` are not a number and are read as null (first: ") == true)
        #expect(warnings.first?.contains("c.csv:502, `n/a`); the other cells are numbers") == true)
    }

    @Test func strictRefusesTheDataWithExit3() {
        let r = Self.run("load customers from \"c.csv\"\ncount v > 1000\n", files: ["c.csv": Self.data], args: ["--strict"])
        #expect(r.code == 3)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("error: 2 cells of `v` are not a number"))
        // Clean data runs as without the flag.
        let clean = Self.run("load customers from \"c.csv\"\ncount v > 1000\n",
                             files: ["c.csv": TolerantColumnTests.csv(TolerantColumnTests.numbers(1000, bad: [:]))], args: ["--strict"])
        #expect(clean.code == 0 && clean.err.isEmpty, "\(clean.err)")
    }

    @Test func checkStrictExits3OnADataWarning() {
        let dir = Repo.tempDir()
        _ = CLITests.write(Self.data, "c.csv", in: dir)
        let path = CLITests.write("load customers from \"c.csv\"\nsegment big where v > 1000\ncount big\n", "rules.strata", in: dir)
        #expect(CLIRun(["check", path]).code == 0)
        let strict = CLIRun(["check", path, "--strict"])
        #expect(strict.code == 3)
        #expect(strict.err.contains("cells-read-as-null") || strict.err.contains("2 cells of `v`"))
    }

    @Test func aPersonalCellIsMaskedInTheWarning() {
        let cells = (0..<200).map { $0 == 20 ? "王小明" : String($0) }
        let text = "id,name\n" + cells.enumerated().map { "C\($0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
        let r = Self.run("load customers from \"c.csv\"\ncount name > 100\n", files: ["c.csv": text])
        #expect(r.err.contains("1 cell of `name` is not a number"), "\(r.err)")
        #expect(!r.err.contains("王小明"))
    }
}

@Suite struct DeclaredTypeTests {
    static let data = "id,spend,zip,when\nC1,100,007,2026-01-01\nC2,n/a,51800,never\nC3,\"1,200\",\"1,200\",2026-02-01\n"

    @Test func aSchemaTypeForcesTheParse() throws {
        let t = try TableLoader.loadCSV(bytes: Array(Self.data.utf8), name: "c.csv", tableName: "customers",
                                        types: ["spend": .number, "zip": .string, "when": .date])
        #expect(Load.values(t, "spend") == [.number(100), .null, .number(1200)])
        // A declared string keeps the text as written, where inference would make `51800` a number.
        #expect(Load.values(t, "zip") == [.string("007"), .string("51800"), .string("1,200")])
        #expect(Load.values(t, "when")[1] == .null)
        #expect(t.unreadCells["spend"] == UnreadCells(count: 1, line: 3, cell: "n/a", type: .number, declared: true))
        #expect(t.unreadCells["when"]?.declared == true)
    }

    @Test func aRunWithASchemaWarnsAndCounts() {
        let rules = """
            load customers from "c.csv"
            schema customers {
              id: string key
              spend: number
              zip: string
              when: date
            }
            count spend > 150

            """
        let r = CellWarningTests.run(rules, files: ["c.csv": Self.data], args: ["--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("spend > 150,1,"))
        #expect(r.err.contains("1 cell of `spend` is not a number and is read as null"))
        #expect(r.err.contains("the schema declares `spend: number`"))
    }

    @Test func aDeclaredColumnWithNoCellOfItsTypeIsTheWrongColumn() {
        let rules = "load customers from \"c.csv\"\nschema customers {\n  id: string key\n  spend: number\n  zip: string\n  when: number\n}\ncount spend > 1\n"
        let r = CellWarningTests.run(rules, files: ["c.csv": "id,spend,zip,when\nC1,1,a,x\nC2,2,b,y\n"])
        #expect(r.code == 3)
        #expect(r.err.contains("field `when` is declared number but the data holds string values"))
    }

    @Test func jsonDeclaredTypes() throws {
        let json = "[{\"a\": \"1,200\", \"b\": 7, \"c\": \"是\"}, {\"a\": true, \"b\": 8, \"c\": false}]"
        let t = try TableLoader.loadJSON(bytes: Array(json.utf8), name: "t.json", tableName: "c", lines: false,
                                         types: ["a": .number, "b": .string, "c": .bool])
        #expect(Load.values(t, "a") == [.number(1200), .null])
        #expect(Load.values(t, "b") == [.string("7"), .string("8")])
        #expect(Load.values(t, "c") == [.bool(true), .bool(false)])
        #expect(t.unreadCells["a"]?.count == 1)
    }
}

@Suite struct EmptyColumnTests {
    static let rules = """
        load customers from "c.csv"
        segment x where bonus > 100
        segment y where note == "a"
        derive b2 = coalesce(bonus, 5) * 2
        count x
        count y
        count bonus is null
        count b2 == 10

        """

    @Test(arguments: ["id,bonus,note\nC1,,\nC2,,\n", "id,bonus,note\n"])
    func anEmptyColumnTakesItsTypeFromItsUse(data: String) {
        let r = CellWarningTests.run(Self.rules, files: ["c.csv": data], args: ["--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        let rows = data.split(separator: "\n").count - 1
        #expect(r.out.contains("x,0,"))
        #expect(r.out.contains("y,0,"))
        #expect(r.out.contains("bonus is null,\(rows),"))
        #expect(r.out.contains("b2 == 10,\(rows),"))
    }

    @Test func theCatalogGivesItNoTypeAndASchemaGivesItOne() throws {
        let t = try Load.csv("id,bonus\nC1,\n")
        #expect(DataBinding.schema(of: t, declared: nil).field("bonus")?.type == .null)
        let dir = Repo.tempDir()
        _ = CLITests.write("id,bonus\nC1,\n", "c.csv", in: dir)
        let path = CLITests.write("load customers from \"c.csv\"\nschema customers {\n  id: string key\n  bonus: number\n}\nsegment s where bonus == \"a\"\n", "r.strata", in: dir)
        let r = CLIRun(["check", path])
        #expect(r.code == 1)
        #expect(r.err.contains("cannot compare number `bonus` with string"))
    }

    @Test func aUseThatNeedsTheFieldsOwnTypeIsAnError() {
        let r = CellWarningTests.run("load customers from \"c.csv\"\nderive b = bonus\n", files: ["c.csv": "id,bonus\nC1,\n"])
        #expect(r.code == 1)
    }
}

@Suite struct TextToNumberTests {
    @Test func typeErrorsNeverSuggestQuotingANumber() {
        let cells = (0..<30).map { $0 == 10 ? "n/a" : String(20 + $0) }
        let data = "id,age,city\n" + cells.enumerated().map { "C\($0.offset),\($0.element),深圳" }.joined(separator: "\n") + "\n"
        let r = CellWarningTests.run("load customers from \"c.csv\"\ncount age > 30\ncount city == 3\nlet s = sum(age)\nderive d = age * 2\n", files: ["c.csv": data])
        #expect(r.code == 1)
        #expect(!r.err.contains("quote"))
        #expect(r.err.contains("`age` was read as text: line 12 has `n/a`, which is not a number (the 10 cells above it are); read it as numbers with `schema customers { age: number }` (cells that are not become null), or convert it: `number(age)`"))
        #expect(r.err.contains("`city` is text; convert it: `number(city)` (null where it is no number)"))
        // Arithmetic and aggregates give the same advice.
        #expect(r.err.components(separatedBy: "or convert it: `number(age)`").count == 4)
    }

    @Test(arguments: [
        ("\"1,200\"", Value.number(1200)), ("\"¥3万\"", .number(30_000)), ("\"85%\"", .number(0.85)), ("\"１２３\"", .number(123)),
        ("\"007\"", .number(7)), ("\"n/a\"", .null), ("\"12345678901234567\"", .null), ("42", .number(42)), ("null", .null),
    ])
    func numberReadsTextAsTheLoaderDoes(_ argument: String, _ expected: Value) {
        let (s, r) = TestData.run("let x = number(\(argument))\n", on: TestData.table([("id", [.string("C1")])]))
        #expect(r.diagnostics.isEmpty, "\(r.renderedDiagnostics)")
        #expect(s.scalars["x"] == expected)
    }

    @Test func numberOfATextField() {
        let t = TestData.table([("v", [.string("1,200"), .string("x"), .null, .string("85%")])])
        #expect(TestData.column("n", "derive n = number(v)\n", on: t) == [.number(1200), .null, .null, .number(0.85)])
    }
}

@Suite struct WideIntegerTests {
    @Test(arguments: [
        // 17–19 digits, also negative, grouped or with a currency sign: text, exactly as written.
        ["12345678901234567", "5"], ["-12345678901234567", "1.5"], ["\"1,234,567,890,123,456,789\"", "7"], ["¥12345678901234567", "7"],
    ])
    func csvIntegersBeyond2To53AreText(cells: [String]) throws {
        let t = try Load.csv("k,v\n" + cells.map { "x," + $0 }.joined(separator: "\n") + "\n")
        #expect(t.column(named: "v")?.type == .string)
        #expect(t.wideIntegers["v"]?.line == 2)
    }

    @Test(arguments: [["-9007199254740992", "5"], ["1.2345678901234567e18", "5"], ["12345678901234567.0", "5"]])
    func exactNumbersStayNumbers(cells: [String]) throws {
        let t = try Load.csv("k,v\n" + cells.map { "x," + $0 }.joined(separator: "\n") + "\n")
        #expect(t.column(named: "v")?.type == .number)
        #expect(t.wideIntegers.isEmpty)
    }

    @Test func theRunSaysSoAndTheTypeErrorNamesTheCell() {
        let data = "id,card\nC1,6222021234567890123\nC2,6222021234567890124\n"
        let r = CellWarningTests.run("load customers from \"c.csv\"\ncount card == \"6222021234567890124\"\ncount card > 1\n", files: ["c.csv": data])
        #expect(r.code == 1)
        #expect(r.err.contains("`card` was read as text: line 2 has `6222021234567890123`, an integer beyond 2^53, which no number holds exactly"), "\(r.err)")
        let ok = CellWarningTests.run("load customers from \"c.csv\"\ncount card == \"6222021234567890124\"\n", files: ["c.csv": data], args: ["--format", "csv"])
        #expect(ok.code == 0)
        #expect(ok.out.contains(",1,"))
        #expect(ok.err.contains("`card` in") && ok.err.contains("is read as text: it holds integers beyond 2^53 (line 2: `6222021234567890123`)"))
    }
}

extension WideIntegerTests {
    @Test func jsonNamesTheFirstWideIntegerWithItsLine() throws {
        let json = "[\n{\"order\": 5},\n{\"order\": 12345678901234567}\n]"
        let t = try TableLoader.loadJSON(bytes: Array(json.utf8), name: "t.json", tableName: "c", lines: false)
        #expect(t.column(named: "order")?.type == .string)
        #expect(t.wideIntegers["order"]?.cell == "12345678901234567")
        #expect(t.wideIntegers["order"]?.line == 3)
    }
}

extension CellWarningTests {
    @Test func aLoadAtTheREPLPromptWarnsToo() {
        let dir = Repo.tempDir()
        let path = CLITests.write(Self.data, "c.csv", in: dir)
        let r = CLIRun(["repl"], input: "load customers from \"\(path)\"\ncount v > 1000\n")
        #expect(r.err.contains("2 cells of `v` are not a number and are read as null"), "\(r.err)")
        #expect(r.out.contains("v > 1000     99"), "\(r.out)")
    }
}

extension DeclaredTypeTests {
    /// A table already in memory (an embedding app's, or the REPL's when a schema is typed after the
    /// data) is read as its declared types the way a load would be.
    @Test func aLoadedTextColumnIsReadAsItsDeclaredType() {
        let t = TestData.table([("id", [.string("C1"), .string("C2"), .string("C3")]), ("clv", [.string("¥1,200"), .string("n/a"), .string("300")])])
        let (s, r) = TestData.run("schema customers {\n  id: string key\n  clv: number\n}\nsegment big where clv > 500\n", on: t)
        #expect(r.exitCode == 0, "\(r.renderedDiagnostics)")
        #expect(s.segments["big"]?.indices == [0])
        #expect(r.diagnostics.map(\.code) == [.cellsReadAsNull])
        let repl = CLIRun(["repl"], input: "load customers from \"\(CellWarningTests.textFile())\"\nschema customers {\n  id: string key\n  v: number\n}\ncount v > 1000\n")
        #expect(repl.err.contains("1 cell of `v` is not a number and is read as null (first: "), "\(repl.err)")
        #expect(repl.out.contains("v > 1000      2"), "\(repl.out)")
    }
}

extension CellWarningTests {
    /// A small file whose `v` is text (a stray word among too few numbers to excuse it).
    static func textFile() -> String {
        CLITests.write("id,v\nC1,500\nC2,n/a\nC3,1500\nC4,2000\n", "t.csv", in: Repo.tempDir())
    }
}
