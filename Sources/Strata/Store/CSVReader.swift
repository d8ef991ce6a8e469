/// RFC 4180 over raw bytes: quoted fields with commas, quotes (`""`) and line breaks, CRLF or LF.
/// Two passes over the bytes — infer each column's type, then build typed columns — so no per-cell
/// String is made and memory stays near the file's size plus the columns.
struct CSVReader {
    let p: UnsafeBufferPointer<UInt8>
    let file: String
    let delimiter: UInt8

    /// Boundaries of the fields of one record, reused from record to record.
    struct Fields {
        var starts: [Int] = []
        var ends: [Int] = []
        var quoted: [Bool] = []
        var count = 0

        mutating func append(_ s: Int, _ e: Int, _ q: Bool) {
            if count < starts.count {
                starts[count] = s; ends[count] = e; quoted[count] = q
            } else {
                starts.append(s); ends.append(e); quoted.append(q)
            }
            count += 1
        }

        /// A record that is one empty unquoted field: a blank line.
        var isBlank: Bool { count == 1 && !quoted[0] && starts[0] == ends[0] }
    }

    static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Reads the record at `pos` into `f`; returns the position after it and the line breaks it spans.
    func record(at pos: Int, line: Int, into f: inout Fields) throws(LoadError) -> (next: Int, lines: Int) {
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
                        throw LoadError(file: file, line: line, message: "a quoted field opened here is never closed")
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
                while i < n, p[i] != delimiter, p[i] != CSVReader.lf, p[i] != CSVReader.cr { i += 1 }
                f.append(s, i, false)
            }
            if i >= n { return (n, lines) }
            if p[i] == delimiter { i += 1; continue }
            if p[i] == CSVReader.cr { i += 1 }
            if i < n, p[i] == CSVReader.lf { i += 1 }
            return (i, lines + 1)
        }
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

    /// Reads the whole table.
    func read(tableName: String) throws(LoadError) -> Table {
        var f = Fields()
        var (pos, lines) = try record(at: 0, line: 1, into: &f)
        var line = 1 + lines
        var header: [String] = []
        for k in 0..<f.count { header.append(text(f, k).trimmingASCII(" \t")) }
        if f.isBlank || p.isEmpty {
            throw LoadError(file: file, line: 1, message: "the file is empty: expected a header row with the column names")
        }
        var seen: [String: Int] = [:]
        for (k, h) in header.enumerated() {
            if h.isEmpty { throw LoadError(file: file, line: 1, message: "column \(k + 1) of the header has no name") }
            if let prior = seen[h] {
                throw LoadError(file: file, line: 1, field: h, message: "the header names `\(h)` twice (columns \(prior + 1) and \(k + 1))")
            }
            seen[h] = k
        }
        let width = header.count
        let dataStart = pos, firstDataLine = line
        var stats = [ColumnStats](repeating: ColumnStats(), count: width)
        for (k, h) in header.enumerated() { stats[k].identifierName = ColumnStats.isIdentifierName(h) }
        var rows = 0
        // Pass 1: check the shape and infer the types.
        while pos < p.count {
            let start = line
            (pos, lines) = try record(at: pos, line: line, into: &f)
            line += lines
            if f.isBlank { continue }
            guard f.count == width else {
                throw LoadError(file: file, line: start, message: "row has \(f.count) field\(f.count == 1 ? "" : "s"), the header has \(width)")
            }
            for k in 0..<width where !stats[k].settled {
                stats[k].observe(p, f.starts[k], f.ends[k], quoted: f.quoted[k])
            }
            rows += 1
        }
        // Pass 2: build the columns.
        var builders = stats.map { ColumnBuilder(type: $0.type, rows: rows) }
        pos = dataStart
        line = firstDataLine
        var row = 0
        var scratch: [UInt8] = []
        while pos < p.count, row < rows {
            (pos, lines) = try record(at: pos, line: line, into: &f)
            line += lines
            if f.isBlank { continue }
            for k in 0..<width {
                let s = f.starts[k], e = f.ends[k]
                if f.quoted[k], builders[k].type == .string, UnsafeBufferPointer(rebasing: p[s..<e]).contains(CSVReader.quote) {
                    scratch = CSVReader.unescape(UnsafeBufferPointer(rebasing: p[s..<e]))
                    scratch.withUnsafeBufferPointer { q in builders[k].add(q, 0, q.count, row: row, quoted: true) }
                } else {
                    builders[k].add(p, s, e, row: row, quoted: f.quoted[k])
                }
            }
            row += 1
        }
        let columns = zip(header, builders).map { $1.finish(name: $0) }
        return Table(name: tableName, columns: columns, rowCount: rows, source: file)
    }
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
