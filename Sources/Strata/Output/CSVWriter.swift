/// RFC 4180 CSV: a header row, LF line ends, UTF-8 without a byte-order mark.
public enum CSVWriter {
    /// The whole document; null cells are empty, other values use `ValueFormat.text`.
    public static func render(headers: [String], rows: [[Value]]) -> String {
        var out = ""
        appendRecord(headers, to: &out)
        appendRows(rows[...], to: &out)
        return out
    }

    /// Appends data rows (an export writes its rows a chunk at a time).
    public static func appendRows(_ rows: ArraySlice<[Value]>, to out: inout String) {
        for row in rows {
            appendRecord(row.map(ValueFormat.text), to: &out)
        }
    }

    /// One field, quoted when it holds a comma, a double quote, CR or LF (quotes inside are doubled).
    public static func field(_ s: String) -> String {
        guard needsQuotes(s) else { return s }
        var q = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) }
        }
        return q + "\""
    }

    /// Appends one record and its line end.
    public static func appendRecord(_ fields: [String], to out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += field(f)
        }
        out += "\n"
    }

    static func needsQuotes(_ s: String) -> Bool {
        for b in s.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
            return true
        }
        return false
    }
}
