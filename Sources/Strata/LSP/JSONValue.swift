/// A JSON value as the language server reads and writes it. Objects have no order of their own: they are
/// written with sorted keys, so a recorded session is the same bytes on every run.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An integer as a JSON number (positions, ids, kinds).
    public static func int(_ i: Int) -> JSONValue { .number(Double(i)) }

    /// The member `key` of an object; nil for a missing member or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let o) = self else { return nil }
        return o[key]
    }

    /// The text of a string value.
    public var string: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    /// A number that is a whole number a Swift `Int` holds exactly (positions, versions, kinds).
    public var int: Int? {
        guard case .number(let d) = self, d.rounded() == d, abs(d) < 9e15 else { return nil }
        return Int(d)
    }

    /// The truth value of a boolean.
    public var bool: Bool? {
        guard case .bool(let b) = self else { return nil }
        return b
    }

    /// The elements of an array.
    public var array: [JSONValue]? {
        guard case .array(let a) = self else { return nil }
        return a
    }

    /// Compact JSON text, object keys sorted by their UTF-8 bytes.
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the compact JSON text of this value.
    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.numberText(d)
        case .string(let s): out += JSONWriter.quote(s)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            // Byte order, not Swift's String order (which compares Unicode canonical forms), so the order
            // is the same as any other tool's sort of the keys.
            for (i, key) in o.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { out += "," }
                out += JSONWriter.quote(key)
                out += ":"
                o[key]?.write(to: &out)
            }
            out += "}"
        }
    }

    /// Whole numbers print without a fraction (`3`, not `3.0`); JSON has no NaN or infinity, so those are null.
    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d.rounded() == d, abs(d) < 9e15 { return String(Int(d)) }
        return "\(d)"
    }
}

/// Why a message body is not JSON, with the byte offset where reading stopped.
public struct JSONParseError: Error, Sendable, Hashable {
    public var message: String
    public var offset: Int
}

/// Reads one JSON document (RFC 8259) from UTF-8 bytes. Strict about the grammar, bounded in depth so
/// no input can exhaust the stack, and never traps: every malformed input is a `JSONParseError`.
public struct JSONParser {
    /// Deeper nesting is refused: no LSP message needs more than a dozen levels.
    public static let maxDepth = 128

    private let bytes: [UInt8]
    private var i = 0

    /// Parses `bytes` as one JSON value with nothing but whitespace after it.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        if let bad = UTF8Validation.firstInvalid(bytes) {
            throw JSONParseError(message: "the message is not UTF-8", offset: bad)
        }
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw p.fail("unexpected text after the JSON value") }
        return v
    }

    /// Parses a string's UTF-8 bytes.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: i) }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < JSONParser.maxDepth else { throw fail("JSON nested deeper than \(JSONParser.maxDepth) levels") }
        guard i < bytes.count else { throw fail("the JSON ends where a value is expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var out: [String: JSONValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected `:` after a member name") }
            i += 1
            skipSpace()
            out[key] = try value(depth: depth + 1)
            skipSpace()
            guard i < bytes.count else { throw fail("the object is never closed with `}`") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
            throw fail("expected `,` or `}` in an object")
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var out: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
        while true {
            skipSpace()
            out.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw fail("the array is never closed with `]`") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
            throw fail("expected `,` or `]` in an array")
        }
    }

    private mutating func word(_ w: StaticString) throws(JSONParseError) {
        let start = i
        for b in UnsafeBufferPointer(start: w.utf8Start, count: w.utf8CodeUnitCount) {
            guard i < bytes.count, bytes[i] == b else {
                i = start
                throw fail("not a JSON value")
            }
            i += 1
        }
    }

    private mutating func digits() -> Int {
        let start = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        return i - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as the grammar says (no `+1`, `.5`, `01`).
    private mutating func number() throws(JSONParseError) -> Double {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let lead = i
        guard digits() > 0 else { i = start; throw fail("not a JSON value") }
        if bytes[lead] == UInt8(ascii: "0"), i - lead > 1 { throw fail("a number with a leading zero") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("a number needs digits after `.`") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
        // The text is ASCII digits and signs checked above, so Double always reads it (huge ones as infinity).
        return Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? .nan
    }

    private mutating func string() throws(JSONParseError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            // Runs of plain bytes are copied at once: a document's whole text arrives as one string.
            let run = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
            out.append(contentsOf: bytes[run..<i])
            guard i < bytes.count else { throw fail("a string is never closed") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            guard b == UInt8(ascii: "\\") else { throw fail("a control character inside a string must be escaped") }
            i += 1
            guard i < bytes.count else { throw fail("a string is never closed") }
            let e = bytes[i]
            i += 1
            if let single = JSONEscape.single(e) {
                out.append(single)
                continue
            }
            guard e == UInt8(ascii: "u") else { throw fail("`\\\(Unicode.Scalar(e))` is not a JSON escape") }
            guard let (scalar, length) = bytes.withUnsafeBufferPointer({ JSONEscape.scalar($0, at: i) }) else {
                throw fail("a \\u escape needs four hex digits")
            }
            i += length
            out.append(contentsOf: Array(String(scalar).utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
