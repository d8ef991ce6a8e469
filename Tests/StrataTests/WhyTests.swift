import Foundation
import Testing
@testable import Strata

/// `strata why` and `.why`: one customer's clauses, each with the value the evaluator computed.
@Suite struct WhyTests {
    /// The reports of `name` (or every classification) for a customer of the rules' data.
    static func reports(_ session: Pipeline.WhySession, key: String, name: String? = nil) -> [WhyReport] {
        let items = (try? session.reports(key: key, name: name)) ?? []
        return items.compactMap { if case .why(let r) = $0 { return r } else { return nil } }
    }

    /// The three-valued truth a line's children give it: `all of` is their `and`, `any of` their `or`.
    static func combined(_ truths: [WhyTruth], and: Bool) -> WhyTruth {
        if and {
            if truths.contains(.no) { return .no }
            return truths.contains(.unknown) ? .unknown : .yes
        }
        if truths.contains(.yes) { return .yes }
        return truths.contains(.unknown) ? .unknown : .no
    }

    /// Every `all of` / `any of` line agrees with the lines under it.
    static func expectConsistent(_ n: WhyNode, _ context: String) {
        if n.text == "all of" || n.text == "any of" {
            let want = combined(n.children.map(\.truth), and: n.text == "all of")
            #expect(n.truth == want, "\(context): \(n.text) is \(n.truth), its clauses give \(want)")
        }
        if n.text == "not", let c = n.children.first {
            let want: WhyTruth = c.truth == .yes ? .no : c.truth == .no ? .yes : .unknown
            #expect(n.truth == want, "\(context): not of \(c.truth) is \(n.truth)")
        }
        for c in n.children { expectConsistent(c, context) }
    }

    /// For random customers of every bundled example and every segment and tiers field, why's answer is the
    /// run's: a segment's top clause is true exactly for members, and a tiers field's first true arm is the
    /// customer's tier (or `otherwise` catches them, or none does and they have no tier).
    @Test(arguments: Repo.files(in: "examples", ext: "strata"))
    func finalTruthEqualsMembership(_ path: String) throws {
        guard case .success(let source) = RuleSource.read(path: path) else { Issue.record("cannot read \(path)"); return }
        let (prepared, c) = Pipeline().whySession(source)
        let session = try #require(prepared, "\(path): \(c.result.diagnostics)")
        let runner = session.runner
        let keyField = try #require(session.program.customerKey?.name)
        let keys = try #require(runner.table.column(named: keyField))
        var rng = SystemRandomNumberGenerator()
        let rows = (0..<25).map { _ in Int.random(in: 0..<runner.table.rowCount, using: &rng) }
        for row in rows {
            let key = ValueFormat.text(keys.value(at: row))
            let reports = Self.reports(session, key: key)
            #expect(reports.count == session.program.classifications.count, "\(path) \(key)")
            for r in reports {
                let context = "\(path) \(key) \(r.name)"
                r.clauses.forEach { Self.expectConsistent($0, context) }
                if r.isTiers {
                    let stored = runner.table.column(named: r.name).map { $0.value(at: row) } ?? .null
                    #expect(r.result == (stored.isNull ? "(none)" : ValueFormat.text(stored)), "\(context)")
                    let first = r.clauses.first { $0.truth == .yes }
                    #expect(first.map { $0.text.hasPrefix(r.result + " ") || $0.text == r.result } ?? (r.result == "(none)"), "\(context): \(r.clauses.map(\.text))")
                    // Every arm before the matched one did not hold; every arm after it was not reached.
                    let k = r.clauses.firstIndex { $0.truth == .yes } ?? r.clauses.count
                    #expect(r.clauses[..<k].allSatisfy { $0.truth == .no || $0.truth == .unknown }, "\(context)")
                    #expect(r.clauses.dropFirst(k + 1).allSatisfy { $0.truth == .notReached }, "\(context)")
                } else {
                    let member = runner.segments[r.name]?[row] ?? false
                    #expect(r.result == (member ? "true" : "false"), "\(context)")
                    #expect((r.clauses.first?.truth == .yes) == member, "\(context): \(r.clauses)")
                }
            }
        }
    }

