import Foundation
import Testing
@testable import Strata

/// The highlighting grammar (`editors/strata.tmLanguage.json`, docs/editors.md) stays in step with the
/// lexer: it gives every token of every example and doc a scope, marks as invalid exactly what the lexer
/// reports, and knows every keyword, function, duration unit and schema word the code knows.
@Suite struct EditorGrammarTests {
    static let grammarPath = Repo.path("editors/strata.tmLanguage.json")

    /// The grammar, or the reason it cannot be read (a test then fails with it).
    static let grammar: Result<TextMateGrammar, LoadError> = Result { () throws(LoadError) -> TextMateGrammar in
        do { return try TextMateGrammar(json: Data(contentsOf: URL(fileURLWithPath: grammarPath))) } catch { throw LoadError(reason: "\(error)") }
    }

    struct LoadError: Error, Sendable { var reason: String }

    /// What the lexer skips between tokens.
    static let whitespace: Set<Character> = [" ", "\t", "\r", "\n", "\u{FEFF}", "\u{3000}"]

    /// The scopes of one UTF-16 unit that say what it is (the `meta.*` scopes of a region do not).
    static func telling(_ scopes: [String]) -> [String] { scopes.filter { !$0.hasPrefix("meta.") } }

    /// Every visible character of a text left without a scope or scoped invalid, as `line:col 'c' [scopes]`.
    static func problems(in text: String) throws -> [String] {
        let g = try grammar.get()
        let lines = text.components(separatedBy: "\n")
        var out: [String] = []
        for (n, units) in g.scopes(of: text).enumerated() where n < lines.count {
            let line = lines[n] as NSString
            var i = 0
            while i < line.length {
                let r = line.rangeOfComposedCharacterSequence(at: i)
                let ch = line.substring(with: r)
                let scopes = telling(units[i])
                if !ch.allSatisfy({ whitespace.contains($0) }) && (scopes.isEmpty || scopes.contains { $0.hasPrefix("invalid.") }) {
                    out.append("\(n + 1):\(i + 1) '\(ch)' \(scopes)")
                }
                i = r.location + r.length
            }
        }
        return out
    }

    /// The innermost telling scope at the first occurrence of `word` in a one-line text.
    static func scope(of word: String, in line: String) throws -> String? {
        let units = try grammar.get().scopes(of: line)[0]
        let r = (line as NSString).range(of: word)
        guard r.location != NSNotFound else { return nil }
        // Every unit of the word must carry the same scope: half a word highlighted is not highlighted.
        let all = Set((r.location..<(r.location + r.length)).map { telling(units[$0]).last ?? "" })
        return all.count == 1 ? all.first : "mixed \(all.sorted())"
    }

