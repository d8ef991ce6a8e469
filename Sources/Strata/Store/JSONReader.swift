/// A small JSON reader over bytes for customer exports: a top-level array of flat objects, or one
/// object per line (JSON Lines). Errors name the line; nested values are refused with the field's name.
struct JSONReader {
    let p: UnsafeBufferPointer<UInt8>
    let file: String
    var i = 0
    var line = 1
    /// Types a `schema` declares, by field name: those columns are read as that type, not inferred.
    var declared: [String: ValueType] = [:]

    init(p: UnsafeBufferPointer<UInt8>, file: String) {
        self.p = p
        self.file = file
    }

    enum Cell {
        case null
        case bool(Bool)
        /// A number and its text as written (used when the column ends up as text).
        case number(Double, String)
        case string(String)
    }

    func fail(_ text: LoadText, field: String? = nil, _ slots: [String: Slot] = [:]) -> LoadError {
        LoadError(file: file, line: line, field: field, text(slots))
    }

    mutating func skipSpace(newlines: Bool = true) {
        while i < p.count {
            let b = p[i]
            if b == 0x0A {
                guard newlines else { return }
                line += 1
            } else if b != 0x20, b != 0x09, b != 0x0D {
                return
            }
            i += 1
        }
    }

    mutating func read(tableName: String, lines: Bool) throws(LoadError) -> Table {
        var names: [String] = []
        var index: [String: Int] = [:]
        var columns: [[Cell]] = []
        var rows = 0
        // The line each row starts on, for the load's warning about cells not of their column's type.
        var rowLines: [Int] = []
        func add(_ object: [(String, Cell)]) {
            for (key, cell) in object {
                let k: Int
                if let existing = index[key] {
                    k = existing
                } else {
                    k = names.count
                    index[key] = k
                    names.append(key)
                    columns.append([Cell](repeating: .null, count: rows))
                }
                while columns[k].count < rows { columns[k].append(.null) }
                if columns[k].count == rows { columns[k].append(cell) } else { columns[k][rows] = cell }
            }
            rows += 1
            for k in columns.indices where columns[k].count < rows { columns[k].append(.null) }
        }
        if lines {
            while true {
                skipSpace()
                if i >= p.count { break }
                rowLines.append(line)
                add(try object())
                skipSpace(newlines: false)
                if i < p.count, p[i] != 0x0A { throw fail(.jsonEndOfLine) }
            }
        } else {
            skipSpace()
            guard i < p.count else { throw fail(.emptyJSON) }
            guard p[i] == UInt8(ascii: "[") else { throw fail(.jsonArrayExpected) }
            i += 1
            skipSpace()
            if i < p.count, p[i] == UInt8(ascii: "]") {
                i += 1
            } else {
                while true {
                    skipSpace()
                    rowLines.append(line)
                    add(try object())
                    skipSpace()
                    guard i < p.count else { throw fail(.jsonArrayNotClosed) }
                    if p[i] == UInt8(ascii: ",") { i += 1; continue }
                    if p[i] == UInt8(ascii: "]") { i += 1; break }
                    throw fail(.jsonCommaOrBracket)
                }
            }
            skipSpace()
            if i < p.count { throw fail(.jsonTextAfterArray) }
        }
        let read = zip(names, columns).map { JSONReader.column($0, $1, rows: rows, declared: declared[$0], lines: rowLines) }
        let built = read.map(\.column)
        var table = Table(name: tableName, columns: built, rowCount: rows, source: file)
        for r in read {
            if let u = r.unread { table.unreadCells[r.column.name] = u }
            if let w = r.wide { table.wideIntegers[r.column.name] = w }
        }
        table.timesDropped = zip(built, columns).compactMap { column, cells in
            column.type == .date && cells.contains { cell in
                guard case .string(let s) = cell else { return false }
                return s.utf8.withContiguousStorageIfAvailable { ColumnStats.hasTime($0, 0, $0.count) } ?? false
            } ? column.name : nil
        }
        return table
    }

