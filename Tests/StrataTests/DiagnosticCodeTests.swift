import Foundation
import Testing
@testable import Strata

/// Every `DiagnosticCode` is produced by some input, and the codes are documented: tools key on them,
/// so a code no input can reach, or one the documentation leaves out, is a mistake.
@Suite struct DiagnosticCodeTests {
    /// A small table with a field of each type, standing in for the data.
    static let table = TestData.table([
        ("id", [.string("C1"), .string("C2")]), ("city", [.string("深圳"), .string("广州")]),
        ("clv", [.number(1e6), .number(2e6)]), ("member", [.bool(true), .bool(false)]),
        ("last_visit", [.date(20000), .date(20100)]),
    ])

    /// How an input is run; each returns the diagnostics it produced.
    typealias Trigger = @Sendable () -> [Diagnostic]

    /// `strata check` of rules against the table.
    static func check(_ rules: String) -> Trigger {
        { Pipeline(preloaded: table).check(SourceFile(name: "rules.strata", text: rules)).diagnostics }
    }

    /// `strata check` of rules with no table supplied: the rules' `load` and `--data` decide.
    static func checkUnloaded(_ rules: String, data: [String: String] = [:]) -> Trigger {
        {
            var options = RunOptions()
            options.dataOverrides = data
            return Pipeline(options: options).check(SourceFile(name: "rules.strata", text: rules)).diagnostics
        }
    }

    /// `strata run` of rules on the table.
    static func run(_ rules: String) -> Trigger { { TestData.run(rules, on: table).1.diagnostics } }

    /// REPL inputs on the table, one statement each.
    static func repl(_ inputs: [String]) -> Trigger {
        {
            let session = ReplSession()
            session.attach(table)
            return inputs.enumerated().flatMap { i, text in session.interactive(SourceFile(name: "<repl:\(i + 1)>", text: text)).diagnostics }
        }
    }

    /// Files written to a fresh folder, then `strata check --format json` (or `run`) of `root` there;
    /// for what only files can cause: includes, encodings, the data file itself.
    static func files(_ contents: [String: [UInt8]], root: String, command: String = "check") -> Trigger {
        {
            let dir = Repo.tempDir()
            for (name, bytes) in contents { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
            let path = dir + "/" + root
            guard command == "check" else { return Pipeline().run(path: path).diagnostics }
            // Through the command line, so the JSON's `code` field is what is checked.
            let json = CLIRun(["check", path, "--format", "json"]).out
            let objects = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] ?? []
            return objects.compactMap { o in
                guard let code = (o["code"] as? String).flatMap(DiagnosticCode.init(rawValue:)) else { return nil }
                return Diagnostic(.error, .verbatim(o["message"] as? String ?? ""), code: code, file: root, span: .zero)
            }
        }
    }

    static func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// `strata check --data` of rules over a small customer file (the tier counts need `--data`).
    static func tierData(_ rules: String) -> Trigger {
        {
            let dir = Repo.tempDir()
            _ = FileManager.default.createFile(atPath: dir + "/c.csv", contents: Data("id,clv,member\nC1,5,true\nC2,20,false\n".utf8))
            return checkUnloaded("load customers from \"c.csv\"\n" + rules, data: ["customers": dir + "/c.csv"])()
        }
    }

    /// `strata check` of rules over a customer table `customers`, event tables `v` and `w` linked by
    /// `customer_id` and a snapshot `m` matched by `id`, each replaceable to break it on purpose.
    static func tables(_ rules: String, customers: String = "id,clv\nC1,5\nC2,7\n", visits: String = "customer_id,x,clv\nC1,1,2\nC2,3,4\n",
                       matched: String = "id,z\nC1,1\n", linkedBy: String = "customer_id") -> Trigger {
        let head = "load customers from \"c.csv\"\nload v from \"v.csv\" linked by \(linkedBy)\nload w from \"w.csv\" linked by customer_id\n"
            + "load m from \"m.csv\" matched by id\n"
        return files(["c.csv": utf8(customers), "v.csv": utf8(visits), "w.csv": utf8("customer_id,y\nC1,1\n"), "m.csv": utf8(matched),
                      "r.strata": utf8(head + rules + "\n")], root: "r.strata")
    }