    static let rules = """
        load customers from "c.csv"
        set as_of = 2026-06-30
        let big = 100
        derive recency = days_between(last_visit, as_of)
        segment recent where recency <= 90
        segment vip where clv >= big and (recent or city in ["上海", "北京"]) and clv between 1 and 1000
        segment 沉睡 where not recent
        tiers grade {
          A where vip
          B where clv >= 50
          C otherwise
        }

        """

    static let data = """
        id,city,clv,last_visit
        C1,上海,150,2026-06-01
        C2,深圳,60,2025-01-01
        C3,广州,,2026-06-20

        """

    static func session() throws -> Pipeline.WhySession {
        let dir = RulesAsCodeTests.write(["c.csv": data, "r.strata": rules])
        guard case .success(let source) = RuleSource.read(path: dir + "/r.strata") else { throw CancellationError() }
        return try #require(Pipeline().whySession(source).0)
    }

    /// The clauses read as the issue asks: values in the comparison, lets and derived fields named with
    /// their value and formula, a referenced segment expanded once and said so, nulls unknown.
    @Test func clausesShowValuesAndWhereTheyComeFrom() throws {
        let s = try Self.session()
        let vip = try #require(Self.reports(s, key: "C1", name: "vip").first)
        let text = WhyRender.tree(vip)
        #expect(text.hasPrefix("segment vip for id C1: true\n└─ all of → true\n"), "\(text)")
        #expect(text.contains("├─ clv = 150 ≥ big = 100 → true"), "\(text)")
        #expect(text.contains("let: 100"), "\(text)")
        #expect(text.contains("recent → true"), "\(text)")
        #expect(text.contains("segment `recent`, expanded: recency <= 90"), "\(text)")
        #expect(text.contains("recency = 29 ≤ 90 → true"), "\(text)")
        #expect(text.contains("recency = 29"), "\(text)")
        #expect(text.contains("derived: days_between(last_visit, as_of)"), "\(text)")
        #expect(text.contains("city in [\"上海\", \"北京\"] → true"), "\(text)")
        #expect(text.contains("city = \"上海\""), "\(text)")
        #expect(text.contains("clv between 1 and 1000 → true"), "\(text)")

        // C3 has no clv: the comparison is unknown, and so is the segment's rule — not a member.
        let unknown = try #require(Self.reports(s, key: "C3", name: "vip").first)
        #expect(unknown.result == "false")
        #expect(WhyRender.tree(unknown).contains("clv = null ≥ big = 100 → unknown"), "\(WhyRender.tree(unknown))")

        // Inside an expanded segment, a segment is named with its truth but not expanded again.
        let grade = try #require(Self.reports(s, key: "C2", name: "grade").first)
        let g = WhyRender.tree(grade)
        #expect(grade.result == "B")
        #expect(g.contains("├─ A where vip → false"), "\(g)")
        #expect(g.contains("├─ B where clv >= 50 → true"), "\(g)")
        #expect(g.contains("└─ C otherwise → not reached"), "\(g)")
        #expect(g.contains("recent → false") && g.contains("not expanded"), "\(g)")
    }

    /// Notes start in one display column even when the clauses hold wide (CJK) characters.
    @Test func notesAlignInDisplayColumns() throws {
        let s = try Self.session()
        let r = try #require(Self.reports(s, key: "C1", name: "vip").first)
        let lines = WhyRender.tree(r).split(separator: "\n").dropFirst().filter { $0.contains("   segment") || $0.contains("   derived") || $0.contains("   let") || $0.contains("   city =") }
        let columns = Set(lines.map { line -> Int in
            let note = line.range(of: "   ", options: .backwards).map { line[..<$0.upperBound] } ?? line[...]
            return DisplayWidth.of(note)
        })
        #expect(lines.count >= 3)
        #expect(columns.count == 1, "\(lines)")
    }

