import Foundation
import Testing
@testable import Strata

/// Completion and hover on rule files being typed: the text is the open document, `|` marks the cursor.
@Suite struct EditorCompletionTests {
    static let examples = Repo.path("examples")
    static let path = Repo.path("examples/editor-completion.strata")
    static let head = """
        load customers from "data/customers.csv"
        load visits from "data/visits.csv" linked by customer_id
        set as_of = 2026-06-30
        segment owners where purchases >= 1
        derive recency = days_between(last_visit, as_of)
        let big = 200万
        tiers grade {
          A where clv >= 5e6
          B otherwise
        }

        """

    /// The completions at the `|` of `head + text`.
    static func complete(_ text: String) -> [EditorCompletion] {
        let full = head + text
        var ws = EditorWorkspace(root: examples)
        ws.open(path: path, text: full.replacingOccurrences(of: "|", with: ""))
        return ws.completions(path: path, at: EditorFixture.at("|", in: full))
    }

    /// (text with the cursor, labels that must be offered, labels that must not)
    static let cases: [(String, [String], [String])] = [
        ("|", ["segment", "tiers", "load", "show", "count"], ["clv", "and"]),                  // a statement starts
        ("seg|", ["segment"], ["show", "clv"]),
        ("segment x |", ["where"], ["clv", "segment"]),
        ("segment x where |", ["clv", "owners", "recency", "big", "grade", "days_between", "visits", "not"], ["segment", "where"]),
        ("segment x where cl|", ["clv"], ["city", "owners"]),
        ("segment x where clv |", ["and", "or", "between", "in", "is"], ["clv", "segment"]),
        ("segment x where count(visits.|", ["date"], ["clv", "city", "id"]),                    // only that table's fields
        ("segment x where last_visit >= as_of - 90 |", ["days", "months", "weeks"], ["clv", "and"]),
        ("segment x where grade == |", ["\"A\"", "\"B\""], ["clv"]),
        ("segment x where grade in [\"A\", |", ["\"A\"", "\"B\""], ["clv"]),
        ("show owners |", ["limit", "order", "columns"], ["clv"]),
        ("show owners order |", ["by"], ["clv"]),
        ("summarize owners |", ["by", "columns"], ["limit 3"]),
        ("count owners |", ["by"], ["clv"]),
        ("load x |", ["from"], ["clv"]),
        ("derive |", [], ["clv", "segment"]),                                                    // a new name: nothing to offer
        ("tiers t {\n  X |", ["where", "otherwise"], ["clv"]),
        ("schema customers {\n  clv: |", ["number", "string", "date", "bool"], ["clv"]),
        ("segment x where avg(clv |", ["where", "by", "and"], ["segment"]),
    ]

