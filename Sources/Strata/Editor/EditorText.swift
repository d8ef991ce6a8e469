/// Text around the cursor. (A line and column become the UTF-8 offset the spans hold through `SourceFile.offset(of:)`.)
enum EditorText {
    /// The text before an offset (the cursor), cut at a scalar boundary.
    static func prefix(_ text: String, upTo offset: Int) -> String {
        var at = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = UTF8.width(s)
            guard at + w <= offset else { break }
            out.append(s)
            at += w
        }
        return String(out)
    }
}
