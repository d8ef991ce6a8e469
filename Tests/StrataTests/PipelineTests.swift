import Foundation
import Testing
@testable import Strata

/// The compile step needs no data: a catalog is enough, and everything the rules decide is in the Program.
@Suite struct ProgramTests {
    static let catalog = Catalog(tables: [{
        var t = TableSchema(name: "customers", fields: [
            FieldSchema(name: "cid", type: .string), FieldSchema(name: "name", type: .string),
            FieldSchema(name: "phone", type: .string), FieldSchema(name: "birthday", type: .date),
            FieldSchema(name: "clv", type: .number), FieldSchema(name: "city", type: .string),
        ], key: "cid")
        t.personal = ["birthday"]
        return t
    }()])

    static func compile(_ text: String, lint: Bool = false) -> Program {
        Compiler.compile(SourceSet.read(SourceFile(name: "r.strata", text: text), bareExpressions: true), catalog: catalog, lint: lint)
    }

    static func columns(_ c: CompiledStatement) -> [OutputColumn] {
        switch c.checked.kind {
        case .show(_, _, _, _, let cols), .export(_, _, _, let cols), .expression(_, _, _, let cols): return cols
        case .setAsOf, .let, .derive, .segment, .tiers, .count, .assert, .summarize, .print, .overlap: return []
        }
    }

    @Test func defaultColumnsAreDecidedWithoutData() throws {
        let p = Self.compile("derive big = clv > 1e6\nsegment vip where big and city == \"深圳\"\nshow vip order by clv desc\n")
        #expect(p.isValid, "\(p.diagnostics)")
        let show = try #require(p.statements.last)
        // The declared key, the name, then what the rule reads through the segment, then the order key.
        #expect(Self.columns(show).map(\.header) == ["cid", "name", "big", "city", "clv"])
        #expect(!p.printsSummary)
    }

    @Test func personalDataIsMarkedByNameByDeclarationAndThroughDefinitions() throws {
        let p = Self.compile("derive tail = lower(name)\nlet first_phone = min(phone)\nshow clv > 0 columns phone, birthday, tail, clv\nfirst_phone\n")
        #expect(p.isValid, "\(p.diagnostics)")
        let kinds = Self.columns(p.statements[2]).map(\.personal)
        #expect(kinds == [.phone, .name, .name, nil])
        guard case .expression(_, _, let personal, _) = p.statements[3].checked.kind else {
            Issue.record("not an expression")
            return
        }
        #expect(personal == .phone)
    }

    @Test func exportWithoutColumnsWritesEveryFieldAndDefinitionSoFar() throws {
        let p = Self.compile("derive d = clv * 2\nexport clv > 0 to \"out/x.csv\"\nderive later = 1\n")
        #expect(p.isValid)
        guard case .export(_, _, let path, let cols) = p.statements[1].checked.kind else {
            Issue.record("not an export")
            return
        }
        #expect(cols.map(\.header) == ["cid", "name", "phone", "birthday", "clv", "city", "d"])
        // Relative to the rule file's folder (here the current one).
        #expect(path == "out/x.csv")
    }

    @Test func aProgramWithoutOutputPrintsTheSummaryOfItsClassifications() {
        let p = Self.compile("segment vip where clv > 1\ntiers t {\n  A where clv > 5\n  B otherwise\n}\nlet n = count()\n")
        #expect(p.printsSummary)
        #expect(p.classifications.map(\.name) == ["vip", "t"])
    }

    @Test func statementRolesCoverEveryStatementKeyword() {
        // Every keyword that starts a statement has a role, and the parser resynchronises at exactly those.
        let starters = Keyword.allCases.filter { $0.statementRole != nil }
        #expect(Set(starters) == Keyword.statementStarts)
        #expect(starters.count == 15)  // load set let derive segment tiers show count export assert include schema summarize print overlap
        #expect(StatementRole.allCases.filter(\.skippableAfterSyntaxError) == [.definition, .output, .assertion])
    }
}

/// `strata check` without data and `strata run` with data give the same diagnostics, because they run
/// the same compiler: every checker golden case is compiled both ways.
@Suite struct CheckMatchesRunTests {
    @Test(arguments: CheckerGoldenTests.cases)
    func sameErrors(_ name: String) throws {
        let text = try String(contentsOf: CheckerGoldenTests.folder.appendingPathComponent(name + ".strata"), encoding: .utf8)
        let source = SourceFile(name: name + ".strata", text: text)
        let ran = Pipeline(preloaded: CheckerGoldenTests.schema).run(source)
        let t = CheckerGoldenTests.schema
        let catalog = Catalog(tables: [TableSchema(name: t.name, fields: t.columns.map { FieldSchema(name: $0.name, type: $0.type) })])
        let checked = Compiler.compile(SourceSet.read(source), catalog: catalog)
        let errors = { (ds: [Diagnostic]) in ds.filter { $0.severity == .error }.map(\.headline) }
        #expect(!errors(ran.diagnostics).isEmpty)
        #expect(errors(ran.diagnostics) == errors(checked.diagnostics))
    }
}

