import Foundation
import Testing
@testable import Strata

/// No input crashes the pipeline: mangled rule files go through parse, check and evaluation and
/// come back as results or diagnostics with real positions.
@Suite struct RobustnessTests {
    static func column(_ name: String, _ f: (Int) -> Value) -> (String, [Value]) {
        (name, (0..<50).map(f))
    }

    static let table: Table = {
        var cols: [(String, [Value])] = []
        cols.append(column("id") { .string("C\($0)") })
        cols.append(column("clv") { $0 % 7 == 0 ? .null : .number(Double($0 * 100_000)) })
        cols.append(column("referrals") { .number(Double($0 % 4)) })
        cols.append(column("purchases") { .number(Double($0 % 3)) })
        cols.append(column("visits") { .number(Double($0 % 9)) })
        cols.append(column("total_spend") { .number(Double($0 * 50_000)) })
        cols.append(column("satisfaction") { $0 % 5 == 0 ? .null : .number(Double($0 % 5) + 0.5) })
        cols.append(column("complaints") { .number(Double($0 % 3)) })
        cols.append(column("city") { .string(["深圳", "广州", "上海"][$0 % 3]) })
        cols.append(column("channel") { .string(["老带新", "线上"][$0 % 2]) })
        cols.append(column("member") { .bool($0 % 2 == 0) })
        cols.append(column("name") { _ in .string("王伟") })
        cols.append(column("last_visit") { .date(Int32(20000 + $0 * 13)) })
        cols.append(column("last_contact") { $0 % 6 == 0 ? .null : .date(Int32(20000 + $0 * 11)) })
        return TestData.table(cols)
    }()

    static let pieces = ["(", ")", "[", "]", "{", "}", ",", " and ", " or ", " not ", "==", "=", ">", "-", "*", "/", "\"", "'",
                         "`", "#", "\n", "万", "2026-02-30", "90 days", "null", "where", "segment", "count(", "ntile(", " in ", "1e999", ";"]

    @Test func mangledExamplesNeverCrash() throws {
        var rng = SplitMix(seed: 2026)
        let sources = try GrammarDocsTests.examples.map { try String(contentsOfFile: $0, encoding: .utf8) }
            // The table is handed over in memory: every `load` goes (uses of event tables are then errors).
            .map { $0.replacingOccurrences(of: "(?m)^load [^\n]*$", with: "", options: .regularExpression) }
        #expect(!sources.isEmpty)
        var diagnosed = 0
        for iteration in 0..<300 {
            guard !sources.isEmpty else { break }
            var chars = Array(sources[iteration % sources.count])
            for _ in 0..<(1 + rng.below(4)) {
                let at = rng.below(chars.count + 1)
                switch rng.below(3) {
                case 0 where !chars.isEmpty: chars.remove(at: min(at, chars.count - 1))
                case 1: chars.insert(contentsOf: Self.pieces[rng.below(Self.pieces.count)], at: at)
                default:
                    let len = rng.below(12)
                    if at + len <= chars.count { chars.removeSubrange(at..<(at + len)) }
                }
            }
            let text = String(chars)
            // Dry run: a mangled `export` path must not leave files in the working tree.
            var options = RunOptions()
            options.dryRun = true
            let (_, r) = TestData.run(text, on: Self.table, options: options, file: "fuzz.strata")
            for d in r.diagnostics {
                #expect(d.span.start.line >= 1 && d.span.start.column >= 1, "bad position for: \(d.message)")
                #expect(!d.message.isEmpty)
            }
            if !r.diagnostics.isEmpty { diagnosed += 1 }
            #expect(r.exitCode == 0 || r.exitCode == 1, "iteration \(iteration): exit \(r.exitCode)")
        }
        // Most mutations break something; the test must actually exercise the error paths.
        #expect(diagnosed > 100)
    }

    @Test(arguments: [
        "derive d = last_visit + 9999999999 years",
        "let x = 1e308 * 10\nassert x > 0",
        "derive r = ntile(clv, 999999)",
        "segment s where last_visit + 3000 years > last_visit",
        "let p = percentile(clv where clv > 1e99, 0.5)\nassert p is null",
        "derive x = round(clv, 400)",
        "derive x = 0 / 0\nsegment s where x is null\nassert count(s) == 50",
        "segment s where " + String(repeating: "(", count: 200) + "clv > 1" + String(repeating: ")", count: 200),
    ])
    func extremeInputsGiveResultsOrDiagnostics(_ rules: String) {
        let (_, r) = TestData.run(rules, on: Self.table)
        #expect(r.exitCode == 0 || r.exitCode == 1)
        #expect(r.exitCode == 0 || !r.diagnostics.isEmpty)
    }
}

/// Every diagnostic the parser and checker can give carries a suggestion.
@Suite struct SuggestionTests {
    @Test(arguments: [
        "segment vip where clv > 2e6 @", "segment vip where", "segment where x", "tiers g { A }", "let x = 1e999", "segment a where `` > 1",
        "show vip limit", "count", "export vip", "segment a where x. > 1", "segment a where (x > 1", "assert x,", "set as_of 2026-01-01",
    ])
    func parseErrorsSuggestAFix(_ text: String) {
        let (_, diags) = Parser.parse(SourceFile(name: "t", text: text))
        #expect(!diags.isEmpty)
        for d in diags { #expect(d.suggestion != nil, "\(d.message)") }
    }
}

/// The deepest expressions the parser accepts (64 levels, docs/language.md) go through every later pass
/// — check, run, fmt — on the stack the CLI runs on; the 65th level is a message, never a crash.
@Suite struct DeepestExpressionTests {
    static func nested(_ n: Int, _ open: String, _ close: String, _ inner: String) -> String {
        String(repeating: open, count: n) + inner + String(repeating: close, count: n)
    }

    @Test func sixtyFourLevelsRunCheckAndFormat() throws {
        let dir = Repo.tempDir()
        try "id,clv\nC1,5\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        let rules = """
            load customers from "c.csv"
            let a = \(Self.nested(64, "(", ")", "1"))
            let b = \(Self.nested(64, "abs(", ")", "2"))
            let c = \(Self.nested(64, "- ", "", "3"))
            let d = \(Self.nested(64, "not ", "", "true"))
            let e = \(Self.nested(32, "round(", ", 0)", Self.nested(32, "(", ")", "2.5")))
            assert a == 1 and b == 2 and c == 3 and d and e == 3, "deep expressions evaluate"
            """
        let path = dir + "/deep.strata"
        try rules.write(toFile: path, atomically: true, encoding: .utf8)
        let run = CLIRun(["run", path])
        #expect(run.code == 0, "\(run.err)")
        #expect(CLIRun(["check", path]).code == 0)
        let fmt = CLIRun(["fmt", path])
        #expect(fmt.code == 0, "\(fmt.err)")
        #expect(fmt.out.contains("let a = " + Self.nested(64, "(", ")", "1")))
    }

    @Test func theSixtyFifthLevelIsAMessage() throws {
        let dir = Repo.tempDir()
        let path = dir + "/deeper.strata"
        try ("let a = " + Self.nested(65, "(", ")", "1") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let run = CLIRun(["run", path])
        #expect(run.code == 1)
        #expect(run.err.contains("deeper.strata:1:73: error: expression is nested more than 64 deep"), "\(run.err)")
    }
}
