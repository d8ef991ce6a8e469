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
        // `1e305亿` overflows only once scaled: a cell is a number only when the number it means is finite.
        let scaled = value * scale
        return scaled.isFinite ? scaled : nil
    }

    /// Whether the cell (trimmed) is an integer with a leading zero ("007") or of 11+ digits (phones, IDs),
    /// or a negative integer beyond 2⁵³: such values are identifiers, not quantities, or have no exact number.
    static func looksLikeIdentifier(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start, e = end
        while i < e, p[i] == 0x20 { i += 1 }
        while e > i, p[e - 1] == 0x20 { e -= 1 }
        guard i < e else { return false }
        if p[i] == 0x2D { return beyondExact(p, i, e) }
        if p[i] == 0x2B { i += 1 }  // +86…
        var n = 0
        var j = i
        while j < e, p[j] &- 0x30 < 10 { n += 1; j += 1 }
        guard j == e, n > 0 else { return false }
        return (n >= 2 && p[i] == 0x30) || n >= 11
    }

    /// Whether the cell (trimmed) is an integer, written without point or exponent, whose magnitude is
    /// beyond 2⁵³ = 9007199254740992: no Double holds every such integer, so 17–19 digit member and card
    /// numbers would be rounded (two of them comparing equal).
    static func beyondExact(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start, e = end
        while i < e, p[i] == 0x20 { i += 1 }
        while e > i, p[e - 1] == 0x20 { e -= 1 }
        if i < e, p[i] == 0x2D || p[i] == 0x2B { i += 1 }
        while i < e - 1, p[i] == 0x30 { i += 1 }
        let n = e - i
        guard n >= 16 else { return false }
        for k in i..<e where p[k] &- 0x30 >= 10 { return false }
        guard n == 16 else { return true }
        let limit: StaticString = "9007199254740992"
        let l = limit.utf8Start
        for k in 0..<16 where p[i + k] != l[k] { return p[i + k] > l[k] }
        return false
    }

    /// The number forms of analysts' exports that `parse` refuses: a currency sign (`¥`, `￥`, `$`),
    /// thousands separators in properly grouped form (`1,234,567`), a percent sign (`85%` is 0.85) and
    /// full-width digits and point (`１２３．５`). Called only after `parse` failed, so plain numbers pay nothing.
    /// The cell is rewritten to the plain form and parsed by `parse`, so the value is exactly the one
    /// the plain spelling gives. `identifier` tells whether the plain form is identifier-like
    /// (`０１２`); a cell with a currency sign, separators or percent is a quantity, unless it is an
    /// integer beyond 2⁵³ (`wide`), which would be rounded.
    static func parseLoose(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (value: Double, identifier: Bool, wide: Bool)? {
        var i = start, e = end
        while i < e, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        while e > i, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        guard i < e, e - i <= 64 else { return nil }
        // Only cells that have a byte plain numbers never hold are worth rewriting; this also keeps
        // ordinary text from being copied.
        var plain: [UInt8] = []
        plain.reserveCapacity(e - i + 3)
        var quantity = false, percent = false, changed = false
        func sign() {
            if i < e, p[i] == 0x2D || p[i] == 0x2B { plain.append(p[i]); i += 1 }
        }
        sign()
        // ¥ = C2 A5, ￥ = EF BF A5
        if i < e, p[i] == 0x24 { i += 1; quantity = true }
        else if e - i >= 2, p[i] == 0xC2, p[i + 1] == 0xA5 { i += 2; quantity = true }
        else if e - i >= 3, p[i] == 0xEF, p[i + 1] == 0xBF, p[i + 2] == 0xA5 { i += 3; quantity = true }
        if quantity, plain.isEmpty { sign() }
        // % and ％ (EF BC 85) at the end; 万/亿 are left for `parse`.
        if e > i, p[e - 1] == 0x25 { e -= 1; percent = true }
        else if e - i >= 3, p[e - 3] == 0xEF, p[e - 2] == 0xBC, p[e - 1] == 0x85 { e -= 3; percent = true }
        // Digits before the point, counted per group between separators.
        var groups: [Int] = [0]
        var inFraction = false
        while i < e {
            let b = p[i]
            if b &- 0x30 < 10 {
                plain.append(b)
                if !inFraction { groups[groups.count - 1] += 1 }
                i += 1
            } else if e - i >= 3, b == 0xEF, p[i + 1] == 0xBC, p[i + 2] &- 0x90 < 10 {
                // Full-width ０…９ are EF BC 90…99.
                plain.append(0x30 + (p[i + 2] - 0x90))
                if !inFraction { groups[groups.count - 1] += 1 }
                i += 3; changed = true
            } else if e - i >= 3, b == 0xEF, p[i + 1] == 0xBC, p[i + 2] == 0x8E, !inFraction {
                // Full-width point ．
                plain.append(0x2E); inFraction = true
                i += 3; changed = true
            } else if b == 0x2C, !inFraction {
                groups.append(0)
                i += 1
            } else if b == 0x2E, !inFraction {
                plain.append(b); inFraction = true; i += 1
            } else {
                // 万/亿, an exponent or anything else: copied as is and judged by `parse`.
                plain.append(b); i += 1
                if b >= 0x80 || b == 0x65 || b == 0x45 { inFraction = true }
            }
        }
        if groups.count > 1 {
            // `1,234,567`: a first group of 1–3 digits not starting with 0, then groups of exactly three.
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
            let first = plain.first == 0x2D || plain.first == 0x2B ? 1 : 0
            guard plain.count > first, plain[first] != 0x30 else { return nil }
            quantity = true
        }
        guard quantity || percent || changed else { return nil }
        if percent {
            // As an exponent, so `33.3%` is exactly the Double of 0.333; 85万% is not a number.
            guard !plain.contains(where: { $0 >= 0x80 || $0 == 0x65 || $0 == 0x45 }) else { return nil }
            plain.append(contentsOf: [0x65, 0x2D, 0x32])
        }
        return plain.withUnsafeBufferPointer { q in
            guard let v = parse(q, 0, q.count) else { return nil }
            let wide = !percent && beyondExact(q, 0, q.count)
            return (v, wide || (!quantity && !percent && looksLikeIdentifier(q, 0, q.count)), wide)
        }
    }

    /// Text read as a number the way the loader reads a cell (`1,200`, `¥3万`, `85%`, `１２３`, `007` is 7),
    /// for a declared number field and the `number(x)` function; nil when it is none, or an integer
    /// beyond 2⁵³, which no number holds exactly.
    static func number(in text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { q -> Double? in
            if let v = parse(q, 0, q.count) { return beyondExact(q, 0, q.count) ? nil : v }
            guard let loose = parseLoose(q, 0, q.count), !loose.wide else { return nil }
            return loose.value
        }
    }
}
