import Foundation
import Testing
@testable import Strata

/// Personal data never leaves Strata unmasked without `--reveal-pii`: not through any output, file or
/// message, and not through a value computed from it. docs/privacy.md states the rules tested here.
@Suite struct PrivacyTests {
    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing \(path))" }

    // MARK: - The compiler: what is personal, followed through definitions

    static let catalog = Catalog(tables: [{
        var t = TableSchema(name: "customers", fields: [
            FieldSchema(name: "id", type: .string), FieldSchema(name: "姓名", type: .string),
            FieldSchema(name: "phone", type: .string), FieldSchema(name: "住址", type: .string),
            FieldSchema(name: "contact_phone", type: .string), FieldSchema(name: "note", type: .string),
            FieldSchema(name: "clv", type: .number), FieldSchema(name: "birthday", type: .date),
        ], key: "id")
        t.personal = ["note", "birthday"]
        t.notPersonal = ["contact_phone"]
        return t
    }()])

    /// The personal kind of each bare expression, compiled without data.
    static func kinds(_ text: String) -> [PII.Kind?] {
        let p = Compiler.compile(SourceSet.read(SourceFile(name: "r.strata", text: text), bareExpressions: true), catalog: catalog)
        #expect(p.isValid, "\(p.diagnostics)")
        return p.statements.compactMap { s -> PII.Kind?? in
            if case .expression(_, _, let personal, _) = s.checked.kind { return .some(personal) }
            return nil
        }
    }

    @Test func valuesCarryingPersonalDataArePersonal() {
        let text = """
            let mp = min(phone)
            let mn = max(姓名)
            derive addr = coalesce(住址, "none")
            derive who = if(clv > 1, lower(姓名), "none")
            derive both = coalesce(phone, 住址)
            mp
            mn
            addr
            who
            max(note)
            min(birthday) + 1 day
            year(min(birthday))
            both
            upper(max(note))
            text(max(phone))
            concat("to ", max(姓名))
            """
        #expect(Self.kinds(text) == [.phone, .name, .address, .name, .name, .name, .name, .name, .name, .phone, .name])
    }

    /// A count, a truth value, a length or a rank computed from personal data shows no one's data: masking
    /// it would only hide the answer (`count(phone)` as `**`).
    @Test func countsTruthValuesAndRanksOfPersonalDataAreNot() {
        let text = """
            let n = count(phone)
            derive has_phone = phone is not null
            derive rank = ntile(clv, 4)
            n
            count(where phone is null)
            has_phone
            length(姓名)
            starts_with(住址, "广东")
            max(length(phone))
            if(phone is null, "none", "some")
            max(rank(phone))
            max(rank(clv by 姓名))
            """
        #expect(Self.kinds(text) == [nil, nil, nil, nil, nil, nil, nil, nil, nil])
    }

    /// `public` unmarks a field the name calls personal, through definitions too; `pii` marks one it does not.
    @Test func schemaFlagsMarkAndUnmark() {
        #expect(Self.kinds("contact_phone\nmax(contact_phone)\nlower(note)\nmax(clv)\n") == [nil, nil, .name, nil])
    }

    // MARK: - Schema flags

    @Test func publicIsAFlagAndContradictsPii() {
        func diagnostics(_ rules: String) -> [Diagnostic] {
            Pipeline().check(SourceFile(name: "r.strata", text: rules)).diagnostics
        }
        #expect(diagnostics("schema customers { id: string key\n contact_phone: string public }\n").isEmpty)
        let unknown = diagnostics("schema customers { id: string secret }\n")
        #expect(unknown.map(\.code) == [.unknownFlag])
        #expect(unknown.first?.suggestion?.contains("`public`") == true, "\(unknown)")
        let both = diagnostics("schema customers { phone: string pii public }\n")
        #expect(both.map(\.code) == [.conflictingFlags])
        #expect(both.first?.span.start.column == 38)
        #expect(diagnostics("schema customers { phone: string public public }\n").map(\.code) == [.repeatedFlag])
    }

    @Test func aPublicFieldIsShownAndAPiiFieldMasked() {
        let dir = RulesAsCodeTests.write([
            "c.csv": "id,contact_phone,owner_note,phone\nC1,075588886666,私人备注,13812345678\n",
            "r.strata": """
                schema customers {
                  id: string key
                  contact_phone: string public
                  owner_note: string pii
                  phone: string
                }
                load customers from "c.csv"
                derive office = lower(contact_phone)
                show customers columns contact_phone, office, owner_note, phone

                """,
        ])
        let r = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "contact_phone,office,owner_note,phone\n075588886666,075588886666,私***,138****5678\n")
    }

    /// A matched table's own schema decides for its fields (`may.phone`), in `run` and in the REPL after a
    /// new customer table is loaded and the tables are linked again.
    @Test func sideTablesKeepTheirFlags() {
        let dir = RulesAsCodeTests.write([
            "c.csv": "id,clv\nC1,5\n",
            "c2.csv": "id,clv\nC1,6\n",
            "may.csv": "id,phone,wechat\nC1,075588886666,wxid_office\n",
            "r.strata": """
                schema may {
                  id: string
                  phone: string public
                  wechat: string
                }
                load customers from "c.csv"
                load may from "may.csv" matched by id
                show customers columns id, may.phone, may.wechat

                """,
        ])
        let run = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
        #expect(run.out == "id,may.phone,may.wechat\nC1,075588886666,w*********e\n", "\(run.out)\(run.err)")
        let repl = CLIRun(["repl", dir + "/r.strata"], input: ".load \(dir)/c2.csv\nmax(may.phone)\nmax(may.wechat)\n")
        // Opening the file shows it once; after the `.load` it is still shown as it is.
        #expect(!repl.out.contains("075*****6666"), "\(repl.out)\(repl.err)")
        #expect(repl.out.contains("w*********e"), "\(repl.out)\(repl.err)")
        #expect(!repl.out.contains("wxid_office"), "\(repl.out)")
    }

    // MARK: - Every output path

    static let customers = """
        id,姓名,phone,住址,wechat,联系人,clv
        C1,王伟,13812345678,广东省深圳市南山区科技园1号,wxid_wangwei88,8,3000000
        C2,李娜,13998765432,北京市朝阳区建国路88号,lina_wx_2020,9,500000
        C3,张敏,13700001111,上海市浦东新区世纪大道100号,zhangmin_qq,陈大文,800000

        """

    static let rules = """
        load customers from "c.csv"
        set as_of = 2026-06-30
        let mp = min(phone)
        let mn = max(姓名)
        derive tag = if(clv > 1, 姓名, "none")
        derive reach = coalesce(wechat, phone)
        segment vip where clv >= 800000
        show vip order by clv desc
        show customers columns id, 姓名, phone, 住址, wechat, tag, reach, lower(wechat), 联系人
        count 姓名
        count 住址
        export customers to "out/all.csv"
        export vip to "out/vip.json" columns id, 姓名, phone, 住址, tag, reach
        assert mp == "none", "the first phone"
        assert mn == "none"
        assert max(住址) == "none"
        summarize vip by 姓名 columns top = max(phone), n = count()
        count customers by 住址, 姓名
        print first_wechat = min(wechat), n = count(phone)
        derive label = concat(姓名, "/", text(phone))
        show customers limit 1 per 姓名 order by clv desc
        show customers limit 2 per wechat columns id, label, text(住址), rank(clv by 姓名), concat(text(clv), wechat)
        count label

        """

    /// Values that must never appear: names, phone numbers, streets, WeChat ids.
    static let raw = ["王伟", "李娜", "张敏", "陈大文", "13812345678", "13998765432", "13700001111", "南山区", "朝阳区", "浦东新区",
                      "wxid_wangwei88", "lina_wx_2020", "zhangmin_qq"]

    static func expectNoRawValue(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for v in raw where text.contains(v) { Issue.record("\(what) shows `\(v)`:\n\(text)", sourceLocation: sourceLocation) }
    }

    @Test func noOutputShowsPersonalDataUnlessRevealed() {
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "r.strata": Self.rules,
                              "check.strata": "load customers from \"c.csv\"\nsegment odd where 联系人 > 5\ncount odd\n"])
        let rules = dir + "/r.strata"
        var seen: [(String, String)] = []
        for format in ["table", "csv", "json"] {
            let r = CLIRun(["run", rules, "--format", format])
            #expect(r.code == 1, "\(r.err)")
            seen.append(("run --format \(format) stdout", r.out))
            seen.append(("run --format \(format) stderr", r.err))
        }
        seen.append(("export .csv", Self.read(dir + "/out/all.csv")))
        seen.append(("export .json", Self.read(dir + "/out/vip.json")))
        let test = CLIRun(["test", rules])
        seen.append(("test", test.out + test.err))
        let check = CLIRun(["check", dir + "/check.strata", "--format", "json"])
        #expect(check.code == 1)
        seen.append(("check --format json", check.out + check.err))
        let repl = CLIRun(["repl", rules], input: "mp\nmn\nmax(住址)\nphone\ncoalesce(wechat, 姓名)\ncount 姓名\nexport vip to \"out/repl.csv\"\n"
                           + "summarize customers by 姓名\ncount customers by phone\nprint p = max(phone)\n")
        seen.append(("repl", repl.out + repl.err))
        seen.append(("repl export", Self.read(dir + "/out/repl.csv")))
        let report = CLIRun(["report", rules, "-o", dir + "/report.html"])
        #expect(report.code == 1, "\(report.err)")
        seen.append(("report", Self.read(dir + "/report.html")))
        seen.append(("report stderr", report.err))
        for (what, text) in seen { Self.expectNoRawValue(text, what) }

        // What is shown instead: the masks.
        let table = seen[0].1
        for masked in ["王*", "138****5678", "广东省深圳市****", "w************8", "上海市****", "first_wechat  l**********0"] {
            #expect(table.contains(masked), "run shows \(masked)")
        }
        #expect(test.out.contains("FAIL \(rules):14:8: the first phone (mp == \"none\") — mp is \"137****1111\""), "\(test.out)")
        #expect(check.out.contains("line 4 has `陈**`"), "\(check.out)")
        #expect(repl.out.contains("137****1111"), "\(repl.out)")

        // With --reveal-pii every output shows the data as it is.
        for format in ["table", "csv", "json"] {
            let r = CLIRun(["run", rules, "--format", format, "--reveal-pii"])
            for v in ["王伟", "13812345678", "广东省深圳市南山区科技园1号", "wxid_wangwei88", "陈大文"] {
                #expect(r.out.contains(v), "run --format \(format) --reveal-pii shows \(v)")
            }
            #expect(r.err.contains("mp is \"13700001111\""), "\(r.err)")
        }
        #expect(Self.read(dir + "/out/all.csv").contains("C1,王伟,13812345678,广东省深圳市南山区科技园1号,wxid_wangwei88,8,3000000,王伟,wxid_wangwei88"))
        #expect(Self.read(dir + "/out/vip.json").contains("\"住址\":\"上海市浦东新区世纪大道100号\""))
        _ = CLIRun(["report", rules, "-o", dir + "/revealed.html", "--reveal-pii"])
        let revealedReport = Self.read(dir + "/revealed.html")
        for v in ["王伟", "13812345678", "广东省深圳市南山区科技园1号", "wxid_wangwei88", "陈大文"] {
            #expect(revealedReport.contains(v), "report --reveal-pii shows \(v)")
        }
        let revealed = CLIRun(["repl", rules, "--reveal-pii"], input: "mp\nmax(住址)\n")
        #expect(revealed.out.contains("13700001111"), "\(revealed.out)")
        #expect(revealed.out.contains("上海市浦东新区世纪大道100号"), "\(revealed.out)")
    }

    /// Counting by a personal field lists masked groups; a count computed from one is a plain number.
    @Test func countsOfPersonalDataAreShownAsNumbers() {
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "r.strata": """
            load customers from "c.csv"
            let with_phone = count(phone)
            assert with_phone == 0
            assert count(where 住址 is null) == 1

            """])
        let r = CLIRun(["run", dir + "/r.strata"])
        #expect(r.err.contains("with_phone is 3"), "\(r.err)")
        #expect(r.err.contains("count(where 住址 is null) is 0"), "\(r.err)")
    }

    // MARK: - Messages about the data

    /// A key that is personal data (customers keyed by phone, a log linked by phone) is masked in the
    /// messages that name a duplicate or a row that names no customer.
    @Test func messagesMaskPersonalKeys() {
        let dir = RulesAsCodeTests.write([
            "c.csv": "phone,clv\n13812345678,1\n13812345678,2\n",
            "d.csv": "phone,clv\n13812345678,1\n13998765432,2\n",
            "v.csv": "phone,date\n13700001111,2026-01-01\n",
            "dup.strata": "load customers from \"c.csv\" key phone\nload visits from \"v.csv\" linked by phone\ncount customers\n",
            "orphan.strata": "load customers from \"d.csv\" key phone\nload visits from \"v.csv\" linked by phone\ncount customers\n",
        ])
        let dup = CLIRun(["run", dir + "/dup.strata"])
        #expect(dup.code == 3)
        #expect(dup.err.contains("the customer key `138****5678` is given twice"), "\(dup.err)")
        let orphan = CLIRun(["check", dir + "/orphan.strata", "--format", "json"])
        #expect(orphan.out.contains("137****1111"), "\(orphan.out)")
        for v in ["13812345678", "13700001111"] {
            #expect(!dup.err.contains(v))
            #expect(!orphan.out.contains(v))
        }
    }
}