    static let csv = utf8("id,clv\nC1,5\n")

    /// One input per code.
    static let triggers: [DiagnosticCode: Trigger] = [
        .fullWidthPunctuation: check("let x = 1；"),
        .unexpectedCharacter: check("let x = 1 @"),
        .numberTooLarge: check("let x = 1e999"),
        .invalidDate: check("let d = 2026-02-30"),
        .unterminatedString: check("let s = \"abc"),
        .invalidUnicodeEscape: check("let s = \"\\u{zz}\""),
        .unknownEscape: check("let s = \"\\q\""),
        .emptyBacktickName: check("let `` = 1"),
        .unterminatedBacktickName: check("let `abc = 1"),
        .notAnOperator: check("segment a where clv > 1 && member"),

        .unclosedBracket: check("segment a where (clv > 1"),
        .expectedStatement: check("42"),
        .unknownStatement: check("segmnet a where clv > 1"),
        .expectedName: check("segment 1 where clv > 1"),
        .expectedString: check("include x"),
        .expectedType: check("schema customers { clv: 1 }"),
        .expectedKeyword: check("segment a clv > 1"),
        .expectedSymbol: check("let x 1"),
        .expectedStatementEnd: check("let x = 1 2"),
        .expectedExpression: check("let x = )"),
        .keywordAsName: check("let from = 1"),
        .unknownEncoding: check("load customers from \"c.csv\" encoding \"gb2313\""),
        .emptyTiers: check("tiers t { }"),
        .otherwiseNotLast: check("tiers t {\n  a otherwise\n  b where clv > 1\n}"),
        .repeatedClause: check("show member limit 1 limit 2"),
        .nestedTooDeeply: check("let x = " + String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70)),
        .expressionTooLong: check("let x = 1" + String(repeating: " + 1", count: 2001)),
        .chainedComparison: check("segment a where 1 < clv < 5"),
        .assignmentInComparison: check("segment a where clv = 1"),
        .fractionalDuration: check("segment a where last_visit > as_of - 1.5 months"),

        .rulesFileUnreadable: { Pipeline().check(path: Repo.tempDir() + "/missing.strata").diagnostics },
        .includedFileUnreadable: files(["r.strata": utf8("include \"missing.strata\"\n")], root: "r.strata"),
        .rulesFileNotUTF8: files(["r.strata": [0x6C, 0x65, 0x74, 0xFF, 0x0A]], root: "r.strata"),
        .includedFileNotUTF8: files(["r.strata": utf8("include \"gbk.strata\"\n"), "gbk.strata": [0xC4, 0xE3, 0x0A]], root: "r.strata"),
        .includeCycle: files(["a.strata": utf8("include \"b.strata\"\n"), "b.strata": utf8("include \"a.strata\"\n")], root: "a.strata"),
        .includeCycleStart: files(["a.strata": utf8("include \"b.strata\"\n"), "b.strata": utf8("include \"a.strata\"\n")], root: "a.strata"),