    @Test func theGrammarIsValidJSONForStrataFiles() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.grammarPath))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["scopeName"] as? String == "source.strata")
        #expect(root["fileTypes"] as? [String] == ["strata"])
        #expect(root["name"] as? String == "Strata")
        _ = try Self.grammar.get()
    }

    @Test(arguments: GrammarDocsTests.examples)
    func everyTokenOfAnExampleIsHighlighted(_ path: String) throws {
        let problems = try Self.problems(in: String(contentsOfFile: path, encoding: .utf8))
        #expect(problems.isEmpty, "\(path): \(problems.prefix(10).joined(separator: "; "))")
    }

    @Test func everyTokenOfEveryDocBlockIsHighlighted() throws {
        #expect(GrammarDocsTests.docBlocks.count >= 10)
        for (origin, code) in GrammarDocsTests.docBlocks {
            let problems = try Self.problems(in: code)
            #expect(problems.isEmpty, "\(origin): \(problems.prefix(10).joined(separator: "; "))")
        }
    }

    @Test func everyKeywordIsAKeywordInAnyLetterCase() throws {
        for k in Keyword.allCases {
            for word in [k.rawValue, k.rawValue.uppercased()] {
                let scope = try #require(try Self.scope(of: word, in: "\(word) "))
                #expect(scope.hasPrefix("keyword.") || scope == "constant.language.strata", "\(word): \(scope)")
                if Keyword.statementStarts.contains(k) {
                    #expect(scope == "keyword.control.statement.strata", "\(word): \(scope)")
                }
            }
            // Inside a longer name it is no keyword: the lexer reads one identifier.
            #expect(try Self.scope(of: "x\(k.rawValue)_1", in: "x\(k.rawValue)_1 ") == "variable.other.strata")
            #expect(try Self.scope(of: "\(k.rawValue)值", in: "\(k.rawValue)值 ") == "variable.other.strata")
        }
    }

    @Test func everyFunctionIsAFunctionWhenCalled() throws {
        #expect(Checker.functionNames.count >= 30)
        for f in Checker.functionNames {
            #expect(try Self.scope(of: f, in: "derive x = \(f)(clv)") == "support.function.builtin.strata", "\(f)")
            #expect(try Self.scope(of: f, in: "derive x = \(f) (clv)") == "support.function.builtin.strata", "\(f)")
        }
        // A field named like a function is a name, and a table's field is a member, not a call.
        #expect(try Self.scope(of: "year", in: "segment s where year > 3") == "variable.other.strata")
        #expect(try Self.scope(of: "date", in: "derive d = max(visits.date)") == "variable.other.member.strata")
        // `count` is the statement keyword unless a `(` follows at once (the REPL reads it so).
        #expect(try Self.scope(of: "count", in: "count vip by city") == "keyword.control.statement.strata")
        #expect(try Self.scope(of: "count", in: "assert count(vip) > 0") == "support.function.builtin.strata")
    }

    @Test func everyDurationUnitIsAUnitAfterANumber() throws {
        for unit in ParserState.durationUnits.keys {
            #expect(try Self.scope(of: unit, in: "segment s where as_of - last_visit > 90 \(unit)") == "keyword.other.unit.strata", "\(unit)")
            #expect(try Self.scope(of: "90", in: "segment s where d > 90 \(unit)") == "constant.numeric.duration.strata", "\(unit)")
        }
        // Not after a number it is a name (a field may be called `days`).
        #expect(try Self.scope(of: "days", in: "segment s where days > 3") == "variable.other.strata")
    }

    @Test func schemaTypesAndFlagsAreHighlightedInASchema() throws {
        for (type, _) in SchemaDeclaration.typeNames {
            for flag in SchemaDeclaration.flagNames {
                let line = "schema customers { amount: \(type) \(flag) }"
                #expect(try Self.scope(of: type, in: line) == "storage.type.strata", "\(line)")
                #expect(try Self.scope(of: flag, in: line) == "storage.modifier.strata", "\(line)")
                #expect(try Self.scope(of: "amount", in: line) == "variable.other.field.strata", "\(line)")
                #expect(try Self.problems(in: line).isEmpty, "\(line)")
            }
        }
        // Outside a schema the words are names.
        #expect(try Self.scope(of: "pii", in: "segment s where pii > 3") == "variable.other.strata")
    }

    @Test func clauseWordsAreHighlightedWhereTheParserReadsThem() throws {
        let load = "load visits from \"visits.csv\" linked by customer_id encoding \"gbk\""
        #expect(try Self.scope(of: "linked", in: load) == "keyword.other.contextual.strata")
        #expect(try Self.scope(of: "encoding", in: load) == "keyword.other.contextual.strata")
        #expect(try Self.scope(of: "visits", in: load) == "entity.name.type.table.strata")
        let key = "load customers from \"c.csv\" key customer_no"
        #expect(try Self.scope(of: "key", in: key) == "keyword.other.contextual.strata")
        #expect(try Self.scope(of: "per", in: "show vip limit 3 per city") == "keyword.other.contextual.strata")
        #expect(try Self.scope(of: "distinct", in: "derive d = count(distinct purchases.date)") == "keyword.other.contextual.strata")
        // Elsewhere they are names.
        #expect(try Self.scope(of: "key", in: "segment s where key > 3") == "variable.other.strata")
        #expect(try Self.scope(of: "linked", in: "count linked") == "variable.other.strata")
        let tiers = "tiers level { gold where clv > 5, silver otherwise }"
        #expect(try Self.scope(of: "gold", in: tiers) == "entity.name.tag.tier.strata")
        #expect(try Self.scope(of: "silver", in: tiers) == "entity.name.tag.tier.strata")
        #expect(try Self.scope(of: "level", in: tiers) == "entity.name.tiers.strata")
    }

    @Test func literalsAndNames() throws {
        let line = "segment 高价值 where `last visit` > 2026-06-30 and clv >= 200万 + 1_000 * 2.5e-3 and note == \"a\\n\\u{4E2D}\""
        #expect(try Self.problems(in: line).isEmpty)
        #expect(try Self.scope(of: "高价值", in: line) == "entity.name.definition.strata")
        #expect(try Self.scope(of: "`last visit`", in: line) == "variable.other.quoted.strata")
        #expect(try Self.scope(of: "2026-06-30", in: line) == "constant.numeric.date.strata")
        #expect(try Self.scope(of: "200万", in: line) == "constant.numeric.strata")
        #expect(try Self.scope(of: "1_000", in: line) == "constant.numeric.strata")
        #expect(try Self.scope(of: "2.5e-3", in: line) == "constant.numeric.strata")
        #expect(try Self.scope(of: "\\u{4E2D}", in: line) == "constant.character.escape.strata")
        #expect(try Self.scope(of: "# why", in: "count vip  # why") == "comment.line.number-sign.strata")
    }

    /// Texts the lexer reads with and without complaint: the grammar marks something invalid exactly when the
    /// lexer reports a diagnostic (a date that is no calendar day is the lexer's alone: regexes do not count days).
    static let lexingCases = [
        "segment a where x <> 1", "segment a where x && y", "segment a where x & y", "segment a where x || y",
        "segment a where x | y", "segment a where !x", "segment a where x != 1", "segment a where x == \"abc",
        "segment a where x == 'it\\'s", "segment a where x == \"\\q\"", "segment a where x == \"\\u{zz}\"",
        "segment a where `last visit > 3", "segment a where `` > 3", "segment a where x ＝ 1", "segment a where f（x）",
        "segment a where x @ 3", "segment a where x $ 3", "segment a where x ? 3", "segment a where x ~ 3",
        "segment a where x in [1、2]", "segment a where x == 1 ；", "segment a where x == \"a\" # \"unclosed",
        "segment a where x == 'say \"hi\"'", "segment a where x == \"it's\"", "segment a where 1.5e3 > 1e-3",
        "segment a where x == \"“quoted”\"", "segment a where ｀full width｀ > 1", "set as_of = 2026-6-3",
    ]

    @Test(arguments: lexingCases)
    func invalidScopesMatchTheLexersDiagnostics(_ text: String) throws {
        let lexed = Lexer(source: SourceFile(name: "t", text: text)).tokenize().diagnostics
        let invalid = try Self.problems(in: text)
        #expect(lexed.isEmpty == invalid.isEmpty, "lexer: \(lexed.map(\.message)); grammar: \(invalid)")
    }

    @Test func aStringEndsAtItsLine() throws {
        // An unclosed string does not swallow the next line: the lexer ends it there too.
        let text = "segment a where x == \"abc\nsegment b where y > 1"
        let units = try Self.grammar.get().scopes(of: text)
        #expect(Self.telling(units[1][0]).last == "keyword.control.statement.strata")
    }

    /// The words of a `syntax keyword GROUP …` line, or of the `\(a\|b\)` alternation of a `syntax match GROUP` line.
    static func vimWords(_ group: String, in vim: String) -> Set<String> {
        var out: Set<String> = []
        for line in vim.components(separatedBy: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count > 3, words[0] == "syntax", words[2] == group else { continue }
            if words[1] == "keyword" { out.formUnion(words.dropFirst(3)) }
            if words[1] == "match", let open = line.range(of: "\\<\\("), let close = line.range(of: "\\)", range: open.upperBound..<line.endIndex) {
                out.formUnion(line[open.upperBound..<close.lowerBound].components(separatedBy: "\\|"))
            }
        }
        return out
    }

    @Test func theVimSyntaxKnowsTheSameWords() throws {
        let vim = try String(contentsOfFile: Repo.path("editors/vim/syntax/strata.vim"), encoding: .utf8)
        let keywords = ["strataStatement", "strataClause", "strataOperatorWord", "strataConstant"].map { Self.vimWords($0, in: vim) }
        #expect(keywords.reduce(Set(), { $0.union($1) }) == Set(Keyword.allCases.map(\.rawValue)))
        #expect(keywords.map(\.count).reduce(0, +) == Keyword.allCases.count, "a keyword in two groups")
        #expect(keywords[0] == Set(Keyword.statementStarts.map(\.rawValue)))
        #expect(Self.vimWords("strataFunction", in: vim) == Set(Checker.functionNames))
        #expect(Self.vimWords("strataUnit", in: vim) == Set(ParserState.durationUnits.keys))
        let detect = try String(contentsOfFile: Repo.path("editors/vim/ftdetect/strata.vim"), encoding: .utf8)
        #expect(detect.contains("*.strata setfiletype strata"))
    }
}
