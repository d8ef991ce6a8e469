/// Dictionary encoding keyed by UTF-8 bytes: a repeated value costs a hash and a compare, no allocation.
/// Codes are given in order of first appearance, so the encoding is deterministic.
struct ByteDictionary {
    /// Open addressing: each slot holds code + 1 (0 = empty); the hash sits beside it to skip most compares.
    private var slots: [UInt32]
    private var slotHashes: [UInt32]
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var strings: [String] = []

    init(capacity: Int = 64) {
        var n = 64
        while n < capacity * 2 { n <<= 1 }
        slots = [UInt32](repeating: 0, count: n)
        slotHashes = [UInt32](repeating: 0, count: n)
    }

    var count: Int { strings.count }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        // Eight bytes at a time (a customer id or a category is one or two words), then the tail.
        guard let base = p.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(end - start)
        var i = start
        while i + 8 <= end {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < end {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    /// Whether `len` bytes at `a` and `b` are equal, a word at a time.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ len: Int) -> Bool {
        var j = 0
        while j + 8 <= len {
            if a.loadUnaligned(fromByteOffset: j, as: UInt64.self) != b.loadUnaligned(fromByteOffset: j, as: UInt64.self) { return false }
            j += 8
        }
        while j < len {
            if a.load(fromByteOffset: j, as: UInt8.self) != b.load(fromByteOffset: j, as: UInt8.self) { return false }
            j += 1
        }
        return true
    }

    /// The code of the bytes `p[start..<end]`, adding them if new.
    mutating func code(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let h = ByteDictionary.hash(p, start, end)
        let tag = UInt32(truncatingIfNeeded: h)
        let len = end - start
        let found: Int32? = slots.withUnsafeBufferPointer { sl in
            slotHashes.withUnsafeBufferPointer { sh in
                arena.withUnsafeBufferPointer { ar in
                    starts.withUnsafeBufferPointer { st in
                        let mask = sl.count - 1
                        var s = Int(truncatingIfNeeded: h >> 7) & mask
                        while sl[s] != 0 {
                            if sh[s] == tag {
                                let k = Int(sl[s] - 1)
                                let base = st[k]
                                if st[k + 1] - base == len, let a = ar.baseAddress, let b = p.baseAddress,
                                   ByteDictionary.equal(UnsafeRawPointer(a + base), UnsafeRawPointer(b + start), len) {
                                    return Int32(k)
                                }
                            }
                            s = (s + 1) & mask
                        }
                        return nil
                    }
                }
            }
        }
        if let f = found { return f }
        return insert(p, start, end, h: h, tag: tag)
    }

    private mutating func insert(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, h: UInt64, tag: UInt32) -> Int32 {
        let code = UInt32(strings.count)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h >> 7) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = code + 1
        slotHashes[s] = tag
        let bytes = UnsafeBufferPointer(rebasing: p[start..<end])
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        if strings.count * 2 > slots.count { grow() }
        return Int32(code)
    }

    private mutating func grow() {
        let n = slots.count * 2
        var newSlots = [UInt32](repeating: 0, count: n)
        var newHashes = [UInt32](repeating: 0, count: n)
        let mask = n - 1
        arena.withUnsafeBufferPointer { ar in
            for k in 0..<strings.count {
                let h = ByteDictionary.hash(ar, starts[k], starts[k + 1])
                var s = Int(truncatingIfNeeded: h >> 7) & mask
                while newSlots[s] != 0 { s = (s + 1) & mask }
                newSlots[s] = UInt32(k + 1)
                newHashes[s] = UInt32(truncatingIfNeeded: h)
            }
        }
        slots = newSlots
        slotHashes = newHashes
    }

    /// The bytes of entry `k` (for merging dictionaries built in parallel).
    func withBytes<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> R) -> R {
        arena.withUnsafeBufferPointer { body($0, starts[k], starts[k + 1]) }
    }
}