    @Test(arguments: cases)
    func offered(_ text: String, _ wanted: [String], _ unwanted: [String]) {
        let labels = Set(Self.complete(text).map(\.label))
        for w in wanted { #expect(labels.contains(w), "\(text): \(w) missing from \(labels.sorted().prefix(12))") }
        for u in unwanted { #expect(!labels.contains(u), "\(text): \(u) offered") }
    }

    @Test func itemsCarryTypesSignaturesAndSnippets() {
        let items = Self.complete("segment x where |")
        #expect(items.first { $0.label == "clv" }?.detail == "number · customers")
        #expect(items.first { $0.label == "clv" }?.kind == .field)
        #expect(items.first { $0.label == "recency" }?.detail == "derived field: number")
        #expect(items.first { $0.label == "owners" }?.kind == .segment)
        #expect(items.first { $0.label == "days_between" }?.detail == ScalarFunction.days_between.signature.signature)
        // `visits` is both a customer field and the visits table.
        #expect(items.filter { $0.label == "visits" }.map(\.kind) == [.field, .table])
        let date = Self.complete("segment x where count(visits.|").first { $0.label == "date" }
        #expect(date?.detail == "date · visits")
        let snippet = Self.complete("|").first { $0.kind == .snippet && $0.label == "segment" }
        #expect(snippet?.insertText == "segment ${1:name} where ${2:condition}")
        #expect(snippet?.isSnippet == true)
    }

    /// Every function the checker knows has a signature: completion and hover cannot lack one.
    @Test func everyFunctionHasASignature() {
        for f in Checker.functionNames { #expect(Checker.signature(of: f) != nil, "\(f)") }
        #expect(Checker.signature(of: "nosuch") == nil)
    }

    /// A name that must be written in backticks is inserted with them.
    @Test func backtickedNames() {
        var ws = EditorWorkspace(root: Self.examples)
        let text = "load customers from \"data/customers.csv\"\nsegment `high value` where clv > 5e6\ncount "
        ws.open(path: Self.path, text: text)
        let item = ws.completions(path: Self.path, at: Strata.SourceLocation(line: 3, column: 7, offset: 0)).first { $0.label == "high value" }
        #expect(item?.insertText == "`high value`")
    }

    /// Half-typed input never crashes: every prefix of an example (cut every few bytes), completion,
    /// hover, definition, references and the outline at its end.
    @Test func everyPrefixOfAnExampleIsSafe() throws {
        let text = try String(contentsOfFile: Repo.path("examples/director-report.strata"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var ws = EditorWorkspace(root: Self.examples)
        for cut in stride(from: 0, through: scalars.count, by: 23) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<cut])
            let prefix = String(view)
            ws.open(path: Self.path, text: prefix)
            let end = SourceFile(name: "", text: prefix).location(atOffset: prefix.utf8.count)
            _ = ws.completions(path: Self.path, at: end)
            _ = ws.hover(path: Self.path, at: end)
            _ = ws.definition(path: Self.path, at: end)
            _ = ws.references(path: Self.path, at: end, includeDeclaration: true)
            _ = ws.symbols(path: Self.path)
            #expect(ws.diagnostics(for: Self.path).allSatisfy { $0.file.hasPrefix("/") })
        }
        // Positions beyond the text are clamped, not trapped.
        _ = ws.completions(path: Self.path, at: Strata.SourceLocation(line: 999, column: 999, offset: 0))
        _ = ws.hover(path: Self.path, at: Strata.SourceLocation(line: 0, column: -3, offset: 0))
    }
}

@Suite struct EditorHoverTests {
    static let rfm = Repo.path("examples/rfm.strata")
    static var rfmText: String { (try? String(contentsOfFile: rfm, encoding: .utf8)) ?? "" }
    static let ws = EditorWorkspace(root: Repo.path("examples"))

    static func hover(_ needle: String, nth: Int = 1, in path: String = rfm) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return ws.hover(path: path, at: EditorFixture.at(needle, in: text, nth: nth, delta: 1))?.markdown ?? ""
    }

    /// (cursor text, occurrence, texts the hover must contain)
    static let cases: [(String, Int, [String])] = [
        ("buyers", 2, ["**segment** `buyers`", "segment buyers where purchases >= 1", "rfm.strata:9"]),
        ("rfm_segment", 2, ["**tiers: string** `rfm_segment`", "champions   where", "others      where buyers"]),
        ("recency_days", 2, ["**derived field: number** `recency_days`", "if(buyers, days_between(last_visit, as_of), null)"]),
        ("champion_clv", 2, ["**let: number** `champion_clv`", "avg(clv where champions)"]),
        ("\"champions\"", 1, ["**tier label** `champions` of `rfm_segment`", "r_score >= 4"]),
        ("clv where champions", 1, ["**field** `clv`: number — table `customers`", "rows", "e.g. `"]),
        ("days_between", 1, ["days_between(a, b) -> number", "days from date a to date b"]),
        ("as_of", 2, ["**setting** `as_of` = 2026-06-30"]),
        ("assert", 1, ["**assert** —"]),
    ]

    @Test(arguments: cases)
    func shows(_ needle: String, _ nth: Int, _ wanted: [String]) {
        let text = Self.hover(needle, nth: nth)
        for w in wanted { #expect(text.contains(w), "\(needle): \(w) missing from \(text)") }
    }

    /// A personal field's examples are masked as every output masks them; other fields' are not.
    @Test func personalFieldsAreMasked() throws {
        let table = try TableLoader.load(path: EditorFixture.customersCSV, tableName: "customers", parallel: false)
        let column = try #require(table.column(named: "name"))
        let text = EditorWorkspace.stats(column, kind: PII.kind(fieldName: "name"))
        let first = ValueFormat.text(column.value(at: 0))
        #expect(!text.contains(first))
        #expect(text.contains(ValueFormat.text(PII.mask(column.value(at: 0), fieldName: "name"))))
        #expect(text.contains("masked"))
        // In a file: `name` in the show columns of rfm.strata.
        let hover = Self.hover("name,")
        #expect(hover.contains("**field** `name`: string"))
        #expect(!hover.contains(first))
    }

    /// The event table's fields and CJK names in the director's report.
    @Test func eventFieldsAndCJKNames() {
        let report = Repo.path("examples/director-report.strata")
        #expect(Self.hover("purchases.date", in: report).contains("**table** `purchases`"))
        #expect(Self.hover("date)", in: report).contains("**field** `date`: date — table `purchases`"))
        let label = Self.hover("\"钻石\"", in: report)
        #expect(label.contains("**tier label** `钻石` of `vip_tier`"))
        let owners = Self.hover("owners and clv", in: report)
        #expect(owners.contains("shared/owners.strata:2"))
    }
}
