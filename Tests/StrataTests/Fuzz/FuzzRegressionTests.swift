import Foundation
import Testing
@testable import Strata

/// Every input the fuzzers (Tests/Fuzz/run.sh) found a crash, hang or broken invariant with is kept in
/// Tests/Fuzz/regressions/TARGET/ and replayed through the same entry point the fuzzer called: it must
/// now be handled (a trap here stops the test run).
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: FuzzTarget) -> [String] {
        let dir = Repo.path("Tests/Fuzz/regressions/" + target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    @Test(arguments: FuzzTarget.allCases)
    func regressionInputsAreHandled(_ target: FuzzTarget) throws {
        for path in Self.inputs(target) {
            let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
            target.run([UInt8](data))
        }
    }

    @Test func everyTargetHasRegressionFilesOrNone() {
        // The folders are named after the targets: a misspelt folder would never be replayed.
        let root = Repo.path("Tests/Fuzz/regressions")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let known = Set(FuzzTarget.allCases.map(\.rawValue))
        for f in folders where !f.hasPrefix(".") { #expect(known.contains(f), "Tests/Fuzz/regressions/\(f) is not a fuzz target") }
        #expect(!folders.isEmpty, "the fuzzers' findings are kept in Tests/Fuzz/regressions")
    }

    /// The span check the targets apply is itself right: it accepts spans the lexer makes and refuses bad ones.
    @Test func theSpanCheckRefusesSpansOutsideTheirSource() {
        let source = SourceFile(name: "t", text: "segment 客户 where\n  clv > 1")
        let tokens = Lexer(source: source).tokenize().tokens
        for t in tokens { #expect(FuzzTarget.spanProblem(t.span, in: source) == nil, "\(t.text)") }
        let inside = SourceLocation(line: 1, column: 10, offset: 9)  // the middle of 客
        #expect(FuzzTarget.spanProblem(SourceSpan(start: inside, end: inside), in: source) != nil)
        let wrongLine = SourceLocation(line: 1, column: 19, offset: 22)  // offset 22 is on line 2
        #expect(FuzzTarget.spanProblem(SourceSpan(start: wrongLine, end: wrongLine), in: source) != nil)
        let past = SourceLocation(line: 2, column: 20, offset: 200)
        #expect(FuzzTarget.spanProblem(SourceSpan(start: past, end: past), in: source) != nil)
        #expect(FuzzTarget.spanProblem(.wholeFile, in: source) == nil)
    }
}
