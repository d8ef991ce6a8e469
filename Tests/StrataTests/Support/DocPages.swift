import Foundation
@testable import Strata

/// The Markdown pages whose code blocks are run (docs/architecture.md, "Docs are tested"): the English
/// pages, README.md and docs/*.md, and their Simplified Chinese translations, README.zh-CN.md and docs/zh-CN/*.md.
enum DocPages {
    /// The language a page is written in, which is also the language its commands are run in.
    enum Language: Equatable {
        case english, chinese

        /// The program's language for this page's commands: English pages are English whatever the locale of
        /// the machine running the tests.
        var program: Strata.Language { self == .chinese ? .zh : .en }

        /// Runs `body` with the program printing in this language (`Language.current`, which the REPL session
        /// and every message read).
        func speaking<T>(_ body: () -> T) -> T {
            Strata.Language.$current.withValue(program, operation: body)
        }

        /// What a page's command line is given to choose its language, after the subcommand. Empty until the
        /// CLI takes `--lang` (issue 15): then `["--lang", program.rawValue]`, so a command that binds its
        /// language from its options and the environment still prints the page's.
        var commandOption: [String] { [] }
    }

    /// The Chinese README, beside README.md.
    static let chineseReadme = "README.zh-CN.md"
    /// The folder of the Chinese pages of docs/.
    static let chineseFolder = "docs/zh-CN"

    /// README.md and docs/*.md.
    static var english: [String] {
        ["README.md"] + Repo.files(in: "docs", ext: "md").map { "docs/" + ($0 as NSString).lastPathComponent }
    }

    /// README.zh-CN.md and docs/zh-CN/*.md, those that exist.
    static var chinese: [String] {
        let readme = FileManager.default.fileExists(atPath: Repo.path(chineseReadme)) ? [chineseReadme] : []
        return readme + Repo.files(in: chineseFolder, ext: "md").map { chineseFolder + "/" + ($0 as NSString).lastPathComponent }
    }

    /// Every page whose blocks are run, the English ones first.
    static var all: [String] { english + chinese }

    /// The language of a page, by its path.
    static func language(of doc: String) -> Language {
        doc == chineseReadme || doc.hasPrefix(chineseFolder + "/") ? .chinese : .english
    }

    /// The English page a Chinese page translates (README.zh-CN.md → README.md, docs/zh-CN/X.md → docs/X.md);
    /// nil for an English page.
    static func englishPage(of doc: String) -> String? {
        if doc == chineseReadme { return "README.md" }
        guard doc.hasPrefix(chineseFolder + "/") else { return nil }
        return "docs/" + doc.dropFirst(chineseFolder.count + 1)
    }
}
