import Foundation
import Testing
@testable import Strata

@Suite struct ValueFormatTests {
    @Test(arguments: [
        (2_000_000.0, "2000000"), (0.0, "0"), (-0.0, "0"), (42.0, "42"), (-17.0, "-17"), (3.5, "3.5"),
        (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"), (1e15, "1000000000000000"), (1.5e-5, "0.000015"),
        (1e-6, "0.000001"), (-2.5e-5, "-0.000025"), (123456789.125, "123456789.125"), (1e20, "1e+20"),
        (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
    ])
    func numbers(_ d: Double, _ expected: String) {
        #expect(ValueFormat.text(.number(d)) == expected)
    }

    @Test func otherValues() {
        #expect(ValueFormat.text(.null) == "")
        #expect(ValueFormat.text(.bool(true)) == "true")
        #expect(ValueFormat.text(.bool(false)) == "false")
        #expect(ValueFormat.text(.string("深圳")) == "深圳")
        #expect(ValueFormat.text(.date(20634)) == "2026-06-30")
        #expect(ValueFormat.text(.duration(months: 0, days: 90)) == "90 days")
        #expect(ValueFormat.text(.duration(months: 14, days: 1)) == "1 year 2 months 1 day")
        #expect(ValueFormat.text(.duration(months: -6, days: 0)) == "-6 months")
    }

    @Test func noExponentInRange() {
        var x = 1e-6
        while x < 1e15 {
            let s = ValueFormat.number(x * 1.2345)
            #expect(!s.contains("e"), "\(s)")
            #expect(Double(s) == x * 1.2345)
            x *= 7.3
        }
    }

    @Test(arguments: [(0.1234, "12.3%"), (1.0, "100.0%"), (0.0, "0.0%"), (0.99951, ">99.9%"), (0.0005, "0.1%"),
                      (-0.25, "-25.0%"), (0.0002, "<0.1%"), (0.9998, ">99.9%"), (0.9994, "99.9%")])
    func share(_ f: Double, _ expected: String) {
        #expect(ValueFormat.share(f) == expected)
    }

    @Test(arguments: [(2048210.0000000014, "2048210"), (0.1 + 0.2, "0.3"), (1987609.9999999977, "1987610"), (4.25, "4.25"),
                      (1.0 / 3.0, "0.333333333333333"), (3e20, "3e+20"), (-0.5, "-0.5")])
    func tablesHideFloatNoise(_ x: Double, _ shown: String) {
        #expect(ValueFormat.display(.number(x)) == shown)
        // CSV and JSON keep every digit.
        #expect(Double(ValueFormat.text(.number(x))) == x)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1234, "1,234"), (1_234_567, "1,234,567"), (-1000, "-1,000")])
    func grouped(_ n: Int, _ expected: String) {
        #expect(ValueFormat.grouped(n) == expected)
    }
}

@Suite struct TextTableTests {
    @Test func alignsChineseAndNumbers() {
        let t = TextTable(headers: ["id", "name", "city", "clv"],
                          rows: [["C0000001", "王**", "深圳", "2500000"], ["C0000002", "Li", "上海", "80"]],
                          rightAligned: [3])
        let expected = """
            id        name  city      clv
            --------  ----  ----  -------
            C0000001  王**  深圳  2500000
            C0000002  Li    上海       80

            """
        #expect(t.render() == expected)
    }

    @Test func everyLineHasTheSameWidthAndNoTrailingSpace() {
        let t = TextTable(headers: ["客户", "n"], rows: [["欧阳娜娜", "1"], ["x", "22"]], rightAligned: [1])
        let lines = t.render().split(separator: "\n")
        #expect(Set(lines.map { DisplayWidth.of($0) }).count == 1)
        #expect(t.render().hasSuffix("\n"))
        for l in t.render().split(separator: "\n") { #expect(!l.hasSuffix(" ")) }
    }

    @Test func truncatesLongCellsRespectingWideCharacters() {
        let long = String(repeating: "深", count: 30)
        let cell = TextTable.fit(long)
        #expect(cell.width <= TextTable.maxCellWidth)
        #expect(cell.text.hasSuffix("…"))
        #expect(cell.text == String(repeating: "深", count: 19) + "…")
        let ascii = TextTable.fit(String(repeating: "a", count: 41))
        #expect(ascii.text == String(repeating: "a", count: 39) + "…")
        #expect(TextTable.fit(String(repeating: "a", count: 40)).text.count == 40)
    }

    @Test func controlCharactersStayOnOneLine() {
        #expect(TextTable.fit("a\nb\tc").text == "a↵b c")
    }

    @Test func raggedRowsAndValues() {
        let t = TextTable(headers: ["a", "b"], rows: [["1"]])
        #expect(t.render() == "a  b\n-  -\n1\n")
        let v = TextTable(headers: ["n", "s"], values: [[.number(1), .string("x")], [.null, .string("y")]])
        #expect(v.rightAligned == [0])
        #expect(TextTable(headers: [], rows: []).render() == "")
    }

    @Test func footer() {
        #expect(TextTable.footer(shown: 20, total: 1234) == "(20 of 1,234 rows)")
        #expect(TextTable.footer(shown: 1, total: 1) == "(1 row)")
        #expect(TextTable.footer(shown: 3, total: 3, noun: .customers) == "(3 customers)")
        #expect(Language.$current.withValue(.zh) { TextTable.footer(shown: 20, total: 1234, noun: .customers) } == "（共 1,234 位客户，显示 20）")
    }
}

@Suite struct CSVAndJSONTests {
    @Test func csvQuotesOnlyWhenNeeded() {
        let text = CSVWriter.render(headers: ["id", "note", "n", "d", "b"], rows: [
            [.string("C1"), .string("a,b"), .number(2e6), .date(20634), .bool(true)],
            [.string("C2"), .string("say \"hi\""), .null, .null, .bool(false)],
            [.string("C3"), .string("line\nbreak"), .number(0.5), .null, .null],
            [.string("C4"), .string("cr\rhere"), .number(-0.0), .null, .null],
        ])
        let expected = "id,note,n,d,b\n" + "C1,\"a,b\",2000000,2026-06-30,true\n" + "C2,\"say \"\"hi\"\"\",,,false\n"
            + "C3,\"line\nbreak\",0.5,,\n" + "C4,\"cr\rhere\",0,,\n"
        #expect(text == expected)
        #expect(!text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func jsonOneObjectPerLine() {
        let text = JSONWriter.render(headers: ["id", "城市", "clv", "vip", "d", "x"], rows: [
            [.string("C1"), .string("深圳"), .number(2_500_000), .bool(true), .date(20634), .null],
            [.string("C2"), .string("上海"), .number(.nan), .bool(false), .null],
        ])
        #expect(text == """
            [
            {"id":"C1","城市":"深圳","clv":2500000,"vip":true,"d":"2026-06-30","x":null},
            {"id":"C2","城市":"上海","clv":null,"vip":false,"d":null,"x":null}
            ]

            """)
        #expect(JSONWriter.render(headers: ["a"], rows: []) == "[\n]\n")
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("a\"b", "\"a\\\"b\""), ("back\\slash", "\"back\\\\slash\""),
        ("tab\there", "\"tab\\there\""), ("nl\n", "\"nl\\n\""), ("\u{01}", "\"\\u0001\""), ("\u{1F}", "\"\\u001f\""),
        ("客户", "\"客户\""),
    ])
    func jsonQuote(_ s: String, _ expected: String) {
        #expect(JSONWriter.quote(s) == expected)
    }
}

@Suite struct AtomicFileTests {
    func scratch() -> String {
        let dir = NSTemporaryDirectory() + "strata-atomic-\(UUID().uuidString)"
        return dir
    }

    func entries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test func writesCreatesFoldersAndOverwrites() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out/sub/vip.csv"
        try AtomicFile.write("a,b\n深圳,1\n", to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("a,b\n深圳,1\n".utf8))
        try AtomicFile.write([0x78], to: path)
        #expect(FileManager.default.contents(atPath: path) == Data([0x78]))
        #expect(entries(dir + "/out/sub") == ["vip.csv"])
    }

    @Test func failedRenameLeavesNoTemporaryFile() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A non-empty folder at the target makes the final rename fail even for root.
        try FileManager.default.createDirectory(atPath: dir + "/target/inner", withIntermediateDirectories: true)
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("data", to: dir + "/target") }
        #expect(entries(dir) == ["target"])
    }

    @Test func parentIsAFileGivesAClearError() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("x", to: dir + "/plain")
        do {
            try AtomicFile.write("y", to: dir + "/plain/out.csv")
            Issue.record("expected a failure")
        } catch let e as AtomicFileError {
            #expect(e.description.contains(dir + "/plain/out.csv"))
        }
        #expect(entries(dir) == ["plain"])
    }

    @Test func discardedStreamLeavesOldContent() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.csv"
        try AtomicFile.write("old", to: path)
        let w = try AtomicFileWriter(path: path)
        try w.write(Array("half".utf8))
        w.discard()
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        #expect(entries(dir) == ["big.csv"])
    }
}

@Suite struct MaskingTests {
    @Test(arguments: [
        ("name", true), ("姓名", true), ("customer_name", true), ("客户姓名", true), ("phone", true), ("mobile", true),
        ("tel", true), ("手机", true), ("联系电话", true), ("email", true), ("邮箱", true), ("id_number", true),
        ("身份证", true), ("id_card", true), ("Phone", true), ("owner_name", true),
        ("id", false), ("city", false), ("project_name", false), ("clv", false), ("hotel", false), ("城市", false),
    ])
    func personalFields(_ field: String, _ personal: Bool) {
        #expect(PII.isPersonal(fieldName: field) == personal)
    }

    /// The common Chinese and English names of personal fields, their compounds, and look-alikes that are not.
    @Test(arguments: [
        // Chinese
        ("姓名", PII.Kind.name), ("客户名", .name), ("客户名称", .name), ("联系人", .name), ("紧急联系人", .name), ("客户姓名", .name),
        ("业主", .name), ("手机", .phone), ("手机号", .phone), ("手机号码", .phone), ("联系方式", .phone), ("电话", .phone),
        ("联系电话", .phone), ("联系人电话", .phone), ("座机", .phone), ("微信", .account), ("微信号", .account), ("QQ", .account),
        ("QQ号", .account), ("qq号码", .account), ("身份证", .idNumber), ("身份证号", .idNumber), ("证件号", .idNumber),
        ("证件号码", .idNumber), ("住址", .address), ("地址", .address), ("家庭住址", .address), ("联系地址", .address),
        ("邮箱", .email), ("电子邮箱", .email), ("邮箱地址", .email),
        // English, snake_case, camelCase, with qualifiers
        ("name", .name), ("cust_name", .name), ("contact", .name), ("customer_contact", .name), ("first_name", .name),
        ("customerName", .name), ("name_en", .name), ("phone", .phone), ("mobile", .phone), ("tel", .phone),
        ("contact_phone", .phone), ("contactPhone", .phone), ("phone_number", .phone), ("phone_2", .phone), ("mobile_home", .phone),
        ("wechat", .account), ("WeChat", .account), ("wechat_id", .account), ("qq", .account), ("qq_no", .account),
        ("id_card", .idNumber), ("idCard", .idNumber), ("id_number", .idNumber), ("id_card_no", .idNumber), ("passport", .idNumber),
        ("email", .email), ("e-mail", .email), ("eMail", .email), ("email_address", .email),
        ("address", .address), ("home_address", .address), ("homeAddress", .address), ("addr", .address),
    ])
    func personalKinds(_ field: String, _ kind: PII.Kind) {
        #expect(PII.kind(fieldName: field) == kind, "\(field)")
    }

    /// Names that look personal but hold a project's, a city's or the developer's data, a count, a date or a flag.
    @Test(arguments: [
        "project_name", "city_name", "项目名称", "城市名", "contact_count", "联系次数", "联系人数", "证件类型", "phone_count",
        "last_contact", "first_contact", "email_verified", "ip_address", "project_address", "项目地址", "售楼处电话", "是否有手机",
        "id", "customer_id", "客户编号", "hotel", "channel", "referrals", "名单", "tel_count", "store_phone", "sales_email",
    ])
    func notPersonal(_ field: String) {
        #expect(PII.kind(fieldName: field) == nil, "\(field)")
    }

    @Test(arguments: [
        ("phone", "13812345678", "138****5678"), ("手机", "+8613812345678", "+86*******5678"), ("tel", "12345", "*****"),
        ("name", "张三丰", "张**"), ("姓名", "李娜", "李*"), ("name", "欧阳娜娜", "欧***"), ("name", "John Smith", "J***"),
        ("name", "王", "*"), ("email", "zhang@qq.com", "z***@qq.com"), ("邮箱", "no-at-sign", "**********"),
        ("email", "@x.com", "******"), ("id_number", "440301199001011234", "440301********1234"),
        ("身份证", "12345", "*****"), ("city", "深圳", "深圳"), ("name", "", ""),
        ("住址", "广东省深圳市南山区科技园1号", "广东省深圳市****"), ("地址", "北京市朝阳区建国路88号", "北京市****"),
        ("address", "浙江杭州西湖区文三路", "浙江****"), ("home_address", "新疆维吾尔自治区乌鲁木齐市天山区", "新疆维吾尔自治区乌鲁木齐市****"),
        ("地址", "南山区科技园市场", "南山****"), ("住址", "广东省", "****"),
        ("address", "12 Main St, Springfield", "****"), ("address", "深圳市", "****"), ("address", "南山", "****"),
        ("wechat", "wxid_abc123", "w*********3"), ("qq", "12345678", "1******8"), ("微信", "ab", "**"),
        ("name", "阿卜杜·艾力", "阿*****"), ("name", "José", "J***"), ("phone", " 13812345678 ", "138****5678"),
    ])
    func masks(_ field: String, _ input: String, _ expected: String) {
        #expect(PII.mask(input, fieldName: field) == expected)
    }

    /// Text outside ASCII and Chinese (combining accents, emoji) is masked by characters, as the fast path
    /// over scalars would mask it were every character one scalar.
    @Test func masksByCharacterWhateverTheScript() {
        #expect(PII.mask("Jose\u{301} Smith", kind: .name) == "J***")
        #expect(PII.mask("🇨🇳👨‍👩‍👧x@a.cn", kind: .email) == "🇨🇳***@a.cn")
        #expect(PII.mask("👍🏽ab", kind: .account) == "👍🏽*b")
        #expect(PII.mask("e\u{301}e\u{301}e\u{301}", kind: .account) == "e\u{301}*e\u{301}")
    }

    /// The fast path over UTF-8 bytes gives what the general path by Characters gives.
    @Test(arguments: PII.Kind.allCases)
    func bytesAndCharactersAgree(_ kind: PII.Kind) {
        let texts = ["13812345678", " 138 1234 5678 ", "+8613812345678", "张三丰", "欧阳娜娜", "John Smith", "王", "a@b.c", "@x.com",
                     "zhang@qq.com", "440301199001011234", "广东省深圳市南山区科技园1号", "北京市朝阳区", "新疆维吾尔自治区乌鲁木齐市天山区",
                     "wxid_abc123", "ab", "x", "阿卜杜·艾力", "（深圳）南山区", "１２３４５６７８", "𠀀𠀁𠀂𠀃𠀄", "\t", "A"]
        for t in texts {
            let fast = PII.maskOneScalarCharacters(t, kind: kind)
            #expect(fast != nil, "\(t) is ASCII and Chinese")
            #expect(fast == PII.maskByCharacters(t, kind: kind), "\(t) as \(kind)")
        }
        #expect(PII.maskOneScalarCharacters("José", kind: kind) == nil)
    }

    @Test func masksNumbersAndKeepsNull() {
        #expect(PII.mask(Value.number(13812345678), fieldName: "phone") == .string("138****5678"))
        #expect(PII.mask(Value.null, fieldName: "phone") == .null)
        #expect(PII.mask(Value.number(5), fieldName: "age") == .number(5))
    }
}
