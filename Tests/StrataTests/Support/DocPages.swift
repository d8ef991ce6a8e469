import Foundation

/// The Markdown pages whose code blocks are run (docs/architecture.md, "Docs are tested"): the English
/// pages, README.md and docs/*.md, and their Simplified Chinese translations, README.zh-CN.md and docs/zh-CN/*.md.
enum DocPages {
    /// The language a page is written in, which is also the language its commands are run in.
    enum Language: Equatable {
        case english, chinese

        /// Runs `body` with the program printing in this language. This is the one place that switches it:
        /// until the message catalog's `Language.current` (Common/Language.swift) lands, every page's
        /// commands print English; then the body becomes
        /// `Language.$current.withValue(self == .chinese ? .zh : .en, operation: body)`.
        func speaking<T>(_ body: () -> T) -> T {
            body()
        }
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
