import Testing
@testable import Strata

/// The checker's messages in Chinese, whole: what a user with a Chinese locale sees when they mistype a
/// name (issue 15's "done means"), with the caret under the name even when Chinese stands before it.
@Suite struct ChineseCheckDiagnosticTests {
    static let customers = TestData.table([
        ("id", [.string("C1")]), ("城市", [.string("深圳")]), ("clv", [.number(3e6)]), ("会员等级", [.string("钻石")]),
    ])

    static func rendered(_ rules: String, _ language: Language) -> String {
        Language.$current.withValue(language) { TestData.run(rules, on: customers).1.renderedDiagnostics }
    }

    @Test func aMistypedNameGetsTheCaretTheLineAndAChineseSuggestion() {
        let rules = "segment vip where 城市 == \"深圳\" and clvv > 2e6\n"
        #expect(Self.rendered(rules, .zh) == """
            rules.strata:1:34: 错误: 找不到名称 `clvv`
             1 | segment vip where 城市 == "深圳" and clvv > 2e6
               |                                      ^^^^
               = 提示: 是不是想写 `clv`？

            """)
        // The caret starts at the display column of `clvv`: 城市 and 深圳 each take two columns per character.
        let lines = Self.rendered(rules, .zh).split(separator: "\n")
        if lines.count >= 3, let source = lines[1].range(of: "clvv"), let caret = lines[2].firstIndex(of: "^") {
            #expect(DisplayWidth.of(lines[1][..<source.lowerBound]) == DisplayWidth.of(lines[2][..<caret]))
        } else {
            Issue.record("no source line and caret: \(lines)")
        }
        // The English is the same diagnostic, word for word as before the catalog.
        #expect(Self.rendered(rules, .en) == """
            rules.strata:1:34: error: unknown name `clvv`
             1 | segment vip where 城市 == "深圳" and clvv > 2e6
               |                                      ^^^^
               = help: did you mean `clv`?

            """)
    }

    @Test func anUnknownNameWithNothingCloseListsTheFieldsWithTheChineseSeparator() {
        let rendered = Self.rendered("segment vip where 区域 == \"南山\"\n", .zh)
        #expect(rendered.contains("错误: 找不到名称 `区域`"))
        #expect(rendered.contains("= 提示: 已有的字段：id、城市、clv、会员等级"))
    }

    @Test func aTypeMismatchNamesThePartAndTheTypesInChinese() {
        let rendered = Self.rendered("segment vip where clv\n", .zh)
        #expect(rendered.contains("错误: 分群的条件必须是布尔值，这里是数值 `clv`"))
        #expect(rendered.contains("= 提示: 请写成比较，例如 `clv > 0`"))
    }

    @Test func aComparisonOfTextWithANumberSaysHowToConvertInChinese() {
        let rendered = Self.rendered("segment vip where 城市 > 3\n", .zh)
        #expect(rendered.contains("不能用 `>` 比较文本 `城市` 和数值 `3`"), "\(rendered)")
    }
}

/// Messages are rendered when they are shown, in the language bound then, not when they are built.
@Suite struct CheckMessagesRenderLateTests {
    @Test func aWarningAboutCellsBuiltInEnglishIsShownInChinese() {
        let m = DiagnosticMessage.cellsReadAsNull("clv", path: "customers.csv", count: 3, type: .number, line: 7, cell: "n/a", declared: false)
        #expect(m.text.text(.en) == "3 cells of `clv` are not a number and are read as null (first: customers.csv:7, `n/a`); the other cells are numbers")
        #expect(Language.$current.withValue(.zh) { m.text.text() }
            == "`clv` 有3个单元格不是数值，已读为空值（第一个：customers.csv:7，`n/a`）；其余单元格都是数值")
        #expect(m.help?.text(.en) == "fix those cells in the export; `--strict` refuses to run on data with such cells")
    }

    @Test func eachKindOfNameHasItsChineseNoun() {
        let d = DiagnosticMessage.nameInUse("city", by: SymbolKind.field(.string).nounText, at: nil)
        #expect(d.text.text(.en) == "`city` is already a field")
        #expect(d.text.text(.zh) == "`city` 已被字段占用")
        #expect(SymbolKind.constant(.number).noun == "constant" && SymbolKind.constant(.number).nounText.text(.zh) == "命名值")
    }

    @Test func typesListedAsAlternativesReadAsOneList() {
        let d = DiagnosticMessage.argumentType("text", position: 1, allowed: [.string, .number, .date], found: .duration, written: "90 days")
        #expect(d.text.text(.en) == "argument 1 of `text` must be a string or number or date, found duration `90 days`")
        #expect(d.text.text(.zh) == "`text` 的第1个参数必须是文本、数值或日期，这里是时长 `90 days`")
    }
}
