import Foundation
import Testing
@testable import Strata

/// `strata repl < rules.strata` gives the answers `strata run rules.strata` gives: piped input is cut into
/// statements where the file parser cuts it, and stdout is laid out as a run lays it out.
@Suite struct ReplReplayTests {
    static var data: String { Repo.path("examples/data/customers.csv") }

    /// The text with each relative path after `from`, `include` or `to` made absolute against `folder`: `run`
    /// resolves such paths against the rule file's folder, the REPL against the folder it was started in.
    static func anchored(_ text: String, in folder: String) -> String {
        let tokens = Lexer(source: SourceFile(name: "rules", text: text)).tokenize().tokens
        var bytes = Array(text.utf8)
        // Back to front, so the offsets of the paths not yet replaced still hold.
        for (i, t) in tokens.enumerated().reversed() where i > 0 {
            guard case .string(let path) = t.kind, !path.hasPrefix("/") else { continue }
            switch tokens[i - 1].kind {
            case .keyword(.from), .keyword(.include), .keyword(.to): break
            default: continue
            }
            bytes.replaceSubrange(t.span.start.offset..<t.span.end.offset, with: Array("\"\(folder)/\(path)\"".utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Expects the replay's stdout to be the run's, showing a diff when it is not.
    static func expectSameOutput(_ replay: CLIRun, _ run: CLIRun, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(run.code == 0, "\(what): run: \(run.err)", sourceLocation: sourceLocation)
        #expect(replay.code == 0, "\(what): repl: \(replay.err)", sourceLocation: sourceLocation)
        #expect(!run.out.isEmpty, sourceLocation: sourceLocation)
        if replay.out != run.out {
            let diff = LineDiff.unified(old: run.out, new: replay.out, oldName: "run", newName: "repl")
            Issue.record("\(what): the REPL's stdout differs from the run's:\n\(diff)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: GrammarDocsTests.examples)
    func anExampleReplayedGivesTheRunsOutput(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let replay = CLIRun(["repl"], input: Self.anchored(text, in: (path as NSString).deletingLastPathComponent))
        Self.expectSameOutput(replay, CLIRun(["run", path]), (path as NSString).lastPathComponent)
    }

    /// The examples include the layout that used to be cut apart: a condition continued on lines starting with `and`.
    @Test func theExamplesContinueConditionsOnLinesOfTheirOwn() throws {
        let texts = try GrammarDocsTests.examples.map { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(texts.contains { $0.contains("\n  and ") })
    }

    @Test func aSavedSessionReplayedGivesTheRunsOutput() throws {
        let dir = Repo.tempDir()
        let script = """
            load customers from "\(Self.data)"
            set as_of = 2026-06-30
            segment owners where purchases >= 1
            segment happy_owners where owners and satisfaction >= 4.5 and complaints == 0 and last_visit >= as_of - 12 months and referrals >= 1
            derive value_per_visit = if(visits > 0, clv / visits, null)
            tiers band {
              top where happy_owners and clv >= 500万
              rest otherwise
            }
            .save \(dir)/saved.strata
            """
        let session = CLIRun(["repl"], input: script)
        #expect(session.code == 0, "\(session.err)")
        let saved = try String(contentsOfFile: dir + "/saved.strata", encoding: .utf8)
        // The long condition is saved as `strata fmt` lays it out: continued on lines that start with `and`.
        #expect(saved.contains("\n  and "), "\(saved)")
        // What to print, so the run prints these results rather than its summary of the segments.
        let rules = saved + "\ncount owners\ncount happy_owners\ncount band\nshow happy_owners limit 5 order by clv desc columns id, clv, value_per_visit\n"
        try rules.write(toFile: dir + "/replay.strata", atomically: true, encoding: .utf8)
        Self.expectSameOutput(CLIRun(["repl"], input: rules), CLIRun(["run", dir + "/replay.strata"]), "saved session")
    }

    /// Piped, results are laid out as in a run: adjacent counts share a table (a note between them keeps them
    /// apart, as an export's note does in a run), blocks are set off by a blank line; the values of bare
    /// expressions follow each other line by line.
    @Test func pipedResultsAreLaidOutAsInARun() {
        let dir = Repo.tempDir()
        let script = """
            load customers from "\(Self.data)"
            segment big where clv > 5e6
            segment referrers where referrals >= 3
            count big
            count referrers
            count(big)
            count(referrers)
            show big limit 2 order by clv desc columns id
            count big
            export big to "\(dir)/big.csv"
            count referrers
            """
        let r = CLIRun(["repl"], input: script)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == """
            segment    count  share
            ---------  -----  -----
            big          154   3.1%
            referrers    305   6.1%

            154
            305

            id
            --------
            C0000004
            C0001331
            (2 of 154 customers)

            segment  count  share
            -------  -----  -----
            big        154   3.1%

            segment    count  share
            ---------  -----  -----
            referrers    305   6.1%

            """)
        // A dot-command ends a count table: it is printed in the mode it was counted in.
        let mode = CLIRun(["repl"], input: "load customers from \"\(Self.data)\"\ncount clv > 5e6\n.mode csv\ncount clv > 5e6\n")
        #expect(mode.out == "segment    count  share\n---------  -----  -----\nclv > 5e6    154   3.1%\n\nsegment,count,share\nclv > 5e6,154,0.0308\n")
    }
}
