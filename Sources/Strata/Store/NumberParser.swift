/// Parses decimal numbers straight from UTF-8 bytes, without making a String, giving exactly the
/// Double that Swift's `Double(String)` gives (the rare hard cases are handed to it).
enum NumberParser {
    static let exact: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// `[sign] digits [. digits] [e [sign] digits] [万|亿]`, surrounded by optional spaces; nil if not a number.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start, e = end
        while i < e, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        while e > i, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        guard i < e else { return nil }
        var scale = 1.0
        // 万 = E4 B8 87, 亿 = E4 BA BF
        if e - i >= 4, p[e - 3] == 0xE4 {
            if p[e - 2] == 0xB8, p[e - 1] == 0x87 { scale = 1e4; e -= 3 }
            else if p[e - 2] == 0xBA, p[e - 1] == 0xBF { scale = 1e8; e -= 3 }
        }
        let numStart = i
        var negative = false
        if p[i] == 0x2D || p[i] == 0x2B { negative = p[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0, exp10 = 0
        var sawDigit = false
        while i < e, p[i] &- 0x30 < 10 {
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                if mantissa != 0 { significant += 1 }
            } else {
                exp10 += 1
            }
            digits += 1
            i += 1
        }
        if i < e, p[i] == 0x2E {
            i += 1
            while i < e, p[i] &- 0x30 < 10 {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                    if mantissa != 0 { significant += 1 }
                    exp10 -= 1
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < e, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            var expNeg = false
            if i < e, p[i] == 0x2D || p[i] == 0x2B { expNeg = p[i] == 0x2D; i += 1 }
            var x = 0
            var any = false
            while i < e, p[i] &- 0x30 < 10 {
                if x < 100_000 { x = x * 10 + Int(p[i] &- 0x30) }
                any = true
                i += 1
            }
            guard any else { return nil }
            exp10 += expNeg ? -x : x
        }
        guard i == e else { return nil }
        var value: Double
        if significant <= 15, mantissa < (1 << 53), exp10 >= -22, exp10 <= 22 {
            value = Double(mantissa)
            value = exp10 >= 0 ? value * exact[exp10] : value / exact[-exp10]
        } else {
            // Correctly rounding the long or extreme cases is the standard library's job.
            guard let d = Double(String(decoding: UnsafeBufferPointer(rebasing: p[numStart..<e]), as: UTF8.self)) else { return nil }
            value = Swift.abs(d)
        }
        if negative { value = -value }
        return value.isFinite ? value * scale : nil
    }

    /// Whether the cell (trimmed) is an integer with a leading zero ("007") or of 11+ digits (phones, IDs):
    /// such values are identifiers, not quantities.
    static func looksLikeIdentifier(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start, e = end
        while i < e, p[i] == 0x20 { i += 1 }
        while e > i, p[e - 1] == 0x20 { e -= 1 }
        guard i < e else { return false }
        if p[i] == 0x2B { i += 1 }  // +86…
        var n = 0
        var j = i
        while j < e, p[j] &- 0x30 < 10 { n += 1; j += 1 }
        guard j == e, n > 0 else { return false }
        return (n >= 2 && p[i] == 0x30) || n >= 11
    }
}
