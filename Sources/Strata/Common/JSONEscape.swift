/// The escapes of JSON strings, read the same way by the data loader's JSON reader and the
/// language server's message parser: a high surrogate joins a following low one; alone it is U+FFFD.
public enum JSONEscape {
    /// The byte a one-character escape stands for (`\n`, `\t`, `\r`, `\b`, `\f`, `\"`, `\\`, `\/`), or nil.
    public static func single(_ e: UInt8) -> UInt8? {
        switch e {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return e
        default: return nil
        }
    }

    /// The value of a hex digit (either case), or nil.
    public static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// The value of the four hex digits at `i`, or nil when there are not four.
    public static func hex4(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i >= 0, i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            guard let d = hexDigit(b[k]) else { return nil }
            v = v * 16 + d
        }
        return v
    }

    /// The scalar of the escape whose hex digits start at `i` (just after `\u`) and how many bytes it
    /// takes (4, or 10 for a surrogate pair `XXXX\uXXXX`); nil when the digits are not four hex digits.
    public static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard let v = hex4(b, at: i) else { return nil }
        if (0xD800...0xDBFF).contains(v), i + 5 < b.count, b[i + 4] == UInt8(ascii: "\\"), b[i + 5] == UInt8(ascii: "u"),
           let low = hex4(b, at: i + 6), (0xDC00...0xDFFF).contains(low) {
            return (Unicode.Scalar(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}", 10)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }
}