extension PrivacyTests {
    /// `strata why`, `.why` and `overlap` show no personal value unless revealed: not a clause's value, not a
    /// literal it is compared with, in any format.
    @Test func whyAndOverlapMaskPersonalData() {
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "r.strata": """
            load customers from "c.csv"
            derive reach = coalesce(wechat, phone)
            segment 王 where starts_with(姓名, "王") or phone == "13998765432"
            segment reachable where reach is not null and 住址 is not null
            tiers t {
              a where 姓名 == "赵六"
              b otherwise
            }
            overlap 王, reachable

            """])
        let rules = dir + "/r.strata"
        var seen: [(String, String)] = []
        for key in ["C1", "C2", "C3"] {
            for format in ["table", "csv", "json"] {
                let r = CLIRun(["why", rules, key, "--format", format])
                #expect(r.code == 0, "\(r.err)")
                seen.append(("why \(key) --format \(format)", r.out + r.err))
            }
        }
        let repl = CLIRun(["repl", rules], input: ".why C1\n.why C2 t\n")
        seen.append(("repl .why", repl.out + repl.err))
        for (what, text) in seen { Self.expectNoRawValue(text, what) }
        #expect(seen[0].1.contains("phone = \"138****5678\" == \"139****5432\""), "\(seen[0].1)")
        #expect(seen[0].1.contains("reach = \"w***\""), "\(seen[0].1)")
        #expect(seen[0].1.contains("姓名 = \"王*\" == \"赵*\""), "\(seen[0].1)")
        let revealed = CLIRun(["why", rules, "C1", "--reveal-pii"])
        #expect(revealed.out.contains("phone = \"13812345678\" == \"13998765432\""), "\(revealed.out)")
    }
}

