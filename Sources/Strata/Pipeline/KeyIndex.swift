/// Customer keys to their rows, hashed by their UTF-8 bytes with the loader's word-at-a-time hash.
/// Linking a log looks up a key per distinct id — for a log in date order nearly every row — so each
/// slot holds its key beside its row: one cache miss a lookup, where a table of rows into a separate
/// key array (or `Dictionary<String, …>` with SipHash) costs two or more.
struct KeyIndex: Sendable {
    private struct Bucket: Sendable {
        var key: String
        /// The key's row, −1 for an empty slot.
        var row: Int32
    }

    private var slots: [Bucket]
    private(set) var count = 0

    init(capacity: Int) {
        var n = 64
        while n < capacity * 2 { n <<= 1 }
        slots = [Bucket](repeating: Bucket(key: "", row: -1), count: n)
    }

    /// The key's home slot in a table of `1 << bits` slots: Fibonacci hashing of the byte hash, whose
    /// top bits are its best mixed.
    static func slot(_ key: String, bits: Int) -> Int {
        var k = key
        let h = k.withUTF8 { ByteDictionary.hash($0, 0, $0.count) }
        return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Adds the key of row `count`; the earlier row when the key is already there (nothing added).
    mutating func append(_ key: String) -> Int32? {
        let mask = slots.count - 1
        var s = KeyIndex.slot(key, bits: slots.count.trailingZeroBitCount)
        while slots[s].row >= 0 {
            if slots[s].key == key { return slots[s].row }
            s = (s + 1) & mask
        }
        slots[s] = Bucket(key: key, row: Int32(count))
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    /// The row of a key, if any.
    func row(of key: String) -> Int32? {
        let mask = slots.count - 1
        var s = KeyIndex.slot(key, bits: slots.count.trailingZeroBitCount)
        return slots.withUnsafeBufferPointer { sl -> Int32? in
            while sl[s].row >= 0 {
                if sl[s].key == key { return sl[s].row }
                s = (s + 1) & mask
            }
            return nil
        }
    }

    private mutating func grow() {
        var bigger = [Bucket](repeating: Bucket(key: "", row: -1), count: slots.count * 2)
        let mask = bigger.count - 1
        let bits = bigger.count.trailingZeroBitCount
        for old in slots where old.row >= 0 {
            var s = KeyIndex.slot(old.key, bits: bits)
            while bigger[s].row >= 0 { s = (s + 1) & mask }
            bigger[s] = old
        }
        slots = bigger
    }
}
