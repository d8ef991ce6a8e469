import Foundation
import Testing
@testable import Strata

/// Every block in README.md and docs/*.md (and their Chinese pages, README.zh-CN.md and docs/zh-CN/*.md, run in
/// Chinese) that shows output is what the program prints, byte for byte (the convention is in
/// docs/architecture.md, "Docs are tested"): a doc can no longer drift from the program.
/// `STRATA_UPDATE_DOCS=1` rewrites the output blocks that differ with what the program prints.
@Suite struct DocsOutputTests {
    static var docs: [String] { Array(Set(DocBlock.all.map(\.doc))).sorted() }

    @Test(arguments: docs)
    func everyOutputBlockIsWhatTheProgramPrints(_ doc: String) throws {
        var runner = DocRunner(doc: doc)
        runner.run(DocBlock.all.filter { $0.doc == doc })
        for p in runner.problems { Issue.record(Comment(rawValue: p)) }
        try DocRewrite.write(runner.rewrites, to: doc)
    }

    @Test func mostOutputBlocksAreRunNotMarkedAway() {
        // The README's error, the language's, the REPL session, the count tables, the include cycle,
        // `check --format json`, `strata test`, the diagnostic codes' example: run; diagrams and synopses: marked.
        // The Chinese pages mark the same blocks as their English pages (DocsTranslationTests).
        let output = DocBlock.all.filter { $0.isOutput && DocPages.language(of: $0.doc) == .english }
        let marked = output.filter { $0.markers.contains(where: \.isNotRun) }
        #expect(output.count - marked.count >= 9)
        #expect(marked.count <= 5, "\(marked.map(\.origin))")
    }

    // The convention itself, on docs written here.

    static func run(_ markdown: String) -> [String] {
        var runner = DocRunner(doc: "docs/t.md")
        runner.run(DocBlock.blocks(in: markdown, doc: "docs/t.md"))
        return runner.problems
    }

    static let rules = """
        ```strata
        load customers from "../examples/data/customers.csv"
        segment big where clv > 2e7
        count big
        ```
        """

    /// What `rules` really print, run apart from the doc machinery.
    static func printedByRules() -> String {
        let dir = Repo.tempDir() + "/docs"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let rules = Self.rules.components(separatedBy: "\n").dropFirst().dropLast().joined(separator: "\n")
        let file = CLITests.write(rules.replacingOccurrences(of: "../examples", with: Repo.path("examples")), "r.strata", in: dir)
        return CLIRun(["run", file]).out
    }

    @Test func aRuleBlockFollowedByItsOutputPassesAndAnyEditFails() {
        let printed = Self.printedByRules()
        #expect(printed.hasPrefix("segment"))
        #expect(Self.run(Self.rules + "\n\n```text\n" + printed + "```\n").isEmpty)
        let edited = printed.replacingOccurrences(of: "big ", with: "bag ")
        #expect(edited != printed)
        let wrong = Self.run(Self.rules + "\n\n```text\n" + edited + "```\n")
        #expect(wrong.count == 1 && wrong.first?.contains("docs/t.md:8: the block says") == true, "\(wrong)")
    }

