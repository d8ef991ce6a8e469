#if canImport(Glibc)
import Glibc
#endif

/// A data file's bytes as UTF-8, the only text the readers parse: in the encoding the `load` names, or
/// else in the one the whole file shows (docs/language.md, "Encodings"). Conversion is glibc's iconv.
enum TextDecoding {
    /// UTF-8 bytes (a leading BOM is left for the reader to skip) and, when the encoding was detected
    /// rather than named and is not UTF-8, which one it was: the load says so in a notice.
    struct Decoded {
        var bytes: [UInt8]
        var detected: TextEncoding?
    }

    /// For each invalid byte, at least this many well-formed multi-byte UTF-8 characters make a file
    /// "UTF-8 with a damaged cell" rather than another encoding. Chinese text in GB18030 shows about one
    /// UTF-8-looking sequence for every five breaks; a damaged UTF-8 export, thousands per break.
    static let utf8Majority = 4

    /// The bytes as UTF-8. `encoding` nil detects: a UTF-16 byte order mark, else UTF-8 when the whole
    /// file is, else GB18030 when the whole file reads as GB18030 and is not mostly UTF-8; anything
    /// else is an error naming the line of the first byte that breaks UTF-8.
    static func decode(_ bytes: [UInt8], name: String, encoding: TextEncoding?) throws(LoadError) -> Decoded {
        try bytes.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(LoadError) -> Decoded in
            guard let named = encoding else { return try detect(bytes, all, name: name) }
            guard named != .utf8 else {
                if let bad = TableLoader.firstInvalidUTF8(inParallel: all) {
                    let line = lineOf(offset: bad, in: all)
                    throw LoadError(file: name, line: line, message: "the file is not UTF-8 as its load says: line \(line) has bytes that are not (\(hex(all[bad])))")
                }
                return Decoded(bytes: bytes, detected: nil)
            }
            try refuseIfPlainlyUTF8(all, named: named, name: name)
            return Decoded(bytes: try convert(all, from: named, name: name, named: true), detected: nil)
        }
    }

    /// A file named GB18030 (GBK, GB2312) or UTF-16 that is plainly UTF-8 — say a UTF-8 export given with
    /// `--data` to a load that names GBK — would convert into a table of nonsense without a word: refused.
    /// Plainly UTF-8: valid throughout and, against GB18030, with a few multi-byte characters (GB18030
    /// Chinese text is almost never valid UTF-8 for four characters); against UTF-16, without a zero byte
    /// (UTF-16 writes every comma, tab and line break with one).
    static func refuseIfPlainlyUTF8(_ all: UnsafeBufferPointer<UInt8>, named: TextEncoding, name: String) throws(LoadError) {
        guard TableLoader.firstInvalidUTF8(inParallel: all) == nil else { return }
        let plainly = named.isUTF16 ? !all.contains(0) : UTF8Validation.census(all).multiByte >= utf8Majority
        guard plainly else { return }
        throw LoadError(file: name, message: "the file is UTF-8, not \(named.displayName) as its load says; drop `encoding \"\(named.rawValue)\"` from the load")
    }

    /// The encoding decided on the whole file, never on a prefix.
    static func detect(_ bytes: [UInt8], _ all: UnsafeBufferPointer<UInt8>, name: String) throws(LoadError) -> Decoded {
        if let utf16 = utf16ByteOrderMark(all) ?? utf16WithoutMark(all) {
            return Decoded(bytes: try convert(all, from: utf16, name: name, named: false), detected: utf16)
        }
        guard let bad = TableLoader.firstInvalidUTF8(inParallel: all) else { return Decoded(bytes: bytes, detected: nil) }
        let line = lineOf(offset: bad, in: all)
        let census = UTF8Validation.census(all)
        let mostlyUTF8 = census.multiByte >= utf8Majority * census.broken
        if !mostlyUTF8, case .success(let converted) = iconv(all, from: TextEncoding.gb18030) {
            return Decoded(bytes: converted, detected: .gb18030)
        }
        if census.multiByte > census.broken {
            throw LoadError(file: name, line: line, message: "the file is UTF-8 but line \(line) has bytes that are not (\(hex(all[bad]))); fix or re-save that line")
        }
        throw LoadError(file: name, line: line, message: "the file is neither UTF-8 nor GB18030 (line \(line) has the byte \(hex(all[bad]))); save it as UTF-8 (in Excel: CSV UTF-8)")
    }

    /// UTF-16 with its byte order mark (what Excel's "Unicode text" writes), nil without one. FF FE
    /// and FE FF cannot begin UTF-8 or GB18030 text, so the mark is never a guess.
    static func utf16ByteOrderMark(_ all: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard all.count >= 2 else { return nil }
        switch (all[0], all[1]) {
        case (0xFF, 0xFE): return .utf16le
        case (0xFE, 0xFF): return .utf16be
        default: return nil
        }
    }

    /// UTF-16 without a byte order mark (Python's `utf-16-le`, .NET without a preamble), told by its first
    /// character: a header's first character is ASCII, whose UTF-16 form has one zero byte, and a zero
    /// byte never starts UTF-8 or GB18030 text.
    static func utf16WithoutMark(_ all: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard all.count >= 2, (all[0] == 0) != (all[1] == 0) else { return nil }
        return all[0] == 0 ? .utf16be : .utf16le
    }

    /// The text in `encoding` converted to UTF-8, or a load error at the line of the first byte that is
    /// not of that encoding. `named`: the `load` named it (the messages then say so).
    static func convert(_ all: UnsafeBufferPointer<UInt8>, from encoding: TextEncoding, name: String, named: Bool) throws(LoadError) -> [UInt8] {
        var encoding = encoding
        var body = all
        if encoding.isUTF16, let bom = utf16ByteOrderMark(all) {
            // The mark says the byte order; a load naming the other one is contradicted by the file.
            guard encoding == .utf16 || encoding == bom else {
                throw LoadError(file: name, line: 1, message: "the file starts with the byte order mark of \(bom.displayName), not \(encoding.displayName); say encoding \"utf-16\" on the load")
            }
            encoding = bom
            body = UnsafeBufferPointer(rebasing: all[2...])
        }
        switch iconv(body, from: encoding) {
        case .success(let out):
            return out
        case .failure(.noConverter):
            throw LoadError(file: name, message: "this system cannot convert \(encoding.displayName) text (iconv has no converter for it); save the file as UTF-8")
        case .failure(.badByte(let offset, let line)):
            let byte = offset < body.count ? hex(body[offset]) : "the end"
            var message = "the file is not \(encoding.displayName): line \(line) has bytes that are not (\(byte))"
            // A UTF-8 file given with `--data` to a load that names another encoding: say what it is.
            if named, TableLoader.firstInvalidUTF8(inParallel: all) == nil {
                message += "; the file is valid UTF-8: drop `encoding` from the load"
            }
            throw LoadError(file: name, line: line, message: message)
        case .failure(.cutShort(let line)):
            throw LoadError(file: name, line: line, message: "the file ends in the middle of a \(encoding.displayName) character; it may be cut short")
        }
    }

    /// Why iconv stopped: no converter on this system, a byte sequence the encoding does not have (its
    /// offset in the input, and its line: one more than the line breaks converted before it), or an
    /// input that ends inside a character.
    enum Failure: Error {
        case noConverter
        case badByte(offset: Int, line: Int)
        case cutShort(line: Int)
    }

    /// Converts with glibc's iconv into a buffer grown as needed (UTF-8 takes at most 1.5 times the bytes of
    /// GB18030 or UTF-16, so it rarely grows).
    static func iconv(_ input: UnsafeBufferPointer<UInt8>, from encoding: TextEncoding) -> Result<[UInt8], Failure> {
        guard let charset = encoding.iconvName else { return .success(Array(input)) }
        guard let base = input.baseAddress, !input.isEmpty else { return .success([]) }
        let cd = iconv_open("UTF-8", charset)
        guard Int(bitPattern: cd) != -1 else { return .failure(.noConverter) }
        defer { iconv_close(cd) }
        var capacity = input.count + input.count / 2 + 64
        var out = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { out.deallocate() }
        var used = 0
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        while inLeft > 0 {
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + used).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - used
            let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            used = capacity - outLeft
            guard r == -1 else { continue }
            let err = errno
            if err == E2BIG {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: out, count: used)
                out.deallocate()
                out = bigger
                capacity *= 2
                continue
            }
            let line = 1 + UnsafeBufferPointer(start: out, count: used).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(err == EINVAL ? .cutShort(line: line) : .badByte(offset: input.count - inLeft, line: line))
        }
        return .success(Array(UnsafeBufferPointer(start: out, count: used)))
    }

    /// The 1-based line of a byte offset in ASCII-compatible text (UTF-8, GB18030: a line break byte is
    /// never part of a character there).
    static func lineOf(offset: Int, in all: UnsafeBufferPointer<UInt8>) -> Int {
        1 + UnsafeBufferPointer(rebasing: all[..<min(offset, all.count)]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func hex(_ b: UInt8) -> String { "0x" + String(b, radix: 16, uppercase: true) }
}
