import Foundation
import Testing
@testable import Strata

/// Thousands of damaged rule files and CSV files, made from the examples and the golden inputs by a seeded
/// generator (the same inputs on every run), go through the real pipeline: each gives a result or a
/// diagnostic, never a trap, and every diagnostic about a rule file points inside it.
@Suite struct MutationTests {
    /// The rule files the mutations start from: the examples and every golden rule file.
    static let ruleSources: [[UInt8]] = {
        let folders = ["examples", "examples/shared", "Tests/StrataTests/Golden/checker", "Tests/StrataTests/Golden/parse-errors",
                       "Tests/StrataTests/Golden/fmt"]
        var files = folders.flatMap { Repo.files(in: $0, ext: "strata") }
        let runCases = (try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Tests/StrataTests/Golden/run"))) ?? []
        for c in runCases.sorted() { files += Repo.files(in: "Tests/StrataTests/Golden/run/" + c, ext: "strata") }
        // The customers are handed over in memory (`FuzzTarget.customers`), so the `load` lines go: a mutant
        // that still makes sense then runs instead of failing to find its data.
        return files.compactMap { f in
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { return nil }
            return Array(text.replacingOccurrences(of: "(?m)^load [^\n]*$", with: "", options: .regularExpression).utf8)
        }
    }()

    /// The CSV files the mutations start from: the golden ones and the first rows of each example data file.
    static let csvSources: [[UInt8]] = {
        var files = Repo.files(in: "examples/data", ext: "csv")
        let runCases = (try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Tests/StrataTests/Golden/run"))) ?? []
        for c in runCases.sorted() { files += Repo.files(in: "Tests/StrataTests/Golden/run/" + c, ext: "csv") }
        return files.compactMap { f in
            guard let data = FileManager.default.contents(atPath: f) else { return nil }
            // Thirty lines are enough to damage and keep each load fast.
            var lines = 0
            return [UInt8](data.prefix { b in
                if b == 0x0A { lines += 1 }
                return lines < 30
            })
        }
    }()

    // MARK: - Rule files

    @Test func mutatedRuleFilesGiveResultsOrDiagnostics() throws {
        var rng = SplitMix(seed: 11)
        let sources = Self.ruleSources
        try #require(sources.count >= 20, "the examples and golden rule files were not found")
        var outcomes: [String: Int] = [:]
        for i in 0..<2_000 {
            var bytes = sources[rng.below(sources.count)]
            let kind = RuleMutation.allCases[i % RuleMutation.allCases.count]
            for _ in 0..<(1 + rng.below(3)) { bytes = kind.apply(to: bytes, &rng) }
            let name = "mutant-\(i).strata"
            guard case .success(let source) = RuleSource.decode(bytes, name: name) else {
                outcomes["not UTF-8", default: 0] += 1
                continue
            }
            let formatting = FuzzTarget.formatterProblem(source)
            #expect(formatting == nil, "\(kind) #\(i): \(formatting ?? "")\n--- from ---\n\(source.text)")
            // Run (as `strata run`) every time, check (reading around syntax errors, with warnings) every other time.
            var options = FuzzTarget.options
            options.parallel = i % 3 == 0
            let pipeline = Pipeline(options: options, preloaded: FuzzTarget.customers)
            var results = [pipeline.run(source)]
            if i % 2 == 0 { results.append(pipeline.check(source)) }
            for r in results {
                #expect([0, 1, 3].contains(r.exitCode), "\(kind) #\(i): exit \(r.exitCode)\n\(source.text)")
                let errors = r.diagnostics.filter { $0.severity == .error }
                #expect(r.exitCode == 0 || !errors.isEmpty || r.failedAssertions > 0, "\(kind) #\(i): failed without saying why")
                #expect(!r.renderedDiagnostics.isEmpty || r.diagnostics.isEmpty)
                for d in r.diagnostics where d.file == name {
                    let problem = FuzzTarget.spanProblem(d.span, in: source)
                    #expect(problem == nil, "\(kind) #\(i): \(d.code) '\(d.message)': \(problem ?? "")\n\(source.text)")
                }
                FuzzTarget.render(r)
            }
            outcomes[results[0].exitCode == 0 ? "ran" : "diagnosed", default: 0] += 1
        }
        // Both ends must be exercised: mutants that still run, and mutants the pipeline refuses.
        print("mutated rule files: \(outcomes)")
        #expect(outcomes["ran", default: 0] > 150, "\(outcomes)")
        #expect(outcomes["diagnosed", default: 0] > 1000, "\(outcomes)")
    }

    /// The ways a rule file is damaged.
    enum RuleMutation: CaseIterable {
        case flipByte, deleteToken, duplicateToken, swapTokens, truncate, deepNesting, unicode

        func apply(to bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
            var b = bytes
            switch self {
            case .flipByte:
                guard !b.isEmpty else { return [UInt8(rng.below(256))] }
                b[rng.below(b.count)] ^= UInt8(1 << rng.below(8))
            case .deleteToken, .duplicateToken, .swapTokens:
                let spans = Self.tokenRanges(b)
                guard spans.count >= 2 else { return b }
                let r = spans[rng.below(spans.count)]
                switch self {
                case .deleteToken: b.removeSubrange(r)
                case .duplicateToken: b.insert(contentsOf: Array(b[r]) + [0x20], at: r.lowerBound)
                default:
                    let s = spans[rng.below(spans.count)]
                    let (first, second) = r.lowerBound < s.lowerBound ? (r, s) : (s, r)
                    guard first.upperBound <= second.lowerBound else { return b }
                    let a = Array(b[first]), c = Array(b[second])
                    b.replaceSubrange(second, with: a)
                    b.replaceSubrange(first, with: c)
                }
            case .truncate:
                b = Array(b.prefix(rng.below(b.count + 1)))
            case .deepNesting:
                // Deeper than the parser allows as often as not: the limit must be a diagnostic, not a stack overflow.
                let depth = 1 + rng.below(400)
                let (open, close) = [("(", ")"), ("[", "]"), ("not ", ""), ("-", ""), ("if(true, ", ", 0)"), ("{", "}")][rng.below(6)]
                let at = Self.boundary(in: b, near: rng.below(b.count + 1))
                b.insert(contentsOf: Array((String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)).utf8), at: at)
            case .unicode:
                var s = String.UnicodeScalarView()
                for _ in 0..<(1 + rng.below(6)) { s.append(Self.oddScalars[rng.below(Self.oddScalars.count)]) }
                b.insert(contentsOf: Array(String(s).utf8), at: Self.boundary(in: b, near: rng.below(b.count + 1)))
            }
            return b
        }

        /// Characters that have broken lexers: wide, combining, right-to-left, invisible, control, astral, full-width.
        static let oddScalars: [Unicode.Scalar] = [
            "\u{0}", "\u{7}", "\u{1B}", "\r", "\t", "\u{85}", "\u{A0}", "\u{300}", "\u{200B}", "\u{200D}", "\u{202E}", "\u{2028}",
            "\u{3000}", "\u{FEFF}", "\u{FF08}", "\u{FF10}", "\u{FF1D}", "\u{FFFD}", "\u{1F600}", "\u{1F1E8}", "\u{10FFFF}",
            "万", "亿", "年", "客", "＂", "“", "”", "‘", "，", "；", "（", "）", "−", "×", "÷", "≥", "é", "ß", "İ", "Ⅻ", "٣", "𝟘",
        ]

        /// The byte ranges of the tokens in a text (empty when it is not UTF-8).
        static func tokenRanges(_ bytes: [UInt8]) -> [Range<Int>] {
            guard case .success(let source) = RuleSource.decode(bytes, name: "t") else { return [] }
            let skip = bytes.count - Array(source.text.utf8).count  // a BOM is dropped by decode
            return Lexer(source: source).tokenize().tokens.compactMap { t in
                let r = (t.span.start.offset + skip)..<(t.span.end.offset + skip)
                return r.isEmpty || r.upperBound > bytes.count ? nil : r
            }
        }

        /// The nearest offset at or before `at` that starts a character, so an insertion keeps UTF-8 valid.
        static func boundary(in bytes: [UInt8], near at: Int) -> Int {
            var i = min(at, bytes.count)
            while i > 0, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
    }

    // MARK: - CSV files

    @Test func mutatedCSVFilesLoadOrSayWhy() throws {
        var rng = SplitMix(seed: 2026)
        let sources = Self.csvSources
        try #require(sources.count >= 10, "the golden and example CSV files were not found")
        var loaded = 0, refused = 0
        for i in 0..<1_500 {
            var bytes = sources[rng.below(sources.count)]
            let kind = CSVMutation.allCases[i % CSVMutation.allCases.count]
            for _ in 0..<(1 + rng.below(3)) { bytes = kind.apply(to: bytes, &rng) }
            // Lines end at LF, CR LF or a lone CR (old Mac exports), as the loader counts them.
            let lineCount = 1 + bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && $0 + 1 < bytes.count && bytes[$0 + 1] != 0x0A) }.count
            do throws(LoadError) {
                let table = try TableLoader.loadCSV(bytes: bytes, name: "mutant.csv", tableName: "customers")
                loaded += 1
                #expect(table.columns.allSatisfy { $0.count == table.rowCount }, "\(kind) #\(i): columns of different lengths")
                // Every column is printed (`show` with no columns) and grouped by, in each output format.
                var options = FuzzTarget.options
                options.parallel = i % 2 == 0
                let field = table.columns.first.map { "`" + $0.name.replacingOccurrences(of: "`", with: "") + "`" } ?? "id"
                let r = Pipeline(options: options, preloaded: table).run(SourceFile(name: "m.strata", text: "show limit 5\ncount by \(field)\n"))
                #expect([0, 1, 3].contains(r.exitCode), "\(kind) #\(i): exit \(r.exitCode)")
                FuzzTarget.render(r)
            } catch {
                refused += 1
                #expect(!error.message.isEmpty)
                if let line = error.line { #expect(line >= 1 && line <= lineCount, "\(kind) #\(i): line \(line) of \(lineCount): \(error.message)") }
                let d = DataBinding.diagnostic(error, at: nil, root: "m.strata", relativeTo: .currentFolder)
                #expect(!DiagnosticRenderer().render(d).isEmpty)
            }
        }
        print("mutated CSV files: loaded \(loaded), refused \(refused)")
        #expect(loaded > 300 && refused > 100, "loaded \(loaded), refused \(refused)")
    }

    /// The ways a CSV file is damaged: what spreadsheets, exports and hand edits do to them.
    enum CSVMutation: CaseIterable {
        case quote, delimiter, raggedRow, invalidUTF8, hugeNumber, lineEnding, truncate, duplicateHeader

        func apply(to bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
            var b = bytes
            let at = rng.below(b.count + 1)
            switch self {
            case .quote: b.insert(contentsOf: [[0x22], [0x22, 0x22], [0x22, 0x2C, 0x22], [0x22, 0x0A]][rng.below(4)], at: at)
            case .delimiter: b.insert(contentsOf: [[0x2C], [0x2C, 0x2C], [0x09], [0x3B]][rng.below(4)], at: at)
            case .raggedRow:
                // A field more or less on one line.
                let lines = b.indices.filter { b[$0] == 0x0A }
                guard let nl = lines.isEmpty ? nil : lines[rng.below(lines.count)] else { return b + [0x2C] }
                if rng.below(2) == 0 {
                    b.insert(contentsOf: Array(",extra".utf8), at: nl)
                } else if let comma = b[..<nl].lastIndex(of: 0x2C) {
                    b.remove(at: comma)
                }
            case .invalidUTF8:
                b.insert(contentsOf: [[0xFF], [0xC3], [0xE4, 0xB8], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]][rng.below(7)], at: at)
            case .hugeNumber:
                let n = ["1e400", "-1e400", "99999999999999999999999", "9007199254740993", "-0", "0x1F", "1,234,567", "１２３", "85%",
                         "¥1200", "NaN", "inf", "1e-400", "2026-02-30", "9999-12-31", "0000-01-01", "2026-06-30T10:00:00"][rng.below(17)]
                // In place of a field's value: after a delimiter or at a line start.
                let starts = b.indices.filter { b[$0] == 0x2C || b[$0] == 0x0A }.map { $0 + 1 }
                let p = starts.isEmpty ? 0 : starts[rng.below(starts.count)]
                var end = p
                while end < b.count, b[end] != 0x2C, b[end] != 0x0A { end += 1 }
                b.replaceSubrange(p..<end, with: Array(n.utf8))
            case .lineEnding:
                b = b.flatMap { $0 == 0x0A ? [[0x0D, 0x0A], [0x0D], [0x0A, 0x0A], [0x0A]][rng.below(4)] : [$0] }
            case .truncate:
                b = Array(b.prefix(at))
            case .duplicateHeader:
                let header = b.prefix { $0 != 0x0A }
                let first = header.prefix { $0 != 0x2C }
                b.insert(contentsOf: [0x2C] + Array(first.isEmpty ? [0x61] : first), at: header.count)
            }
            return b
        }
    }
}
