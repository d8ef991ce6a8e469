import Foundation
import Testing
@testable import Strata

/// Helpers for the editor tests: positions written as "the n-th occurrence of a text".
enum EditorFixture {
    /// The location `delta` scalars into the `nth` occurrence of `needle` in `text` (1-based line and column).
    static func at(_ needle: String, in text: String, nth: Int = 1, delta: Int = 0) -> Strata.SourceLocation {
        var search = text.startIndex..<text.endIndex
        var found: Range<String.Index>?
        for _ in 0..<nth {
            guard let r = text.range(of: needle, range: search) else { return Strata.SourceLocation(line: 1, column: 1, offset: 0) }
            found = r
            search = r.upperBound..<text.endIndex
        }
        guard let f = found else { return Strata.SourceLocation(line: 1, column: 1, offset: 0) }
        let before = text[..<f.lowerBound].unicodeScalars
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count } ?? 0
        let offset = text[..<f.lowerBound].utf8.count
        return Strata.SourceLocation(line: line, column: column + 1 + delta, offset: offset)
    }

    /// A folder of rule files (name → text), written to disk.
    static func folder(_ files: [String: String]) -> String {
        let dir = EditorPaths.standardized(Repo.tempDir())
        for (name, text) in files {
            let path = dir + "/" + name
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let customersCSV = Repo.path("examples/data/customers.csv")

    /// The text a span covers in a file.
    static func slice(_ path: String, _ span: SourceSpan) -> String {
        SourceFile(name: path, text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "").slice(span)
    }
}

@Suite struct EditorDiagnosticsTests {
    /// The editor reports for each example exactly what `strata check` reports, with absolute file names.
    @Test(arguments: ["rfm.strata", "director-report.strata", "customer-care.strata", "churn-silence.strata"])
    func diagnosticsAreThoseOfCheck(_ name: String) {
        let path = Repo.path("examples/" + name)
        let ws = EditorWorkspace(root: Repo.path("examples"))
        let expected = Pipeline().check(path: path).diagnostics.map { d in
            var d = d
            d.file = EditorPaths.standardized(d.file)
            return d
        }
        #expect(ws.diagnostics(for: path) == expected)
        #expect(ws.diagnostics(for: path).allSatisfy { $0.file.hasPrefix("/") })
    }

    /// The unsaved text is checked, not the file: the typo of the issue gets its squiggle and help.
    @Test func aTypoInTheOpenDocumentIsReportedWithItsSuggestion() throws {
        let path = Repo.path("examples/rfm.strata")
        var ws = EditorWorkspace(root: Repo.path("examples"))
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "avg(clv where champions)", with: "avg(clvv where champions)")
        ws.open(path: path, text: text)
        // The first error is the typo (`check` goes on to say what it breaks).
        let errors = ws.diagnostics(for: path).filter { $0.severity == .error }
        #expect(errors.first?.code == .unknownName)
        #expect(errors.first?.suggestion == "did you mean `clv`?")
        #expect(errors.first.map { SourceFile(name: path, text: text).slice($0.span) } == "clvv")
        ws.close(path: path)
        #expect(ws.diagnostics(for: path).filter { $0.severity == .error }.isEmpty)
    }

    /// An included file's unsaved text is what the including file is checked with.
    @Test func includesAreReadFromTheOverlay() {
        let dir = EditorFixture.folder([
            "main.strata": "load customers from \"\(EditorFixture.customersCSV)\"\ninclude \"shared/common.strata\"\ncount vip\n",
            "shared/common.strata": "segment vip where clv > 2e6\n",
        ])
        var ws = EditorWorkspace(root: dir)
        #expect(ws.diagnostics(for: dir + "/main.strata").filter { $0.severity == .error }.isEmpty)
        ws.open(path: dir + "/shared/common.strata", text: "segment vip where clvv > 2e6\n")
        let errors = ws.diagnostics(for: dir + "/main.strata").filter { $0.severity == .error }
        #expect(errors.map(\.file) == [dir + "/shared/common.strata"])
        #expect(errors.first?.suggestion == "did you mean `clv`?")
    }

    /// `.strata.json` names the data as `--data` does, relative to itself, found in a parent folder up to the root.
    @Test func settingsNameTheData() {
        let rules = "segment vip where clv > 2e6\ncount vip\n"
        let dir = EditorFixture.folder(["rules/vip.strata": rules])
        let ws = EditorWorkspace(root: dir)
        let without = ws.diagnostics(for: dir + "/rules/vip.strata")
        #expect(without.contains { $0.severity == .error })
        let relative = EditorFixture.customersCSV.hasPrefix("/") ? EditorFixture.customersCSV : ""
        try? "{\"data\": {\"customers\": \"\(relative)\"}}".write(toFile: dir + "/.strata.json", atomically: true, encoding: .utf8)
        let with = EditorWorkspace(root: dir).diagnostics(for: dir + "/rules/vip.strata")
        var options = RunOptions()
        options.dataOverrides = ["customers": EditorFixture.customersCSV]
        #expect(with == Pipeline(options: options).check(path: dir + "/rules/vip.strata").diagnostics)
        #expect(!with.contains { $0.severity == .error })
        // Relative to the settings file.
        let local = EditorFixture.folder(["r.strata": rules, "data/c.csv": "id,clv\nC1,3000000\nC2,100\n", ".strata.json": "{\"data\": {\"customers\": \"data/c.csv\"}}"])
        #expect(EditorWorkspace(root: local).diagnostics(for: local + "/r.strata").filter { $0.severity == .error }.isEmpty)
        // One settings file for the workspace: a table a rule file does not load is left out for it.
        let shared = EditorFixture.folder([
            "r.strata": rules, "visits.strata": "load customers from \"data/c.csv\"\nload visits from \"data/v.csv\" linked by customer_id\ncount customers\n",
            "data/c.csv": "id,clv\nC1,3000000\n", "data/v.csv": "customer_id,date\nC1,2026-01-02\n",
            "data/c2.csv": "id,clv\nC1,3000000\nC2,5\n", "data/v2.csv": "customer_id,date\nC2,2026-01-02\n",
            ".strata.json": "{\"data\": {\"customers\": \"data/c2.csv\", \"visits\": \"data/v2.csv\"}}",
        ])
        #expect(EditorWorkspace(root: shared).diagnostics(for: shared + "/r.strata").filter { $0.severity == .error }.isEmpty)
        var both = RunOptions()
        both.dataOverrides = ["customers": shared + "/data/c2.csv", "visits": shared + "/data/v2.csv"]
        #expect(EditorWorkspace(root: shared).diagnostics(for: shared + "/visits.strata") == Pipeline(options: both).check(path: shared + "/visits.strata").diagnostics)
        // A settings file that is not JSON is left out: the rules are checked as without it.
        let broken = EditorFixture.folder(["r.strata": rules, ".strata.json": "{data: "])
        #expect(EditorWorkspace(root: broken).diagnostics(for: broken + "/r.strata").contains { $0.severity == .error })
    }

    /// Typing does not re-read the data: a changed document is checked against the tables already read.
    @Test func typingReusesTheTablesRead() throws {
        let path = Repo.path("examples/rfm.strata")
        var ws = EditorWorkspace(root: Repo.path("examples"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        ws.open(path: path, text: text)
        _ = ws.diagnostics(for: path)
        #expect(ws.cache.tables.hits == 0)
        ws.open(path: path, text: text + "\n# a comment typed\n")
        let again = ws.diagnostics(for: path)
        #expect(ws.cache.tables.hits == 1)
        #expect(again == ws.diagnostics(for: path))
        // Asking again about the same text reuses the whole check: no table is looked up.
        #expect(ws.cache.tables.hits == 1)
    }

    /// A table is read once while its file is unchanged, and again once it changes.
    @Test func tablesAreCachedUntilTheirFileChanges() throws {
        let dir = EditorFixture.folder(["c.csv": "id,clv\nC1,3000000\n"])
        let cache = TableCache()
        let plan = PlannedTable(name: "customers", path: dir + "/c.csv", link: nil, key: "id", place: nil, nameSpan: nil, fromCommandLine: false)
        #expect(cache.table(plan, columns: nil, declared: nil) == nil)
        let t = try TableLoader.load(path: plan.path, tableName: "customers", parallel: false)
        cache.store(t, for: plan, columns: nil, declared: nil)
        #expect(cache.table(plan, columns: nil, declared: nil)?.rowCount == 1)
        #expect(cache.table(plan, columns: ["clv"], declared: nil) == nil)
        try "id,clv\nC1,3000000\nC2,5\n".write(toFile: plan.path, atomically: true, encoding: .utf8)
        #expect(cache.table(plan, columns: nil, declared: nil) == nil)
    }
}

@Suite struct EditorNavigationTests {
    static let dir = EditorFixture.folder([
        "main.strata": """
            load customers from "\(EditorFixture.customersCSV)"
            include "shared/common.strata"
            segment 高价值 where vip and clv > 5e6
            tiers grade {
              A where 高价值
              B where vip
              C otherwise
            }
            count grade == "A"
            show grade in ["A", "B"] limit 3
            count vip
            """,
        "shared/common.strata": "segment vip where clv > 2e6\nlet big = 1e7\n",
    ])
    static let main = dir + "/main.strata"
    static let common = dir + "/shared/common.strata"
    static var mainText: String { (try? String(contentsOfFile: main, encoding: .utf8)) ?? "" }

    /// (file, text at the cursor, occurrence) → the file and text of the definition.
    static let definitions: [(String, String, Int, String, String)] = [
        (main, "vip", 1, common, "vip"),            // used in main, defined in the included file
        (main, "高价值", 2, main, "高价值"),           // a CJK name
        (main, "grade", 2, main, "grade"),
        (main, "\"A\"", 1, main, "A"),              // a label written as a text → its arm
        (main, "\"B\"", 1, main, "B"),
    ]

    @Test func definitionsAcrossIncludes() {
        let ws = EditorWorkspace(root: Self.dir)
        for (file, needle, nth, target, text) in Self.definitions {
            let fileText = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let found = ws.definition(path: file, at: EditorFixture.at(needle, in: fileText, nth: nth, delta: 1))
            #expect(found.count == 1, "\(needle)")
            #expect(found.first?.path == target, "\(needle)")
            #expect(found.first.map { EditorFixture.slice($0.path, $0.span) } == text, "\(needle)")
        }
    }

    /// References of a name defined in an included file, asked from the included file: the including file's uses too.
    @Test func referencesFromTheIncludedFile() throws {
        let ws = EditorWorkspace(root: Self.dir)
        let text = try String(contentsOfFile: Self.common, encoding: .utf8)
        let refs = ws.references(path: Self.common, at: EditorFixture.at("vip", in: text), includeDeclaration: true)
        #expect(refs.map(\.path) == [Self.main, Self.main, Self.main, Self.common])
        #expect(refs.allSatisfy { EditorFixture.slice($0.path, $0.span) == "vip" })
        let uses = ws.references(path: Self.main, at: EditorFixture.at("vip", in: Self.mainText), includeDeclaration: false)
        #expect(uses.count == 3)
        #expect(!uses.contains { $0.path == Self.common })
    }

    @Test func renameEverywhere() {
        let ws = EditorWorkspace(root: Self.dir)
        guard case .edits(let edits) = ws.rename(path: Self.main, at: EditorFixture.at("vip", in: Self.mainText), to: "贵宾") else {
            Issue.record("refused")
            return
        }
        #expect(edits.count == 4)
        #expect(Set(edits.map(\.path)) == [Self.main, Self.common])
        #expect(edits.allSatisfy { $0.newText == "贵宾" && EditorFixture.slice($0.path, $0.span) == "vip" })
        // A name that needs backticks gets them.
        if case .edits(let e) = ws.rename(path: Self.main, at: EditorFixture.at("高价值", in: Self.mainText), to: "high value") {
            #expect(e.count == 2)
            #expect(e.allSatisfy { $0.newText == "`high value`" })
        } else {
            Issue.record("refused")
        }
        // A label: its arm gets the name, the texts comparing with it the quoted text.
        if case .edits(let e) = ws.rename(path: Self.main, at: EditorFixture.at("\"A\"", in: Self.mainText, delta: 1), to: "金") {
            #expect(e.map(\.newText).sorted() == ["\"金\"", "\"金\"", "金"])
        } else {
            Issue.record("refused")
        }
    }

    /// (cursor text, new name, words the refusal must contain)
    static let refusals: [(String, String, String)] = [
        ("vip", "where", "keyword"),
        ("vip", "big", "already defined"),
        ("vip", "clv", "field"),
        ("vip", "a`b", "not a valid name"),
        ("vip", "  ", "not a valid name"),
        ("clv", "money", "only segments"),
        ("\"A\"", "B", "already has a label"),
    ]

    @Test(arguments: refusals)
    func renameRefuses(_ cursor: String, _ name: String, _ reason: String) {
        let ws = EditorWorkspace(root: Self.dir)
        let r = ws.rename(path: Self.main, at: EditorFixture.at(cursor, in: Self.mainText, delta: 1), to: name)
        guard case .refused(let why) = r else {
            Issue.record("\(cursor) → \(name) was not refused")
            return
        }
        #expect(why.contains(reason), "\(why)")
    }

    @Test func renameIsRefusedWhileAFileHasSyntaxErrors() {
        var ws = EditorWorkspace(root: Self.dir)
        ws.open(path: Self.common, text: "segment vip where clv > 2e6\nlet big = \n")
        if case .refused(let why) = ws.rename(path: Self.main, at: EditorFixture.at("vip", in: Self.mainText), to: "v") {
            #expect(why.contains("syntax errors"))
        } else {
            Issue.record("not refused")
        }
    }

    /// The outline of rfm.strata: every load, segment, tiers (with labels), let and derive, in order.
    @Test func symbolsOfRFM() {
        let ws = EditorWorkspace(root: Repo.path("examples"))
        let symbols = ws.symbols(path: Repo.path("examples/rfm.strata"))
        #expect(symbols.map(\.name) == ["customers", "buyers", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score",
                                        "rfm_segment", "champions", "loyal", "potential", "at_risk", "hibernating", "champion_clv", "hibernating_clv"])
        let tiers = symbols.first { $0.kind == .tier }
        #expect(tiers?.children.map(\.name) == ["champions", "at_risk", "loyal", "potential", "hibernating", "others"])
        #expect(tiers?.children.first?.detail == "where r_score >= 4 and f_score >= 4 and m_score >= 4")
        #expect(symbols.first?.kind == .table)
        #expect(symbols.allSatisfy { $0.span.start.offset <= $0.selectionSpan.start.offset && $0.selectionSpan.end.offset <= $0.span.end.offset })
        let summaries = ws.symbols(path: Repo.path("examples/customer-summary.strata")).filter { $0.kind == .summary }
        #expect(!summaries.isEmpty)
    }
}
