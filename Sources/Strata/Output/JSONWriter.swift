/// JSON output: an array of objects, one per line, keys in header order.
public enum JSONWriter {
    /// `[\n{...},\n{...}\n]\n`; numbers as `ValueFormat.text`, dates and durations as strings, null as `null`.
    public static func render(headers: [String], rows: [[Value]]) -> String {
        var out = "[\n"
        appendRows(rows, rows.indices, keys: headers.map(quote), to: &out)
        out += "]\n"
        return out
    }

    /// Appends the objects of `rows[range]` (an export writes a chunk at a time); each but the very last
    /// row of `rows` ends with a comma. `keys` are the headers, quoted.
    public static func appendRows(_ rows: [[Value]], _ range: Range<Int>, keys: [String], to out: inout String) {
        for r in range {
            let row = rows[r]
            out += "{"
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                out += key
                out += ":"
                out += literal(i < row.count ? row[i] : .null)
            }
            out += r == rows.count - 1 ? "}\n" : "},\n"
        }
    }

    /// One value as a JSON literal.
    public static func literal(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        // ValueFormat gives "null" for NaN and infinities, which is exactly the JSON we want for them.
        case .number(let d): return ValueFormat.number(d)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return quote(s)
        case .date, .duration: return quote(ValueFormat.text(v))
        }
    }

    /// A JSON string literal: escapes quotes, backslashes and control characters; other text stays UTF-8.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            // U+2028/2029 are legal JSON but end lines in JavaScript; escaping keeps the output embeddable.
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if ch.value < 0x20 {
                    out += "\\u00" + hex2(ch.value)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }

    private static func hex2(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(v >> 4) & 15]) + String(digits[Int(v) & 15])
    }
}
