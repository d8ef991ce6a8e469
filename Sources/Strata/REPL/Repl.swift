import Foundation

/// The REPL's behaviour apart from the terminal: runs inputs and dot-commands against a session and
/// writes results. The line editor (or piped stdin) feeds it complete inputs.
public final class Repl {
    public let session: ReplSession
    public var format: OutputFormat = .table
    public var timer = false
    /// `.chart on`: counts and summaries are followed by a bar chart.
    public var chart = false
    /// How many inputs failed (piped mode exits 1 when any did).
    public private(set) var failures = 0
    let out: (String) -> Void
    let err: (String) -> Void
    var inputCount = 0
    /// Reading piped input: stdout is then laid out as `strata run` lays out the same statements' results.
    var piped = false
    /// Piped: the last segment-count table, held so that the next input's counts join it, as adjacent counts
    /// do in a run (`count a` then `count b` is one table); written when anything else is printed.
    var heldCounts: OutputItem?
    /// Piped: whether the last block on stdout was a bare expression's value (nil before any block).
    var lastBlockWasValue: Bool?

    public static let dotCommands = [".help", ".schema", ".segments", ".load", ".timer", ".mode", ".maxrows", ".save", ".quit", ".exit", ".chart", ".why"]

    /// `.help`: the statements by example, the dot-commands and the keys, in the session's language.
    public static var help: String { ReplText.help.message.text() }

    public init(session: ReplSession, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.session = session
        self.out = out
        self.err = err
    }

