/// Dictionary encoding keyed by UTF-8 bytes: a repeated value costs a hash and a compare, no allocation.
/// Codes are given in order of first appearance, so the encoding is deterministic.
struct ByteDictionary {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var strings: [String] = []

    init(capacity: Int = 64) {
        var n = 64
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: -1, count: n)
    }

    var count: Int { strings.count }

    /// The code of the bytes `p[start..<end]`, adding them if new.
    mutating func code(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let len = end - start
        while true {
            let c = slots[s]
            if c < 0 { break }
            let k = Int(c)
            if hashes[k] == h, starts[k + 1] - starts[k] == len {
                var same = true
                let base = starts[k]
                for j in 0..<len where arena[base + j] != p[start + j] { same = false; break }
                if same { return c }
            }
            s = (s + 1) & mask
        }
        let code = Int32(strings.count)
        slots[s] = code
        hashes.append(h)
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
        starts.append(arena.count)
        strings.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
        if strings.count * 2 > slots.count { grow() }
        return code
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (k, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while bigger[s] >= 0 { s = (s + 1) & mask }
            bigger[s] = Int32(k)
        }
        slots = bigger
    }
}