        .schemaLoadMismatch: check("load customers from \"c.csv\"\nschema people { clv: number }"),
        .unknownType: check("schema customers { clv: numbr }"),
        .repeatedFlag: check("schema customers { id: string key key }"),
        .unknownFlag: check("schema customers { id: string secret }"),
        .conflictingFlags: check("schema customers { phone: string pii public }"),
        .duplicateField: check("schema customers {\n  id: string\n  id: string\n}"),
        .secondKey: check("schema customers {\n  id: string key\n  city: string key\n}"),
        .tableLoadedTwice: checkUnloaded("load a from \"a.csv\"\nload a from \"b.csv\" linked by id"),
        .secondCustomerTable: checkUnloaded("load a from \"a.csv\"\nload b from \"b.csv\""),
        .keyOnLinkedTable: checkUnloaded("load a from \"a.csv\"\nload v from \"v.csv\" linked by id key id"),
        .customerKeyMissing: tables("count clv > 1", customers: "cid,clv\nC1,5\n"),
        .customerKeyEmpty: tables("count clv > 1", customers: "id,clv\n,5\n"),
        .customerKeyDuplicate: tables("count clv > 1", customers: "id,clv\nC1,5\nC1,6\n"),
        .matchedRowDuplicate: tables("count clv > 1", matched: "id,z\nC1,1\nC1,2\n"),
        .linkFieldMissing: tables("count clv > 1", linkedBy: "cust"),
        .rowsNameNoCustomer: tables("count clv > 1", visits: "customer_id,x,clv\nC9,1,2\n"),
        .cellsReadAsNull: tables("count clv > 1", customers: "id,clv\n" + (0..<150).map { "C\($0),\($0 == 3 ? "n/a" : "5")" }.joined(separator: "\n") + "\n"),
        .unknownTableField: tables("derive d = count(v.nope)"),
        .eventFieldOutsideAggregate: tables("derive d = v.x"),
        .eventFieldOfOtherTable: tables("derive d = count(v where w.y > 1)"),
        .unknownTable: check("derive d = nope.x"),
        .eventFieldHidesCustomerField: tables("derive d = count(v where clv > 1)\ncount d > 0"),
        .eventOnlyFunction: check("derive d = first(clv)"),
        .eventModifierWithoutTable: check("let d = count(distinct city)"),
        .aggregateOverTwoTables: tables("derive d = sum(v.x + w.y)"),
        .eventAggregateMisuse: tables("derive d = last(v.x)"),
        .dataNamesNoTable: checkUnloaded("load customers from \"c.csv\"", data: ["people": "p.csv"]),
        .dataAlreadyLoaded: check("load customers from \"c.csv\""),
        .noDataLoaded: checkUnloaded("count 1 > 0"),

        .unknownSetting: check("set asof = 2026-06-30"),
        .asOfSetTwice: check("set as_of = 2026-06-30\nset as_of = 2026-07-01"),
        .alwaysNull: check("let x = null"),
        .derivedType: check("derive d = 3 days"),
        .orderByDuration: check("show member order by 3 days"),
        .durationColumn: check("show member columns 3 days"),
        .exportFileType: check("export member to \"out.txt\""),
        .alreadyDefined: check("segment a where member\nsegment a where member"),
        .nameInUse: check("let clv = 1"),
        .typeMismatch: check("segment a where clv"),
        .perCustomerValue: check("let x = clv"),
        .limitNotWholeNumber: check("show member limit 1.5"),
        .expectedCondition: check("show clv"),
        .invalidCountTarget: check("count 3"),
        .duplicateTier: check("tiers t {\n  a where member\n  a otherwise\n}"),

        .unknownName: check("segment a where clvv > 1"),
        .functionWithoutCall: check("let x = avg"),
        .undeclaredField: run("schema customers {\n  id: string key\n  clv: number\n}\ncount city == \"深圳\""),
        .usedBeforeDefinition: check("count a\nsegment a where member"),
        .definitionUsesItself: check("segment vip where vip and clv > 1"),
        .durationTooLong: check("let d = 5000000 days"),
        .negationType: check("let x = -\"a\""),
        .nullInList: check("segment a where city in [null]"),
        .compareWithNull: check("segment a where clv == null"),
        .orderedBool: check("segment a where member < true"),
        .dateDurationOperator: check("let d = 2026-01-01 * 3 days"),
        .dateSubtraction: check("let d = 2026-01-01 - 2025-01-01"),
        .dateNumberArithmetic: check("let d = 2026-01-01 + 3"),
        .arithmeticType: check("let x = \"a\" + 1"),
        .durationComparison: check("let x = 3 days > 2 days"),
        .comparisonTypeMismatch: check("segment a where clv > \"x\""),

