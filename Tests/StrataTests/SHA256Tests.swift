import Foundation
import Testing
@testable import Strata

/// SHA-256 as FIPS 180-4 and `sha256sum` give it: the NIST example vectors, the padding edges, and the
/// same digest however the bytes are fed.
@Suite struct SHA256Tests {
    static func hex(_ s: String) -> String { SHA256.hex(SHA256.hash(Array(s.utf8))) }

    @Test func nistVectors() {
        #expect(Self.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Text in UTF-8, as a data file's bytes are hashed: CJK included (the digest `printf 钻石 | sha256sum` prints).
    @Test func utf8Text() {
        #expect(Self.hex("钻石") == "8f6c204b2518e8dac2588de64dcb13d54c33ff513929a6d88450d393fdd3049c")
    }

    /// Lengths around the 56- and 64-byte padding boundaries, fed whole and in every split: one digest each.
    @Test func anySplitGivesTheSameDigest() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 130] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let whole = SHA256.hash(bytes)
            #expect(whole.count == 32)
            for cut in 0...length {
                var h = SHA256()
                h.update(Array(bytes[..<cut]))
                h.update(Array(bytes[cut...]))
                #expect(h.finish() == whole, "length \(length) cut at \(cut)")
            }
            var byByte = SHA256()
            for b in bytes { byByte.update([b]) }
            #expect(byByte.finish() == whole, "length \(length) byte by byte")
        }
    }

    /// Distinct inputs of each length give distinct digests (a padding bug tends to make them collide).
    @Test func lengthsAreDistinguished() {
        let digests = (0..<130).map { SHA256.hash([UInt8](repeating: 0, count: $0)) }
        #expect(Set(digests.map(SHA256.hex)).count == 130)
    }
}
