/// UTF-8 validation shared by the rule-file reader and the data loaders.
public enum UTF8Validation {
    /// The offset of the first byte that breaks UTF-8 in `bytes`, or nil for valid UTF-8.
    public static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalid($0) }
    }

    /// The same over a buffer, on one core.
    public static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Most of a CRM export is ASCII: skip eight bytes at a time while no high bit is set.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            // Chinese text is three-byte sequences: checked here without the general loop.
            if c & 0xF0 == 0xE0, i + 2 < n {
                let c1 = b[i + 1], c2 = b[i + 2]
                if c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, (c != 0xE0 || c1 >= 0xA0), (c != 0xED || c1 < 0xA0) {
                    i += 3
                    continue
                }
            }
            guard let length = sequenceLength(b, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence that starts at `i` (a byte at or above 0x80), or nil
    /// when UTF-8 breaks there: a stray continuation byte, a sequence cut short, an overlong form, a
    /// surrogate or a value past U+10FFFF.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let c = b[i]
        var need = 0
        var min: UInt32 = 0
        var v: UInt32 = 0
        if c & 0xE0 == 0xC0 { need = 1; min = 0x80; v = UInt32(c & 0x1F) }
        else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; v = UInt32(c & 0x0F) }
        else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; v = UInt32(c & 0x07) }
        else { return nil }
        guard i + need < b.count else { return nil }
        for k in 1...need {
            let d = b[i + k]
            guard d & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(d & 0x3F)
        }
        if v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return nil }
        return need + 1
    }

    /// Whole-text evidence of how much of it is UTF-8: the well-formed multi-byte characters, and the
    /// places where UTF-8 breaks (after each, counting resumes at the next byte). A UTF-8 export with a
    /// damaged cell has many of the first and a few of the second; Chinese text in GB18030 has several
    /// breaks for every sequence that happens to look like UTF-8.
    public static func census(_ b: UnsafeBufferPointer<UInt8>) -> (multiByte: Int, broken: Int) {
        var multiByte = 0, broken = 0
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // ASCII runs eight bytes at a time, as in `firstInvalid`.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            if b[i] < 0x80 { i += 1; continue }
            if let length = sequenceLength(b, at: i) {
                multiByte += 1
                i += length
            } else {
                broken += 1
                i += 1
            }
        }
        return (multiByte, broken)
    }
}