        .filterOnScalarFunction: check("derive x = abs(clv where member)"),
        .unknownFunction: check("let x = foo(1)"),
        .argumentCount: check("let x = abs(1, 2)"),
        .argumentType: check("let x = abs(\"a\")"),
        .mixedArgumentTypes: check("derive x = coalesce(clv, city)"),
        .unorderedArguments: check("derive x = min(member, member)"),
        .ifBranchTypes: check("derive x = if(member, 1, \"a\")"),
        .invalidDateText: check("let d = date(\"nope\")"),
        .nestedAggregate: check("let x = avg(sum(clv))"),
        .percentilePerCustomer: check("let x = percentile(clv, clv)"),
        .percentileOutOfRange: check("let x = percentile(clv, 90)"),
        .ntileBuckets: check("derive x = ntile(clv, 0)"),
        .abcCutoffsNotConstant: check("derive x = abc(clv, clv, 0.9)"),
        .abcCutoffsOrder: check("derive x = abc(clv, 0.9, 0.8)"),

        .unusedSegment: check("segment a where member"),
        .impossibleCondition: check("segment a where clv > 2 and clv < 1\ncount a"),
        .asOfNotSet: check("segment a where last_visit > as_of - 30 days\ncount a"),
        .functionName: check("let max = 3"),
        .caseConfusable: check("derive CLV = clv * 2"),
        .tierUnreachable: check("tiers t {\n  a where clv > 1\n  b where clv > 2\n  c otherwise\n}\ncount t"),
        .tierGap: check("tiers t {\n  a where clv > 1\n}\ncount t"),
        .tierShadowedOnData: tierData("tiers t {\n  a where member or clv > 15\n  b where clv > 4\n  c otherwise\n}\ncount t"),
        .customersWithoutTier: tierData("tiers t {\n  a where clv > 15\n}\ncount t"),

        .assertionFailed: run("assert count(member) < 0"),
        .exportOverwritesData: files(["d.csv": csv, "r.strata": utf8("load customers from \"d.csv\"\nexport customers to \"d.csv\"\n")],
                                     root: "r.strata", command: "run"),
        .exportWriteFailed: {
            // A folder is made as needed, so the folder is made impossible: a plain file stands in its place.
            let dir = Repo.tempDir()
            _ = FileManager.default.createFile(atPath: dir + "/plain", contents: Data())
            return run("export member to \"\(dir)/plain/out.csv\"")()
        },
        .cancelled: {
            // Ctrl-C in the REPL, as a run's own token asked to stop before it starts.
            var options = RunOptions()
            options.cancellation = Cancellation()
            options.cancellation?.request()
            return TestData.run("count member", on: table, options: options).1.diagnostics
        },
        .columnNotFound: evaluate(TypedExpr(.column("gone"), .number, rowLevel: true, .zero)),
        .eventTableNotLoaded: evaluate(TypedExpr(.eventAggregate(EventAggregate(function: .count, table: "gone", argument: nil, by: nil, filter: nil,
                                                                               parameter: nil, perCustomer: true)), .number, rowLevel: true, .zero)),
        .segmentNotComputed: evaluate(TypedExpr(.segment("gone"), .bool, rowLevel: true, .zero)),
        .dataUnreadable: checkUnloaded("load customers from \"\(Repo.tempDir())/missing.csv\"\ncount clv > 1"),
        .dataMalformed: files(["d.csv": utf8("id,clv\nC1\n"), "r.strata": utf8("load customers from \"d.csv\"\ncount clv > 1\n")], root: "r.strata"),
        .dataEncodingDetected: files(["d.csv": [0xFF, 0xFE] + Array("id,clv\nC1,5\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                                      "r.strata": utf8("load customers from \"d.csv\"\ncount clv > 1\n")], root: "r.strata"),
        .dataMissingField: run("schema customers { visits: number }\ncount member"),
        .dataTypeMismatch: run("schema customers { clv: string }\ncount member"),

        .redefinitionUsesItself: repl(["let t = 1", "let t = t * 2"]),
        .redefinitionCycle: repl(["segment a where member", "segment b where a", "segment a where b"]),
        .redefinitionBreaksDependent: repl(["let f = 0.5", "let q = percentile(clv, f)", "let f = 1.5"]),

        .sqlNotTranslated: sql("derive r = clv % 2", .postgres),
        .sqlNameCollision: sql("segment CLV where clv > 1", .spark),

