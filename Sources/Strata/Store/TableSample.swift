import Foundation

extension TableLoader {
    /// `strata run`'s projection learns the fields from the header and the first rows before it reads the
    /// columns the program uses (`strata check` reads every row, as `run` does without a projection).
    static let sampleRows = 4096
    /// Files up to this size are read whole: that is quick, and the types are then exactly `run`'s.
    static let sampleBytes = 4 << 20

    /// The data's header and its first rows (at most `sampleRows`, within `sampleBytes`), typed as the
    /// whole file would be typed from them. A JSON array, a file without a record break in the first
    /// megabytes, a sample in which some column is entirely empty (its type would be a guess), or a file
    /// that is not UTF-8 throughout (its encoding is decided on the whole file) is read whole. `strata run`'s
    /// projection passes `prefixOnly`: it reads the file whole next, and falls back to the ordinary path
    /// when the whole file's fields differ from the sample's, so it need not pay for a look at every byte.
    static func loadSample(path: String, tableName: String, encoding: TextEncoding? = nil, types: [String: ValueType] = [:],
                           prefixOnly: Bool = false) throws(LoadError) -> Table {
        func whole() throws(LoadError) -> Table { try TableLoader.load(path: path, tableName: tableName, encoding: encoding, types: types) }
        let kind = Kind(path: path)
        let delimiter: UInt8? = if case .csv(let d)? = kind { d } else { nil }
        let lines = kind == .json(lines: true)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard delimiter != nil || lines, encoding == nil || encoding == .utf8, size > sampleBytes, prefixOnly || isUTF8Throughout(path),
              let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: sampleBytes) else {
            return try whole()
        }
        try? handle.close()
        let bytes = [UInt8](head)
        guard let cut = recordsEnd(bytes, records: sampleRows + (lines ? 0 : 1), quoted: !lines) else { return try whole() }
        let prefix = Array(bytes[..<cut])
        let table: Table
        if let d = delimiter {
            table = try TableLoader.loadCSV(bytes: prefix, name: path, tableName: tableName, delimiter: d, types: types)
        } else {
            table = try TableLoader.loadJSON(bytes: prefix, name: path, tableName: tableName, lines: true, types: types)
        }
        if table.columns.contains(where: { $0.nullCount == $0.count }) { return try whole() }
        return table
    }

    /// Whether the file is valid UTF-8 from its first byte to its last (checked where it is mapped, on
    /// all cores): only then may a prefix stand for it.
    static func isUTF8Throughout(_ path: String) -> Bool {
        guard let mapped = MappedFile(path: path) else { return false }
        return withExtendedLifetime(mapped) { TextDecoding.utf16WithoutMark(mapped.bytes) == nil && firstInvalidUTF8(inParallel: mapped.bytes) == nil }
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
