import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Strata

/// Fixture bytes made in the test: UTF-16 from Swift's own code units, GB18030 through the system's
/// iconv (checked against known bytes, so a wrong fixture cannot pass for a right loader).
enum Encode {
    static func utf16LE(_ s: String, bom: Bool = true) -> [UInt8] {
        (bom ? [0xFF, 0xFE] : []) + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func utf16BE(_ s: String, bom: Bool = true) -> [UInt8] {
        (bom ? [0xFE, 0xFF] : []) + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// `s` in GB18030 (which GBK and GB2312 text is too), through iconv from UTF-8.
    static func gb18030(_ s: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        guard Int(bitPattern: cd) != -1 else { return [] }
        defer { iconv_close(cd) }
        var input = Array(s.utf8).map { CChar(bitPattern: $0) }
        var out = [CChar](repeating: 0, count: input.count * 2 + 8)
        let written = input.withUnsafeMutableBufferPointer { inBuf -> Int in
            out.withUnsafeMutableBufferPointer { outBuf -> Int in
                var inPtr = inBuf.baseAddress, outPtr = outBuf.baseAddress
                var inLeft = inBuf.count, outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { return -1 }
                return outBuf.count - outLeft
            }
        }
        return written < 0 ? [] : out.prefix(written).map { UInt8(bitPattern: $0) }
    }

    /// Writes each file to a fresh folder; the folder's path.
    static func folder(_ files: [String: [UInt8]]) -> String {
        let dir = Repo.tempDir()
        for (name, bytes) in files { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
        return dir
    }
}

@Suite struct EncodingTests {
    static let header = "id,name,city\n"
    /// 岑嘉怡 first: in GB18030 its first three bytes `E1 AF BC` are a valid UTF-8 character.
    static let rows = "C1,岑嘉怡,深圳\nC2,王伟,广州\nC3,李娜,上海\n"

    func load(_ bytes: [UInt8], _ name: String, encoding: TextEncoding? = nil) throws(LoadError) -> Table {
        let dir = Encode.folder([name: bytes])
        return try TableLoader.load(path: dir + "/" + name, tableName: "customers", encoding: encoding)
    }

    func loadError(_ bytes: [UInt8], _ name: String, encoding: TextEncoding? = nil) -> LoadError? {
        do throws(LoadError) {
            _ = try load(bytes, name, encoding: encoding)
            return nil
        } catch {
            return error
        }
    }

    @Test func fixturesAreWhatTheStandardsSay() {
        #expect(Encode.gb18030("岑嘉怡") == [0xE1, 0xAF, 0xBC, 0xCE, 0xE2, 0xF9])
        #expect(Encode.gb18030("深") == [0xC9, 0xEE])
        #expect(Encode.utf16LE("中a") == [0xFF, 0xFE, 0x2D, 0x4E, 0x61, 0x00])
        #expect(Encode.utf16BE("中a") == [0xFE, 0xFF, 0x4E, 0x2D, 0x00, 0x61])
    }

    /// The case that was misdiagnosed: bytes before the first invalid UTF-8 byte include a valid
    /// three-byte UTF-8 character, yet the whole file is GB18030.
    @Test func gb18030WhoseFirstNameLooksLikeUTF8IsReadAsGB18030() throws {
        let bytes = Encode.gb18030(Self.header + Self.rows)
        let t = try load(bytes, "gb.csv")
        #expect(Load.values(t, "name") == [.string("岑嘉怡"), .string("王伟"), .string("李娜")])
        #expect(Load.values(t, "city") == [.string("深圳"), .string("广州"), .string("上海")])
        #expect(t.detectedEncoding == .gb18030)
    }

    @Test func aRunSaysWhichEncodingItReadInANote() throws {
        let dir = Encode.folder(["gb.csv": Encode.gb18030(Self.header + Self.rows),
                                 "r.strata": Array("load customers from \"gb.csv\"\ncount city == \"深圳\"\n".utf8)])
        let r = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("\"city == \"\"深圳\"\"\",1,"), "\(r.out)")
        #expect(r.err == dir + "/gb.csv: note: read as GB18030 (not UTF-8); say encoding \"gb18030\" on the load to silence this\n")
        // `check --format json` carries the note with its code.
        let j = CLIRun(["check", dir + "/r.strata", "--format", "json"])
        #expect(j.out.contains("\"severity\":\"note\",\"code\":\"data-encoding-detected\""), "\(j.out)")
        #expect(j.code == 0)
    }

    @Test func namingTheEncodingSilencesTheNote() throws {
        for name in ["gbk", "GBK", "cp936", "gb2312", "GB18030"] {
            let dir = Encode.folder(["gb.csv": Encode.gb18030(Self.header + Self.rows),
                                     "r.strata": Array("load customers from \"gb.csv\" encoding \"\(name)\"\ncount city == \"广州\"\n".utf8)])
            let r = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
            #expect(r.code == 0, "\(name): \(r.err)")
            #expect(r.out.contains("\"city == \"\"广州\"\"\",1,"), "\(name): \(r.out)")
            #expect(r.err.isEmpty, "\(name): \(r.err)")
        }
    }

    /// GBK characters outside GB2312 (镕, 堃): a file labelled GB2312 still reads.
    @Test func gbkFileWithTheClause() throws {
        let bytes = Encode.gb18030("id,name\nC1,朱镕基\nC2,王堃\n")
        let t = try load(bytes, "gbk.csv", encoding: .gb2312)
        #expect(Load.values(t, "name") == [.string("朱镕基"), .string("王堃")])
        #expect(t.detectedEncoding == nil)
    }

    @Test func utf16WithByteOrderMarkEitherOrder() throws {
        for (bytes, encoding) in [(Encode.utf16LE(Self.header + Self.rows), TextEncoding.utf16le),
                                  (Encode.utf16BE(Self.header + Self.rows), .utf16be)] {
            let t = try load(bytes, "u16.csv")
            #expect(t.columns.map(\.name) == ["id", "name", "city"], "\(encoding)")
            #expect(Load.values(t, "name") == [.string("岑嘉怡"), .string("王伟"), .string("李娜")], "\(encoding)")
            #expect(t.detectedEncoding == encoding)
            // Named, the mark still decides the order of `utf-16` and is skipped.
            let named = try load(bytes, "u16.csv", encoding: .utf16)
            #expect(named.columns.map(\.name) == ["id", "name", "city"])
            #expect(named.detectedEncoding == nil)
        }
    }

    @Test func utf16WithoutMarkIsToldByItsASCIIHeader() throws {
        let t = try load(Encode.utf16LE(Self.header + Self.rows, bom: false), "u16.csv")
        #expect(t.columns.map(\.name) == ["id", "name", "city"])
        #expect(t.detectedEncoding == .utf16le)
        let be = try load(Encode.utf16BE(Self.header + Self.rows, bom: false), "u16.csv", encoding: .utf16be)
        #expect(Load.values(be, "city") == [.string("深圳"), .string("广州"), .string("上海")])
    }

    /// Excel's File › Save As › Unicode Text: UTF-16 LE with a mark, tabs, CRLF, quotes around a cell
    /// holding a tab or a quote, saved as `.txt`.
    @Test func excelUnicodeTextLoads() throws {
        let text = "id\tname\tspend\tnote\r\nC1\t岑嘉怡\t1200\t\"a\tb\"\r\nC2\t王伟\t30\t\"说\"\"好\"\"\"\r\n"
        let t = try load(Encode.utf16LE(text), "客户.txt")
        #expect(t.columns.map(\.name) == ["id", "name", "spend", "note"])
        #expect(t.column(named: "spend")?.type == .number)
        #expect(Load.values(t, "note") == [.string("a\tb"), .string("说\"好\"")])
        #expect(t.detectedEncoding == .utf16le)
    }

    @Test func aUTF8FileWithOneDamagedByteIsReportedAtItsLine() {
        // Line 4 has a stray 0xFF inside a name; the other names are UTF-8.
        var bytes = Array((Self.header + "C1,岑嘉怡,深圳\nC2,王伟,广州\n").utf8)
        bytes += Array("C3,李".utf8) + [0xFF] + Array("娜,上海\nC4,张敏,北京\n".utf8)
        let e = loadError(bytes, "damaged.csv")
        #expect(e?.line == 4)
        #expect(e?.message == "the file is UTF-8 but line 4 has bytes that are not (0xFF); fix or re-save that line")
    }

    @Test func aFileThatIsNeitherSaysSo() {
        // Latin-1 `café` followed by a comma: no UTF-8, and 0xE9 0x2C is no GB18030 character.
        let e = loadError(Array("id,name\nC1,caf".utf8) + [0xE9] + Array(",x\n".utf8), "latin.csv")
        #expect(e?.line == 2)
        #expect(e?.message.hasPrefix("the file is neither UTF-8 nor GB18030 (line 2 has the byte 0xE9)") == true, "\(String(describing: e))")
    }

    @Test func aNamedEncodingThatDoesNotFitNamesTheLine() {
        // 0xFF never starts a GB18030 character.
        let bad = Encode.gb18030("id,name\nC1,王伟\n") + Array("C2,".utf8) + [0xFF, 0x0A]
        let e = loadError(bad, "gb.csv", encoding: .gb18030)
        #expect(e?.line == 3)
        #expect(e?.message == "the file is not GB18030: line 3 has bytes that are not (0xFF)")
        // A UTF-8 file (say, given with --data) under a load that names GBK: the message says what it is,
        // whether it fails to read as GB18030 (王 is three bytes, 王, is no GB18030) or would read as nonsense.
        let utf8 = loadError(Array("id,name\nC1,王,\n".utf8), "u8.csv", encoding: .gbk)
        #expect(utf8?.message == "the file is not GBK: line 2 has bytes that are not (0x8B); the file is valid UTF-8: drop `encoding` from the load",
                "\(String(describing: utf8))")
        let readable = loadError(Array("id,name\nC1,王伟\nC2,李娜\n".utf8), "u8.csv", encoding: .gb18030)
        #expect(readable?.message == "the file is UTF-8, not GB18030 as its load says; drop `encoding \"gb18030\"` from the load")
        let ascii = loadError(Array("id,name\nC1,Wang\n".utf8), "u8.csv", encoding: .utf16le)
        #expect(ascii?.message == "the file is UTF-8, not UTF-16LE as its load says; drop `encoding \"utf-16le\"` from the load")
        // ASCII text is the same in GB18030: nothing to refuse.
        #expect(loadError(Array("id,name\nC1,Wang\n".utf8), "a.csv", encoding: .gbk) == nil)
        // Named UTF-8 is not a guess either.
        let named = loadError(Encode.gb18030(Self.header + Self.rows), "gb.csv", encoding: .utf8)
        #expect(named?.line == 2)
        #expect(named?.message.hasPrefix("the file is not UTF-8 as its load says: line 2") == true, "\(String(describing: named))")
        // A byte order mark contradicting the load, and UTF-16 cut in the middle of a character.
        let order = loadError(Encode.utf16BE("id\nC1\n"), "u.csv", encoding: .utf16le)
        #expect(order?.message.hasPrefix("the file starts with the byte order mark of UTF-16BE, not UTF-16LE") == true, "\(String(describing: order))")
        let cut = loadError(Encode.utf16LE("id\nC1\n").dropLast(), "u.csv")
        #expect(cut?.message.hasPrefix("the file ends in the middle of a UTF-16LE character") == true, "\(String(describing: cut))")
        #expect(cut?.line == 2)
    }

    @Test func jsonAndJSONLinesAreDecodedToo() throws {
        let json = try load(Encode.gb18030("[{\"id\":\"C1\",\"name\":\"岑嘉怡\"},{\"id\":\"C2\",\"name\":\"王伟\"}]"), "c.json")
        #expect(Load.values(json, "name") == [.string("岑嘉怡"), .string("王伟")])
        #expect(json.detectedEncoding == .gb18030)
        let lines = try load(Encode.utf16LE("{\"id\":\"C1\",\"city\":\"深圳\"}\n{\"id\":\"C2\",\"city\":\"广州\"}\n"), "c.jsonl", encoding: .utf16)
        #expect(Load.values(lines, "city") == [.string("深圳"), .string("广州")])
    }

    /// `strata check` samples the first rows of a large file, but the encoding is decided on all of it:
    /// here the first megabytes are ASCII (valid UTF-8) and the GB18030 names come last.
    @Test func theSampleOfALargeFileIsDecodedAsTheWholeFile() throws {
        var text = "id,name\n"
        var n = 0
        while text.utf8.count < TableLoader.sampleBytes + 100_000 {
            n += 1
            text += "C\(n),Wang Wei \(n)\n"
        }
        text += "D1,岑嘉怡\nD2,王伟\n"
        let dir = Encode.folder(["big.csv": Encode.gb18030(text),
                                 "r.strata": Array("load customers from \"big.csv\"\ncount name == \"岑嘉怡\"\n".utf8)])
        let sample = try TableLoader.loadSample(path: dir + "/big.csv", tableName: "customers")
        #expect(sample.detectedEncoding == .gb18030)
        #expect(Load.values(sample, "name").suffix(2) == [.string("岑嘉怡"), .string("王伟")])
        // `check` and `run` (which compiles against a prefix, then reads the columns whole) agree.
        let note = dir + "/big.csv: note: read as GB18030 (not UTF-8); say encoding \"gb18030\" on the load to silence this\n"
        let check = CLIRun(["check", dir + "/r.strata"])
        #expect(check.code == 0)
        #expect(check.err.hasPrefix(note), "\(check.err)")
        let run = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
        #expect(run.out.contains("\"name == \"\"岑嘉怡\"\"\",1,"), "\(run.out)")
        #expect(run.err == note)
    }

    /// Large inputs are converted in parts, one per core, cut at line breaks: the text is the whole's,
    /// and a bad byte in a later part is still named at its line in the file.
    @Test func largeFilesConvertInPartsAsOne() throws {
        var text = "id,name,note\n"
        var lines = 1
        while text.utf8.count < 6 << 20 {
            lines += 1
            text += "C\(lines),岑嘉怡\(lines),深圳客户的备注 \(lines)\n"
        }
        for (bytes, encoding) in [(Encode.gb18030(text), TextEncoding.gb18030), (Encode.utf16LE(text, bom: false), .utf16le),
                                  (Encode.utf16BE(text, bom: false), .utf16be)] {
            let ranges = bytes.withUnsafeBufferPointer { TextDecoding.lineAlignedRanges($0, encoding: encoding) }
            #expect(ranges.count == min(8, ProcessInfo.processInfo.activeProcessorCount), "\(encoding)")
            let converted = bytes.withUnsafeBufferPointer { TextDecoding.iconv($0, from: encoding) }
            guard case .success(let utf8) = converted else {
                Issue.record("\(encoding): \(converted)")
                continue
            }
            #expect(utf8 == Array(text.utf8), "\(encoding)")
        }
        // 0xFF on the last line of the GB18030 text; an unpaired surrogate on the last line of the UTF-16.
        let badGB = Encode.gb18030(text) + Array("X,".utf8) + [0xFF, 0x0A]
        #expect(loadError(badGB, "big.csv", encoding: .gbk)?.line == lines + 1)
        let badUTF16 = Encode.utf16LE(text) + [0x58, 0x00, 0x00, 0xD8, 0x0A, 0x00]
        let e = loadError(badUTF16, "big.csv")
        #expect(e?.line == lines + 1)
        #expect(e?.message.hasPrefix("the file is not UTF-16LE: line \(lines + 1)") == true, "\(String(describing: e))")
    }

    @Test func theUTF8EvidenceIsCountedAlikeInParts() {
        #expect(Array("a中b".utf8 + [0xFF] + "文é".utf8).withUnsafeBufferPointer { UTF8Validation.census($0) } == (3, 1))
        var bytes: [UInt8] = []
        while bytes.count < 6 << 20 { bytes += Encode.gb18030("岑嘉怡,深圳\n") + Array("王伟,广州\n".utf8) }
        let whole = bytes.withUnsafeBufferPointer { UTF8Validation.census($0) }
        let parts = bytes.withUnsafeBufferPointer { TableLoader.utf8Census(inParallel: $0) }
        #expect(whole.multiByte > 0 && whole.broken > 0)
        #expect(whole == parts)
    }

    @Test func encodingNamesAreCaseInsensitiveWithAliases() {
        #expect(TextEncoding(named: "UTF-8") == .utf8)
        #expect(TextEncoding(named: "utf8") == .utf8)
        #expect(TextEncoding(named: "GB18030") == .gb18030)
        #expect(TextEncoding(named: "CP936") == .gbk)
        #expect(TextEncoding(named: "EUC-CN") == .gb2312)
        #expect(TextEncoding(named: "UTF_16LE") == .utf16le)
        #expect(TextEncoding(named: "utf16be") == .utf16be)
        #expect(TextEncoding(named: "big5") == nil)
        #expect(TextEncoding(named: "") == nil)
    }
}

/// The `encoding` clause through the language: parsing, messages, `--data`, the REPL and `.save`.
@Suite struct EncodingClauseTests {
    static let gbCSV = Encode.gb18030("id,name,city\nC1,岑嘉怡,深圳\nC2,王伟,广州\n")

