/// Escaping for text placed in HTML (and the SVG inside it): every name, value, path and rule line the
/// report prints goes through here, so data such as `<script>` shows as text and never runs.
public enum HTMLEscape {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities; safe in element content and in
    /// a quoted attribute. Control characters other than tab and newline become U+FFFD so a stray byte
    /// in the data cannot make the document invalid.
    public static func text(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                out.unicodeScalars.append(u.value < 0x20 || u.value == 0x7f ? "\u{FFFD}" : u)
            }
        }
        return out
    }
}
