/// RFC 4180 over raw bytes: quoted fields with commas, quotes (`""`) and line breaks, CRLF or LF.
/// Two passes over the bytes — infer each column's type, then build typed columns — so no per-cell
/// String is made and memory stays near the file's size plus the columns.
import Foundation

struct CSVReader: @unchecked Sendable {
    let p: UnsafeBufferPointer<UInt8>
    let file: String
    let delimiter: UInt8
    /// Split the rows into one range per core (off: one range).
    var parallel = true
    /// The bytes are a read-only file mapping: pages already parsed can be handed back to the kernel
    /// (they come back from the file if read again), so the file does not stay in memory beside the columns.
    var releaseBehind = false
    /// The columns to read, by header name; nil reads every column. The others are not parsed at all.
    var wanted: Set<String>?
    /// Types a `schema` declares, by header name: those columns are parsed as that type, not inferred.
    var declared: [String: ValueType] = [:]

    /// Boundaries of the fields of one record, reused from record to record. Plain fixed buffers:
    /// this is touched for every cell, where array copy-on-write checks would show.
    final class Fields {
        private(set) var capacity = 64
        var starts: UnsafeMutablePointer<Int>
        var ends: UnsafeMutablePointer<Int>
        var quoted: UnsafeMutablePointer<Bool>
        var count = 0

        init() {
            starts = .allocate(capacity: capacity)
            ends = .allocate(capacity: capacity)
            quoted = .allocate(capacity: capacity)
        }

        deinit {
            starts.deallocate()
            ends.deallocate()
            quoted.deallocate()
        }

        @inline(__always)
        func append(_ s: Int, _ e: Int, _ q: Bool) {
            if count == capacity { grow() }
            starts[count] = s
            ends[count] = e
            quoted[count] = q
            count += 1
        }

        private func grow() {
            let n = capacity * 2
            let s = UnsafeMutablePointer<Int>.allocate(capacity: n), e = UnsafeMutablePointer<Int>.allocate(capacity: n)
            let q = UnsafeMutablePointer<Bool>.allocate(capacity: n)
            s.update(from: starts, count: count)
            e.update(from: ends, count: count)
            q.update(from: quoted, count: count)
            starts.deallocate(); ends.deallocate(); quoted.deallocate()
            starts = s; ends = e; quoted = q
            capacity = n
        }

        /// A record that is one empty unquoted field: a blank line.
        var isBlank: Bool { count == 1 && !quoted[0] && starts[0] == ends[0] }
    }

    static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Reads the record at `pos` into `f`; returns the position after it and the line breaks it spans.
    func record(at pos: Int, line: Int, into f: Fields) throws(LoadError) -> (next: Int, lines: Int) {
        let n = p.count
        var i = pos
        var lines = 0
        f.count = 0
        while true {
            if i < n, p[i] == CSVReader.quote {
                let open = i
                i += 1
                let contentStart = i
                while true {
                    guard i < n else {
                        throw LoadError(file: file, line: line, LoadText.quoteNeverClosed.message)
                    }
                    let b = p[i]
                    if b == CSVReader.quote {
                        if i + 1 < n, p[i + 1] == CSVReader.quote { i += 2; continue }
                        break
                    }
                    if b == CSVReader.lf { lines += 1 }
                    i += 1
                }
                let contentEnd = i
                i += 1
                // Text after a closing quote (`"a"b`) is tolerated and dropped, as spreadsheet programs do.
                while i < n, p[i] != delimiter, p[i] != CSVReader.lf, p[i] != CSVReader.cr { i += 1 }
                _ = open
                f.append(contentStart, contentEnd, true)
            } else {
                let s = i
                i = endOfPlainField(from: i)
                f.append(s, i, false)
            }
            if i >= n { return (n, lines) }
            if p[i] == delimiter { i += 1; continue }
            if p[i] == CSVReader.cr { i += 1 }
            if i < n, p[i] == CSVReader.lf { i += 1 }
            return (i, lines + 1)
        }
    }