    /// JSON is the tree nested as it is; CSV one row per clause with its depth.
    @Test func jsonAndCSV() throws {
        let s = try Self.session()
        let r = try #require(Self.reports(s, key: "C2", name: "grade").first)
        let json = WhyRender.render(r, format: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let top = try #require(parsed.first)
        #expect(top["key"] as? String == "C2")
        #expect(top["result"] as? String == "B")
        let arms = try #require(top["clauses"] as? [[String: Any]])
        #expect(arms.map { $0["truth"] as? String } == ["false", "true", "not reached"])
        let csv = WhyRender.render(r, format: .csv)
        #expect(csv.hasPrefix("id,name,depth,clause,truth,note\nC2,grade,0,tiers grade for id C2: B,B,\n"), "\(csv)")
        #expect(csv.contains("C2,grade,1,B where clv >= 50,true,"), "\(csv)")
    }

    /// A key no customer has names the closest ones; a name that is no segment or tiers field says what it is.
    @Test func unknownKeyAndName() throws {
        let dir = RulesAsCodeTests.write(["c.csv": Self.data, "r.strata": Self.rules])
        let key = CLIRun(["why", dir + "/r.strata", "C4", "vip"])
        #expect(key.code == 1)
        #expect(key.err.contains("error: no customer has id `C4`"), "\(key.err)")
        #expect(key.err.contains("the closest ids are `C1`, `C2`, `C3`"), "\(key.err)")
        let name = CLIRun(["why", dir + "/r.strata", "C1", "vipp"])
        #expect(name.code == 1)
        #expect(name.err.contains("did you mean `vip`?"), "\(name.err)")
        let field = CLIRun(["why", dir + "/r.strata", "C1", "recency"])
        #expect(field.err.contains("`recency` is a derived field, not a segment or tiers field"), "\(field.err)")
        let usage = CLIRun(["why", dir + "/r.strata"])
        #expect(usage.code == 2)
        let all = CLIRun(["why", dir + "/r.strata", "C1"])
        #expect(all.code == 0)
        #expect(all.out.components(separatedBy: " for id C1: ").count - 1 == 4, "\(all.out)")
    }

    /// Output statements do not run under `why`: no table is printed and no export written.
    @Test func outputsDoNotRun() throws {
        let dir = RulesAsCodeTests.write(["c.csv": Self.data, "r.strata": Self.rules + "show customers\nexport vip to \"out/v.csv\"\n"])
        let r = CLIRun(["why", dir + "/r.strata", "C1", "vip"])
        #expect(r.code == 0, "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/v.csv"))
        #expect(!r.out.contains("customers)"), "\(r.out)")
    }

    /// `.why` in the REPL gives the same tree, completes NAME, and refuses what `strata why` refuses.
    @Test func replWhy() throws {
        let dir = RulesAsCodeTests.write(["c.csv": Self.data, "r.strata": Self.rules])
        let cli = CLIRun(["why", dir + "/r.strata", "C2", "grade"])
        let repl = CLIRun(["repl", dir + "/r.strata"], input: ".why C2 grade\n.why C9 grade\n.why\n")
        #expect(repl.out.contains(cli.out), "\(repl.out)\n---\n\(cli.out)")
        #expect(repl.err.contains("no customer has id `C9`"), "\(repl.err)")
        #expect(repl.err.contains(".why takes a customer's key"), "\(repl.err)")
        let session = ReplSession(baseDirectory: dir)
        _ = session.open(path: dir + "/r.strata")
        let completer = NameCompleter(session: session)
        #expect(completer.completions(for: ".why C1 ", cursor: 8).candidates == ["recent", "vip", "沉睡", "grade"])
        #expect(completer.completions(for: ".why C1 v", cursor: 9).candidates == ["vip"])
        #expect(completer.completions(for: ".wh", cursor: 3).candidates == [".why"])
    }
}
