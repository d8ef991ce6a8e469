import Foundation
import Testing
@testable import Strata

enum Load {
    static func csv(_ text: String) throws(LoadError) -> Table {
        try TableLoader.loadCSV(bytes: Array(text.utf8), name: "t.csv", tableName: "customers")
    }

    static func csvError(_ text: String) -> LoadError? {
        do throws(LoadError) {
            _ = try csv(text)
            return nil
        } catch {
            return error
        }
    }

    static func values(_ t: Table, _ name: String) -> [Value] {
        guard let c = t.column(named: name) else { return [] }
        return (0..<c.count).map { c.value(at: $0) }
    }
}

@Suite struct CSVReaderTests {
    @Test func basicTableWithTypes() throws {
        let t = try Load.csv("id,city,clv,member,last_visit\nC1,深圳,2000000,true,2026-06-30\nC2,广州,1.5e6,FALSE,2026/1/5\n")
        #expect(t.rowCount == 2)
        #expect(t.columns.map(\.name) == ["id", "city", "clv", "member", "last_visit"])
        #expect(t.columns.map(\.type) == [.string, .string, .number, .bool, .date])
        #expect(Load.values(t, "clv") == [.number(2_000_000), .number(1_500_000)])
        #expect(Load.values(t, "member") == [.bool(true), .bool(false)])
        #expect(Load.values(t, "last_visit") == [.date(CivilDate.parse("2026-06-30") ?? 0), .date(CivilDate.parse("2026-01-05") ?? 0)])
    }

