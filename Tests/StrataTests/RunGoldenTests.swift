import Foundation
import Testing
@testable import Strata

/// Golden tests of `strata run`, in the style of craftinginterpreters' `test/*.lox`: every folder under
/// `Golden/run/` is one case holding
///
/// - `rules.strata` and the data (and included files) it reads, paths relative to the case folder;
/// - `args` (optional): extra command-line words, one per line, appended after `run rules.strata`;
///   `$CASE` in them stands for the case folder (for `--data`, whose path is relative to the current folder);
/// - `stdout`, `stderr`, `exit`: what the run must print and return (`exit` is the code and a newline);
/// - `stdout.zh`, `stderr.zh` (where they differ): the same run's output in Chinese;
/// - `expected-files/` (optional): the files the run must write under the case's `out/` folder, exactly.
///
/// The case folder's absolute path in stdout and stderr reads `$CASE`, so the expectations hold on any
/// machine. `STRATA_UPDATE_GOLDEN=1 swift test --filter RunGolden` rewrites the expectations; review the diff.
@Suite struct RunGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/run").path

    /// Every sub-folder is a case: a folder without `rules.strata` fails rather than being skipped.
    static var cases: [String] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: folder + "/" + name, isDirectory: &isDir) && isDir.boolValue
        }.sorted()
    }

    /// The statement keywords in the enum's declaration order (the set `Keyword.statementStarts` has no order).
    static let statementKeywords = Keyword.allCases.filter(Keyword.statementStarts.contains)

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 25, "only \(Self.cases.count) cases in \(Self.folder)")
    }

    /// Every kind of statement is run by some case. A statement's kind is read from the keyword token the
    /// parser started it at, so a new statement keyword needs a case without this test being edited.
    @Test func everyStatementKindAppearsInSomeCase() throws {
        var seen: Set<Keyword> = []
        for name in Self.cases {
            let path = Self.folder + "/" + name + "/rules.strata"
            let source = SourceFile(name: path, text: try String(contentsOfFile: path, encoding: .utf8))
            seen.formUnion(Self.statementKeywords(in: source))
        }
        #expect(!Self.statementKeywords.isEmpty)
        for k in Self.statementKeywords {
            #expect(seen.contains(k), "no case's rules.strata has a `\(k.rawValue)` statement")
        }
    }

    /// The keywords that begin the statements the parser accepted in a source.
    static func statementKeywords(in source: SourceFile) -> Set<Keyword> {
        var keywordAt: [Int: Keyword] = [:]
        for t in Lexer(source: source).tokenize().tokens {
            if case .keyword(let k) = t.kind { keywordAt[t.span.start.offset] = k }
        }
        let statements = Parser.parse(source).program.statements
        return Set(statements.compactMap { keywordAt[$0.span.start.offset] })
    }

    @Test(arguments: cases)
    func run(_ name: String) throws {
        let dir = Self.folder + "/" + name
        let fm = FileManager.default
        let rules = dir + "/rules.strata"
        try #require(fm.fileExists(atPath: rules), "\(name) has no rules.strata")
        // Files left by an earlier run must not pass for files this run wrote.
        try? fm.removeItem(atPath: dir + "/out")

        let run = CLIRun(["run", rules] + Self.arguments(in: dir))
        let stdout = Self.anonymised(run.out, dir), stderr = Self.anonymised(run.err, dir)
        let exit = "\(run.code)\n"
        let written = Self.files(under: dir + "/out")

        if Golden.updating {
            try Golden.update(stdout, at: dir + "/stdout")
            try Golden.update(stderr, at: dir + "/stderr")
            try Golden.update(exit, at: dir + "/exit")
            try? fm.removeItem(atPath: dir + "/expected-files")
            for f in written {
                try Golden.update(try String(contentsOfFile: dir + "/out/" + f, encoding: .utf8), at: dir + "/expected-files/" + f)
            }
        }
        Golden.expectEqual(stdout, toFileAt: dir + "/stdout", "\(name): stdout")
        Golden.expectEqual(stderr, toFileAt: dir + "/stderr", "\(name): stderr")
        Golden.expectEqual(exit, toFileAt: dir + "/exit", "\(name): exit code")

        let expectedFiles = Self.files(under: dir + "/expected-files")
        #expect(written == expectedFiles, "\(name): files written under out/ differ from expected-files/")
        for f in expectedFiles where written.contains(f) {
            let actual = try String(contentsOfFile: dir + "/out/" + f, encoding: .utf8)
            Golden.expectEqual(actual, toFileAt: dir + "/expected-files/" + f, "\(name): out/\(f)")
        }
        try Self.runInChinese(name, dir, rules: rules)
    }

    /// The same run in Chinese: where a case's output has words of Strata's in it, `stdout.zh` / `stderr.zh`
    /// hold the Chinese (written only when they differ from the English: without them the output must be
    /// the same in both languages). The exit code and the files written (CSV and JSON keep English headers)
    /// never depend on the language.
    /// (Called by `run` after the English run, so the two never write the case's `out/` at the same time.)
    static func runInChinese(_ name: String, _ dir: String, rules: String) throws {
        let fm = FileManager.default
        let outDir = dir + "/out"
        let run = Language.$current.withValue(.zh) { CLIRun(["run", rules] + Self.arguments(in: dir)) }
        let stdout = Self.anonymised(run.out, dir), stderr = Self.anonymised(run.err, dir)
        for (text, file) in [(stdout, "stdout"), (stderr, "stderr")] {
            let english = (try? String(contentsOfFile: dir + "/" + file, encoding: .utf8)) ?? ""
            if Golden.updating {
                if text == english { try? fm.removeItem(atPath: dir + "/" + file + ".zh") } else { try Golden.update(text, at: dir + "/" + file + ".zh") }
            }
            let zh = dir + "/" + file + ".zh"
            Golden.expectEqual(text, toFileAt: fm.fileExists(atPath: zh) ? zh : dir + "/" + file, "\(name): \(file) in Chinese")
        }
        Golden.expectEqual("\(run.code)\n", toFileAt: dir + "/exit", "\(name): exit code in Chinese")
        for f in Self.files(under: dir + "/expected-files") {
            let actual = try String(contentsOfFile: outDir + "/" + f, encoding: .utf8)
            Golden.expectEqual(actual, toFileAt: dir + "/expected-files/" + f, "\(name): out/\(f) in Chinese")
        }
    }

    /// The words of the case's `args` file, one per line, with `$CASE` made the case folder's path.
    static func arguments(in dir: String) -> [String] {
        guard let text = try? String(contentsOfFile: dir + "/args", encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.replacingOccurrences(of: "$CASE", with: dir) }
    }

    /// Output with the case folder's absolute path written `$CASE` (diagnostics and export notes name
    /// files by the path the rule file was given, which here is absolute).
    static func anonymised(_ text: String, _ dir: String) -> String {
        text.replacingOccurrences(of: dir, with: "$CASE")
    }

    /// Paths of the regular files under a folder, relative to it, sorted; empty when there is no folder.
    static func files(under root: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let p = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue { out.append(p) }
        }
        return out.sorted()
    }
}
