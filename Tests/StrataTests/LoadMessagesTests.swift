import Foundation
import Testing
@testable import Strata

/// Every kind of data that cannot be read, and what the load and `strata sql` say about it, rendered in
/// English and in Chinese. The English is the wording tools and users have seen all along; the Chinese is
/// written out in `Golden/load/messages.zh.txt` beside the English (`messages.en.txt`) for review side by
/// side (`STRATA_UPDATE_GOLDEN=1` rewrites both).
@Suite struct LoadMessagesTests {
    /// A data file that cannot be read: its name, bytes and the encoding its load names.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var bytes: [UInt8]
        var encoding: TextEncoding? = nil
        var description: String { name }

        init(_ name: String, _ file: String, _ text: String, encoding: TextEncoding? = nil) {
            self.init(name, file, Array(text.utf8), encoding: encoding)
        }

        init(_ name: String, _ file: String, _ bytes: [UInt8], encoding: TextEncoding? = nil) {
            self.name = name
            self.file = file
            self.bytes = bytes
            self.encoding = encoding
        }
    }

    static let chinese = Array("客户,城市,金卡,钻石,万客会,老带新\n".utf8)

    static let cases: [Case] = [
        Case("csv-quote-never-closed", "a.csv", "id,note\nC1,\"open\n"),
        Case("csv-empty", "a.csv", ""),
        Case("csv-header-column-unnamed", "a.csv", "id,,clv\n1,2,3\n"),
        Case("csv-header-names-twice", "a.csv", "id,clv,clv\n1,2,3\n"),
        Case("csv-row-one-field", "a.csv", "id,clv\nC1\n"),
        Case("csv-row-three-fields", "a.csv", "id,clv\nC1,1,2\n"),
        Case("json-empty", "a.json", ""),
        Case("json-array-expected", "a.json", "{\"a\": 1}"),
        Case("json-array-not-closed", "a.json", "[{\"a\": 1}"),
        Case("json-comma-or-bracket", "a.json", "[{\"a\": 1} x]"),
        Case("json-text-after-array", "a.json", "[{\"a\": 1}] x"),
        Case("json-object-expected", "a.json", "[1]"),
        Case("json-field-name-expected", "a.json", "[{a: 1}]"),
        Case("json-colon-expected", "a.json", "[{\"a\" 1}]"),
        Case("json-comma-or-brace", "a.json", "[{\"a\": 1 \"b\": 2}]"),
        Case("json-value-expected", "a.json", "[{\"a\":"),
        Case("json-nested-object", "a.json", "[{\"a\": {\"b\": 1}}]"),
        Case("json-nested-array", "a.json", "[{\"a\": [1]}]"),
        Case("json-not-json", "a.json", "[{\"a\": -}]"),
        Case("json-word-expected", "a.json", "[{\"a\": tru}]"),
        Case("json-string-never-closed", "a.json", "[{\"a\": \"x}]"),
        Case("json-escape", "a.json", "[{\"a\": \"\\u12\"}]"),
        Case("jsonl-end-of-line", "a.jsonl", "{\"a\": 1} {\"a\": 2}\n"),
        Case("unknown-file-type", "a.xlsx", "id\nC1\n"),
        Case("not-utf8-as-said", "a.csv", Array("id,name\nC1,x".utf8) + [0xFF, 0x0A], encoding: .utf8),
        Case("utf8-not-as-said", "a.csv", Array("id,name\n".utf8) + chinese, encoding: .gbk),
        Case("utf8-damaged-line", "a.csv", Array("id,name\n".utf8) + chinese + Array("C9,".utf8) + [0xFF, 0x0A]),
        Case("neither-utf8-nor-gb18030", "a.csv", Array("id,name\nC1,caf".utf8) + [0xE9] + Array(",x\n".utf8)),
        Case("byte-order-mark-contradicts", "a.csv", Encode.utf16BE("id\nC1\n"), encoding: .utf16le),
        Case("not-in-encoding", "a.csv", Encode.gb18030("id,name\nC1,深圳\n") + [0xFF, 0x0A], encoding: .gb18030),
        Case("not-in-encoding-but-utf8", "a.csv", Array("id,name\nC1,€\n".utf8), encoding: .gb18030),
        Case("cut-short", "a.csv", Array(Encode.utf16LE("id\nC1\n").dropLast())),
    ]

    /// The error a case's file gives, read from a fresh folder.
    static func error(_ c: Case) -> LoadError? {
        let dir = Encode.folder([c.file: c.bytes])
        do throws(LoadError) {
            _ = try TableLoader.load(path: dir + "/" + c.file, tableName: "customers", encoding: c.encoding)
            return nil
        } catch {
            return LoadError(file: c.file, line: error.line, field: error.field, error.text)
        }
    }

    /// The error as `strata run` prints it (the file, the line, the message and the advice) in `language`.
    static func rendered(_ e: LoadError, _ language: Language, base: LoadError.PathBase = .ruleFile) -> String {
        Language.$current.withValue(language) {
            "\(e.description.text())\n  = \(CommonText.help.message.text()): \(e.advice(pathsRelativeTo: base).text())\n"
        }
    }

    @Test(arguments: cases) func everyKindOfUnreadableDataHasItsMessageInBothLanguages(_ c: Case) throws {
        let e = try #require(Self.error(c), "\(c.name) was read")
        let en = Self.rendered(e, .en), zh = Self.rendered(e, .zh)
        #expect(e.message == e.text.text(.en), "the message is English unless a language is chosen")
        #expect(!en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } || c.name.contains("utf8"), "\(c.name): \(en)")
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(c.name) is not in Chinese: \(zh)")
        #expect(Template.slots(in: zh).isEmpty && Template.slots(in: en).isEmpty, "a slot was left unfilled: \(en)\(zh)")
        // The place and the values quoted are the same in both: only the words change.
        #expect(zh.hasPrefix(c.file + (e.line.map { ":\($0)" } ?? "") + ": "))
        for quoted in en.components(separatedBy: "`").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element)
        where !["load", "encoding"].contains(quoted) && !quoted.hasPrefix("encoding ") {
            #expect(zh.contains("`\(quoted)`"), "\(c.name): `\(quoted)` is not quoted in \(zh)")
        }
    }

    @Test func theMessagesAreWrittenOutPerLanguage() throws {
        for language in Language.allCases {
            var text = ""
            for c in Self.cases {
                guard let e = Self.error(c) else { continue }
                text += "## \(c.name)\n" + Self.rendered(e, language)
            }
            let reasons: [(String, Message)] = [
                ("unreadable, relative to the current folder", LoadError.unreadable("a.csv", .noSuchFile).advice(pathsRelativeTo: .currentFolder)),
                ("unreadable, relative to where the REPL started", LoadError.unreadable("a.csv", .isFolder).advice(pathsRelativeTo: .startFolder)),
                ("permission denied", LoadError.unreadable("a.csv", .permissionDenied).description),
                ("read error", LoadError.unreadable("a.csv", .readErrorOccurred).description),
                ("no converter", LoadText.noConverter(["encoding": "GB18030"])),
                ("a text column", TypeNote(line: 12, cell: "n/a", expected: .number, seen: 10).text(showing: "n/a")),
                ("a text column of one cell", TypeNote(line: 3, cell: "x", expected: .validDate, seen: 1).text(showing: "x")),
                ("a text column with misses", TypeNote(line: 40, cell: "x", expected: .number, seen: 30, missed: 2).text(showing: "x")),
            ]
            for (name, m) in reasons { text += "## \(name)\n\(m.text(language))\n" }
            let path = Repo.path("Tests/StrataTests/Golden/load/messages.\(language.rawValue).txt")
            try Golden.update(text, at: path)
            Golden.expectEqual(text, toFileAt: path, "load messages in \(language)")
        }
    }

    @Test func englishKeepsItsWording() throws {
        let e = try #require(Self.error(Self.cases[4]))
        #expect(Self.rendered(e, .en) == "a.csv:2: row has 1 field, the header has 2\n  = help: fix the file there, or point the rules at another export with --data NAME=PATH\n")
        let missing = LoadError.unreadable("a.csv", .noSuchFile)
        #expect(missing.isUnreadable)
        #expect(Self.rendered(missing, .en, base: .currentFolder)
            == "a.csv: cannot read the file: no such file\n  = help: check the path (relative to the current folder) and that the file is a CSV, JSON or JSON Lines export\n")
        #expect(Self.rendered(missing, .zh, base: .currentFolder)
            == "a.csv: 无法读取文件：文件不存在\n  = 提示: 检查路径（相对于当前文件夹），并确认文件是 CSV、JSON 或 JSON Lines 导出文件\n")
        #expect(TypeNote(line: 12, cell: "n/a", expected: .number, seen: 10).text(showing: "n/a").text(.en)
            == "line 12 has `n/a`, which is not a number (the 10 cells above it are)")
        #expect(TypeNote(line: 12, cell: "n/a", expected: .number, seen: 1, missed: 1).text(showing: "n/a").text(.en)
            == "line 12 has `n/a`, which is not a number (1 cell above it is, 1 is not)")
    }

    /// A rule file whose data is missing, run in Chinese: the diagnostic at the `load` with its caret,
    /// the Chinese message and the Chinese help; the code stays the English one tools key on.
    @Test func aLoadThatCannotReadItsFileSaysSoInChinese() throws {
        let dir = Repo.tempDir()
        let rules = "load customers from \"没有.csv\"\nsegment vip where clv > 1\n"
        let path = dir + "/rules.strata"
        try rules.write(toFile: path, atomically: true, encoding: .utf8)
        let r = Language.$current.withValue(.zh) { Pipeline().run(path: path) }
        #expect(r.exitCode == 3)
        #expect(r.diagnostics.first?.code == .dataUnreadable)
        let shown = r.renderedDiagnostics
        #expect(shown.contains("/没有.csv: 无法读取文件：文件不存在"), "\(shown)")
        #expect(shown.contains("提示: 检查路径（相对于规则文件），并确认文件是 CSV、JSON 或 JSON Lines 导出文件"), "\(shown)")
        #expect(shown.contains("load customers from \"没有.csv\""), "\(shown)")
    }

    /// The notes of a load (integers beyond 2^53 read as text, times of day dropped) in Chinese.
    @Test func theLoadsNotesAreInTheOutputsLanguage() throws {
        let dir = Repo.tempDir()
        try "id,member_no,visited\nC1,12345678901234567890,2026-01-02 10:30\nC2,2,2026-01-03 11:00\n"
            .write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "load customers from \"c.csv\"\nshow customers columns id, member_no, visited\n".write(toFile: dir + "/rules.strata", atomically: true, encoding: .utf8)
        for (language, words) in [(Language.en, ["is read as text: it holds integers beyond 2^53", "has times of day"]),
                                  (.zh, ["按文本读取：其中有超过 2^53 的整数", "带有时刻；日期列只保留日期"])] {
            // Notes are messages, rendered when shown: in the language bound around the output.
            let r = Pipeline().run(path: dir + "/rules.strata")
            let notes = Language.$current.withValue(language) { r.outputs.compactMap { Report.note($0) }.joined() }
            for w in words { #expect(notes.contains(w), "\(language): \(notes)") }
        }
    }

    /// `strata sql`'s refusals: the reason and the construct named in prose are Chinese, code stays code.
    @Test func sqlRefusalsAreInBothLanguages() {
        let d = DiagnosticMessage.sqlNotTranslated(.message(SQLText.textOfDuration.message), dialect: .postgres, why: .durationHasNoText)
        #expect(d.text.text(.en) == "`text` of a duration is not translated to SQL for postgres: a duration has no text")
        #expect(d.text.text(.zh) == "对时长使用 `text` 无法翻译成 postgres 的 SQL：时长没有文本形式")
        #expect(d.help?.text(.zh) == "请用 `strata run` 运行这些规则；docs/sql.md 列出了能翻译的写法")
        let named = DiagnosticMessage.sqlNotTranslated("`rank`", dialect: .duckdb, why: .insideAggregate)
        #expect(named.text.text(.en) == "`rank` is not translated to SQL for duckdb: it stands inside an aggregate or an event aggregate")
        let collision = DiagnosticMessage.sqlNameCollision("VIP", "vip", dialect: .spark)
        #expect(collision.text.text(.en) == "`VIP` and `vip` are one name in spark, which ignores letter case in names")
        #expect(collision.text.text(.zh) == "`VIP` 和 `vip` 在 spark 中是同一个名字：它的名字不区分大小写")
    }

    /// `strata diff` refusing two snapshots whose keys are not unique, in both languages (the key of a personal field masked).
    @Test func aDiffRefusalIsInBothLanguages() {
        let r = MembershipComparison.Refusal.duplicate("C7", "id", 2, 5, side: .sideAfter)
        #expect(r.message.text(.en) == "the after data has the key `id` = C7 twice (data rows 3 and 6); customers are matched by key, so each must be unique")
        #expect(r.message.text(.zh) == "变化后的数据中键 `id` = C7 出现了两次（数据第3行和第6行）；客户按键匹配，所以每个键都必须唯一")
        #expect(Language.$current.withValue(.zh) { "\(r.message)" } == r.message.text(.zh))
    }

    /// A file that cannot be written names the path and the reason in the output's language.
    @Test func aFileThatCannotBeWrittenSaysWhyInBothLanguages() throws {
        let dir = Repo.tempDir()
        do {
            try AtomicFile.write("x", to: dir + "/")
            Issue.record("a folder was written as a file")
        } catch let e as AtomicFileError {
            #expect(e.text.text(.en) == "cannot write \(dir)/: the path names a folder, not a file")
            #expect(e.text.text(.zh) == "无法写入 \(dir)/：这个路径是文件夹，不是文件")
            #expect(Language.$current.withValue(.zh) { e.description } == e.text.text(.zh))
        }
    }
}
