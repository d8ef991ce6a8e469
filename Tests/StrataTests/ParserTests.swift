import Foundation
import Testing
@testable import Strata

@Suite struct ParserTests {
    static func one(_ text: String, repl: Bool = false) -> String {
        let r = Render.program(text, repl: repl)
        #expect(r.diagnostics == [], "\(text)")
        return r.statements.joined(separator: "\n")
    }

    @Test(arguments: [
        (#"load customers from "examples/data/customers.csv""#, #"load customers from "examples/data/customers.csv""#),
        ("set as_of = 2026-06-30", "set as_of = 2026-06-30"),
        ("let big = 200万", "let big = 200万"),
        ("let p80 = percentile(clv, 0.8)", "let p80 = percentile(clv, 0.8)"),
        ("derive recency = days_between(last_visit, as_of)", "derive recency = days_between(last_visit, as_of)"),
        ("segment vip where clv > 2e6 and referrals >= 2", "segment vip where ((clv > 2e6) and (referrals >= 2))"),
        ("segment 老带新 where referrals >= 1", "segment 老带新 where (referrals >= 1)"),
        ("segment `big spender` where `last visit` > 1", "segment big spender where (last visit > 1)"),
        ("tiers grade {\n A where clv >= 5e6\n B where clv >= 1e6\n C otherwise\n}",
         "tiers grade { A where (clv >= 5e6); B where (clv >= 1e6); C otherwise }"),
        (#"tiers g { "高" where x > 1, "低" otherwise; }"#, "tiers g { 高 where (x > 1); 低 otherwise }"),
        ("show vip", "show vip"),
        ("show vip limit 20 order by clv desc", "show vip limit 20 order by clv desc"),
        ("show vip and not churn columns name, clv order by clv desc, name asc limit 5",
         "show (vip and (not churn)) limit 5 order by clv desc, name asc columns name, clv"),
        ("show customers order by a, b desc, c", "show customers order by a asc, b desc, c asc"),
        ("count vip", "count vip"),
        ("count vip or 老带新", "count (vip or 老带新)"),
        (#"export vip to "out/vip.csv""#, #"export vip to "out/vip.csv""#),
        (#"export vip to "out/vip.csv" columns name, phone"#, #"export vip to "out/vip.csv" columns name, phone"#),
        ("assert count(vip) > 0", "assert (count(vip) > 0)"),
        (#"assert count(vip) > 0, "need vips""#, #"assert (count(vip) > 0), "need vips""#),
        (#"include "common.strata""#, #"include "common.strata""#),
        ("set a = 1; set b = 2;; count x", "set a = 1\nset b = 2\ncount x"),
        ("show a count b", "show a\ncount b"),
    ])
    func statements(_ text: String, _ expected: String) {
        #expect(Self.one(text) == expected)
    }

    @Test(arguments: [
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("not a and b", "((not a) and b)"),
        ("not a == b", "(not (a == b))"),
        ("not not a", "(not (not a))"),
        ("a + b * c", "(a + (b * c))"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b % c * d", "(((a / b) % c) * d)"),
        ("-a * b", "((-a) * b)"),
        ("- -a", "(-(-a))"),
        ("a + b > c * 2", "((a + b) > (c * 2))"),
        ("(a + b) * c", "({(a + b)} * c)"),
        ("a == b and c != d or e <= f", "(((a == b) and (c != d)) or (e <= f))"),
        ("x between 1 and 10 and y", "((x between 1 and 10) and y)"),
        ("x not between a + 1 and b * 2", "(x not between (a + 1) and (b * 2))"),
        ("x in [1, 2, 3]", "(x in [1, 2, 3])"),
        ("x in (\"a\", 'b')", "(x in [\"a\", \"b\"])"),
        ("x not in []", "(x not in [])"),
        ("not x in [1]", "(not (x in [1]))"),
        ("x + 1 in [2] or y", "(((x + 1) in [2]) or y)"),
        ("x is null", "(x is null)"),
        ("x is not null and y is null", "((x is not null) and (y is null))"),
        ("a + b is null", "((a + b) is null)"),
        ("f()", "f()"),
        ("f(a, b + 1)", "f(a, (b + 1))"),
        ("avg(clv where vip)", "avg(clv where vip)"),
        ("percentile(clv where vip and x > 1, 0.9)", "percentile(clv where (vip and (x > 1)), 0.9)"),
        ("count(where city == \"深圳\")", "count(where (city == \"深圳\"))"),
        ("count()", "count()"),
        ("count(vip) * 2", "(count(vip) * 2)"),
        ("-f(x)", "(-f(x))"),
        ("as_of - 90 days", "(as_of - 90 day)"),
        ("d + 6 months + 1 year - 2 weeks", "(((d + 6 month) + 1 year) - 2 week)"),
        ("date(\"2026-06-30\") > 2026-01-01", "(date(\"2026-06-30\") > 2026-01-01)"),
        ("true or false and null", "(true or (false and null))"),
        ("if(a > 1, \"x\", 'y')", "if((a > 1), \"x\", \"y\")"),
    ])
    func precedence(_ text: String, _ expected: String) {
        #expect(Self.one("let v = \(text)") == "let v = \(expected)")
    }

    @Test func durations() {
        let (program, diagnostics) = Parser.parse(SourceFile(name: "t", text: "let d = 90 days\nlet e = 1.5 months"))
        guard program.statements.count == 2, case .let(_, let e) = program.statements[0].kind else {
            Issue.record("expected two lets"); return
        }
        #expect(e.kind == .duration(amount: 90, unit: .day, text: "90 days"))
        #expect(diagnostics.map(\.headline) == ["t:2:9: error: a duration needs a whole number, found `1.5`"])
        // A unit word on the next line is a separate name, not part of a duration.
        #expect(Render.program("show a limit 5\ndays").diagnostics.count == 1)
    }

    @Test func spansCoverSource() {
        let text = "segment vip where (clv + 1) * 2 > avg(clv where x) and d between 1 and 2 # c\nshow vip limit 3"
        let source = SourceFile(name: "t", text: text)
        let (program, diagnostics) = Parser.parse(source)
        #expect(diagnostics.isEmpty)
        #expect(program.statements.map { source.slice($0.span) } == [
            "segment vip where (clv + 1) * 2 > avg(clv where x) and d between 1 and 2", "show vip limit 3",
        ])
        #expect(program.comments.map(\.text) == ["# c"])
        guard case .segment(let name, let e) = program.statements.first?.kind,
              case .binary(.and, let l, let r) = e.kind, case .binary(.gt, let ll, let lr) = l.kind else {
            Issue.record("unexpected shape"); return
        }
        #expect(source.slice(name.span) == "vip")
        #expect(source.slice(e.span) == "(clv + 1) * 2 > avg(clv where x) and d between 1 and 2")
        #expect(source.slice(ll.span) == "(clv + 1) * 2")
        #expect(source.slice(lr.span) == "avg(clv where x)")
        #expect(source.slice(r.span) == "d between 1 and 2")
    }

    @Test func tiersArmsAndErrors() {
        let r = Render.program("tiers g {\n  C otherwise\n  A where x > 1\n}\ntiers h { }\ncount g")
        #expect(r.statements == ["tiers g { C otherwise; A where (x > 1) }", "tiers h {  }", "count g"])
        #expect(r.diagnostics == [
            "t.strata:2:3: error: `otherwise` must be the last tier",
            "t.strata:5:9: error: `tiers h` has no tiers",
        ])
        let missing = Render.program("tiers g {\n A clv > 1\n}\ncount g")
        #expect(missing.diagnostics == ["t.strata:2:4: error: expected `where` or `otherwise` after the tier label `A`, found `clv`"])
        #expect(missing.statements == ["count g"])
        let unclosed = Render.program("tiers g {\n A where x > 1\nshow a")
        #expect(unclosed.diagnostics == ["t.strata:1:9: error: unclosed `{`: expected `}` before `show` at 3:1"])
        #expect(unclosed.statements == ["show a"])
    }

    @Test func showClausesAnyOrderOnce() {
        let a = Self.one("show vip limit 5 columns a order by b")
        let b = Self.one("show vip order by b columns a limit 5")
        #expect(a == b)
        let dup = Render.program("show vip limit 5 limit 6")
        #expect(dup.diagnostics == ["t.strata:1:18: error: `limit` appears twice in one `show`"])
        #expect(dup.statements == ["show vip limit 5"])
        #expect(Render.program("show vip order clv").diagnostics == ["t.strata:1:16: error: expected `by` after `order`, found `clv`"])
    }

    @Test func replBareExpressionsAndCountRule() {
        #expect(Self.one("clv * 2", repl: true) == "expr (clv * 2)")
        #expect(Self.one("count(vip) > 2", repl: true) == "expr (count(vip) > 2)")
        #expect(Self.one("count(where x)", repl: true) == "expr count(where x)")
        #expect(Self.one("count (vip)", repl: true) == "count {vip}")
        #expect(Self.one("count vip", repl: true) == "count vip")
        #expect(Self.one("not vip; 1 + 1", repl: true) == "expr (not vip)\nexpr (1 + 1)")
        #expect(Self.one("count(vip)") == "count {vip}")
        #expect(Render.program("clv * 2").diagnostics == ["t.strata:1:1: error: unknown statement `clv`"])
        #expect(Render.program("42").diagnostics == ["t.strata:1:1: error: expected a statement, found `42`"])
        #expect(Render.program("segmnet vip where x", repl: true).diagnostics == ["t.strata:1:1: error: unknown statement `segmnet`"])
        #expect(Render.program("1 2", repl: true).diagnostics == ["t.strata:1:3: error: expected the end of the expression, found `2`"])
    }

    @Test func assignSuggestsEquals() {
        let (_, ds) = Parser.parse(SourceFile(name: "t", text: "segment a where city = \"深圳\""))
        #expect(ds.map(\.message) == ["`=` assigns; to compare use `==`"])
        #expect(ds.first?.suggestion == "use `==`")
        #expect(ds.first?.span.start.column == 22)
        #expect(Render.program("segment a where city = \"深圳\"").statements == ["segment a where (city == \"深圳\")"])
        #expect(Render.program("let x == 1").diagnostics == ["t.strata:1:7: error: expected `=` after `let x`, found `==`"])
    }

    @Test func chainedComparison() {
        let (_, ds) = Parser.parse(SourceFile(name: "t", text: "segment a where 1 < age < 30"))
        #expect(ds.map(\.message) == ["comparisons do not chain"])
        #expect(ds.first?.suggestion == "write `1 < age and age < 30`")
        #expect(ds.first?.span.start.column == 25)
        #expect(Render.program("segment a where x == 1 == y < 2").diagnostics.count == 1)
    }

    @Test func keywordAsName() {
        let r = Render.program("segment limit where x > 1\nlet order = 1")
        #expect(r.statements == ["segment limit where (x > 1)", "let order = 1"])
        #expect(r.diagnostics == ["t.strata:1:9: error: `limit` is a keyword", "t.strata:2:5: error: `order` is a keyword"])
        let (_, ds) = Parser.parse(SourceFile(name: "t", text: "segment limit where x"))
        #expect(ds.first?.suggestion == "write `` `limit` `` to use it as a name")
        #expect(Render.program("segment where x").diagnostics == ["t.strata:1:9: error: expected a segment name after `segment`, found `where`"])
        #expect(Render.program("segment a where limit > 1").diagnostics == ["t.strata:1:17: error: expected an expression, found `limit`"])
    }

    @Test func aKeywordInAnotherCaseIsOfferedAsWritten() {
        // A column headed `Order` is the keyword `order` when bare; the help writes the name as it is spelt.
        let (_, inExpr) = Parser.parse(SourceFile(name: "t", text: "segment q where Order > 1"))
        #expect(inExpr.first?.suggestion == "write `` `Order` `` to use it as a name")
        let (_, asName) = Parser.parse(SourceFile(name: "t", text: "segment LIMIT where x"))
        #expect(asName.first?.message == "`LIMIT` is a keyword")
        #expect(asName.first?.suggestion == "write `` `LIMIT` `` to use it as a name")
        #expect(Render.program("let Order = 1").statements == ["let Order = 1"])
    }

    @Test func callFilterMustFollowFirstArgument() {
        #expect(Render.program("let p = percentile(clv, 0.9 where vip)").diagnostics == [
            "t.strata:1:29: error: expected `,` or `)`, found `where`",
        ])
    }

    @Test func recoveryReportsEachErrorOnce() {
        let text = """
            load customers from "c.csv"
            segment vip clv > 2e6
            segment loyal where referrals >= 2
            segmnet churn where complaints > 3
            let x = (1 + 2
            show vip limit 10
            count loyal
            """
        let r = Render.program(text)
        #expect(r.diagnostics == [
            "t.strata:2:13: error: expected `where` after the segment name, found `clv`",
            "t.strata:4:1: error: unknown statement `segmnet`",
            "t.strata:5:9: error: unclosed `(`: expected `)` before `show` at 6:1",
        ])
        #expect(r.statements == [
            "load customers from \"c.csv\"", "segment loyal where (referrals >= 2)", "show vip limit 10", "count loyal",
        ])
    }

    @Test func lexAndParseErrorsInterleave() {
        let r = Render.program("set d = 2026-02-30\nsegment a where x @ > 1\nsegment b where")
        #expect(r.diagnostics == [
            "t.strata:1:9: error: `2026-02-30` is not a valid date",
            "t.strata:2:19: error: unexpected character `@`",
            "t.strata:3:16: error: expected an expression, found the end of the input",
        ])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "let x = " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(Render.program(deep).diagnostics == ["t.strata:1:73: error: expression is nested more than 64 deep (brackets, `-` and `not`)"])
        let negs = "let x = " + String(repeating: "- ", count: 5000) + "1"
        #expect(Render.program(negs).diagnostics.count == 1)
        let nots = "segment x where " + String(repeating: "not ", count: 5000) + "a"
        #expect(Render.program(nots).diagnostics.count == 1)
        #expect(Self.one("let x = " + String(repeating: "(", count: 30) + "1" + String(repeating: ")", count: 30)).hasPrefix("let x"))
    }

    /// docs/language.md: 64 levels are accepted and the 65th is refused, whatever makes the level.
    @Test(arguments: [
        ("(", ")", "1"), ("abs(", ")", "1"), ("- ", "", "1"), ("not ", "", "a"),
    ])
    func nestingIsAcceptedExactlyToSixtyFourLevels(_ open: String, _ close: String, _ inner: String) {
        func nested(_ n: Int) -> String {
            (inner == "a" ? "segment s where " : "let x = ") + String(repeating: open, count: n) + inner + String(repeating: close, count: n)
        }
        #expect(Render.program(nested(64)).diagnostics == [], "64 × \(open)")
        let refused = Render.program(nested(65)).diagnostics
        #expect(refused.count == 1 && refused[0].contains("nested more than 64 deep"), "65 × \(open): \(refused)")
    }

    @Test func longChainsAreBoundedWithAMessage() {
        for op in ["or", "and", "+", "*"] {
            let operand = op == "or" || op == "and" ? "a" : "1"
            let long = "let x = " + Array(repeating: operand, count: ParserState.maxChain + 2).joined(separator: " \(op) ")
            let d = Render.program(long).diagnostics
            #expect(d.count == 1 && d.first?.contains("this expression is too long: more than \(ParserState.maxChain) operators") == true, "\(op)")
            let fits = "let x = " + Array(repeating: operand, count: ParserState.maxChain + 1).joined(separator: " \(op) ")
            #expect(Render.program(fits).diagnostics.isEmpty, "\(op)")
        }
        // Chains on one path add up: a long chain inside a long chain is as deep as both.
        let half = Array(repeating: "a", count: ParserState.maxChain / 2 + 1).joined(separator: " or ")
        #expect(Render.program("segment s where (\(half)) or \(half)").diagnostics.count == 1)
    }

    /// A Chinese message under a line with Chinese names: the caret line depends on the source line only
    /// (two columns per CJK character), so it sits under the mistake in either language.
    @Test func caretsStayUnderTheMistakeWithChineseMessagesAndLines() {
        let source = SourceFile(name: "规则.strata", text: "segment 深圳高值 where 城市 == \"深圳\" && clv > 2e6\n")
        let ds = Parser.parse(source).1
        let zh = Language.$current.withValue(.zh) { DiagnosticRenderer(sources: [source]).render(ds) }
        #expect(zh == """
            规则.strata:1:31: 错误: `&&` 不是运算符
             1 | segment 深圳高值 where 城市 == "深圳" && clv > 2e6
               |                                       ^^
               = 提示: 改用 `and`

            """)
        let en = DiagnosticRenderer(sources: [source]).render(ds)
        // Only the words differ: the source and caret lines are the same bytes in both languages.
        #expect(en.split(separator: "\n")[1...2] == zh.split(separator: "\n")[1...2])
        #expect(en.hasPrefix("规则.strata:1:31: error: `&&` is not an operator\n"))
    }

    /// Each `*.strata` under Golden/parse-errors is parsed; the rendered diagnostics must equal the `.expected` file.
    @Test func goldenMessages() throws {
        let dir = String(#filePath).split(separator: "/").dropLast().joined(separator: "/")
        // Every `.strata` in the folder is a case: a new file is tested without editing a list here.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: "/\(dir)/Golden/parse-errors")) ?? [])
            .filter { $0.hasSuffix(".strata") }.map { String($0.dropLast(".strata".count)) }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let base = "/\(dir)/Golden/parse-errors/\(name)"
            let input = try String(contentsOfFile: base + ".strata", encoding: .utf8)
            let source = SourceFile(name: "\(name).strata", text: input)
            let (_, ds) = Parser.parse(source)
            let rendered = DiagnosticRenderer(sources: [source]).render(ds)
            // STRATA_UPDATE_GOLDEN=1 rewrites the expectations; review the diff before committing.
            if Golden.updating {
                try rendered.write(toFile: base + ".expected", atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOfFile: base + ".expected", encoding: .utf8)
            #expect(rendered == expected)
            // The same diagnostics in Chinese, built and rendered with the language bound (`NAME.zh.expected`).
            let zh = Language.$current.withValue(.zh) { DiagnosticRenderer(sources: [source]).render(Parser.parse(source).1) }
            if Golden.updating {
                try zh.write(toFile: base + ".zh.expected", atomically: true, encoding: .utf8)
            }
            let expectedZh = try String(contentsOfFile: base + ".zh.expected", encoding: .utf8)
            #expect(zh == expectedZh, "\(name).zh.expected")
        }
    }
}
