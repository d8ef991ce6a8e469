import Foundation
import Testing
@testable import Strata

/// Choosing the language of messages end to end (docs/cli.md "Languages"): `--lang` on any command, else
/// `STRATA_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first set), else English — through
/// the built binary, whose environment is the only input. Keywords, codes and the `N passed, N failed`
/// line stay as they are in every language.
@Suite struct LanguageChoiceTests {
    /// Runs the built `strata` with `words` in an environment without any language variable but `env`.
    static func strata(_ words: [String], env: [String: String] = [:], in dir: String? = nil) -> CLIRun.Spawned {
        var environment = ProcessInfo.processInfo.environment.filter {
            !["LANG", "LC_ALL", "LC_MESSAGES", "STRATA_LANG", "LANGUAGE"].contains($0.key)
        }
        environment.merge(env) { _, new in new }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: SignalCleanupTests.binary)
        p.arguments = words
        p.environment = environment
        if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return CLIRun.Spawned(code: -1, out: "", err: "\(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun.Spawned(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    static let english = "strata: unknown command `chekc`; did you mean `check`?"
    static let chinese = "strata: 未知命令 `chekc`；是不是想写 `check`？"

    /// Which language a mistyped command's message came out in.
    static func language(of r: CLIRun.Spawned) -> Language? {
        r.err.hasPrefix(english) ? .en : r.err.hasPrefix(chinese) ? .zh : nil
    }

    @Test(arguments: [
        ([String: String](), Language.en),
        (["LANG": "zh_CN.UTF-8"], .zh),
        (["LANG": "zh_TW.UTF-8"], .zh),
        (["LANG": "en_US.UTF-8"], .en),
        (["LANG": "C"], .en),
        // POSIX: LC_ALL wins over LC_MESSAGES, which wins over LANG; an empty one does not count.
        (["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"], .en),
        (["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], .zh),
        (["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], .zh),
        (["LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"], .en),
        // STRATA_LANG wins over the locale; one it cannot read leaves the choice to the locale.
        (["STRATA_LANG": "en", "LC_ALL": "zh_CN.UTF-8"], .en),
        (["STRATA_LANG": "zh", "LANG": "C"], .zh),
        (["STRATA_LANG": "klingon", "LANG": "zh_CN.UTF-8"], .zh),
    ])
    func theEnvironmentChoosesTheLanguage(_ env: [String: String], _ expected: Language) {
        let r = Self.strata(["chekc"], env: env)
        #expect(r.code == 2)
        #expect(Self.language(of: r) == expected, "\(env): \(r.err.prefix(80))")
    }

    @Test(arguments: [
        (["--lang", "zh", "chekc"], ["LANG": "en_US.UTF-8"], Language.zh),
        (["chekc", "--lang=zh"], [:], .zh),
        (["--lang", "en", "chekc"], ["STRATA_LANG": "zh"], .en),
        (["chekc", "--lang", "EN"], ["LC_ALL": "zh_CN.UTF-8"], .en),
        (["--lang", "zh_CN.UTF-8", "chekc"], [:], .zh),
    ])
    func theFlagWinsOverTheEnvironmentWhereverItStands(_ words: [String], _ env: [String: String], _ expected: Language) {
        let r = Self.strata(words, env: env)
        #expect(r.code == 2)
        #expect(Self.language(of: r) == expected, "\(words) \(env): \(r.err.prefix(80))")
    }

    @Test func everyCommandAcceptsTheFlag() {
        // `--lang` is taken out before a command sees its words, so no command refuses it as unknown.
        for sub in CLI.Subcommand.allCases {
            let r = Self.strata([sub.rawValue, "--lang", "zh", "--help"])
            #expect(r.code == 0, "\(sub)")
            #expect(r.out.hasPrefix("用法：strata \(sub.rawValue)"), "\(sub): \(r.out.prefix(60))")
        }
        let version = Self.strata(["version", "--lang", "zh"])
        #expect(version.code == 0 && version.out == CLI.version + "\n")
    }

    @Test func anUnknownLanguageIsAUsageErrorWithASuggestion() {
        let near = Self.strata(["check", "--lang", "zn", "x.strata"])
        #expect(near.code == 2)
        #expect(near.err.hasPrefix("strata: --lang takes en or zh, found `zn`; did you mean `zh`?\n\nusage: strata"), "\(near.err.prefix(120))")
        // The error about the flag is in the environment's language: the flag could not say which.
        let far = Self.strata(["--lang", "fr"], env: ["LANG": "zh_CN.UTF-8"])
        #expect(far.code == 2 && far.err.hasPrefix("strata: --lang 只接受 en 或 zh，这里是 `fr`\n\n用法：strata"), "\(far.err.prefix(120))")
        let missing = Self.strata(["run", "--lang"])
        #expect(missing.code == 2 && missing.err.hasPrefix("strata: --lang needs a value"))
    }

    @Test func aCheckInChineseKeepsCodesKeywordsAndNamesAndTranslatesTheRest() throws {
        let dir = Repo.tempDir()
        try "id,clv\nC1,100\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "load customers from \"c.csv\"\nderive r = round(clv, 1.5)\n".write(toFile: dir + "/r.strata", atomically: true, encoding: .utf8)
        let text = Self.strata(["check", "r.strata"], env: ["LANG": "zh_CN.UTF-8"], in: dir)
        #expect(text.code == 1)
        #expect(text.err.contains("r.strata:2:23: 错误: `round` 的位数必须是整数，这里是 `1.5`"), "\(text.err)")
        #expect(text.err.contains("   = 提示: 例如 round(x, 2) 保留到分"), "\(text.err)")
        #expect(text.err.hasSuffix("已检查 1 个文件：1 个错误，0 个警告\n"), "\(text.err)")
        // JSON: the code is the stable English kind, the message and suggestion are in the chosen language.
        let json = Self.strata(["check", "r.strata", "--format", "json", "--lang", "zh"], in: dir)
        #expect(json.out.contains("\"code\":\"round-digits\",\"message\":\"`round` 的位数必须是整数，这里是 `1.5`\",\"suggestion\":\"例如"), "\(json.out)")
        let en = Self.strata(["check", "r.strata", "--format", "json"], env: ["LANG": "zh_CN.UTF-8", "STRATA_LANG": "en"], in: dir)
        #expect(en.out.contains("\"code\":\"round-digits\",\"message\":\"the digits of `round` must be a whole number, found `1.5`\""), "\(en.out)")
    }

    @Test func testsEndWithTheLineToolsParseInEveryLanguage() throws {
        let dir = Repo.tempDir()
        try "id,clv\nC1,100\nC2,300\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "load customers from \"c.csv\"\nassert count() == 2\nassert count() == 3\n".write(toFile: dir + "/t.strata", atomically: true, encoding: .utf8)
        let zh = Self.strata(["test", "t.strata", "--lang", "zh"], in: dir)
        #expect(zh.code == 1)
        #expect(zh.out.hasSuffix("断言：1 条通过，1 条失败\n1 passed, 1 failed\n"), "\(zh.out)")
        let en = Self.strata(["test", "t.strata"], in: dir)
        #expect(en.code == 1 && en.out.hasSuffix("\n1 passed, 1 failed\n"), "\(en.out)")
        #expect(!en.out.contains("断言"))
    }

    /// `strata --help` in each language, compared with `Golden/cli/help.LANG.txt`.
    @Test(arguments: Language.allCases)
    func theUsageInEachLanguage(_ language: Language) throws {
        let r = Self.strata(["--help", "--lang", language.rawValue])
        #expect(r.code == 0)
        let path = Repo.path("Tests/StrataTests/Golden/cli/help.\(language.rawValue).txt")
        try Golden.update(r.out, at: path)
        Golden.expectEqual(r.out, toFileAt: path, "strata --help in \(language)")
        // English is the usage the code has always printed; the Chinese follows it line for line.
        if language == .en { #expect(r.out == Language.$current.withValue(.en) { CLI.usage }) }
    }
}

extension CLIRun {
    /// What a spawned `strata` process printed, and its exit status.
    struct Spawned {
        var code: Int32
        var out: String
        var err: String
    }
}