extension PrivacyTests {
    /// `strata diff` shows counts, tiers and keys: a personal key (a phone) is masked in every format and
    /// in the `--export` file, and derived fields computed from personal data are only counted.
    @Test func diffShowsNoPersonalDataUnlessRevealed() {
        let keyed = Self.rules.replacingOccurrences(of: "load customers from \"c.csv\"", with: "load customers from \"c.csv\" key phone")
            + "tiers level {\n  high where clv >= 800000\n  low otherwise\n}\n"
        let later = Self.customers.replacingOccurrences(of: ",8,3000000", with: ",8,300000").replacingOccurrences(of: "王伟", with: "王小伟")
        let dir = RulesAsCodeTests.write(["c.csv": Self.customers, "c2.csv": later, "r.strata": keyed])
        var seen: [(String, String)] = []
        for format in ["table", "csv", "json"] {
            let r = CLIRun(["diff", dir + "/r.strata", "--against", "customers=\(dir)/c2.csv", "--format", format, "--export", dir + "/moves.csv"])
            #expect(r.code == 1, "\(r.err)")
            seen.append(("diff --format \(format)", r.out + r.err))
            seen.append(("diff --export", Self.read(dir + "/moves.csv")))
        }
        for (what, text) in seen { Self.expectNoRawValue(text, what) }
        #expect(Self.read(dir + "/moves.csv").contains("138****5678,vip,true,false"))
        _ = CLIRun(["diff", dir + "/r.strata", "--against", "customers=\(dir)/c2.csv", "--export", dir + "/moves.csv", "--reveal-pii"])
        #expect(Self.read(dir + "/moves.csv").contains("13812345678,vip,true,false"))
    }
}
