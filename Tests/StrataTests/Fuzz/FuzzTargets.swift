import Foundation
// The fuzzer build (Tests/Fuzz/run.sh) compiles this file into the Strata module itself.
#if !STRATA_FUZZ
@testable import Strata
#endif

/// The fuzz targets' entry points. libFuzzer (Tests/Fuzz/run.sh) and `FuzzRegressionTests` call the same
/// function with the same bytes, so a crash the fuzzer found is replayed by `swift test` exactly.
///
/// Each target puts its bytes through the code a user's input reaches, the way the front ends do, and
/// checks what must always hold: no trap, and every diagnostic about the input points inside it. A broken
/// invariant stops the process (`fatalError`), which libFuzzer reports as a finding.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Rule text: lexer, parser, formatter, `check` and `run` over a small customer table.
    case rules
    /// A CSV file, as `load` reads it: `run` and `check` (which samples) on it, as customers and as a linked table.
    case csv
    /// A JSON file (an array of objects) or JSON Lines, as `load` reads them.
    case json
    /// The REPL's line handling: raw terminal bytes through the line editor into a session, and the same
    /// bytes as piped text cut into statements.
    case repl

    /// Runs one input; returns only when it was handled without breaking an invariant.
    func run(_ data: [UInt8]) {
        // As the CLI does: every pass recurses over the tree, and the parser's depth limit assumes this stack.
        LargeStack.run {
            switch self {
            case .rules: FuzzTarget.rules(data)
            case .csv: FuzzTarget.csv(data)
            case .json: FuzzTarget.json(data)
            case .repl: FuzzTarget.repl(data)
            }
        }
    }

    /// The folder the targets write their data files into and resolve relative paths from. Exports are dry
    /// runs and `.save` is not run, so nothing else is written.
    static let folder: String = {
        let d = NSTemporaryDirectory() + "strata-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    static var options: RunOptions {
        var o = RunOptions()
        o.dryRun = true
        // A fixed date: the same input behaves the same on any day.
        o.today = CivilDate.days(year: 2026, month: 6, day: 30) ?? 0
        return o
    }

    /// Twenty customers with every kind of field the examples use (numbers, text, dates, booleans, nulls,
    /// personal fields), so fuzzed rules get past the checker and into evaluation.
    static let customersCSV = """
        id,name,gender,age,city,channel,stage,visits,purchases,total_spend,clv,referrals,complaints,satisfaction,member,first_visit,last_visit,last_contact,phone,email
        C01,张丽,女,48,南京,活动,认购,1,0,0,37200,0,0,3.0,false,2023-09-07,2023-09-29,2025-10-18,15630360289,a@qq.com
        C02,罗嘉,男,39,杭州,中介,到访,1,0,0,101100,0,0,4.2,false,2025-04-06,2025-07-07,2025-11-15,15871701031,b@163.com
        C03,王伟,男,52,上海,老带新,签约,9,2,8200000,9100000,3,1,4.8,true,2019-01-04,2026-05-30,2026-06-01,13800000000,
        C04,李娜,女,,深圳,线上,到访,4,1,3100000,,1,0,,true,2021-03-15,2024-12-31,,13900000001,d@qq.com
        C05,陈晨,男,29,广州,活动,认购,2,0,0,0,0,2,2.1,false,2025-12-01,2026-01-02,2026-02-03,,e@x.cn
        C06,,女,61,南京,中介,签约,14,3,15000000,22000000,5,0,5.0,true,2018-06-30,2026-06-29,2026-06-30,13700000002,f@qq.com
        C07,赵敏,女,35,杭州,老带新,到访,3,0,0,52000,2,1,3.9,false,2024-02-29,2025-02-28,2025-03-01,13600000003,g@qq.com
        C08,周杰,男,44,上海,线上,认购,6,1,2500000,3000000,0,3,1.5,true,2020-10-10,2023-10-10,2024-01-01,13500000004,h@qq.com
        C09,吴芳,女,27,深圳,活动,到访,1,0,0,15000,0,0,4.0,false,2026-06-01,2026-06-01,2026-06-15,13400000005,i@qq.com
        C10,郑浩,男,58,广州,中介,签约,11,2,9900000,12000000,4,0,4.6,true,2017-05-05,2026-04-04,2026-05-05,13300000006,j@qq.com
        C11,孙丽,女,33,南京,老带新,认购,5,1,4100000,5000000,6,1,4.4,true,2022-08-08,2025-08-08,2025-09-09,13200000007,k@qq.com
        C12,钱伟,男,47,杭州,线上,到访,2,0,0,80000,0,0,3.3,false,2023-03-03,2023-04-04,,13100000008,l@qq.com
        C13,冯雪,女,39,上海,活动,签约,8,2,7600000,8800000,1,2,2.9,true,2019-09-09,2025-12-12,2026-01-01,13000000009,m@qq.com
        C14,陈刚,男,71,深圳,中介,认购,3,1,1200000,1500000,0,0,4.1,false,2024-04-04,2024-05-05,2024-06-06,15000000010,n@qq.com
        C15,褚琳,女,24,广州,老带新,到访,1,0,0,9000,1,0,,false,2026-03-03,2026-03-03,2026-03-04,15100000011,o@qq.com
        C16,卫东,男,50,南京,线上,签约,12,4,30000000,41000000,7,1,4.9,true,2016-01-01,2026-06-30,2026-06-30,15200000012,p@qq.com
        C17,蒋琴,女,42,杭州,活动,认购,4,1,2900000,3300000,2,0,3.7,true,2021-07-07,2025-07-07,2025-07-08,15300000013,q@qq.com
        C18,沈阳,男,31,上海,中介,到访,2,0,0,44000,0,1,2.5,false,2025-05-05,2025-06-06,2025-06-07,15400000014,r@qq.com
        C19,韩梅,女,36,深圳,老带新,签约,7,2,6400000,7100000,3,0,4.3,true,2020-02-02,2026-02-02,2026-02-03,15500000015,s@qq.com
        C20,杨光,男,45,广州,线上,认购,3,1,1800000,2100000,1,4,1.9,false,2022-12-12,2023-01-01,,15600000016,t@qq.com

        """

    /// The customer table the rule and REPL targets run on (the text above always loads).
    static let customers: Table? = try? TableLoader.loadCSV(bytes: Array(customersCSV.utf8), name: "customers.csv", tableName: "customers")

    // MARK: - Rules

    static func rules(_ data: [UInt8]) {
        // Read as every command reads a rule file: bytes that are not UTF-8 are one message.
        let source: SourceFile
        switch RuleSource.decode(data, name: folder + "/fuzz.strata") {
        case .success(let s): source = s
        case .failure(let f):
            _ = DiagnosticRenderer().render(f.diagnostic())
            return
        }
        let (_, parseDiagnostics) = Parser.parse(source)
        require(parseDiagnostics, inside: source)
        if let problem = formatterProblem(source) { fatalError(problem) }
        let pipeline = Pipeline(options: options, preloaded: customers)
        let checked = pipeline.check(source)
        require(checked.diagnostics, inside: source)
        let ran = pipeline.run(source)
        require(ran.diagnostics, inside: source)
        render(ran)
    }

    // MARK: - Data files

    static func csv(_ data: [UInt8]) {
        // A tab in the header line makes it a TSV file, so both delimiters are fuzzed.
        let header = data.prefix { $0 != UInt8(ascii: "\n") }
        load(data, as: header.contains(UInt8(ascii: "\t")) ? "tsv" : "csv")
    }

    static func json(_ data: [UInt8]) {
        // An array opens a .json file; anything else is read as JSON Lines.
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        load(data, as: first == UInt8(ascii: "[") ? "json" : "jsonl")
    }

    /// Writes the bytes to a data file and loads it the two ways a rule file can: as the customers, and as an
    /// event table linked to the customers; each through `run` (every row) and `check` (sampled rows).
    static func load(_ data: [UInt8], as ext: String) {
        let path = folder + "/data." + ext
        guard FileManager.default.createFile(atPath: path, contents: Data(data)),
              FileManager.default.createFile(atPath: folder + "/customers.csv", contents: Data(customersCSV.utf8))
        else { fatalError("the fuzz folder \(folder) cannot be written") }
        let programs = [
            // `show` without columns and `count … by` read every field: every column is parsed and printed.
            "load customers from \"data.\(ext)\"\nshow limit 5\ncount by id\n",
            "load customers from \"customers.csv\"\nload events from \"data.\(ext)\" linked by customer_id\n"
                + "derive n = count(events)\nshow n > 0 limit 3\n",
        ]
        for text in programs {
            let source = SourceFile(name: folder + "/load.strata", text: text)
            var o = options
            o.projectColumns = false
            let ran = Pipeline(options: o, preloaded: nil).run(source)
            render(ran)
            let checked = Pipeline(options: options, preloaded: nil).check(source)
            render(checked)
        }
    }

    // MARK: - REPL

    static func repl(_ data: [UInt8]) {
        // Typed at a terminal: keys decoded from reads of varying size (an escape sequence or a character
        // split across reads), edited, completed, and each finished input run in a session.
        let terminal = FuzzTerminal(data)
        let session = ReplSession(options: options, baseDirectory: folder)
        if let t = customers { session.attach(t) }
        let repl = Repl(session: session, out: { _ in }, err: { _ in })
        let reader = LineReader(history: History(), completer: NameCompleter(session: session), io: terminal)
        reading: while true {
            let r = reader.readLine(prompt: "strata> ", continuationPrompt: "   ...> ") { text in
                InputCompleteness.isDotCommand(text) || InputCompleteness.isComplete(text)
            }
            switch r {
            case .endOfInput: break reading
            case .interrupted: continue
            case .line(let text): if !handle(text, in: repl) { break reading }
            }
        }
        // Piped: the same bytes as lines, cut into statements where the rule-file parser ends them.
        let text = String(decoding: data, as: UTF8.self)
        var piped = PipedInput()
        var inputs: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            _ = InputCompleteness.isComplete(String(line))
            inputs += piped.add(String(line))
        }
        if let rest = piped.finish() { inputs.append(rest) }
        let pipedSession = ReplSession(options: options, baseDirectory: folder)
        if let t = customers { pipedSession.attach(t) }
        let pipedRepl = Repl(session: pipedSession, out: { _ in }, err: { _ in })
        for input in inputs where !handle(input, in: pipedRepl) { break }
    }

    /// Runs one REPL input, except `.save`, which would write wherever the fuzzer points it.
    static func handle(_ input: String, in repl: Repl) -> Bool {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("."), Repl.words(trimmed).first == ".save" { return true }
        return repl.handle(input)
    }

    // MARK: - Invariants

    /// Renders a result the way `strata run` prints it, in every format (the output code sees the values too).
    static func render(_ r: RunResult) {
        for format in OutputFormat.allCases {
            for item in Report.merged(r.outputs) where Report.note(item) == nil { _ = Report.render(item, format: format) }
        }
        _ = DiagnosticJSON.render(r.diagnostics)
    }

    /// What is wrong with `strata fmt` on a source, or nil: a file that parses must format (the formatter's
    /// own check must not refuse its output), and formatting the result again must change nothing.
    static func formatterProblem(_ source: SourceFile) -> String? {
        let formatted = Formatter.format(source)
        if let d = formatted.diagnostics.first(where: { $0.code == .formatterChangedMeaning }) {
            return "the formatter refused its own output: \(d.message)"
        }
        if let d = formatted.diagnostics.first(where: { $0.file == source.name && spanProblem($0.span, in: source) != nil }) {
            return "diagnostic \(d.code) '\(d.message)' has a bad span: \(spanProblem(d.span, in: source) ?? "")"
        }
        guard let text = formatted.text else { return nil }
        let again = Formatter.format(SourceFile(name: source.name, text: text))
        guard again.text == text else { return "formatting is not idempotent:\n\(text)\n--- became ---\n\(again.text ?? "nil")" }
        return nil
    }

    /// Every diagnostic about `source` has a span inside it whose line and column agree with its offset.
    static func require(_ diagnostics: [Diagnostic], inside source: SourceFile) {
        for d in diagnostics where d.file == source.name {
            if let problem = spanProblem(d.span, in: source) {
                fatalError("diagnostic \(d.code) '\(d.message)' has a bad span: \(problem)")
            }
        }
    }

    /// Why a span does not fit its source, or nil when it does. The whole-file and whole-line spans
    /// (column 0) are allowed as they are: they name no position.
    static func spanProblem(_ span: SourceSpan, in source: SourceFile) -> String? {
        if span.start.line == 0 { return nil }
        if span.start.column == 0 {
            return (1...max(1, source.lineCount)).contains(span.start.line) ? nil : "line \(span.start.line) of \(source.lineCount)"
        }
        if span.end.offset < span.start.offset { return "ends (\(span.end.offset)) before it starts (\(span.start.offset))" }
        for loc in [span.start, span.end] {
            guard let expected = location(at: loc.offset, in: source) else {
                return "offset \(loc.offset) is outside the text or inside a character"
            }
            if expected.line != loc.line || expected.column != loc.column {
                return "offset \(loc.offset) is \(expected.line):\(expected.column), the span says \(loc.line):\(loc.column)"
            }
        }
        return nil
    }

    /// The line and column (in Unicode scalars) of a UTF-8 offset, as the lexer counts them.
    static func location(at offset: Int, in source: SourceFile) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var at = 0
        for s in source.text.unicodeScalars {
            if at == offset { return (line, column) }
            if at > offset { return nil }
            at += UTF8.width(s)
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return at == offset ? (line, column) : nil
    }
}

/// A terminal whose keyboard sends the fuzz input, in reads of 1 to 8 bytes and then an empty read (a
/// timeout, which turns a lone ESC into the Escape key), over and over; 80 columns wide.
final class FuzzTerminal: TerminalIO {
    private var rest: ArraySlice<UInt8>
    private var size = 0
    var width: Int { 80 }
    var height: Int { 24 }

    init(_ data: [UInt8]) { rest = data[...] }

    func enableRaw() -> Bool { true }
    func disableRaw() {}
    func takeResize() -> Bool { false }
    func read(timeoutMs: Int32) -> [UInt8]? {
        guard !rest.isEmpty else { return nil }
        size = (size + 1) % 9
        let chunk = rest.prefix(size)
        rest = rest.dropFirst(size)
        return Array(chunk)
    }
    func write(_ s: String) {}
    func suspend() {}
}
