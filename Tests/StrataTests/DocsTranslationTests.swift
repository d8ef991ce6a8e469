import Foundation
import Testing
@testable import Strata

/// The Simplified Chinese pages (README.zh-CN.md, docs/zh-CN/) follow their English pages section by section:
/// a Chinese page lacking a section its English page has fails here, naming the English heading and its line.
/// Their code blocks are run, in Chinese, by DocsOutputTests and parsed by GrammarDocsTests.
@Suite struct DocsTranslationTests {
    static let required = ["README.zh-CN.md", "docs/zh-CN/language.md", "docs/zh-CN/cookbook.md"]

    static func text(_ doc: String) -> String { (try? String(contentsOfFile: Repo.path(doc), encoding: .utf8)) ?? "" }

    @Test func theChinesePagesExistAndEachTranslatesAnEnglishPage() {
        for doc in Self.required { #expect(DocPages.chinese.contains(doc), "\(doc) is missing") }
        for doc in DocPages.chinese {
            let english = DocPages.englishPage(of: doc)
            #expect(english.map { DocPages.english.contains($0) } == true, "\(doc) translates no English page")
        }
    }

    @Test func aPageAndItsTranslationLinkEachOtherOnTheirFirstLine() {
        func firstLine(_ doc: String) -> Substring { Self.text(doc).prefix { $0 != "\n" } }
        #expect(firstLine("README.md").contains("[简体中文](README.zh-CN.md)"))
        for doc in DocPages.chinese {
            guard let english = DocPages.englishPage(of: doc) else { continue }
            let name = (doc as NSString).lastPathComponent
            #expect(firstLine(english).contains("[简体中文](\(doc == DocPages.chineseReadme ? "" : "zh-CN/")\(name))"), "\(english)")
            let englishName = (english as NSString).lastPathComponent
            #expect(firstLine(doc).contains("[English](\(doc == DocPages.chineseReadme ? "" : "../")\(englishName))"), "\(doc)")
        }
    }

    @Test(arguments: DocPages.chinese)
    func aChinesePageHasEverySectionOfItsEnglishPage(_ doc: String) {
        guard let english = DocPages.englishPage(of: doc) else { return }
        let problems = DocHeading.differences(english: DocHeading.all(in: Self.text(english)), in: english,
                                              translation: DocHeading.all(in: Self.text(doc)), in: doc)
        for p in problems { Issue.record(Comment(rawValue: p)) }
    }

    @Test(arguments: DocPages.chinese)
    func aChinesePageShowsTheSameBlocksMarkedTheSameWay(_ doc: String) {
        // The same examples in the same order: the fences' kinds, and the blocks marked not run (with the same count).
        guard let english = DocPages.englishPage(of: doc) else { return }
        let ours = DocBlock.blocks(in: Self.text(doc), doc: doc), theirs = DocBlock.blocks(in: Self.text(english), doc: english)
        #expect(ours.map(\.info) == theirs.map(\.info), "\(doc) and \(english) differ in their code blocks")
        #expect(ours.map { $0.markers.contains(where: \.isNotRun) } == theirs.map { $0.markers.contains(where: \.isNotRun) })
    }

    @Test(arguments: DocPages.chinese)
    func everyRelativeLinkOfAChinesePageLeadsSomewhere(_ doc: String) {
        for problem in Self.brokenLinks(in: Self.text(doc), of: doc) { Issue.record(Comment(rawValue: problem)) }
    }

    /// The relative links `[text](target)` of a page (outside code) whose file, or `#anchor` in a Markdown
    /// file, does not exist.
    static func brokenLinks(in markdown: String, of doc: String) -> [String] {
        let folder = (doc as NSString).deletingLastPathComponent
        var problems: [String] = []
        var inFence = false
        for (i, line) in markdown.components(separatedBy: "\n").enumerated() {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence else { continue }
            for target in links(in: line) where !target.contains("://") && !target.hasPrefix("mailto:") {
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? doc : ((folder as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
                guard parts[0].isEmpty || FileManager.default.fileExists(atPath: Repo.path(file)) else {
                    problems.append("\(doc):\(i + 1): `\(target)` names no file (\(file))")
                    continue
                }
                // An anchor of the page itself is looked up in the text given (which may not be saved yet).
                let headings = DocHeading.all(in: parts[0].isEmpty ? markdown : text(file))
                if parts.count == 2, file.hasSuffix(".md"), !headings.contains(where: { $0.anchor == parts[1] }) {
                    problems.append("\(doc):\(i + 1): `\(target)`: \(file) has no heading with the anchor `#\(parts[1])`")
                }
            }
        }
        return problems
    }

    /// The targets of the `](…)` links of one line, inline code left out.
    static func links(in line: String) -> [String] {
        let prose = line.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        return prose.components(separatedBy: "](").dropFirst().compactMap { rest in
            rest.firstIndex(of: ")").map { String(rest[..<$0]) }
        }
    }

    // The checks themselves, on pages written here.

    @Test func aChinesePageRunsInChineseAndAnEnglishPageInEnglish() {
        // What a page's output block would be rewritten with (STRATA_UPDATE_DOCS=1) is what the program printed.
        func printed(on doc: String, examples: String) -> String {
            let markdown = "```strata\nload customers from \"\(examples)/data/customers.csv\"\nderive r = round(clv, 2.5)\n```\n\n```text\nanything\n```\n"
            var runner = DocRunner(doc: doc)
            runner.updating = true
            runner.run(DocBlock.blocks(in: markdown, doc: doc))
            return runner.rewrites.first?.code ?? ""
        }
        let zh = printed(on: "docs/zh-CN/t.md", examples: "../../examples")
        let en = printed(on: "docs/t.md", examples: "../examples")
        #expect(zh.contains("rules.strata:2:") && zh.contains("`round` 的位数必须是整数"), "\(zh)")
        #expect(en.contains("rules.strata:2:") && en.contains("error:") && !en.contains("整数"), "\(en)")
    }

    static let englishPage = """
        # The language

        ```strata
        # a comment, not a heading
        ```

        ## Statements
        ### load
        ### set
        ## Errors
        """

    @Test func aMissingSectionIsNamedByItsEnglishHeadingAndLine() {
        let zh = "# 语言\n\n## 语句\n### load\n## 错误\n"
        let problems = DocHeading.differences(english: DocHeading.all(in: Self.englishPage), in: "docs/x.md",
                                              translation: DocHeading.all(in: zh), in: "docs/zh-CN/x.md")
        #expect(problems == ["docs/zh-CN/x.md lacks the section `### set` (docs/x.md:9)"])
    }

    @Test func anExtraOrMisleveledHeadingIsNamed() {
        let extra = "# 语言\n## 语句\n### load\n### set\n### 另一节\n## 错误\n"
        #expect(DocHeading.differences(english: DocHeading.all(in: Self.englishPage), in: "docs/x.md",
                                       translation: DocHeading.all(in: extra), in: "docs/zh-CN/x.md")
            == ["docs/zh-CN/x.md:5 has the heading `### 另一节`, which docs/x.md does not have after `### set` (docs/x.md:9)"])
        // `## 错误` demoted to `###`: the English `## Errors` is missing and the `###` is extra.
        let demoted = "# 语言\n## 语句\n### load\n### set\n### 错误\n"
        #expect(DocHeading.differences(english: DocHeading.all(in: Self.englishPage), in: "docs/x.md",
                                       translation: DocHeading.all(in: demoted), in: "docs/zh-CN/x.md").count == 2)
        // A heading keeps its code words: `### show` cannot stand for `### load`.
        let renamed = "# 语言\n## 语句\n### show\n### set\n## 错误\n"
        #expect(DocHeading.differences(english: DocHeading.all(in: Self.englishPage), in: "docs/x.md",
                                       translation: DocHeading.all(in: renamed), in: "docs/zh-CN/x.md").count == 2)
        // The same structure translated passes.
        let right = "# 语言\n\n```strata\n# 注释\n```\n\n## 语句\n### load\n### set\n## 错误\n"
        #expect(DocHeading.differences(english: DocHeading.all(in: Self.englishPage), in: "docs/x.md",
                                       translation: DocHeading.all(in: right), in: "docs/zh-CN/x.md").isEmpty)
    }

    @Test func aBrokenLinkOrAnchorIsNamed() {
        let page = "See [the reference](../language.md#several-tables), [语句](#语句), "
            + "[nothing](../nothing.md), [no anchor](../language.md#nowhere) and `[code](not/a/link)`.\n\n## 语句\n"
        let problems = Self.brokenLinks(in: page, of: "docs/zh-CN/x.md")
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.contains("`../nothing.md` names no file") })
        #expect(problems.contains { $0.contains("no heading with the anchor `#nowhere`") })
    }
}