    /// The first delimiter, LF or CR at or after `i` (or the end): eight bytes at a time while no
    /// byte of the word is one of them (the zero-byte test on the word XORed with each byte).
    @inline(__always)
    func endOfPlainField(from start: Int) -> Int {
        let n = p.count
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let d = ones &* UInt64(delimiter), l = ones &* UInt64(CSVReader.lf), c = ones &* UInt64(CSVReader.cr)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let xd = w ^ d, xl = w ^ l, xc = w ^ c
                let hit = ((xd &- ones) & ~xd | (xl &- ones) & ~xl | (xc &- ones) & ~xc) & highs
                if hit != 0 { return i + hit.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < n, p[i] != delimiter, p[i] != CSVReader.lf, p[i] != CSVReader.cr { i += 1 }
        return i
    }

    /// The text of a field: quoted fields have `""` turned back into `"`.
    func text(_ f: Fields, _ k: Int) -> String {
        let s = f.starts[k], e = f.ends[k]
        let raw = UnsafeBufferPointer(rebasing: p[s..<e])
        guard f.quoted[k] else { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: CSVReader.unescape(raw), as: UTF8.self)
    }

    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            if raw[i] == quote, i + 1 < raw.count, raw[i + 1] == quote { i += 2 } else { i += 1 }
        }
        return out
    }

    /// Reads the whole table: the header, then the rows split into ranges that both passes process in
    /// parallel (one per core); if a split falls inside a quoted field the file is read as one range.
    /// The result of both passes, before the ranges' columns are joined.
    struct Parsed: @unchecked Sendable {
        var header: [String]
        var parts: [[ColumnBuilder]]
        var rows: Int
        /// Why columns that looked like numbers or dates were read as text (`ColumnStats.textNote`).
        var notes: [String: TypeNote] = [:]
        /// Cells of number, date and bool columns that were not of the type, read as null.
        var unread: [String: UnreadCells] = [:]
        /// Columns read as text because they hold integers beyond 2⁵³, with the first one.
        var wide: [String: TypeNote] = [:]

        /// Joins the ranges column by column on all cores. Each column's builders are handed to the
        /// task that merges it and freed when it is done, so the peak holds a few columns twice
        /// rather than the whole table.
        consuming func table(name: String, source: String) -> Table {
            let dropped = header.indices.filter { k in parts.contains { $0[k].type == .date && !$0[k].failed && $0[k].timeDropped } }
            let slots = Parallel.Slots<[ColumnBuilder]>(header.count)
            for k in header.indices { slots.base[k] = parts.map { $0[k] } }
            parts = []
            let names = header, rows = self.rows
            let columns = Parallel.map(header.count) { k -> Column in
                let pieces = slots.base[k] ?? []
                slots.base[k] = nil
                return ColumnBuilder.merge(pieces, name: names[k], rows: rows)
            }
            var table = Table(name: name, columns: columns, rowCount: rows, source: source)
            table.typeNotes = notes
            table.unreadCells = unread
            table.wideIntegers = wide
            table.timesDropped = dropped.map { header[$0] }
            return table
        }
    }

    /// Rows of the sample that decides each column's provisional type.
    static let sampleRows = 4096

    func parse() throws(LoadError) -> Parsed {
        let f = Fields()
        let (dataStart, headerLines) = try record(at: 0, line: 1, into: f)
        var header: [String] = []
        for k in 0..<f.count { header.append(text(f, k).trimmingASCII(" \t")) }
        if f.isBlank || p.isEmpty {
            throw LoadError(file: file, line: 1, LoadText.emptyCSV.message)
        }
        var seen: [String: Int] = [:]
        for (k, h) in header.enumerated() {
            if h.isEmpty { throw LoadError(file: file, line: 1, LoadText.headerColumnUnnamed(["column": "\(k + 1)"])) }
            if let prior = seen[h] {
                throw LoadError(file: file, line: 1, field: h, LoadText.headerNamesTwice(["name": .text(h), "first": "\(prior + 1)", "second": "\(k + 1)"]))
            }
            seen[h] = k
        }
        let width = header.count
        let identifierNames = header.map(ColumnStats.isIdentifierName)
        let keep: Set<Int>? = wanted.map { w in Set(header.indices.filter { w.contains(header[$0]) }) }
        let read = keep.map { Array($0).sorted() } ?? Array(0..<width)
        // Provisional types from the first rows; a column with no value there is read on its own later.
        let trace = ProcessInfo.processInfo.environment["STRATA_TRACE"] != nil
        var clock = DispatchTime.now().uptimeNanoseconds
        func mark(_ what: String) {
            guard trace else { return }
            let now = DispatchTime.now().uptimeNanoseconds
            FileHandle.standardError.write(Data(String(format: "%8.2f ms  load: %@\n", Double(now - clock) / 1e6, what).utf8))
            clock = now
        }
        let sample = scan(dataStart..<p.count, width: width, identifierNames: identifierNames, columns: read,
                          maxRows: CSVReader.sampleRows, firstLine: 1 + headerLines)
        var notes: [String: TypeNote] = [:], wide: [String: TypeNote] = [:]
        for k in read where declared[header[k]] == nil {
            if let n = sample.stats[k].textNote { notes[header[k]] = n }
            if let w = sample.stats[k].wideNote { wide[header[k]] = w }
        }
        // A column not wanted is skipped like one the sample could not type, but never read again.
        let plan = sample.stats.enumerated().map { k, s -> ColumnPlan in
            let unwanted = !(keep?.contains(k) ?? true)
            if let t = declared[header[k]] {
                return ColumnPlan(type: t, unique: s.nearlyUnique, skip: unwanted, misses: .decided(declared: true))
            }
            let t = s.type
            return ColumnPlan(type: t, unique: s.nearlyUnique, skip: unwanted || s.nonEmpty == 0 || s.undecided,
                              misses: t == .bool ? .none : .guessed(limit: CSVReader.missesPerRange))
        }
        let ranges = splits(from: dataStart)
        var chunks = ranges
        mark("header and sample")
        var built = Parallel.map(ranges.count) { i in self.build(ranges[i], width: width, plan: plan) }
        mark("build over \(ranges.count) ranges")
        if !zip(built, chunks).allSatisfy({ $0.error != nil || $0.end == $1.upperBound }) {
            // A split fell inside a quoted field: read the rows as one range.
            chunks = [dataStart..<p.count]
            built = [build(chunks[0], width: width, plan: plan)]
        }
        var lineBefore = 1 + headerLines
        var firstLines: [Int] = []
        for b in built {
            if var e = b.error {
                e.line = e.line.map { $0 + lineBefore - 1 }
                throw e
            }
            firstLines.append(lineBefore)
            lineBefore += b.lines
        }
        var parts = built.map(\.builders)
        let rows = built.reduce(0) { $0 + $1.rows }
        // Columns the sample got wrong (or could not tell) are inferred over every row and read again;
        // so are those whose cells not of the guessed type are too many by the rule over the whole column.
        var redo = read.filter { k in parts.contains { $0[k].failed } }
        var unread: [String: UnreadCells] = [:]
        for k in read where !redo.contains(k) {
            let builders = parts.map { $0[k] }
            let count = builders.reduce(0) { $0 + $1.missCount }
            guard count > 0 else { continue }
            if case .guessed = plan[k].misses, !CSVReader.tolerated(builders) {
                redo.append(k)
                continue
            }
            guard let i = built.indices.first(where: { built[$0].firstMiss[k] != nil }), let m = built[i].firstMiss[k] else { continue }
            unread[header[k]] = UnreadCells(count: count, line: m.line + firstLines[i] - 1, cell: m.cell, type: plan[k].type,
                                            declared: declared[header[k]] != nil,
                                            found: builders.allSatisfy { $0.values == 0 } ? sample.stats[k].type : nil)
        }
        mark("checks; columns to read again: \(redo.count)")
        if !redo.isEmpty {
            let full = scan(dataStart..<p.count, width: width, identifierNames: identifierNames, columns: redo, maxRows: Int.max,
                            firstLine: 1 + headerLines)
            var replan = plan
            for k in redo {
                let s = full.stats[k]
                replan[k] = ColumnPlan(type: s.type, unique: s.nearlyUnique, skip: false, misses: .decided(declared: false))
                notes[header[k]] = s.textNote
                wide[header[k]] = s.wideNote
                unread[header[k]] = s.unread
            }
            let again = build(dataStart..<p.count, width: width, plan: replan, only: Set(redo))
            for k in redo {
                for i in parts.indices { parts[i][k] = ColumnBuilder(type: .string, capacity: 0, skip: true) }
                parts[0][k] = again.builders[k]
            }
        }
        guard keep != nil else { return Parsed(header: header, parts: parts, rows: rows, notes: notes, unread: unread, wide: wide) }
        return Parsed(header: read.map { header[$0] }, parts: parts.map { row in read.map { row[$0] } }, rows: rows, notes: notes,
                      unread: unread, wide: wide)
    }

    /// How many cells not of a guessed type one range keeps before its builder gives up on the type.
    static let missesPerRange = 64

    /// Whether the cells not of their column's guessed type are few enough, judged as one scan down
    /// the file would (`ColumnStats.tolerates`): the ranges' misses in order, each after the values before it.
    static func tolerated(_ builders: [ColumnBuilder]) -> Bool {
        var misses = 0, values = 0
        for b in builders {
            for before in b.valuesBeforeMiss {
                misses += 1
                guard ColumnStats.tolerates(misses: misses, seen: values + before) else { return false }
            }
            values += b.values
        }
        return values >= ColumnStats.leastValues
    }

    /// How one column is read in the build pass: its type, whether its text is near-unique, whether it
    /// is skipped (not wanted, or to be read on its own), and what becomes of cells not of the type.
    struct ColumnPlan {
        var type: ValueType
        var unique: Bool
        var skip: Bool
        var misses: ColumnBuilder.Misses
    }

    /// Row ranges starting at line starts, one per core for files big enough to be worth it.
    func splits(from start: Int) -> [Range<Int>] {
        let n = p.count
        let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let parts = !parallel || n - start < 1 << 20 ? 1 : cores
        var bounds = [start]
        for k in 1..<max(1, parts) {
            var at = start + (n - start) * k / parts
            while at < n, p[at - 1] != CSVReader.lf { at += 1 }
            if at > bounds[bounds.count - 1], at < n { bounds.append(at) }
        }
        bounds.append(n)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Type evidence for some columns over (up to `maxRows`) rows of a range.
    struct Scan: @unchecked Sendable {
        var stats: [ColumnStats]
    }

    func scan(_ range: Range<Int>, width: Int, identifierNames: [Bool], columns: [Int], maxRows: Int, firstLine: Int = 2) -> Scan {
        var result = Scan(stats: identifierNames.map { var s = ColumnStats(); s.identifierName = $0; return s })
        let f = Fields()
        var pos = range.lowerBound
        var rows = 0
        var line = firstLine
        while pos < range.upperBound, rows < maxRows {
            guard let (next, lines) = try? record(at: pos, line: line, into: f) else { break }
            pos = next
            defer { line += lines }
            if f.isBlank || f.count != width { continue }
            for k in columns where !result.stats[k].settled {
                result.stats[k].observe(p, f.starts[k], f.ends[k], quoted: f.quoted[k], line: line)
            }
            rows += 1
        }
        return result
    }

    /// One pass over a range: the shape checked, every cell into its column's builder.
    struct Built: @unchecked Sendable {
        var builders: [ColumnBuilder]
        var rows = 0
        var lines = 0
        var end = 0
        var error: LoadError?
        /// Per column, the first cell not of its type: its line (counted from the range's start) and text.
        var firstMiss: [Int: (line: Int, cell: String)] = [:]
    }

    /// One pass with each column read as `plan` says; `only` limits the pass to some columns.
    func build(_ range: Range<Int>, width: Int, plan: [ColumnPlan], only: Set<Int>? = nil) -> Built {
        let estimate = max(16, range.count / max(1, averageRowBytes))
        var out = Built(builders: plan.enumerated().map { k, c in
            ColumnBuilder(type: c.type, capacity: estimate, unique: c.unique, skip: c.skip || (only.map { !$0.contains(k) } ?? false),
                          misses: c.misses)
        })
        let f = Fields()
        var pos = range.lowerBound
        var line = 1
        var scratch: [UInt8] = []
        do throws(LoadError) {
            var released = range.lowerBound
            while pos < range.upperBound {
                if releaseBehind, pos - released >= CSVReader.releaseChunk {
                    release(released..<pos)
                    released = pos
                }
                let start = line
                let (next, lines) = try record(at: pos, line: line, into: f)
                pos = next
                line += lines
                if f.isBlank { continue }
                guard f.count == width else {
                    throw LoadError(file: file, line: start, LoadText.rowFieldCount(["count": "\(f.count)", "en_s": f.count == 1 ? "" : "s", "width": "\(width)"]))
                }
                for k in 0..<width where !out.builders[k].failed {
                    let s = f.starts[k], e = f.ends[k]
                    if f.quoted[k], out.builders[k].type == .string, UnsafeBufferPointer(rebasing: p[s..<e]).contains(CSVReader.quote) {
                        scratch = CSVReader.unescape(UnsafeBufferPointer(rebasing: p[s..<e]))
                        // A text column takes every cell, so there is no miss to record.
                        _ = scratch.withUnsafeBufferPointer { q in out.builders[k].add(q, 0, q.count) }
                    } else if !out.builders[k].add(p, s, e), out.firstMiss[k] == nil {
                        out.firstMiss[k] = (start, String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]).prefix(40), as: UTF8.self))
                    }
                }
                out.rows += 1
            }
        } catch {
            out.error = error
        }
        out.lines = line - 1
        out.end = pos
        return out
    }

    static let releaseChunk = 8 << 20

    /// Drops the whole pages inside `range` from this process's memory (only for a file mapping).
    func release(_ range: Range<Int>) {
        guard let base = p.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0 else { return }
        let start = UInt(bitPattern: base + range.lowerBound), end = UInt(bitPattern: base + range.upperBound)
        let from = (start + UInt(page) - 1) / UInt(page) * UInt(page), to = end / UInt(page) * UInt(page)
        guard to > from, let addr = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(addr, Int(to - from), MADV_DONTNEED)
    }

    /// A guess at bytes per row, for reserving column capacity (not for correctness).
    var averageRowBytes: Int { 160 }
}

extension String {
    /// Trims the given ASCII characters from both ends.
    func trimmingASCII(_ set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, chars.contains(f) { scalars.removeFirst() }
        while let l = scalars.last, chars.contains(l) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
