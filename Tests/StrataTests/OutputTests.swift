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
        #expect(TextTable.footer(shown: 3, total: 3, noun: "customer") == "(3 customers)")
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

    @Test(arguments: [
        ("phone", "13812345678", "138****5678"), ("手机", "+8613812345678", "+86*******5678"), ("tel", "12345", "*****"),
        ("name", "张三丰", "张**"), ("姓名", "李娜", "李*"), ("name", "欧阳娜娜", "欧***"), ("name", "John Smith", "J***"),
        ("name", "王", "*"), ("email", "zhang@qq.com", "z***@qq.com"), ("邮箱", "no-at-sign", "**********"),
        ("email", "@x.com", "******"), ("id_number", "440301199001011234", "440301********1234"),
        ("身份证", "12345", "*****"), ("city", "深圳", "深圳"), ("name", "", ""),
    ])
    func masks(_ field: String, _ input: String, _ expected: String) {
        #expect(PII.mask(input, fieldName: field) == expected)
    }

    @Test func masksNumbersAndKeepsNull() {
        #expect(PII.mask(Value.number(13812345678), fieldName: "phone") == .string("138****5678"))
        #expect(PII.mask(Value.null, fieldName: "phone") == .null)
        #expect(PII.mask(Value.number(5), fieldName: "age") == .number(5))
    }
}