    @Test func theClauseGoesAnywhereAmongTheOthersOnce() throws {
        let a = Render.program("load v from \"v.csv\" linked by customer_id encoding \"gbk\"")
        let b = Render.program("load v from \"v.csv\" encoding \"gbk\"\n  linked by customer_id")
        #expect(a.statements == ["load v from \"v.csv\" linked by customer_id encoding \"gbk\""])
        #expect(a.diagnostics.isEmpty)
        #expect(a.statements == b.statements && b.diagnostics.isEmpty)
        let twice = Parser.parse(SourceFile(name: "r.strata", text: "load c from \"c.csv\" encoding \"gbk\" encoding \"utf-8\"\n"))
        #expect(twice.diagnostics.first?.message == "expected the end of the `load` statement, found `encoding`", "\(twice.diagnostics)")
        #expect(twice.diagnostics.first?.suggestion == "give `encoding` once")
        let notString = Parser.parse(SourceFile(name: "r.strata", text: "load c from \"c.csv\" encoding gbk\n"))
        #expect(notString.diagnostics.first?.code == .expectedString)
    }

    @Test func anUnknownNameIsAnErrorAtTheStringWithTheNearestName() {
        let dir = Encode.folder(["r.strata": Array("load customers from \"c.csv\" encoding \"gb2313\"\ncount customers\n".utf8)])
        let r = CLIRun(["run", dir + "/r.strata"])
        #expect(r.code == 1)
        #expect(r.err == """
            \(dir)/r.strata:1:38: error: unknown encoding "gb2313"
             1 | load customers from "c.csv" encoding "gb2313"
               |                                      ^^^^^^^^
               = help: did you mean "gb2312"?

            """, "\(r.err)")
        let far = Parser.parse(SourceFile(name: "r.strata", text: "load c from \"c.csv\" encoding \"shift-jis\"\n"))
        #expect(far.diagnostics.first?.suggestion == "the encodings are \"utf-8\", \"gb18030\", \"gbk\", \"gb2312\", \"utf-16\", \"utf-16le\", \"utf-16be\"")
    }

    /// `--data` replaces the path, not the encoding the load names.
    @Test func dataOverrideKeepsTheLoadsEncoding() {
        let dir = Encode.folder(["june.csv": Self.gbCSV, "r.strata": Array("load customers from \"none.csv\" encoding \"gbk\"\ncount city == \"深圳\"\n".utf8)])
        let r = CLIRun(["run", dir + "/r.strata", "--data", "customers=\(dir)/june.csv", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("\"city == \"\"深圳\"\"\",1,"), "\(r.out)")
        #expect(r.err.isEmpty, "no note: the encoding was named, \(r.err)")
        // The same load given a UTF-8 file: the error says the file is UTF-8.
        let u = Encode.folder(["june.csv": Array("id,city\nC1,深圳\nC2,广州\nC3,上海\n".utf8), "r.strata": Array("load customers from \"none.csv\" encoding \"gbk\"\ncount customers\n".utf8)])
        let wrong = CLIRun(["run", u + "/r.strata", "--data", "customers=\(u)/june.csv"])
        #expect(wrong.code == 3)
        #expect(wrong.err.contains("june.csv: the file is UTF-8, not GBK as its load says; drop `encoding \"gbk\"` from the load"), "\(wrong.err)")
    }

    @Test func eventTablesTakeTheClauseToo() {
        let dir = Encode.folder([
            "c.csv": Array("id,city\nC1,深圳\nC2,广州\n".utf8),
            "v.csv": Encode.gb18030("customer_id,channel\nC1,门店\nC1,线上\nC2,门店\n"),
            "r.strata": Array("load customers from \"c.csv\"\nload visits from \"v.csv\" linked by customer_id encoding \"gbk\"\ncount count(visits where channel == \"门店\") >= 1\n".utf8),
        ])
        let r = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains(",2,1"), "\(r.out)")
        #expect(r.err.isEmpty, "\(r.err)")
    }

    @Test func theREPLLoadsWithTheClauseAndSavesIt() throws {
        let dir = Encode.folder(["gb.csv": Self.gbCSV])
        final class Sink: @unchecked Sendable { var out = "", err = "" }
        let sink = Sink()
        let repl = Repl(session: ReplSession(), out: { sink.out += $0 }, err: { sink.err += $0 })
        repl.handle("load customers from \"\(dir)/gb.csv\"")
        #expect(sink.err.contains("gb.csv: note: read as GB18030 (not UTF-8)"), "\(sink.err)")
        sink.err = ""
        repl.handle(".load \(dir)/gb.csv ENCODING gbk")
        #expect(!sink.err.contains("note: read as"), "\(sink.err)")
        repl.handle("count city == \"深圳\"")
        #expect(sink.out.contains("city == \"深圳\""), "\(sink.out)")
        repl.handle(".save \(dir)/saved.strata")
        let saved = try String(contentsOfFile: dir + "/saved.strata", encoding: .utf8)
        #expect(saved.contains("load customers from \"\(dir)/gb.csv\" encoding \"gbk\""), "\(saved)")
        sink.err = ""
        repl.handle(".load \(dir)/gb.csv encoding")
        #expect(sink.err.contains(".load takes PATH [AS NAME] [ENCODING NAME]"), "\(sink.err)")
    }
}