    @Test func theUpdateSwitchRewritesTheOutputThatDiffersAndNothingElse() {
        let printed = Self.printedByRules()
        func page(_ output: String) -> String { "Intro.\n\n" + Self.rules + "\n\n```text\n" + output + "```\n\nAfter.\n" }
        let right = page(printed), wrong = page(printed.replacingOccurrences(of: "big ", with: "bag "))
        #expect(wrong != right)
        func update(_ markdown: String) -> (problems: [String], rewritten: String) {
            var runner = DocRunner(doc: "docs/t.md")
            runner.updating = true
            runner.run(DocBlock.blocks(in: markdown, doc: "docs/t.md"))
            return (runner.problems, DocRewrite.apply(runner.rewrites, to: markdown))
        }
        // A wrong block becomes what the program prints, reported as nothing; a right doc stays byte-identical.
        #expect(update(wrong) == ([], right))
        #expect(update(right) == ([], right))
        // A `$ strata` block keeps its command line, and a block inside a list item its indentation.
        let command = "- item\n\n  ```text\n  $ strata run r.strata\n  old\n  ```\n"
        let indented = "<!-- file: r.strata -->\n" + Self.rules + "\n\n" + command
        let updated = update(indented).rewritten
        #expect(updated.hasSuffix("- item\n\n  ```text\n  $ strata run r.strata\n"
            + printed.components(separatedBy: "\n").map { $0.isEmpty ? $0 : "  " + $0 }.joined(separator: "\n") + "  ```\n"), "\(updated)")
        #expect(update(updated) == ([], updated))
    }

    @Test func anEditedDocBlockFails() throws {
        // The README's error example, with its column changed by one.
        let readme = try String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)
        #expect(readme.contains(":19:23:"))
        var runner = DocRunner(doc: "README.md")
        runner.run(DocBlock.blocks(in: readme.replacingOccurrences(of: ":19:23:", with: ":19:24:"), doc: "README.md"))
        #expect(runner.problems.count == 1)
        #expect(runner.problems.first?.contains("19:24") == true)
    }

    @Test func anOutputBlockThatIsNeitherRunNorMarkedFails() {
        let problems = Self.run("Some prose.\n\n```text\nsegment  count\n```\n")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("docs/t.md:4: an output block must follow a ```strata block") == true)
        // Prose between the rules and the output block breaks the pair.
        #expect(Self.run(Self.rules + "\nwhich prints\n\n```text\nanything\n```\n").count == 1)
    }

    @Test func aMarkedBlockIsNotRunButNeedsAReason() {
        #expect(Self.run("<!-- not run: a diagram -->\n```text\na ──▶ b\n```\n").isEmpty)
        #expect(Self.run("<!-- not run: -->\n```text\na ──▶ b\n```\n").first?.contains("needs a reason") == true)
    }

    @Test func aRunReadingAsOfMustSetIt() {
        let md = """
            ```strata
            load customers from "../examples/data/customers.csv"
            segment recent where last_visit > as_of - 30 days
            count recent
            ```

            ```text
            whatever today gives
            ```
            """
        let problems = Self.run(md)
        #expect(problems.count == 1 && problems.first?.contains("reads as_of without `set as_of`") == true, "\(problems)")
    }

    @Test func aWholeRuleFileMustCheck() {
        let problems = Self.run("```strata\nload customers from \"../examples/data/customers.csv\"\nsegment x where clvv > 1\n```\n")
        #expect(problems.count == 1 && problems.first?.contains("`strata check` fails") == true, "\(problems)")
        // A fragment (no load, no schema) is only parsed, by GrammarDocsTests.
        #expect(Self.run("```strata\nsegment x where clvv > 1\n```\n").isEmpty)
    }

    @Test func anExcerptIsLinesOfItsFileInOrder() {
        let marker = "<!-- excerpt: ../examples/referral-value.strata -->\n"
        // Lines of the file, in order, some left out, one without its trailing comment.
        #expect(Self.run(marker + "```strata\nload referrals from \"data/referrals.csv\" linked by referrer\n\nsegment owners where count(purchases) > 0\n```\n").isEmpty)
        let edited = Self.run(marker + "```strata\nsegment owners where count(purchases) > 1\n```\n")
        #expect(edited.first?.contains("`segment owners where count(purchases) > 1` is not a line of ../examples/referral-value.strata") == true, "\(edited)")
        let reordered = Self.run(marker + "```strata\nsegment owners where count(purchases) > 0\nderive referred = count(referrals)\n```\n")
        #expect(reordered.count == 1, "\(reordered)")
    }

    @Test func aChangeMarkerEditsACopyOfTheFileOnly() throws {
        let before = try String(contentsOfFile: Repo.path("examples/vip-program.strata"), encoding: .utf8)
        let md = """
            <!-- change: ../examples/vip-program.strata "not in the file" to "x" -->
            ```text
            $ strata run ../examples/vip-program.strata
            ```
            """
        let problems = Self.run(md)
        #expect(problems.contains { $0.contains("`not in the file` is not in ../examples/vip-program.strata exactly once") })
        #expect(try String(contentsOfFile: Repo.path("examples/vip-program.strata"), encoding: .utf8) == before)
    }
}