/// Rule files are read one way: the same message for run, check, test and fmt, and for an include.
@Suite struct RuleSourceTests {
    static let gb18030: [UInt8] = Array("segment a where clv > 1\n".utf8) + [0xC9, 0xEE, 0xDB, 0xDA, 0x0A]

    @Test func aFileInAnotherEncodingIsOneMessageInEveryCommand() {
        let dir = Repo.tempDir()
        FileManager.default.createFile(atPath: dir + "/gb.strata", contents: Data(Self.gb18030))
        for command in ["run", "check", "test", "fmt"] {
            let r = CLIRun([command, dir + "/gb.strata"])
            #expect(r.code != 0, "\(command)")
            #expect(r.err.components(separatedBy: "error:").count == 2, "\(command): \(r.err)")
            #expect(r.err.contains("gb.strata:2: error: the rules file is not UTF-8"), "\(command): \(r.err)")
        }
    }

    @Test func anIncludedFileIsCheckedForItsEncodingToo() {
        let dir = Repo.tempDir()
        FileManager.default.createFile(atPath: dir + "/gb.strata", contents: Data(Self.gb18030))
        try? "include \"gb.strata\"\n".write(toFile: dir + "/main.strata", atomically: true, encoding: .utf8)
        for command in ["run", "check"] {
            let r = CLIRun([command, dir + "/main.strata"])
            #expect(r.code == 1)
            #expect(r.err.contains("main.strata:1:9: error: included file `gb.strata` is not UTF-8 (line 2)"), "\(command): \(r.err)")
            #expect(r.err.components(separatedBy: "error:").count == 2, "\(command): \(r.err)")
        }
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let source = try RuleSource.decode([0xEF, 0xBB, 0xBF] + Array("count x\n".utf8), name: "b.strata").get()
        #expect(source.text == "count x\n")
    }

    @Test func aMissingFileNamesItWithoutALine() {
        let r = CLIRun(["run", "/nonexistent/rules.strata"])
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("/nonexistent/rules.strata: error: cannot read rules file"))
    }
}

/// Layers: the language half never reaches into the store or the evaluator, the store never into the
/// language or evaluation, evaluation never into output. Checked on the source text, by the types each
/// folder declares.
@Suite struct LayerTests {
    static let root = Repo.path("Sources/Strata")
    /// Each folder and the folders whose types it must not name.
    static let forbidden: [(String, [String])] = [
        ("Common", ["Syntax", "Semantics", "Store", "Eval", "Output", "Pipeline", "REPL", "CLI"]),
        ("Syntax", ["Semantics", "Store", "Eval", "Output", "Pipeline", "REPL", "CLI"]),
        ("Semantics", ["Store", "Eval", "Output", "Pipeline", "REPL", "CLI"]),
        ("Store", ["Semantics", "Eval", "Output", "Pipeline", "REPL", "CLI"]),
        ("Eval", ["Output", "Pipeline", "REPL", "CLI"]),
        // The SQL back end takes a checked Program, as the evaluator does, and nothing of the evaluator's.
        ("SQL", ["Store", "Eval", "Output", "Pipeline", "REPL", "CLI"]),
        // The editor features are protocol-free: the LSP layer converts to and from them.
        ("Editor", ["LSP", "REPL", "CLI"]),
        // The protocol layer converts for the editor features; the command line only starts it.
        ("LSP", ["REPL", "CLI"]),
    ]

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).filter { $0.hasSuffix(".swift") }.map { root + "/" + folder + "/" + $0 }
    }

    /// Code without comments and string literals.
    static func code(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n").map { line in
            var l = line
            if let c = l.range(of: "//") { l = String(l[..<c.lowerBound]) }
            return l.replacingOccurrences(of: "\"[^\"]*\"", with: "\"\"", options: .regularExpression)
        }.joined(separator: "\n")
    }

    /// The types, enums and aliases a folder declares.
    static func declared(_ folder: String) -> Set<String> {
        var out: Set<String> = []
        let regex = try? NSRegularExpression(pattern: "(?:struct|enum|class|typealias|protocol)\\s+([A-Z][A-Za-z0-9]*)")
        for f in files(folder) {
            let c = code(f)
            for m in regex?.matches(in: c, range: NSRange(c.startIndex..., in: c)) ?? [] {
                if let r = Range(m.range(at: 1), in: c) { out.insert(String(c[r])) }
            }
        }
        return out
    }

    @Test func noFolderNamesTheTypesOfALaterLayer() {
        #expect(Self.declared("Store").contains("Table"))
        #expect(Self.declared("Eval").contains("Runner"))
        for (folder, others) in Self.forbidden {
            let names = others.reduce(into: Set<String>()) { $0.formUnion(Self.declared($1)) }.subtracting(Self.declared(folder))
            for f in Self.files(folder) {
                let c = Self.code(f)
                for n in names where c.range(of: "\\b\(n)\\b", options: .regularExpression) != nil {
                    Issue.record("\((f as NSString).lastPathComponent) (\(folder)) names \(n) from a later layer")
                }
            }
        }
    }
}