    /// Handles one complete input; returns false when the user asked to leave.
    @discardableResult
    public func handle(_ input: String) -> Bool {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return true }
        let start = DispatchTime.now().uptimeNanoseconds
        let timed = timer && !trimmed.hasPrefix(".timer")
        defer {
            if timed, timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                note(ReplText.time(["ms": .text(String(format: "%.3f", ms))]).text() + "\n")
            }
        }
        if trimmed.hasPrefix(".") {
            // A count table held from before is printed as it stood (`.mode` may change how the next prints).
            releaseCounts()
            return dot(trimmed)
        }
        inputCount += 1
        run(SourceFile(name: "<repl:\(inputCount)>", text: input))
        return true
    }

    /// Loads the file `--data NAME=PATH` named when the session started. It is not something typed, so
    /// it takes no input number (what is typed first is `<repl:1>`); a message about it names `<--data>`.
    public func loadAtStart(path: String, name: String) {
        run(SourceFile(name: "<--data>", text: Repl.loadStatement(path: path, name: name)))
    }

    func run(_ source: SourceFile) {
        let result = session.interactive(source)
        emit(result)
        if result.exitCode != 0 { failures += 1 }
    }

    /// The `load` statement that reads `path` as table `name`, in `encoding` if given (what `.load` runs).
    static func loadStatement(path: String, name: String, encoding: String? = nil) -> String {
        "load \(name) from \(quoted(path))" + (encoding.map { " encoding " + quoted($0) } ?? "")
    }

    func emit(_ result: RunResult) {
        var first = true
        for item in Report.merged(result.outputs) {
            if let n = Report.note(item) { note(n); continue }
            if piped { block(item); continue }
            if !first, format == .table { out("\n") }
            first = false
            out(Report.render(item, format: format, chartWidth: chartWidth))
        }
        if !result.renderedDiagnostics.isEmpty { note(result.renderedDiagnostics) }
        // Ctrl-C: one line; what the input had done before it stands, the rest did not run.
        if result.cancelled { note(ReplText.cancelled.message.text() + "\n") }
    }

    /// Writes to stderr. Piped, a held count table is written first, so the two streams read in order when they
    /// share a file or a screen; a note between two counts keeps them apart, as an export's note does in a run.
    func note(_ text: String) {
        releaseCounts()
        err(text)
    }

    /// Piped: one result, joined to a held count table or written as a block of its own.
    func block(_ item: OutputItem) {
        if Report.isSegmentCount(item) {
            heldCounts = Report.merged([heldCounts, item].compactMap { $0 }).last
            return
        }
        var isValue = false
        if case .value = item { isValue = true }
        write(block: Report.render(item, format: format, chartWidth: chartWidth), isValue: isValue)
    }

    func releaseCounts() {
        guard let held = heldCounts else { return }
        heldCounts = nil
        write(block: Report.render(held, format: format, chartWidth: chartWidth))
    }

    /// Piped, a blank line sets each table or CSV block off from the one before, as in a run (so each CSV block
    /// can be split off); in a table, the one-line values of bare expressions follow each other as at a prompt.
    /// On a terminal the prompt sets inputs apart.
    func write(block text: String, isValue: Bool = false) {
        guard piped else { return out(text) }
        releaseCounts()
        if let last = lastBlockWasValue, format != .json, !(format == .table && last && isValue) { out("\n") }
        out(text)
        lastBlockWasValue = isValue
    }

    /// Reads statements from a non-terminal stdin, cut where a rule file's parser ends statements (see
    /// `PipedInput`). Returns the process exit code: 1 if any input failed.
    public func runPiped(readLine: () -> String?) -> Int32 {
        piped = true
        // Piped output is laid out as `strata run` lays it out, every row included (it is often redirected to a
        // file); a `.maxrows` in the input still applies from there on.
        session.maxRows = 0
        var input = PipedInput()
        var going = true
        while going, let line = readLine() {
            for text in input.add(line) where going { going = handle(text) }
        }
        if going, let rest = input.finish() { handle(rest) }
        releaseCounts()
        return failures > 0 ? 1 : 0
    }

    /// Piped, after the rule file the session opened on printed its results: the session's own are set off from them.
    public func followResults() { lastBlockWasValue = false }

    /// Counts a failure that happened outside an input (the rule file the session started with).
    public func recordFailure() { failures += 1 }

    func fail(_ message: Message) -> Bool {
        note("\(Severity.error.word): \(message.text())\n")
        failures += 1
        return true
    }

    func dot(_ line: String) -> Bool {
        let words = Repl.words(line)
        guard let cmd = words.first else { return true }
        let args = Array(words.dropFirst())
        switch cmd {
        case ".quit", ".exit": return false
        case ".help": write(block: Repl.help)
        case ".schema": write(block: schema())
        case ".segments": write(block: segmentsReport())
        case ".timer":
            guard args.count == 1, args[0] == "on" || args[0] == "off" else { return fail(ReplText.timerOnOff.message) }
            timer = args[0] == "on"
        case ".mode":
            guard args.count == 1, let f = OutputFormat(rawValue: args[0]) else { return fail(ReplText.modeFormats.message) }
            format = f
        case ".chart":
            guard args.count == 1, args[0] == "on" || args[0] == "off" else { return fail(ReplText.chartOnOff.message) }
            chart = args[0] == "on"
        case ".maxrows":
            guard args.count == 1, let n = Int(args[0]), n >= 0 else { return fail(ReplText.maxRowsWhole.message) }
            session.maxRows = n
        case ".load":
            // PATH, then `AS NAME` and `ENCODING NAME` in either order, each at most once.
            var options: [String: String] = [:]
            var rest = args.dropFirst()
            while rest.count >= 2, let word = rest.first?.lowercased(), word == "as" || word == "encoding", options[word] == nil {
                options[word] = rest.dropFirst().first
                rest = rest.dropFirst(2)
            }
            guard let path = args.first, rest.isEmpty else { return fail(ReplText.loadUsage.message) }
            let name = options["as"] ?? (session.table?.name ?? "customers")
            // Run as a statement (so definitions are recomputed) but not timed a second time.
            let keep = timer
            timer = false
            defer { timer = keep }
            return handle(Repl.loadStatement(path: path, name: name, encoding: options["encoding"]))
        case ".save":
            guard args.count == 1 else { return fail(ReplText.saveUsage.message) }
            let path = args[0]
            // An absolute data path stays absolute; a relative one is rewritten to hold from the saved file's folder.
            let data = session.dataPath.map { $0.hasPrefix("/") ? $0 : Repl.relativePath(from: (path as NSString).deletingLastPathComponent, to: $0) }
            do {
                try AtomicFile.write(session.ruleFileText(dataPath: data), to: path)
                let n = session.definitionList.count
                note(ReplText.saved(ReplText.counted(n, ["path": .text(path)])).text() + "\n")
            } catch {
                return fail(.verbatim("\(error)"))
            }
        case ".why":
            guard (1...2).contains(args.count) else { return fail(ReplText.whyUsage.message) }
            let result = session.why(key: args[0], name: args.count == 2 ? args[1] : nil)
            emit(result)
            if result.exitCode != 0 { failures += 1 }
        default:
            let near = Suggest.nearest(cmd, in: Repl.dotCommands)
            return fail(near.map { ReplText.unknownCommandNear(["command": .text(cmd), "near": .text($0)]) }
                        ?? ReplText.unknownCommand(["command": .text(cmd)]))
        }
        return true
    }

    /// Text as a string literal of the language.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A dot-command's words: split at blanks, except inside "double" or 'single' quotes, which are removed
    /// (so `.load "客户 数据/六月.csv" AS c` names a path with a space).
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { word.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { out.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(ch)
                inWord = true
            }
        }
        if inWord { out.append(word) }
        return out
    }

    /// The terminal's width for listings (80 when piped).
    public var width = 80

    /// The width of bar charts when `.chart on`; nil draws none.
    var chartWidth: Int? { chart ? width : nil }

    func schema() -> String {
        guard let t = session.table else { return ReplText.noData.message.text() + "\n" }
        let derived = Set(session.definitionList.compactMap(\.name))
        // A loaded field's type is the one the checker uses: an all-empty column has none of its own.
        let loadedTypes = Dictionary(DataBinding.schema(of: t, declared: session.declared).fields.map { ($0.name, $0.type) },
                                     uniquingKeysWith: { a, _ in a })
        let rows = t.columns.map { c -> [Value] in
            // A matched table's field is joined in as `may.clv`.
            let from = derived.contains(c.name) ? ReplText.fromDerived : c.name.contains(".") ? .fromMatched : .fromLoaded
            let type = from == .fromLoaded ? loadedTypes[c.name] ?? c.type : c.type
            return [.string(c.name), .string(type == .null ? word(.noneEmpty) : typeName(type)), .number(Double(c.nullCount)), .string(word(from))]
        }
        let title = format == .table ? ReplText.schemaTitle(ReplText.counted(t.rowCount, ["table": .text(t.name), "source": .text(t.source)])).text() + "\n" : ""
        let headers: [ReplText] = [.fieldHeader, .typeHeader, .nullsHeader, .fromHeader]
        var out = title + listing(headers, rows, numeric: [2])
        // Each event table: its grain (many rows per customer, linked by a field) and its fields.
        for (name, by, e) in session.eventTables {
            let fields = e.columns.map { c -> [Value] in [.string(c.name), .string(typeName(c.type)), .number(Double(c.nullCount)), .string(word(.fromLoaded))] }
            if format == .table {
                out += "\n" + ReplText.eventTableTitle(["table": .text(name), "count": .text(ValueFormat.grouped(e.rowCount)), "by": .text(by),
                                                        "source": .text(e.source)]).text() + "\n"
            }
            out += listing(headers, fields, numeric: [2])
        }
        return out
    }

    func segmentsReport() -> String {
        var rows: [[Value]] = []
        let n = session.table?.rowCount ?? 0
        let share = { (size: Int) in Value.number(n == 0 ? 0 : Double(size) / Double(n)) }
        for d in session.definitionList {
            switch d.checked.kind {
            case .segment(let name, _):
                let size = session.segments[name]?.cardinality ?? 0
                rows.append([.string(name), .number(Double(size)), share(size), .string(Repl.oneLine(ruleText(d)))])
            case .tiers(_, let arms):
                // Each tier with its size, under the tiers block's name.
                var rules: [String: String] = [:]
                if case .tiers(_, let written) = d.stmt.kind {
                    for a in written where rules[a.label.text] == nil {
                        rules[a.label.text] = a.condition.map { Repl.oneLine(d.source.slice($0.span)) } ?? "otherwise"
                    }
                }
                for r in session.groupCounts(d.name ?? "", labels: arms.map(\.label)) {
                    let rule = r.label == "(none)" ? word(.noTierMatched) : rules[r.label] ?? ""
                    rows.append([.string("\(d.name ?? "") = \(r.label)"), .number(Double(r.count)), share(r.count), .string(rule)])
                }
            default:
                break
            }
        }
        if rows.isEmpty { return ReplText.noSegments.message.text() + "\n" }
        return listing([.segmentHeader, .sizeHeader, .shareHeader, .ruleHeader], rows, numeric: [1, 2], share: 2)
    }

    /// A word of a dot-command's listing: in the session's language in a table, English in CSV and JSON,
    /// whose headers and values programs read.
    func word(_ text: ReplText) -> String { format == .table ? text.message.text() : text.template.en }

    /// A type's name in a listing, by the rule of `word`.
    func typeName(_ type: ValueType) -> String { format == .table ? type.slot.text(Language.current) : type.name }

    /// A dot-command's listing in the session's `.mode`; in a table the last column may use the terminal's width.
    func listing(_ texts: [ReplText], _ rows: [[Value]], numeric: Set<Int>, share: Int? = nil) -> String {
        let headers = texts.map(word)
        switch format {
        case .csv: return CSVWriter.render(headers: headers, rows: rows)
        case .json: return JSONWriter.render(headers: headers, rows: rows)
        case .table:
            let cells = rows.map { row in
                row.enumerated().map { i, v -> String in
                    if i == share, case .number(let f) = v { return ValueFormat.share(f) }
                    return ValueFormat.display(v)
                }
            }
            var table = TextTable(headers: headers, rows: cells, rightAligned: numeric)
            let others = headers.indices.dropLast().map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
            table.wideColumn = headers.count - 1
            table.wideLimit = width - others.reduce(0) { $0 + max($1, 7) + 2 } - 1
            return table.render()
        }
    }

    /// The condition of a segment as written.
    func ruleText(_ d: Definition) -> String {
        if case .segment(_, let e) = d.stmt.kind { return d.source.slice(e.span) }
        return d.text
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A path to `target` as seen from `folder` (both relative to the current directory or absolute).
    static func relativePath(from folder: String, to target: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> [String] {
            let full = p.hasPrefix("/") ? p : cwd + "/" + p
            var parts: [String] = []
            for c in full.split(separator: "/") {
                if c == "." || c.isEmpty { continue }
                if c == "..", !parts.isEmpty { parts.removeLast(); continue }
                parts.append(String(c))
            }
            return parts
        }
        let from = absolute(folder.isEmpty ? "." : folder), to = absolute(target)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = [String](repeating: "..", count: from.count - common)
        let rest = Array(to[common...])
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