    @Test func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,clv\r\nC1,5\r\nC2,6\r\n".utf8)
        let t = try TableLoader.loadCSV(bytes: bytes, name: "t.csv", tableName: "c")
        #expect(t.columns.first?.name == "id")
        #expect(Load.values(t, "clv") == [.number(5), .number(6)])
        #expect(Load.values(t, "id") == [.string("C1"), .string("C2")])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let t = try Load.csv("id,note,clv\nC1,\"a, b\",1\nC2,\"say \"\"hi\"\"\",2\nC3,\"line1\nline2\",3\nC4,\"crlf\r\ninside\",4\n")
        #expect(Load.values(t, "note") == [.string("a, b"), .string("say \"hi\""), .string("line1\nline2"), .string("crlf\r\ninside")])
        #expect(Load.values(t, "clv") == [.number(1), .number(2), .number(3), .number(4)])
    }

    @Test func emptyCellsAreNull() throws {
        let t = try Load.csv("id,clv,city,d\nC1,,深圳,\nC2,3,,2026-01-01\nC3, ,  ,\n")
        #expect(Load.values(t, "clv") == [.null, .number(3), .null])
        #expect(Load.values(t, "city") == [.string("深圳"), .null, .null])
        #expect(t.column(named: "d")?.type == .date)
        #expect(t.column(named: "clv")?.nullCount == 2)
    }

    @Test func trailingAndBlankLinesAreIgnored() throws {
        let t = try Load.csv("id,clv\nC1,1\n\nC2,2\n\n\n")
        #expect(t.rowCount == 2)
        let noFinalNewline = try Load.csv("id,clv\nC1,1\nC2,2")
        #expect(noFinalNewline.rowCount == 2)
    }

    @Test func raggedRowNamesItsLine() {
        #expect(Load.csvError("id,clv\nC1,1\nC2,2,3\n")?.description.text() == "t.csv:3: row has 3 fields, the header has 2")
        // The record on line 4 starts after a quoted field that spans lines 2–3.
        #expect(Load.csvError("id,note\nC1,\"two\nlines\"\nC2\n")?.line == 4)
        #expect(Load.csvError("id,note\nC1,\"two\nlines\"\nC2\n")?.message == "row has 1 field, the header has 2")
    }

    @Test func headerProblems() {
        #expect(Load.csvError("id,,clv\n1,2,3\n")?.message == "column 2 of the header has no name")
        #expect(Load.csvError("id,clv,clv\n1,2,3\n")?.message == "the header names `clv` twice (columns 2 and 3)")
        #expect(Load.csvError("")?.message.hasPrefix("the file is empty") == true)
    }

    @Test func headerOnlyGivesAnEmptyTable() throws {
        let t = try Load.csv("id,clv\n")
        #expect(t.rowCount == 0)
        #expect(t.columns.map(\.type) == [.string, .string])
    }

    @Test func unterminatedQuoteNamesWhereItOpened() {
        let e = Load.csvError("id,note\nC1,ok\nC2,\"never closed\nC3,x\n")
        #expect(e?.line == 3)
        #expect(e?.message == "a quoted field opened here is never closed")
    }

    @Test func chineseHeadersAndValues() throws {
        let t = try Load.csv("客户编号,姓名,城市,金额\n001,王伟,深圳,200万\n002,李娜,北京,1.5亿\n")
        #expect(t.column(named: "客户编号")?.type == .string)
        #expect(Load.values(t, "金额") == [.number(2_000_000), .number(150_000_000)])
        #expect(Load.values(t, "姓名") == [.string("王伟"), .string("李娜")])
    }

    @Test func dictionaryCodesFollowFirstAppearance() throws {
        let t = try Load.csv("id,city\n1a,广州\n2a,深圳\n3a,广州\n4a,上海\n")
        guard case .string(let codes, let dict)? = t.column(named: "city")?.storage else {
            Issue.record("city is not a string column")
            return
        }
        #expect(dict == ["广州", "深圳", "上海"])
        #expect(codes == [0, 1, 0, 2])
    }

    @Test func gb18030IsConverted() throws {
        // "id,城市\nC1,深圳\n" as GBK bytes.
        let bytes: [UInt8] = Array("id,".utf8) + [0xB3, 0xC7, 0xCA, 0xD0] + Array("\nC1,".utf8) + [0xC9, 0xEE, 0xDB, 0xDA] + [0x0A]
        let t = try TableLoader.loadCSV(bytes: bytes, name: "gbk.csv", tableName: "c")
        #expect(Load.values(t, "城市") == [.string("深圳")])
    }

    @Test func utf16WithAMarkIsConverted() throws {
        // "i\n1\n" in UTF-16 LE after its byte order mark.
        let t = try TableLoader.loadCSV(bytes: [0xFF, 0xFE, 0x69, 0x00, 0x0A, 0x00, 0x31, 0x00, 0x0A, 0x00], name: "u16.csv", tableName: "c")
        #expect(Load.values(t, "i") == [.number(1)])
        #expect(t.detectedEncoding == .utf16le)
    }

    @Test func missingFileAndUnknownExtension() {
        do throws(LoadError) {
            _ = try TableLoader.load(path: "/nonexistent/x.csv", tableName: "c")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.text() == "/nonexistent/x.csv: cannot read the file: no such file")
        }
        do throws(LoadError) {
            _ = try TableLoader.load(path: "data.xlsx", tableName: "c")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains(".csv"))
        }
    }

    @Test func filesOnDiskGiveWhatTheBytesGive() throws {
        // UTF-8 files are parsed in place from a mapping; GB18030 ones are read and converted first.
        let cases: [(String, [UInt8])] = [
            ("bom-crlf.csv", [0xEF, 0xBB, 0xBF] + Array("id,member,城市\r\nC1,TRUE,深圳\r\nC2,False,\r\nC3,,广州\r\n".utf8)),
            ("quoted.csv", Array("id,note\nC1,\"a,\"\"b\"\"\nc\"\nC2,x".utf8)),
            ("gbk.csv", Array("id,".utf8) + [0xB3, 0xC7, 0xCA, 0xD0] + Array("\nC1,".utf8) + [0xC9, 0xEE, 0xDB, 0xDA] + [0x0A]),
        ]
        let dir = Repo.tempDir()
        for (name, bytes) in cases {
            let path = dir + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let fromFile = try TableLoader.load(path: path, tableName: "c")
            let fromBytes = try TableLoader.loadCSV(bytes: bytes, name: path, tableName: "c")
            #expect(fromFile.columns.map(\.name) == fromBytes.columns.map(\.name), "\(name)")
            for c in fromBytes.columns {
                #expect(Load.values(fromFile, c.name) == Load.values(fromBytes, c.name), "\(name): \(c.name)")
            }
        }
        let t = try TableLoader.load(path: dir + "/bom-crlf.csv", tableName: "c")
        #expect(Load.values(t, "member") == [.bool(true), .bool(false), .null])
        #expect(Load.values(t, "城市") == [.string("深圳"), .null, .string("广州")])
    }

    @Test func tsvByExtension() throws {
        let dir = Repo.tempDir()
        let path = dir + "/t.tsv"
        try "id\tclv\nC1\t5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let t = try TableLoader.load(path: path, tableName: "c")
        #expect(Load.values(t, "clv") == [.number(5)])
    }

    @Test func randomBytesNeverCrash() {
        var state: UInt64 = 42
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            let n = Int(state % 200)
            for _ in 0..<n {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pick = Int(state >> 59)
                let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0x31, 0x20, 0xE4, 0xB8, 0x87, 0xFF, 0x2E, 0x65, 0x2D, 0x7B, 0x5B]
                bytes.append(alphabet[pick % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            do throws(LoadError) {
                let t = try TableLoader.loadCSV(bytes: bytes, name: "r.csv", tableName: "c")
                #expect(t.columns.allSatisfy { $0.count == t.rowCount })
            } catch {
                #expect(!error.message.isEmpty)
            }
            do throws(LoadError) {
                _ = try TableLoader.loadJSON(bytes: bytes, name: "r.json", tableName: "c", lines: state % 2 == 0)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }
}

@Suite struct TypeInferenceTests {
    @Test(arguments: [
        ("id", "007"), ("phone", "13800138000"), ("code", "1234"), ("x", "007"), ("x", "13800138000"), ("customer_id", "12"),
        ("手机", "138"), ("zip", "518000"),
    ])
    func identifierLikeColumnsStayStrings(_ name: String, _ cell: String) throws {
        let t = try Load.csv("\(name)\n\(cell)\n1\n")
        #expect(t.columns.first?.type == .string)
        #expect(Load.values(t, name).first == .string(cell))
    }

    @Test(arguments: [("0", 0.0), ("0.5", 0.5), ("-12", -12.0), ("1_000", nil), ("3e2", 300.0), (" 42 ", 42.0), ("200万", 2e6), ("+7", 7.0)] as [(String, Double?)])
    func numbers(_ cell: String, _ expected: Double?) throws {
        let t = try Load.csv("x\n\(cell)\n")
        if let e = expected {
            #expect(Load.values(t, "x") == [.number(e)])
        } else {
            #expect(t.columns.first?.type == .string)
        }
    }

    @Test func numberParsingMatchesTheStandardLibrary() {
        var state: UInt64 = 7
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Int64(bitPattern: state >> 11) % 10_000_000_000_000_000
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let decimals = Int(state % 12)
            var text = String(mantissa)
            if decimals > 0, text.count > decimals + 1 {
                text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            }
            if state % 5 == 0 { text += "e\(Int(state % 40) - 20)" }
            let bytes = Array(text.utf8)
            let ours = bytes.withUnsafeBufferPointer { NumberParser.parse($0, 0, $0.count) }
            #expect(ours == Double(text), "\(text)")
        }
    }

    @Test func mixedColumnsFallBackToString() throws {
        let t = try Load.csv("a,b,c\n1,true,2026-01-01\nx,1,soon\n")
        #expect(t.columns.map(\.type) == [.string, .string, .string])
        #expect(Load.values(t, "b") == [.string("true"), .string("1")])
    }
}

@Suite struct JSONReaderTests {
    static func json(_ text: String, lines: Bool = false) throws(LoadError) -> Table {
        try TableLoader.loadJSON(bytes: Array(text.utf8), name: "t.json", tableName: "c", lines: lines)
    }

    @Test func arrayOfObjects() throws {
        let t = try Self.json("[\n {\"id\": \"C1\", \"clv\": 2e6, \"vip\": true, \"d\": \"2026-06-30\", \"城市\": \"深圳\"},\n {\"id\": \"C2\", \"clv\": null, \"vip\": false}\n]")
        #expect(t.rowCount == 2)
        #expect(t.columns.map(\.name) == ["id", "clv", "vip", "d", "城市"])
        #expect(t.columns.map(\.type) == [.string, .number, .bool, .date, .string])
        #expect(Load.values(t, "clv") == [.number(2e6), .null])
        #expect(Load.values(t, "城市") == [.string("深圳"), .null])
    }

    @Test func jsonLinesWithMissingKeysAndEscapes() throws {
        let t = try Self.json("{\"id\":\"a\",\"n\":1}\n\n{\"id\":\"b\",\"note\":\"tab\\there \\u6DF1\\\"\"}\n", lines: true)
        #expect(t.rowCount == 2)
        #expect(Load.values(t, "n") == [.number(1), .null])
        #expect(Load.values(t, "note") == [.null, .string("tab\there 深\"")])
    }

    @Test func idLikeNumbersStayText() throws {
        let t = try Self.json("[{\"customer_id\": 12, \"x\": 1}]")
        #expect(Load.values(t, "customer_id") == [.string("12")])
    }

    @Test func errorsNameTheLineAndField() {
        func error(_ text: String, lines: Bool = false) -> LoadError? {
            do throws(LoadError) { _ = try Self.json(text, lines: lines); return nil } catch { return error }
        }
        #expect(error("[\n{\"a\": 1},\n{\"b\": {\"c\": 2}}\n]")?.description.text() == "t.json:3: field `b` holds a nested object; only flat values are supported")
        #expect(error("{\"a\":1}\n{\"a\":2,}\n", lines: true)?.line == 2)
        #expect(error("[{\"a\": 1}")?.message == "the array is never closed with `]`")
        #expect(error("{\"a\": 1}")?.message == "expected a JSON array `[` of objects at the top")
    }
}

/// Types are first guessed from a sample of rows; a later cell that contradicts the guess must give
/// exactly what inference over every row gives.
@Suite struct LateEvidenceTests {
    static func table(_ rows: Int, _ cell: (Int) -> String) throws -> Table {
        var text = "id,x\n"
        for i in 0..<rows { text += "C\(i),\(cell(i))\n" }
        return try Load.csv(text)
    }

    @Test func lateTextMakesAStringColumn() throws {
        // A run of words late in the file: more than one per hundred numbers, so the column is text.
        let t = try Self.table(6000) { (5500..<5600).contains($0) ? "unknown" : String($0) }
        #expect(t.column(named: "x")?.type == .string)
        #expect(Load.values(t, "x")[5500] == .string("unknown"))
        #expect(Load.values(t, "x")[12] == .string("12"))
    }

    @Test func aLateStrayWordIsNull() throws {
        let t = try Self.table(6000) { $0 == 5500 ? "unknown" : String($0) }
        #expect(t.column(named: "x")?.type == .number)
        #expect(Load.values(t, "x")[5500] == .null)
        #expect(t.unreadCells["x"] == UnreadCells(count: 1, line: 5502, cell: "unknown", type: .number, declared: false))
    }

    @Test func lateLeadingZeroMakesAnIdentifier() throws {
        let t = try Self.table(6000) { $0 == 5999 ? "0123" : String($0 + 1) }
        #expect(t.column(named: "x")?.type == .string)
        #expect(Load.values(t, "x")[5999] == .string("0123"))
    }

    @Test func emptySampleThenNumbers() throws {
        let t = try Self.table(6000) { $0 < 5000 ? "" : "\($0).5" }
        #expect(t.column(named: "x")?.type == .number)
        #expect(Load.values(t, "x")[5001] == .number(5001.5))
        #expect(Load.values(t, "x")[10] == .null)
    }

    @Test func lateNonDateAndNonBool() throws {
        let d = try Self.table(5000) { $0 >= 4900 ? "2026-02-30" : "2026-01-01" }
        #expect(d.column(named: "x")?.type == .string)
        let one = try Self.table(5000) { $0 == 4999 ? "2026-02-30" : "2026-01-01" }
        #expect(one.column(named: "x")?.type == .date)
        #expect(Load.values(one, "x")[4999] == .null)
        let b = try Self.table(5000) { $0 == 4500 ? "maybe" : ($0 % 2 == 0 ? "true" : "false") }
        #expect(b.column(named: "x")?.type == .string)
        #expect(Load.values(b, "x")[4500] == .string("maybe"))
        #expect(Load.values(b, "x")[0] == .string("true"))
    }
}

@Suite struct UTF8CheckTests {
    /// The loader's validator (with its fast paths for ASCII words and three-byte sequences) agrees with
    /// the standard library on random bytes biased towards the tricky lead bytes.
    @Test func agreesWithTheStandardLibrary() {
        var rng = SplitMix(seed: 99)
        let interesting: [UInt8] = [0x41, 0x0A, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0xB8, 0x87]
        var disagreements = 0
        for _ in 0..<4000 {
            let n = rng.below(24)
            var bytes: [UInt8] = []
            for _ in 0..<n { bytes.append(rng.below(3) == 0 ? UInt8(rng.below(256)) : interesting[rng.below(interesting.count)]) }
            if rng.below(4) == 0 { bytes = Array("深圳客户".utf8) + bytes }
            let ours = TableLoader.firstInvalidUTF8(bytes) == nil
            let std = String(validating: bytes, as: UTF8.self) != nil
            if ours != std { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }
}

@Suite struct LargeFileEncodingTests {
    /// A file large enough to be checked in parallel ranges still reports the first bad byte's line.
    @Test func invalidByteLateInALargeFile() {
        var bytes = Array("id,note\n".utf8)
        let row = Array("C1,深圳客户的备注\n".utf8)
        while bytes.count < 5 << 20 { bytes += row }
        let lines = bytes.filter { $0 == 0x0A }.count
        bytes += Array("C2,".utf8) + [0xFF, 0xFE, 0x0A]
        do throws(LoadError) {
            _ = try TableLoader.loadCSV(bytes: bytes, name: "big.csv", tableName: "c")
            Issue.record("expected an encoding error")
        } catch {
            #expect(error.line == lines + 1)
            // Chinese UTF-8 before the damage: the line is named rather than the file guessed to be GB18030.
            #expect(error.message == "the file is UTF-8 but line \(lines + 1) has bytes that are not (0xFF); fix or re-save that line")
        }
    }
}
