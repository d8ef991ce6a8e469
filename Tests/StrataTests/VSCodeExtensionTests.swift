import Foundation
import Testing
@testable import Strata

/// The VS Code extension folder (`editors/vscode/`, docs/editors.md) is one VS Code can load: its JSON
/// files parse, the grammar it names is the repository's grammar, and its brackets are the language's.
@Suite struct VSCodeExtensionTests {
    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.path(relative)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(relative) is no JSON object")
    }

    @Test func packageJSONDeclaresTheLanguageGrammarAndEntryPoint() throws {
        let package = try Self.json("editors/vscode/package.json")
        #expect(package["name"] as? String == "strata")
        #expect(package["main"] as? String == "./extension.js")
        #expect(FileManager.default.fileExists(atPath: Repo.path("editors/vscode/extension.js")))
        #expect((package["engines"] as? [String: Any])?["vscode"] is String)
        let contributes = try #require(package["contributes"] as? [String: Any])
        let language = try #require((contributes["languages"] as? [[String: Any]])?.first)
        #expect(language["id"] as? String == "strata")
        #expect(language["extensions"] as? [String] == [".strata"])
        #expect(language["configuration"] as? String == "./language-configuration.json")
        #expect((package["activationEvents"] as? [String])?.contains("onLanguage:strata") == true)

        let grammar = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(grammar["language"] as? String == "strata")
        #expect(grammar["scopeName"] as? String == "source.strata")
        // The grammar inside the folder is the repository's grammar (a link, so the two cannot drift).
        let path = try #require(grammar["path"] as? String)
        let inFolder = try Data(contentsOf: URL(fileURLWithPath: Repo.path("editors/vscode/" + path)))
        let canonical = try Data(contentsOf: URL(fileURLWithPath: Repo.path("editors/strata.tmLanguage.json")))
        #expect(inFolder == canonical)

        // Every setting the extension reads is declared, with its default.
        let settings = try #require((contributes["configuration"] as? [String: Any])?["properties"] as? [String: Any])
        let js = try String(contentsOfFile: Repo.path("editors/vscode/extension.js"), encoding: .utf8)
        for key in ["server.path", "server.enabled"] {
            #expect(js.contains("config.get('\(key)'"), "extension.js does not read \(key)")
            #expect((settings["strata." + key] as? [String: Any])?["default"] != nil, "strata.\(key) is not declared")
        }
    }

    @Test func languageConfigurationUsesTheLanguagesCommentsAndBrackets() throws {
        let config = try Self.json("editors/vscode/language-configuration.json")
        let comment = try #require((config["comments"] as? [String: Any])?["lineComment"] as? String)
        // The line comment the editor inserts is one the lexer reads as a comment.
        let (tokens, comments, diagnostics) = Lexer(source: SourceFile(name: "t", text: "\(comment) x")).tokenize()
        #expect(diagnostics.isEmpty && comments.count == 1 && tokens.count == 1)

        let brackets = try #require(config["brackets"] as? [[String]])
        #expect(brackets.count == 3)
        for pair in brackets {
            #expect(pair.count == 2 && pair.allSatisfy { Symbol(rawValue: $0) != nil }, "\(pair) is not a pair of the language's brackets")
        }
        // Auto-closed quotes are the ones a string or a backticked name starts with.
        let pairs = try #require(config["autoClosingPairs"] as? [[String: Any]])
        for pair in pairs {
            let open = try #require(pair["open"] as? String), close = try #require(pair["close"] as? String)
            let text = "show \(open)x\(close)"
            #expect(Lexer(source: SourceFile(name: "t", text: text)).tokenize().diagnostics.isEmpty, "\(text)")
        }
    }
}
