import Testing
@testable import Strata

/// Where piped REPL input is cut into inputs: where the rule-file parser ends statements, so that
/// `strata repl < rules.strata` runs the statements `strata run rules.strata` runs.
@Suite struct PipedInputTests {
    /// Feeds the lines one by one and collects the inputs in the order they become runnable.
    static func inputs(_ text: String) -> [String] {
        var piped = PipedInput()
        var out: [String] = []
        for line in text.components(separatedBy: "\n") { out += piped.add(line) }
        if let rest = piped.finish() { out.append(rest) }
        return out
    }

    @Test(arguments: [
        // `strata fmt`'s layout of a long condition: continuation lines start with `and` / `or`.
        ("segment happy where vip\n  and satisfaction >= 4.5", ["segment happy where vip\n  and satisfaction >= 4.5"]),
        ("segment a where x > 1\n  or y < 2\n  or z", ["segment a where x > 1\n  or y < 2\n  or z"]),
        // Every binary operator and postfix form of a comparison continues the expression before it.
        ("let a = 1\n  + 2\n  - 3\n  * 4\n  / 5\n  % 6", ["let a = 1\n  + 2\n  - 3\n  * 4\n  / 5\n  % 6"]),
        ("segment a where clv\n  >= 5", ["segment a where clv\n  >= 5"]),
        ("segment a where clv\n  == 5", ["segment a where clv\n  == 5"]),
        ("segment a where clv\n  != 5", ["segment a where clv\n  != 5"]),
        ("segment a where clv\n  < 5", ["segment a where clv\n  < 5"]),
        ("segment a where city\n  in [\"深圳\", \"广州\"]", ["segment a where city\n  in [\"深圳\", \"广州\"]"]),
        ("segment a where city\n  not in [\"深圳\"]", ["segment a where city\n  not in [\"深圳\"]"]),
        ("segment a where clv\n  between 1 and 2", ["segment a where clv\n  between 1 and 2"]),
        ("segment a where last_visit\n  is not null", ["segment a where last_visit\n  is not null"]),
        // Clauses of `show`, `export`, `load` and `assert` on lines of their own.
        ("show vip\n  limit 10\n  order by clv desc\n  columns id, clv\ncount vip",
         ["show vip\n  limit 10\n  order by clv desc\n  columns id, clv", "count vip"]),
        ("show vip columns id\n  , clv", ["show vip columns id\n  , clv"]),
        ("export vip\n  to \"vip.csv\"\n  columns id", ["export vip\n  to \"vip.csv\"\n  columns id"]),
        ("load visits from \"v.csv\"\n  linked by customer_id\nlet n = 1", ["load visits from \"v.csv\"\n  linked by customer_id", "let n = 1"]),
        ("assert count(vip) > 0\n  , \"no vip\"", ["assert count(vip) > 0\n  , \"no vip\""]),
        // Brackets, braces and words that need more (`where`, `otherwise`) keep a statement open.
        ("tiers g {\n  A\n    where clv > 1\n  B\n    otherwise\n}\ncount g", ["tiers g {\n  A\n    where clv > 1\n  B\n    otherwise\n}", "count g"]),
        ("segment a\n  where x", ["segment a\n  where x"]),
        ("let m = avg(\n  clv\n)", ["let m = avg(\n  clv\n)"]),
        // A trailing operator takes the next line, even one that starts with a statement keyword.
        ("let x = 1 +\ncount(vip)", ["let x = 1 +\ncount(vip)"]),
        // The grammar decides, not a list: a `(` on the next line makes a call, as it does in a file.
        ("let x = coalesce\n  (clv, 0)", ["let x = coalesce\n  (clv, 0)"]),
        ("let a = 1\n-2", ["let a = 1\n-2"]),
        // A line that starts a statement of its own ends the one before: a statement keyword, a bare expression.
        ("segment a where x\nsegment b where y", ["segment a where x", "segment b where y"]),
        ("count a\ncount b", ["count a", "count b"]),
        ("segment vip where clv > 1\nvip\ncount(vip)\navg(clv where vip)", ["segment vip where clv > 1", "vip", "count(vip)", "avg(clv where vip)"]),
        ("segment a where x\nnot a", ["segment a where x", "not a"]),
        ("let t = 1e6\nt", ["let t = 1e6", "t"]),
        // `key` belongs to a `load` only on its line: the file parser ends the `load` before it, and so does the REPL.
        ("load c from \"c.csv\"\nkey id", ["load c from \"c.csv\"", "key id"]),
        // Blank lines and comments decide nothing: they stay with the statement around them.
        ("segment happy where vip\n\n  # the happy ones\n  and satisfaction >= 4.5\n\ncount happy",
         ["segment happy where vip\n\n  # the happy ones\n  and satisfaction >= 4.5\n", "count happy"]),
        ("# a rule file\n\nsegment a where x # trailing\n# next\nsegment b where y",
         ["# a rule file\n\nsegment a where x # trailing\n# next", "segment b where y"]),
        ("# only comments\n\n", []),
        ("", []),
        // A dot-command is an input of its own and ends the statement before it.
        ("segment a where x\n.segments\ncount a", ["segment a where x", ".segments", "count a"]),
        ("# note\n.help", [".help"]),
        // Statements separated by `;` on one line stay one input; the session runs each.
        ("let a = 1; let b = 2\nlet c = 3", ["let a = 1; let b = 2", "let c = 3"]),
        // A broken statement is over: the next line is not swallowed with it.
        ("segment vip wher x\n  and y\ncount vip", ["segment vip wher x", "  and y", "count vip"]),
    ] as [(String, [String])])
    func cutsWhereTheParserEndsStatements(_ text: String, _ expected: [String]) {
        #expect(Self.inputs(text) == expected, "\(text)")
    }

    /// A statement runs when the next line shows it is over, not before: the line after may still continue it.
    @Test func aStatementWaitsForTheNextLineUnlessASemicolonEndsIt() {
        var piped = PipedInput()
        #expect(piped.add("segment happy where vip") == [])
        #expect(piped.add("") == [])
        #expect(piped.add("  and satisfaction >= 4.5") == [])
        // A `;` ends a statement for the parser, so that input runs at once (a program feeding the REPL need not wait).
        #expect(piped.add("count happy;") == ["segment happy where vip\n\n  and satisfaction >= 4.5", "count happy;"])
        #expect(piped.add("let a = 1;") == ["let a = 1;"])
        #expect(piped.add("let b = (1;") == [])
        #expect(piped.finish() == "let b = (1;")
        #expect(piped.finish() == nil)
    }
}
