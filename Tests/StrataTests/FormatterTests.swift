import Foundation
import Testing
@testable import Strata

/// Syntax trees with every position removed, so a formatted file can be compared with its original.
enum Shape {
    static let noSpan = SourceSpan.zero

    static func name(_ n: Name) -> Name { Name(n.text, noSpan) }

    static func named(_ n: NamedExpr) -> NamedExpr { NamedExpr(name: name(n.name), expr: expr(n.expr)) }

    static func expr(_ e: Expr) -> Expr {
        let k: Expr.Kind
        switch e.kind {
        case .number, .string, .bool, .null, .date, .name:
            k = e.kind
        case .duration(let amount, let unit, let text):
            // Only the spacing between number and unit may change.
            k = .duration(amount: amount, unit: unit, text: text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        case .unary(let op, let x): k = .unary(op, expr(x))
        case .binary(let op, let l, let r): k = .binary(op, expr(l), expr(r))
        case .inList(let x, let items, let negated): k = .inList(expr(x), items.map(expr), negated: negated)
        case .between(let x, let lo, let hi, let negated): k = .between(expr(x), low: expr(lo), high: expr(hi), negated: negated)
        case .isNull(let x, let negated): k = .isNull(expr(x), negated: negated)
        case .member(let t, let f): k = .member(table: name(t), field: name(f))
        case .call(let n, let args, let filter, let options):
            var o = CallOptions(distinct: options.distinct, by: options.by.map(expr))
            o.byAfterArguments = options.byAfterArguments
            k = .call(name(n), args.map(expr), filter: filter.map(expr), options: o)
        case .paren(let x): k = .paren(expr(x))
        }
        return Expr(k, noSpan)
    }

    static func stmt(_ s: Stmt) -> Stmt {
        let k: Stmt.Kind
        switch s.kind {
        case .load(let t, let p, let link, let key, let encoding):
            var l: TableLink?
            switch link {
            case .linked(let by)?: l = .linked(by: name(by))
            case .matched(let by)?: l = .matched(by: name(by))
            case nil: l = nil
            }
            k = .load(table: name(t), path: name(p), link: l, key: key.map(name), encoding: encoding.map(name))
        case .set(let n, let e): k = .set(name(n), expr(e))
        case .let(let n, let e): k = .let(name(n), expr(e))
        case .derive(let n, let e): k = .derive(name(n), expr(e))
        case .segment(let n, let e): k = .segment(name(n), expr(e))
        case .tiers(let n, let arms):
            k = .tiers(name(n), arms.map { TierArm(label: name($0.label), condition: $0.condition.map(expr), span: noSpan) })
        case .show(let target, let limit, let orderBy, let columns):
            k = .show(target: expr(target), limit: limit.map { ShowLimit(count: expr($0.count), per: $0.per.map(expr)) },
                      orderBy: orderBy.map { OrderKey(expr: expr($0.expr), descending: $0.descending) }, columns: columns.map(expr))
        case .count(let e): k = .count(expr(e))
        case .export(let target, let path, let columns): k = .export(target: expr(target), path: name(path), columns: columns.map(expr))
        case .assert(let e, let message): k = .assert(expr(e), message: message)
        case .include(let p): k = .include(path: name(p))
        case .schema(let t, let fields):
            k = .schema(table: name(t), fields: fields.map { SchemaField(name: name($0.name), type: name($0.type), flags: $0.flags.map(name), span: noSpan) })
        case .expression(let e): k = .expression(expr(e))
        case .summarize(let g):
            k = .summarize(GroupedSummary(form: g.form, target: expr(g.target), by: g.by.map(expr), columns: g.columns.map(named),
                                          orderBy: g.orderBy.map { OrderKey(expr: expr($0.expr), descending: $0.descending) },
                                          limit: g.limit.map(expr)))
        case .print(let list): k = .print(list.map(named))
        case .overlap(let items): k = .overlap(items.map(expr))
        }
        return Stmt(k, noSpan)
    }

    /// The program's statements without positions, or nil when the text has syntax errors.
    static func of(_ text: String) -> [Stmt]? {
        let (program, diagnostics) = Parser.parse(SourceFile(name: "t.strata", text: text))
        return diagnostics.isEmpty ? program.statements.map(stmt) : nil
    }

    static func comments(_ text: String) -> [String] {
        Parser.parse(SourceFile(name: "t.strata", text: text)).program.comments.map { Formatter.trimTrailing($0.text) }.sorted()
    }
}

@Suite struct FormatterTests {
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/fmt").path