        .formatterChangedMeaning: {
            // The guard against a formatter bug: fed a layout that lost a statement, it refuses.
            let original = Parser.parse(SourceFile(name: "f.strata", text: "count member\ncount clv > 1\n")).program
            return Formatter.selfCheck(original: original, formatted: "count member\n", name: "f.strata").map { [$0] } ?? []
        },

        .invalidGroupField: check("summarize member by 1"),
        .tooManyGroupFields: check("count member by city, clv, last_visit"),
        .duplicateColumnName: check("print n = count(), n = avg(clv)"),
        .unknownSummaryColumn: check("summarize member by city order by rat desc"),

        .overlapNeedsTwo: check("segment a where member\noverlap a"),
        .whyUnknownCustomer: { Pipeline(preloaded: table).why(SourceFile(name: "rules.strata", text: "segment a where member"), key: "C9", name: nil).diagnostics },
        .whyNotAClassification: { Pipeline(preloaded: table).why(SourceFile(name: "rules.strata", text: "segment a where member"), key: "C1", name: "clv").diagnostics },

        .byNotAccepted: check("derive x = round(clv by city)"),
        .rankingByPosition: check("derive x = ntile(clv by city, 5)"),
        .roundDigits: check("derive x = round(clv, 2.5)"),
        .durationPerCustomer: check("derive x = min(days(clv), 3 days) is null"),
    ]

    /// `strata sql` of rules against the table, for one dialect.
    static func sql(_ rules: String, _ dialect: SQLDialect) -> Trigger {
        {
            let c = Pipeline(preloaded: table).compile(SourceFile(name: "rules.strata", text: rules), forCheck: false)
            guard let program = c.program else { return c.result.diagnostics }
            return SQLScript.write(program, SQLOptions(dialect: dialect, asOf: 20000)).diagnostics
        }
    }

    /// What no rule can cause, the checker having ruled it out: evaluating `e` on the table directly.
    static func evaluate(_ e: TypedExpr) -> Trigger {
        {
            do throws(EvalError) {
                _ = try Evaluator(table: table, segments: [:], scalars: [:]).eval(e)
                return []
            } catch {
                var r = RunResult()
                r.add(error, in: "rules.strata")
                return r.diagnostics
            }
        }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func everyCodeIsProducedBySomeInput(_ code: DiagnosticCode) throws {
        let trigger = try #require(Self.triggers[code], "no input for `\(code.rawValue)`")
        let produced = trigger()
        #expect(produced.contains { $0.code == code }, "`\(code.rawValue)` not produced; got \(produced.map { "\($0.code.rawValue): \($0.message)" })")
    }

    /// `usage: …` help falls back to the bare name only for a function missing from the usage table.
    @Test func everyFunctionHasAUsageLine() {
        for name in Checker.functionNames { #expect(DiagnosticMessage.usage[name] != nil, "\(name)") }
    }

    @Test func codesAreKebabCaseAndDistinct() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.allSatisfy { $0 == "-" || $0.isLowercase || $0.isNumber }, "\(code.rawValue)")
            #expect(!code.rawValue.hasPrefix("-") && !code.rawValue.hasSuffix("-") && !code.rawValue.contains("--"))
        }
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    }

    /// docs/diagnostic-codes.md has one table row per code, and no row for a code that does not exist.
    @Test func everyCodeIsDocumented() throws {
        let doc = try String(contentsOfFile: Repo.path("docs/diagnostic-codes.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { line in
            line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(rows.sorted() == DiagnosticCode.allCases.map(\.rawValue).sorted())
    }

    @Test func checkJSONCarriesTheCode() throws {
        let dir = Repo.tempDir()
        try "schema customers { clv: number }\nsegment a where clvv > 1\ncount a\n".write(toFile: dir + "/r.strata", atomically: true, encoding: .utf8)
        let r = CLIRun(["check", dir + "/r.strata", "--format", "json"])
        #expect(r.out.contains("\"severity\":\"error\",\"code\":\"unknown-name\",\"message\":\"unknown name `clvv`\""), "\(r.out)")
    }
}
