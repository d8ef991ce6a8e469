import Foundation
import Testing
@testable import Strata

/// The message catalog: every text a person reads, in English and Simplified Chinese. The whole catalog is
/// written out per language in `Golden/catalog/` so translations are read side by side in review
/// (`STRATA_UPDATE_GOLDEN=1` rewrites them).
@Suite struct MessageCatalogTests {
    /// Every catalog enum. A test below fails when the sources declare one not listed here.
    static let catalogs: [any CatalogKey.Type] = [
        CommonText.self, FunctionText.self, TypeText.self,
        CLIText.self,
        UsageText.self,
        ReplText.self,
        CheckText.self,
        CallText.self,
        SummaryText.self,
        TableText.self,
        LoadText.self,
        DataText.self,
        SQLText.self,
        FileText.self,
        GenText.self,
        SyntaxText.self,
        ExpectationText.self,
        DeclarationText.self,
        LintText.self,
        RunText.self,
        WhyText.self,
        OutputText.self,
        DiffText.self,
        ReportText.self,
    ]

    static var entries: [(key: String, template: Template)] { catalogs.flatMap { $0.entries } }

    @Test func everyCatalogEnumInTheSourcesIsListed() throws {
        let listed = Set(Self.catalogs.map { "\($0)" })
        var declared: Set<String> = []
        let regex = try NSRegularExpression(pattern: "enum\\s+([A-Z][A-Za-z0-9]*)\\s*:[^{]*\\bCatalogKey\\b")
        let root = Repo.path("Sources/Strata")
        for case let f as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] where f.hasSuffix(".swift") {
            let text = (try? String(contentsOfFile: root + "/" + f, encoding: .utf8)) ?? ""
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let r = Range(m.range(at: 1), in: text) { declared.insert(String(text[r])) }
            }
        }
        #expect(declared.contains("CommonText"))
        #expect(declared == listed, "declared but not listed: \(declared.subtracting(listed).sorted()); listed but gone: \(listed.subtracting(declared).sorted())")
    }

    @Test func keysAreUnique() {
        let keys = Self.entries.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test func everyKeyHasBothLanguagesWithTheSameSlots() {
        for (key, t) in Self.entries {
            #expect(!t.en.isEmpty && !t.zh.isEmpty, "\(key) is empty in a language")
            let en = Set(Template.slots(in: t.en)), zh = Set(Template.slots(in: t.zh))
            #expect(zh.isSubset(of: en), "\(key): Chinese slots \(zh.subtracting(en).sorted()) are not in the English")
            #expect(en.subtracting(zh).allSatisfy { $0.hasPrefix("en_") }, "\(key): English slots \(en.subtracting(zh).sorted()) missing from the Chinese")
            // An English sentence has a Chinese one: not a copy left untranslated.
            if Self.words(t.en) && key != "CommonText.listSeparator" {
                #expect(t.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key) is not translated: \(t.zh)")
            }
        }
    }

    @Test func chineseProseUsesFullWidthPunctuation() {
        for (key, t) in Self.entries {
            let prose = Self.outsideCode(t.zh)
            // Half-width comma or colon right after a Chinese character is a typing slip.
            let scalars = Array(prose.unicodeScalars)
            for (i, s) in scalars.enumerated() where i > 0 && (s == "," || s == ";" || s == "?") {
                #expect(!(0x4E00...0x9FFF).contains(scalars[i - 1].value), "\(key): half-width \(s) after Chinese: \(t.zh)")
            }
        }
    }

    @Test func slotsFillInEitherLanguageAndUnknownBracesStay() {
        let m = Message(key: "t", template: Template(en: "`{name}` has {count} customer{en_s} \\u{1F600}", zh: "`{name}` 有 {count} 位客户"),
                        slots: ["name": "vip", "count": "3", "en_s": "s"])
        #expect(m.text(.en) == "`vip` has 3 customers \\u{1F600}")
        #expect(m.text(.zh) == "`vip` 有 3 位客户")
        #expect(Language.$current.withValue(.zh) { m.description } == "`vip` 有 3 位客户")
        let list = Message(key: "t", template: Template(en: "fields: {names}", zh: "字段：{names}"), slots: ["names": .list(["a", "b"])])
        #expect(list.text(.en) == "fields: a, b" && list.text(.zh) == "字段：a、b")
    }

    @Test(arguments: [
        ([:], Language.en), (["LANG": "zh_CN.UTF-8"], .zh), (["LANG": "en_US.UTF-8"], .en),
        (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], .en), (["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"], .zh),
        (["LC_ALL": "", "LANG": "zh_CN.UTF-8"], .zh), (["STRATA_LANG": "en", "LC_ALL": "zh_CN.UTF-8"], .en),
        (["STRATA_LANG": "zh"], .zh), (["STRATA_LANG": "klingon", "LANG": "zh_CN"], .zh),
    ] as [([String: String], Language)])
    func theEnvironmentChoosesTheLanguage(_ env: [String: String], _ expected: Language) {
        #expect(Language.fromEnvironment(env) == expected)
    }

    @Test func theCatalogIsWrittenOutPerLanguage() throws {
        let folder = Repo.path("Tests/StrataTests/Golden/catalog")
        for language in Language.allCases {
            let text = Self.entries.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.template.text(language))\n" }.joined()
            let path = folder + "/catalog.\(language.rawValue).txt"
            if Golden.updating {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            #expect(text == expected, "\(path) is out of date: STRATA_UPDATE_GOLDEN=1 rewrites it")
        }
    }

    /// Whether a template has English words outside its slots and code spans.
    static func words(_ template: String) -> Bool {
        outsideCode(template).range(of: "[A-Za-z]{3,}", options: .regularExpression) != nil
    }

    /// The template without `code spans` and `{slots}`.
    static func outsideCode(_ template: String) -> String {
        template.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\{[a-z][a-z0-9_]*\\}", with: "", options: .regularExpression)
    }
}