    mutating func object() throws(LoadError) -> [(String, Cell)] {
        guard i < p.count, p[i] == UInt8(ascii: "{") else { throw fail(.jsonObjectExpected) }
        i += 1
        var out: [(String, Cell)] = []
        skipSpace()
        if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; return out }
        while true {
            skipSpace()
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw fail(.jsonFieldNameExpected) }
            let key = try string()
            skipSpace()
            guard i < p.count, p[i] == UInt8(ascii: ":") else { throw fail(.jsonColonExpected, field: key) }
            i += 1
            skipSpace()
            out.append((key, try value(field: key)))
            skipSpace()
            guard i < p.count else { throw fail(.jsonObjectNotClosed) }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            if p[i] == UInt8(ascii: "}") { i += 1; return out }
            throw fail(.jsonCommaOrBrace, field: key, ["field": .text(key)])
        }
    }

    mutating func value(field: String) throws(LoadError) -> Cell {
        guard i < p.count else { throw fail(.jsonValueExpected, field: field, ["field": .text(field)]) }
        switch p[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw fail(.jsonNested, field: field, ["field": .text(field), "what": .message(p[i] == UInt8(ascii: "{") ? LoadText.jsonObject.message : LoadText.jsonArray.message)])
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            let s = i
            while i < p.count, JSONReader.isNumberByte(p[i]) { i += 1 }
            guard s < i, let d = NumberParser.parse(p, s, i) else { throw fail(.jsonNotJSON, field: field, ["field": .text(field)]) }
            return .number(d, String(decoding: UnsafeBufferPointer(rebasing: p[s..<i]), as: UTF8.self))
        }
    }

    static func isNumberByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45
    }

    mutating func literal(_ word: String) throws(LoadError) {
        for b in word.utf8 {
            guard i < p.count, p[i] == b else { throw fail(.jsonWordExpected, ["word": .text(word)]) }
            i += 1
        }
    }

    mutating func string() throws(LoadError) -> String {
        i += 1
        var bytes: [UInt8] = []
        while true {
            guard i < p.count, p[i] != 0x0A else { throw fail(.jsonStringNotClosed) }
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b != UInt8(ascii: "\\") { bytes.append(b); i += 1; continue }
            i += 1
            guard i < p.count else { throw fail(.jsonStringNotClosed) }
            let e = p[i]
            i += 1
            if e == UInt8(ascii: "u") {
                guard let (scalar, length) = JSONEscape.scalar(p, at: i) else { throw fail(.jsonEscape) }
                i += length
                bytes.append(contentsOf: Array(String(scalar).utf8))
            } else {
                // Unknown escapes are read as the character itself: an export is read, not judged.
                bytes.append(JSONEscape.single(e) ?? e)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A column read from JSON cells: the column, the cells not of its type read as null, and the first
    /// integer beyond 2⁵³ when that made it text.
    struct Read {
        var column: Column
        var unread: UnreadCells?
        var wide: TypeNote?
    }

    /// Whether a JSON number, as written, is an integer beyond 2⁵³ (17–19 digit order and account
    /// numbers): no Double holds it exactly. 2⁵³ + 1 rounds down to 2⁵³, so the text is compared, not the Double.
    static func isWide(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { NumberParser.beyondExact($0, 0, $0.count) }
    }

    /// A typed column from JSON cells, by the same rules as CSV columns: JSON numbers make a number
    /// column, strings that are dates a date column, each allowing a few cells that are not
    /// (`ColumnStats.tolerates`); a declared type reads every cell as that type.
    static func column(_ name: String, _ cells: [Cell], rows: Int, declared: ValueType?, lines: [Int]) -> Read {
        if let t = declared { return declaredColumn(name, cells, rows: rows, type: t, lines: lines) }
        var numbers = 0, numberMisses = 0, dates = 0, dateMisses = 0
        var maybeNumber = true, maybeDate = true, bools = true, any = false
        var wide: TypeNote?
        var firstNumberMiss: Int?, firstDateMiss: Int?
        for (r, c) in cells.enumerated() {
            var isNumber = false, isDate = false
            switch c {
            case .null: continue
            case .number(_, let text):
                isNumber = true
                bools = false
                if wide == nil, isWide(text) { wide = TypeNote(line: r < lines.count ? lines[r] : 0, cell: text, expected: .exactNumber, seen: 0) }
            case .bool: break
            case .string(let s):
                bools = false
                isDate = CivilDate.parse(s) != nil
            }
            any = true
            if maybeNumber {
                if isNumber { numbers += 1 } else {
                    numberMisses += 1
                    if firstNumberMiss == nil { firstNumberMiss = r }
                    maybeNumber = ColumnStats.tolerates(misses: numberMisses, seen: numbers)
                }
            }
            if maybeDate {
                if isDate { dates += 1 } else {
                    dateMisses += 1
                    if firstDateMiss == nil { firstDateMiss = r }
                    maybeDate = ColumnStats.tolerates(misses: dateMisses, seen: dates)
                }
            }
        }
        let numberFits = maybeNumber && numbers > 0 && (numberMisses == 0 || numbers >= ColumnStats.leastValues)
        let dateFits = maybeDate && dates > 0 && (dateMisses == 0 || dates >= ColumnStats.leastValues)
        let type: ValueType = !any ? .string
            : numberFits ? (wide != nil || ColumnStats.isIdentifierName(name) ? .string : .number)
            : bools ? .bool : dateFits ? .date : .string
        let column = Column.build(named: name, type: type, count: rows) { r in
            guard r < cells.count else { return .null }
            switch cells[r] {
            case .null: return .null
            case .bool(let b): return type == .bool ? .bool(b) : type == .string ? .string(b ? "true" : "false") : .null
            case .number(let d, let text): return type == .number ? .number(d) : type == .string ? .string(text) : .null
            case .string(let s): return type == .date ? (CivilDate.parse(s).map(Value.date) ?? .null) : type == .string ? .string(s) : .null
            }
        }
        let miss = type == .number ? (numberMisses, firstNumberMiss) : type == .date ? (dateMisses, firstDateMiss) : (0, nil)
        var unread: UnreadCells?
        if miss.0 > 0, let r = miss.1 {
            unread = UnreadCells(count: miss.0, line: r < lines.count ? lines[r] : 0, cell: text(cells[r]), type: type, declared: false)
        }
        return Read(column: column, unread: unread, wide: type == .string && !ColumnStats.isIdentifierName(name) ? wide : nil)
    }

    /// A cell as written, for messages.
    static func text(_ c: Cell) -> String {
        switch c {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let t): return t
        case .string(let s): return String(s.prefix(40))
        }
    }

    /// A column of the type a `schema` declares: each cell read as that type (text through the loader's
    /// number, date and yes/no forms), null and counted when it is not one.
    static func declaredColumn(_ name: String, _ cells: [Cell], rows: Int, type: ValueType, lines: [Int]) -> Read {
        var misses = 0
        var first: Int?
        var values = [Value](repeating: .null, count: rows)
        for (r, c) in cells.enumerated() where r < rows {
            let v: Value
            switch (type, c) {
            case (_, .null): continue
            case (.number, .number(let d, let text)): v = isWide(text) ? .null : .number(d)
            case (.number, .string(let s)): v = NumberParser.number(in: s).map(Value.number) ?? .null
            case (.date, .string(let s)): v = CivilDate.parse(s).map(Value.date) ?? .null
            case (.bool, .bool(let b)): v = .bool(b)
            case (.bool, .string(let s)):
                let bytes = Array(s.utf8)
                v = bytes.withUnsafeBufferPointer { ColumnStats.isBool($0, 0, $0.count) }.map(Value.bool) ?? .null
            case (.string, _), (.duration, _), (.null, _): v = .string(c.string)
            case (.number, .bool), (.date, .number), (.date, .bool), (.bool, .number): v = .null
            }
            if v.isNull {
                misses += 1
                if first == nil { first = r }
            }
            values[r] = v
        }
        let t: ValueType = type == .duration || type == .null ? .string : type
        let column = Column.build(named: name, type: t, count: rows) { values[$0] }
        var unread: UnreadCells?
        if misses > 0, let r = first {
            // When no cell is of the type, the message says what they are.
            let found = values.allSatisfy(\.isNull) ? JSONReader.column(name, cells, rows: rows, declared: nil, lines: lines).column.type : nil
            unread = UnreadCells(count: misses, line: r < lines.count ? lines[r] : 0, cell: text(cells[r]), type: t, declared: true, found: found)
        }
        return Read(column: column, unread: unread, wide: nil)
    }
}

extension JSONReader.Cell {
    /// The cell as text, in full: a string field reads numbers and truth values as they were written.
    var string: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let t): return t
        case .string(let s): return s
        }
    }
}
