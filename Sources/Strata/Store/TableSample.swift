import Foundation

extension TableLoader {
    /// `strata check` learns the fields from the header and the first rows, not the whole export.
    static let sampleRows = 4096
    /// Files up to this size are read whole: that is quick, and the types are then exactly `run`'s.
    static let sampleBytes = 4 << 20

    /// The data's header and its first rows (at most `sampleRows`, within `sampleBytes`), typed as the
    /// whole file would be typed from them. A JSON array, a file without a record break in the first
    /// megabytes, or a sample in which some column is entirely empty (its type would be a guess) is
    /// read whole.
    static func loadSample(path: String, tableName: String, types: [String: ValueType] = [:]) throws(LoadError) -> Table {
        let lower = path.lowercased()
        let delimiter: UInt8? = lower.hasSuffix(".csv") ? UInt8(ascii: ",") : lower.hasSuffix(".tsv") ? UInt8(ascii: "\t") : nil
        let lines = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard delimiter != nil || lines, size > sampleBytes, let handle = FileHandle(forReadingAtPath: path),
              let head = try? handle.read(upToCount: sampleBytes) else {
            return try TableLoader.load(path: path, tableName: tableName, types: types)
        }
        try? handle.close()
        let bytes = [UInt8](head)
        guard let cut = recordsEnd(bytes, records: sampleRows + (lines ? 0 : 1), quoted: !lines) else {
            return try TableLoader.load(path: path, tableName: tableName, types: types)
        }
        let prefix = Array(bytes[..<cut])
        let table: Table
        if let d = delimiter {
            table = try TableLoader.loadCSV(bytes: prefix, name: path, tableName: tableName, delimiter: d, types: types)
        } else {
            table = try TableLoader.loadJSON(bytes: prefix, name: path, tableName: tableName, lines: true, types: types)
        }
        if table.columns.contains(where: { $0.nullCount == $0.count }) {
            return try TableLoader.load(path: path, tableName: tableName, types: types)
        }
        return table
    }

    /// The offset just past the newline that ends the `records`-th record, or past the last complete record
    /// in the bytes; nil when there is none. In CSV (`quoted`) a newline inside double quotes is part of a
    /// cell. A newline byte never occurs inside a multi-byte UTF-8 or GB18030 character, so the cut is clean.
    static func recordsEnd(_ bytes: [UInt8], records: Int, quoted: Bool) -> Int? {
        var inQuotes = false
        var seen = 0
        var last: Int?
        for (i, b) in bytes.enumerated() {
            if quoted, b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if b == UInt8(ascii: "\n"), !inQuotes {
                seen += 1
                last = i + 1
                if seen == records { break }
            }
        }
        return last
    }
}
