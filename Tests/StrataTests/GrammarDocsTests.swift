import Foundation
import Testing
@testable import Strata

/// Every example and every `strata` code block in the docs must parse: the docs and the grammar stay true.
@Suite struct GrammarDocsTests {
    static var examples: [String] { Repo.files(in: "examples", ext: "strata") }

    /// (origin, code) for each ```strata block in README.md and docs/*.md.
    static var docBlocks: [(String, String)] { DocBlock.all.filter(\.isRules).map { ($0.origin, $0.code) } }

    @Test func thereAreExamplesAndDocBlocks() {
        #expect(Self.examples.count >= 3)
        #expect(Self.docBlocks.count >= 10)
    }

    @Test(arguments: examples)
    func exampleParsesAndChecks(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (program, diags) = Parser.parse(SourceFile(name: path, text: text))
        #expect(diags.isEmpty, "\(DiagnosticRenderer(sources: [SourceFile(name: path, text: text)]).render(diags))")
        #expect(program.statements.count >= 5)
        // Every example ends its work with assertions that hold (run by the CLI tests and .ci/run).
        #expect(program.statements.contains { if case .assert = $0.kind { return true } else { return false } })
    }

    @Test func docBlocksParse() {
        for (origin, code) in Self.docBlocks {
            let src = SourceFile(name: origin, text: code)
            let (_, diags) = Parser.parse(src)
            #expect(diags.isEmpty, "\(origin): \(DiagnosticRenderer(sources: [src]).render(diags))")
        }
    }

    @Test func grammarNamesEveryStatementKeyword() throws {
        let ebnf = try String(contentsOfFile: Repo.path("grammar/strata.ebnf"), encoding: .utf8)
        for k in Keyword.statementStarts { #expect(ebnf.contains("\"\(k.rawValue)\""), "grammar lacks \(k.rawValue)") }
    }
}
