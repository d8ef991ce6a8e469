import Foundation

/// Reads customer data into a table: CSV (and TSV), a JSON array of objects, or JSON Lines, chosen by extension.
public enum TableLoader {
    /// Loads a file; the error says what and where when it cannot. `columns` limits a CSV file to the
    /// columns of those names (the others are not parsed); nil, and JSON, read every column. `encoding`
    /// is the one the `load` names; nil detects it from the whole file. `types` are the types a `schema`
    /// declares: those columns are parsed as that type, cells that are not of it null.
    public static func load(path: String, tableName: String, parallel: Bool = true, columns: Set<String>? = nil,
                            encoding: TextEncoding? = nil, types: [String: ValueType] = [:]) throws(LoadError) -> Table {
        guard let kind = Kind(path: path) else {
            throw LoadError(file: path, LoadText.unknownFileType.message)
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        // UTF-8, named or (the common case) found, is parsed where it lies.
        if case .csv(let d) = kind, encoding == nil || encoding == .utf8,
           let parsed = try parseMapped(path, delimiter: d, parallel: parallel, columns: columns, types: types) {
            return parsed.table(name: tableName, source: path)
        }
        var bytes = try read(path)
        if ProcessInfo.processInfo.environment["STRATA_TRACE"] != nil {
            FileHandle.standardError.write(Data(String(format: "%8.2f ms  load: read file\n", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6).utf8))
        }
        switch kind {
        case .csv(let d):
            let owned = bytes
            bytes = []
            return try loadCSV(owned: owned, name: path, tableName: tableName, delimiter: d, parallel: parallel, columns: columns,
                               encoding: encoding, types: types)
        case .json(let lines): return try loadJSON(bytes: bytes, name: path, tableName: tableName, lines: lines, encoding: encoding, types: types)
        }
    }

    /// What a file holds, by its extension.
    enum Kind: Equatable {
        /// Delimited text: `.csv` by commas; `.tsv` and `.txt` (Excel's "Unicode text" and "Text (Tab
        /// delimited)" exports) by tabs.
        case csv(UInt8)
        case json(lines: Bool)

        /// Nil for an extension the loader does not read.
        init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") { self = .csv(UInt8(ascii: ",")) }
            else if lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") { self = .csv(UInt8(ascii: "\t")) }
            else if lower.hasSuffix(".json") { self = .json(lines: false) }
            else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { self = .json(lines: true) }
            else { return nil }
        }
    }

