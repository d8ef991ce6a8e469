import Foundation
import Testing
@testable import Strata

/// A piped REPL session in each language, compared with `Golden/repl/session.LANG.txt`: `.help`, a load,
/// a typo with its caret under a line holding Chinese, a redefinition, `.schema`, `.segments` and the
/// dot-commands' own errors. The English file is what the session always printed; the Chinese one is read
/// beside it in review.
@Suite struct ReplLanguageTests {
    static let script = """
        load customers from "DIR/c.csv"
        .help
        segment 大客户 where clvv > 2e6
        segment 大客户 where clv > 2e6
        derive 积分 = clv / 1000
        segment 大客户 where clv > 1e6
        count 大客户
        .schema
        .segments
        .mode xml
        .hlep
        .save
        """

    static let csv = """
        id,name,city,clv
        C1,王伟,深圳,3000000
        C2,李娜,广州,500000
        C3,张敏,深圳,
        C4,刘洋,上海,8000000

        """

    /// The session's stdout and stderr, with the temporary folder written as `DIR`.
    static func session(_ language: Language) throws -> String {
        let dir = Repo.tempDir()
        try csv.write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        let r = Language.$current.withValue(language) {
            CLIRun(["repl"], input: script.replacingOccurrences(of: "DIR", with: dir))
        }
        let text = "exit \(r.code)\n--- stdout\n\(r.out)--- stderr\n\(r.err)"
        return text.replacingOccurrences(of: dir, with: "DIR")
    }

    @Test(arguments: Language.allCases)
    func aPipedSessionInEachLanguage(_ language: Language) throws {
        let text = try Self.session(language)
        let path = Repo.path("Tests/StrataTests/Golden/repl/session.\(language.rawValue).txt")
        try Golden.update(text, at: path)
        Golden.expectEqual(text, toFileAt: path, "the piped REPL session in \(language)")
    }

    @Test func theChineseSessionSaysInChineseWhatTheEnglishOneSays() throws {
        let zh = try Self.session(.zh), en = try Self.session(.en)
        // The same results (names, numbers) in both; the words differ.
        #expect(zh.contains(ReplText.help.template.zh) && en.contains(ReplText.help.template.en))
        #expect(zh.contains("已从 DIR/c.csv 加载 4 位客户") && en.contains("loaded 4 customers from DIR/c.csv"))
        #expect(zh.contains("已替换分群 `大客户`") && en.contains("replaced segment `大客户`"))
        #expect(zh.contains("错误: 未知命令 .hlep；是不是想写 .help？") && en.contains("error: unknown command .hlep; did you mean .help?"))
        #expect(zh.contains("错误: .mode 只接受 table、csv 或 json"))
        // The caret stands under `clvv` in both, past the Chinese name (two columns per character).
        for text in [zh, en] {
            #expect(text.contains(" 1 | segment 大客户 where clvv > 2e6\n   |                      ^^^^\n"), "\(text)")
        }
        #expect(!zh.contains("loaded 4 customers") && !en.contains("位客户"))
    }
}
