import Foundation

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
                    throw LoadError(file: name, line: line, LoadText.notUTF8AsSaid(["line": "\(line)", "byte": .text(hex(all[bad]))]))
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
        let plainly = named.isUTF16 ? !all.contains(0) : TableLoader.utf8Census(inParallel: all).multiByte >= utf8Majority
        guard plainly else { return }
        throw LoadError(file: name, LoadText.utf8NotAsSaid(["encoding": .text(named.displayName), "name": .text(named.rawValue)]))
    }

    /// The encoding decided on the whole file, never on a prefix.
    static func detect(_ bytes: [UInt8], _ all: UnsafeBufferPointer<UInt8>, name: String) throws(LoadError) -> Decoded {
        if let utf16 = utf16ByteOrderMark(all) ?? utf16WithoutMark(all) {
            return Decoded(bytes: try convert(all, from: utf16, name: name, named: false), detected: utf16)
        }
        guard let bad = TableLoader.firstInvalidUTF8(inParallel: all) else { return Decoded(bytes: bytes, detected: nil) }
        let line = lineOf(offset: bad, in: all)
        let census = Trace.time("load: count UTF-8 evidence") { TableLoader.utf8Census(inParallel: all) }
        let mostlyUTF8 = census.multiByte >= utf8Majority * census.broken
        if !mostlyUTF8, case .success(let converted) = Trace.time("load: convert from GB18030", { iconv(all, from: TextEncoding.gb18030) }) {
            return Decoded(bytes: converted, detected: .gb18030)
        }
        if census.multiByte > census.broken {
            throw LoadError(file: name, line: line, LoadText.utf8DamagedLine(["line": "\(line)", "byte": .text(hex(all[bad]))]))
        }
        throw LoadError(file: name, line: line, LoadText.neitherUTF8NorGB18030(["line": "\(line)", "byte": .text(hex(all[bad]))]))
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
                throw LoadError(file: name, line: 1, LoadText.byteOrderMarkContradicts(["bom": .text(bom.displayName), "encoding": .text(encoding.displayName)]))
            }
            encoding = bom
            body = UnsafeBufferPointer(rebasing: all[2...])
        }
        switch Trace.time("load: convert from \(encoding.displayName)", { iconv(body, from: encoding) }) {
        case .success(let out):
            return out
        case .failure(.noConverter):
            throw LoadError(file: name, LoadText.noConverter(["encoding": .text(encoding.displayName)]))
        case .failure(.badByte(let offset, let line)):
            let byte: Slot = offset < body.count ? .text(hex(body[offset])) : .message(LoadText.endOfFile.message)
            // A UTF-8 file given with `--data` to a load that names another encoding: say what it is.
            let butUTF8 = named && TableLoader.firstInvalidUTF8(inParallel: all) == nil
            let text = butUTF8 ? LoadText.notInEncodingButUTF8 : LoadText.notInEncoding
            throw LoadError(file: name, line: line, text(["encoding": .text(encoding.displayName), "line": "\(line)", "byte": byte]))
        case .failure(.cutShort(let line)):
            throw LoadError(file: name, line: line, LoadText.cutShort(["encoding": .text(encoding.displayName)]))
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

    /// Where one part's conversion stopped: the offset in the part, the line breaks converted before it
    /// in the part, and whether the part ended inside a character.
    struct PartFailure: Error {
        var offset: Int
        var breaks: Int
        var cutShort: Bool
    }

    /// Converts with glibc's iconv, a part per core for a large input. Parts are cut just after a line
    /// break, which no GB18030 or UTF-16 character contains, and each is converted into its own region of
    /// one output buffer (UTF-8 never takes more than 1.5 times the bytes of GB18030 or UTF-16); the
    /// regions are then closed up, so the text is not copied again.
    static func iconv(_ input: UnsafeBufferPointer<UInt8>, from encoding: TextEncoding) -> Result<[UInt8], Failure> {
        guard let charset = encoding.iconvName else { return .success(Array(input)) }
        let probe = iconv_open("UTF-8", charset)
        guard Int(bitPattern: probe) != -1 else { return .failure(.noConverter) }
        iconv_close(probe)
        guard !input.isEmpty else { return .success([]) }
        let parts = lineAlignedRanges(input, encoding: encoding)
        var regions = [0]
        for p in parts { regions.append(regions[regions.count - 1] + p.count + p.count / 2 + 16) }
        let starts = regions
        var failure: Failure?
        let out = [UInt8](unsafeUninitializedCapacity: starts[starts.count - 1]) { buffer, initialized in
            nonisolated(unsafe) let whole = input, dest = buffer
            let results = Parallel.map(parts.count) { i -> Result<Int, PartFailure> in
                convertPart(UnsafeBufferPointer(rebasing: whole[parts[i]]), charset: charset,
                            into: UnsafeMutableBufferPointer(rebasing: dest[starts[i]..<starts[i + 1]]))
            }
            var used = 0
            for (i, result) in results.enumerated() {
                switch result {
                case .success(let n):
                    if used != starts[i], n > 0, let base = buffer.baseAddress { memmove(base + used, base + starts[i], n) }
                    used += n
                case .failure(let f):
                    let breaks = UnsafeBufferPointer(rebasing: buffer[..<used]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + f.breaks
                    // Only the last part can end inside a character; another part ends at a line break.
                    failure = f.cutShort && i == parts.count - 1 ? .cutShort(line: breaks + 1)
                        : .badByte(offset: parts[i].lowerBound + f.offset, line: breaks + 1)
                    initialized = used
                    return
                }
            }
            initialized = used
        }
        if let failure { return .failure(failure) }
        return .success(out)
    }

    /// One part through its own converter into `dest`, which has room for it; the bytes written.
    static func convertPart(_ input: UnsafeBufferPointer<UInt8>, charset: String, into dest: UnsafeMutableBufferPointer<UInt8>) -> Result<Int, PartFailure> {
        guard let inBase = input.baseAddress, let outBase = dest.baseAddress, !input.isEmpty else { return .success(0) }
        let cd = iconv_open("UTF-8", charset)
        guard Int(bitPattern: cd) != -1 else { return .failure(PartFailure(offset: 0, breaks: 0, cutShort: false)) }
        defer { iconv_close(cd) }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
        var outLeft = dest.count
        let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        let used = dest.count - outLeft
        guard r == -1 else { return .success(used) }
        // E2BIG cannot happen (the room is 1.5 times the input); were it to, it is reported as a bad byte, not trapped on.
        let cut = errno == EINVAL
        let breaks = UnsafeBufferPointer(rebasing: dest[..<used]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .failure(PartFailure(offset: input.count - inLeft, breaks: breaks, cutShort: cut))
    }

    /// The input cut into a part per core (one part when small), each but the last ending just after a
    /// line break: a `0x0A` byte in GB18030, a `0x000A` code unit at an even offset in UTF-16.
    static func lineAlignedRanges(_ all: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) -> [Range<Int>] {
        let n = all.count
        let parts = n < 1 << 22 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let width = encoding.isUTF16 ? 2 : 1
        func isBreak(_ at: Int) -> Bool {
            switch encoding {
            case .utf16be: return all[at] == 0 && all[at + 1] == 0x0A
            case .utf16, .utf16le: return all[at] == 0x0A && all[at + 1] == 0
            case .utf8, .gb18030, .gbk, .gb2312: return all[at] == 0x0A
            }
        }
        var bounds = [0]
        for k in 1..<max(1, parts) {
            var at = n * k / parts / width * width
            while at + width <= n, !isBreak(at) { at += width }
            at += width
            if at > bounds[bounds.count - 1], at < n { bounds.append(at) }
        }
        bounds.append(n)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// The 1-based line of a byte offset in ASCII-compatible text (UTF-8, GB18030: a line break byte is
    /// never part of a character there).
    static func lineOf(offset: Int, in all: UnsafeBufferPointer<UInt8>) -> Int {
        1 + UnsafeBufferPointer(rebasing: all[..<min(offset, all.count)]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func hex(_ b: UInt8) -> String { "0x" + String(b, radix: 16, uppercase: true) }
}