    /// The file's bytes in one read.
    static func read(_ path: String) throws(LoadError) -> [UInt8] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LoadError.unreadable(path, .noSuchFile)
        }
        guard !isDir.boolValue else { throw LoadError.unreadable(path, .isFolder) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LoadError.unreadable(path, .permissionDenied) }
        defer { close(fd) }
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        var ok = true
        // No zero-fill first: every byte is about to be overwritten by the read.
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 0)) { buf, initialized in
            var got = 0
            while got < size, let base = buf.baseAddress {
                let n = Glibc.read(fd, base + got, size - got)
                if n < 0 { ok = false; break }
                if n == 0 { break }
                got += n
            }
            initialized = got
        }
        guard ok else { throw LoadError.unreadable(path, .readErrorOccurred) }
        return bytes
    }

    /// Parses CSV bytes; `name` is used in messages.
    public static func loadCSV(bytes: [UInt8], name: String, tableName: String, delimiter: UInt8 = UInt8(ascii: ","),
                               encoding: TextEncoding? = nil, types: [String: ValueType] = [:]) throws(LoadError) -> Table {
        try loadCSV(owned: bytes, name: name, tableName: tableName, delimiter: delimiter, parallel: true, encoding: encoding, types: types)
    }

    /// Takes the only reference to the file's bytes, so they can be freed before the columns are joined.
    static func loadCSV(owned: consuming [UInt8], name: String, tableName: String, delimiter: UInt8, parallel: Bool,
                        columns: Set<String>? = nil, encoding: TextEncoding? = nil, types: [String: ValueType] = [:]) throws(LoadError) -> Table {
        let decoded = try TextDecoding.decode(owned, name: name, encoding: encoding)
        var text: [UInt8]? = decoded.bytes
        owned = []
        let parsed = try (text ?? []).withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(LoadError) -> CSVReader.Parsed in
            try parseCSV(p, name: name, delimiter: delimiter, parallel: parallel, columns: columns, types: types)
        }
        // The text is no longer needed once both passes are done; joining the columns needs the room.
        text = nil
        let t0 = DispatchTime.now().uptimeNanoseconds
        var table = parsed.table(name: tableName, source: name)
        table.detectedEncoding = decoded.detected
        if ProcessInfo.processInfo.environment["STRATA_TRACE"] != nil {
            FileHandle.standardError.write(Data(String(format: "%8.2f ms  load: join columns\n", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6).utf8))
        }
        return table
    }

    /// Valid UTF-8, the common case, is parsed where it lies without a copy; the mapping is gone before
    /// the columns are joined. Nil when the file cannot be mapped or needs converting (UTF-16 without a
    /// byte order mark can be valid UTF-8 too: its zero bytes are).
    static func parseMapped(_ path: String, delimiter: UInt8, parallel: Bool, columns: Set<String>?,
                            types: [String: ValueType]) throws(LoadError) -> CSVReader.Parsed? {
        guard let mapped = MappedFile(path: path), TextDecoding.utf16WithoutMark(mapped.bytes) == nil,
              firstInvalidUTF8(inParallel: mapped.bytes) == nil else { return nil }
        return try parseCSV(mapped.bytes, name: path, delimiter: delimiter, parallel: parallel, mapped: true, columns: columns, types: types)
    }

    /// Both passes of the CSV reader over UTF-8 text; a leading BOM is skipped.
    static func parseCSV(_ p: UnsafeBufferPointer<UInt8>, name: String, delimiter: UInt8, parallel: Bool, mapped: Bool = false,
                         columns: Set<String>? = nil, types: [String: ValueType] = [:]) throws(LoadError) -> CSVReader.Parsed {
        let skip = p.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var reader = CSVReader(p: UnsafeBufferPointer(rebasing: p[skip...]), file: name, delimiter: delimiter, parallel: parallel)
        reader.releaseBehind = mapped
        reader.wanted = columns
        reader.declared = types
        return try reader.parse()
    }

    /// Parses a JSON array of objects (`lines: false`) or JSON Lines; `name` is used in messages.
    public static func loadJSON(bytes: [UInt8], name: String, tableName: String, lines: Bool, encoding: TextEncoding? = nil,
                                types: [String: ValueType] = [:]) throws(LoadError) -> Table {
        let decoded = try TextDecoding.decode(bytes, name: name, encoding: encoding)
        var table = try decoded.bytes.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(LoadError) -> Table in
            // Editors on Windows put a BOM in front of JSON too.
            let p = UnsafeBufferPointer(rebasing: all[(all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...])
            var reader = JSONReader(p: p, file: name)
            reader.declared = types
            return try reader.read(tableName: tableName, lines: lines)
        }
        table.detectedEncoding = decoded.detected
        return table
    }

    /// The offset of the first byte that breaks UTF-8, or nil for valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(inParallel: $0) }
    }

    /// The same over any buffer, in ranges on all cores for large ones.
    static func firstInvalidUTF8(inParallel all: UnsafeBufferPointer<UInt8>) -> Int? {
        let ranges = asciiAlignedRanges(all)
        nonisolated(unsafe) let whole = all
        let found = Parallel.map(ranges.count) { i -> Int? in
            UTF8Validation.firstInvalid(UnsafeBufferPointer(rebasing: whole[ranges[i]])).map { $0 + ranges[i].lowerBound }
        }
        return found.compactMap { $0 }.min()
    }

    /// `UTF8Validation.census` of a large buffer, in ranges on all cores.
    static func utf8Census(inParallel all: UnsafeBufferPointer<UInt8>) -> (multiByte: Int, broken: Int) {
        let ranges = asciiAlignedRanges(all)
        nonisolated(unsafe) let whole = all
        let parts = Parallel.map(ranges.count) { i in UTF8Validation.census(UnsafeBufferPointer(rebasing: whole[ranges[i]])) }
        return parts.reduce((0, 0)) { ($0.0 + $1.multiByte, $0.1 + $1.broken) }
    }

    /// The buffer cut into one range per core (one range when small), each starting at an ASCII byte,
    /// which is never inside a multi-byte UTF-8 character and ends any broken one: the ranges are checked
    /// or counted apart exactly as the whole would be.
    static func asciiAlignedRanges(_ all: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = all.count
        let parts = n < 1 << 22 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        var bounds = [0]
        for k in 1..<max(1, parts) {
            var at = n * k / parts
            while at < n, all[at] >= 0x80 { at += 1 }
            if at > bounds[bounds.count - 1], at < n { bounds.append(at) }
        }
        bounds.append(n)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }
}