    static var goldenNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: goldenDir)) ?? [])
            .filter { $0.hasSuffix(".strata") }.map { String($0.dropLast(".strata".count)) }.sorted()
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// Every input the properties are checked on: golden inputs, examples, doc blocks (origin, text).
    static var corpus: [(String, String)] {
        goldenNames.map { ($0, read(goldenDir + "/" + $0 + ".strata")) }
            + GrammarDocsTests.examples.map { (($0 as NSString).lastPathComponent, read($0)) }
            + GrammarDocsTests.docBlocks
    }

    static func fmt(_ text: String) -> String? { Formatter.format(SourceFile(name: "t.strata", text: text)).text }

    @Test func thereAreEnoughGoldens() {
        #expect(Self.goldenNames.count >= 10)
        #expect(Self.corpus.count > Self.goldenNames.count + 3)
    }

    @Test(arguments: goldenNames)
    func golden(_ name: String) throws {
        let input = Self.read(Self.goldenDir + "/\(name).strata")
        let expectedPath = Self.goldenDir + "/\(name).formatted"
        let actual = try #require(Self.fmt(input), "\(name) should format")
        if Golden.updating {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        #expect(actual == Self.read(expectedPath))
    }

    @Test func propertiesHoldOnEveryKnownInput() {
        for (origin, text) in Self.corpus {
            guard let once = Self.fmt(text) else {
                Issue.record("\(origin) did not format")
                continue
            }
            #expect(Self.fmt(once) == once, "not idempotent: \(origin)")
            #expect(Shape.of(once) == Shape.of(text), "meaning changed: \(origin)")
            #expect(Shape.comments(once) == Shape.comments(text), "comments changed: \(origin)")
            #expect(once.filter { $0 == "#" }.count == text.filter { $0 == "#" }.count, "a # went missing: \(origin)")
            #expect(once.hasSuffix("\n") && !once.hasSuffix("\n\n"), "one final newline: \(origin)")
            #expect(!once.split(separator: "\n").contains { $0.last == " " }, "trailing spaces: \(origin)")
        }
    }

    @Test func indentationAndTrailingSpacesDoNotMatter() {
        for (origin, text) in Self.corpus {
            let shifted = text.components(separatedBy: "\n").map { "  \t" + $0 + "   " }.joined(separator: "\r\n")
            #expect(Self.fmt(shifted) == Self.fmt(text), "layout depends on indentation: \(origin)")
        }
    }

    @Test func examplesAreAlreadyFormatted() {
        for path in GrammarDocsTests.examples {
            let text = Self.read(path)
            #expect(Self.fmt(text) == text, "\(path) is not in canonical form")
        }
    }

    @Test func syntaxErrorsAreNeverFormatted() {
        let r = Formatter.format(SourceFile(name: "bad.strata", text: "segment vip where clv >\ncount vip\n"))
        #expect(r.text == nil)
        #expect(!r.diagnostics.isEmpty)
        #expect(Self.fmt("segment vip where clv = 1\n") == nil)
    }

    @Test(arguments: [
        ("", ""),
        ("\n\n  \n", ""),
        ("# only a comment", "# only a comment\n"),
        ("count a;count b", "count a\ncount b\n"),
        ("segment s where x in (1,2)", "segment s where x in [1, 2]\n"),
        ("show s order by x asc, y desc", "show s order by x, y desc\n"),
        ("let d = 90   days", "let d = 90 days\n"),
        ("segment s where a and # c1\n b # c2\n and c", "# c1\nsegment s where a\n  and b # c2\n  and c\n"),
        ("segment s where a # c1\n and b and c # c2", "segment s where a # c1\n  and b\n  and c # c2\n"),
        ("segment s where a and (b # c1\n) # c2", "# c1\nsegment s where a and (b) # c2\n"),
    ])
    func smallCases(_ input: String, _ expected: String) {
        #expect(Self.fmt(input) == expected)
    }

    @Test func twoTrailingCommentsForOneLineKeepBoth() throws {
        let out = try #require(Self.fmt("count a + # one\n b # two\n"))
        #expect(out == "# one\ncount a + b # two\n")
        #expect(Self.fmt(out) == out)
    }

    @Test func longLineWithoutChainStaysLong() throws {
        let long = "derive x = " + Array(repeating: "abcdefgh", count: 15).joined(separator: " + ") + "\n"
        #expect(Self.fmt(long) == long)
    }

    @Test func cjkCountsDoubleForWidth() throws {
        // 45 CJK characters are 90 columns: with the prefix the line passes 100 only by display width.
        let name = String(repeating: "客", count: 45)
        let out = try #require(Self.fmt("segment s where \(name) and b\n"))
        #expect(out == "segment s where \(name)\n  and b\n")
    }

    // MARK: - LineDiff

    @Test func diffOfEqualTextsIsEmpty() {
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y") == "")
        #expect(LineDiff.unified(old: "", new: "", oldName: "x", newName: "y") == "")
    }

    @Test func diffOfOneChangedLine() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
        #expect(LineDiff.unified(old: old, new: new, oldName: "a", newName: "b") == """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8

            """)
    }

    @Test func diffSeparatesDistantHunksAndMergesNearOnes() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        var lines = (1...20).map(String.init)
        lines[0] = "one"
        lines[19] = "twenty"
        let new = lines.joined(separator: "\n") + "\n"
        #expect(LineDiff.unified(old: old, new: new, oldName: "a", newName: "b") == """
            --- a
            +++ b
            @@ -1,4 +1,4 @@
            -1
            +one
             2
             3
             4
            @@ -17,4 +17,4 @@
             17
             18
             19
            -20
            +twenty

            """)
        lines = (1...20).map(String.init)
        lines[4] = "x"
        lines[10] = "y"
        let near = LineDiff.unified(old: old, new: lines.joined(separator: "\n") + "\n", oldName: "a", newName: "b")
        #expect(near.components(separatedBy: "@@ -").count == 2)
        #expect(near.contains("@@ -2,13 +2,13 @@"))
    }

    @Test func diffOfInsertionsDeletionsAndMissingNewline() {
        #expect(LineDiff.unified(old: "a\nc\n", new: "a\nb\nc\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1,2 +1,3 @@\n a\n+b\n c\n")
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1,2 +1 @@\n a\n-b\n")
        #expect(LineDiff.unified(old: "", new: "a\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1 @@\n+a\n")
        #expect(LineDiff.unified(old: "a", new: "a\n", oldName: "o", newName: "n")
                == "--- o\n+++ n\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n")
    }

    // MARK: - CLI

    struct Run {
        var code: Int32
        var out: String
        var err: String
        init(_ words: [String]) {
            final class Box: @unchecked Sendable { var out = "", err = "" }
            let box = Box()
            let cli = CLI(out: { box.out += $0 }, err: { box.err += $0 })
            do {
                code = try cli.fmt(words)
            } catch {
                box.err += error.message.text()
                code = 2
            }
            out = box.out
            err = box.err
        }
    }

    static func file(_ text: String, _ name: String = "r.strata") -> String {
        let path = Repo.tempDir() + "/" + name
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func fmtPrintsFormattedText() {
        let formatted = "segment vip where clv > 2e6\ncount vip\n"
        let r = Run([Self.file(formatted)])
        #expect(r.code == 0)
        #expect(r.out == formatted)
        let messy = Run([Self.file("segment  vip where clv>2e6;count vip")])
        #expect(messy.out == formatted)
        #expect(messy.code == 0)
    }

    @Test func checkReportsDiffsAndExitCodes() {
        let good = Self.file("count vip\n")
        let ok = Run(["--check", good])
        #expect(ok.code == 0)
        #expect(ok.out == "")
        let bad = Self.file("count  vip\n")
        let r = Run(["--check", good, bad])
        #expect(r.code == 1)
        #expect(r.out == "--- \(bad)\n+++ \(bad) (formatted)\n@@ -1 +1 @@\n-count  vip\n+count vip\n")
        #expect(Self.read(bad) == "count  vip\n", "--check never writes")
    }

    @Test func writeRewritesInPlace() throws {
        let messy = Self.file("count  vip # n\n")
        let clean = Self.file("count vip\n", "clean.strata")
        let r = Run(["-w", messy, clean])
        #expect(r.code == 0)
        // Only the changed file is listed, on stdout (like `gofmt -l`), so `git add $(strata fmt -w …)` works.
        #expect(r.out == "\(messy)\n")
        #expect(r.err == "")
        #expect(Self.read(messy) == "count vip # n\n")
        let dir = (messy as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files left behind")
        #expect(Run(["--write", messy]).out == "")
    }

    @Test func writeGoesThroughSymlinksAndKeepsPermissions() throws {
        let fm = FileManager.default
        let real = Self.file("count  vip\n", "real.strata")
        let dir = (real as NSString).deletingLastPathComponent
        let link = dir + "/link.strata"
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "real.strata")
        try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real)
        let r = Run(["-w", link])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "\(link)\n")
        #expect(try fm.destinationOfSymbolicLink(atPath: link) == "real.strata", "the link is still a link")
        #expect(Self.read(real) == "count vip\n", "the target is formatted")
        let mode = try fm.attributesOfItem(atPath: real)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let leftovers = try fm.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// Every comment finds its line by binary search, so a file with thousands of comments formats in
    /// linear time (it took minutes at 16 000 lines when each comment scanned every line).
    @Test func manyCommentsKeepTheirPlaces() {
        var messy = "", clean = ""
        for i in 0..<3000 {
            messy += "# about s\(i)\nsegment  s\(i) where clv>\(i) and city == \"深圳\" # c\(i)\ncount s\(i)\n"
            clean += "# about s\(i)\nsegment s\(i) where clv > \(i) and city == \"深圳\" # c\(i)\ncount s\(i)\n"
        }
        #expect(Self.fmt(messy) == clean)
        #expect([1, 3, 3, 5, 8].partitionIndex { $0 >= 3 } == 1)
        #expect([1, 3, 3, 5, 8].partitionIndex { $0 > 8 } == 5)
        #expect([Int]().partitionIndex { $0 > 0 } == 0)
    }

    @Test func syntaxErrorsAreReportedNotFormatted() {
        let path = Self.file("segment vip where clv > > 1\n")
        let r = Run(["-w", path])
        #expect(r.code == 1)
        #expect(r.err.contains("\(path):1:"))
        #expect(r.err.contains("^"))
        #expect(Self.read(path) == "segment vip where clv > > 1\n")
        // A syntax error is a failure (exit 1, as docs/rules-as-code.md's table says), but it does not stop the
        // other files: they are still formatted and listed.
        let messy = Self.file("count  vip\n", "messy.strata")
        let both = Run(["-w", path, messy])
        #expect(both.code == 1)
        #expect(both.out == "\(messy)\n")
        #expect(Self.read(messy) == "count vip\n")
        #expect(Self.read(path) == "segment vip where clv > > 1\n")
        #expect(Run(["--check", path]).code == 1)
    }

    @Test func usageAndUnreadableFiles() {
        let a = Self.file("count a\n"), b = Self.file("count b\n")
        #expect(Run([a, b]).code == 2)
        #expect(Run([]).code == 2)
        #expect(Run(["--check", "-w", a]).code == 2)
        let missing = Run(["/nonexistent/x.strata"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("cannot read"))
    }
}
