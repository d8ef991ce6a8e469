/// A fixed-size set of row indices as 64-bit words; segments and null masks are Bitsets,
/// so `and`/`or`/`not` are word operations.
public struct Bitset: Sendable, Hashable {
    public private(set) var words: [UInt64]
    /// Number of rows the set ranges over.
    public let count: Int

    /// A set over `count` rows, all in (`filled`) or all out.
    public init(count: Int, filled: Bool = false) {
        self.count = max(0, count)
        let n = (self.count + 63) >> 6
        words = [UInt64](repeating: filled ? ~0 : 0, count: n)
        if filled { clearTail() }
    }

    /// A set built from its words; bits past `count` are cleared.
    public init(words: [UInt64], count: Int) {
        self.count = max(0, count)
        var w = words
        let n = (self.count + 63) >> 6
        if w.count < n { w += [UInt64](repeating: 0, count: n - w.count) }
        if w.count > n { w.removeLast(w.count - n) }
        self.words = w
        clearTail()
    }

    private mutating func clearTail() {
        let r = count & 63
        if r != 0, !words.isEmpty { words[words.count - 1] &= (UInt64(1) << UInt64(r)) &- 1 }
    }

    @inline(__always)
    public subscript(i: Int) -> Bool {
        get { (words[i >> 6] >> UInt64(i & 63)) & 1 == 1 }
        set {
            if newValue { words[i >> 6] |= UInt64(1) << UInt64(i & 63) }
            else { words[i >> 6] &= ~(UInt64(1) << UInt64(i & 63)) }
        }
    }

    /// Number of rows in the set.
    public var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var isFull: Bool { cardinality == count }

    public static func & (a: Bitset, b: Bitset) -> Bitset { a.zip(b) { $0 & $1 } }
    public static func | (a: Bitset, b: Bitset) -> Bitset { a.zip(b) { $0 | $1 } }
    /// Rows in `a` and not in `b`.
    public func subtracting(_ b: Bitset) -> Bitset { zip(b) { $0 & ~$1 } }
    public static prefix func ~ (a: Bitset) -> Bitset {
        var r = a
        for i in r.words.indices { r.words[i] = ~r.words[i] }
        r.clearTail()
        return r
    }

    private func zip(_ b: Bitset, _ f: (UInt64, UInt64) -> UInt64) -> Bitset {
        var r = self
        let n = Swift.min(words.count, b.words.count)
        r.words.withUnsafeMutableBufferPointer { rw in
            b.words.withUnsafeBufferPointer { bw in
                for i in 0..<n { rw[i] = f(rw[i], bw[i]) }
            }
        }
        r.clearTail()
        return r
    }

    /// Calls `body` with each member row in ascending order.
    @inline(__always)
    public func forEach(_ body: (Int) throws -> Void) rethrows {
        for (wi, word) in words.enumerated() {
            var w = word
            while w != 0 {
                let t = w.trailingZeroBitCount
                try body(wi << 6 + t)
                w &= w &- 1
            }
        }
    }

    /// Member rows in ascending order.
    public var indices: [Int] {
        var r: [Int] = []
        r.reserveCapacity(cardinality)
        forEach { r.append($0) }
        return r
    }

    /// Builds a set from a predicate evaluated for every row.
    public static func build(count: Int, _ pred: (Int) -> Bool) -> Bitset {
        var words = [UInt64](repeating: 0, count: (max(0, count) + 63) >> 6)
        words.withUnsafeMutableBufferPointer { w in
            var i = 0
            while i < count {
                let base = i
                let end = Swift.min(count, base + 64)
                var word: UInt64 = 0
                var j = base
                while j < end {
                    if pred(j) { word |= UInt64(1) << UInt64(j - base) }
                    j += 1
                }
                w[base >> 6] = word
                i = end
            }
        }
        return Bitset(words: words, count: count)
    }
}

extension Bitset {
    /// The sets one after another: rows of the first, then of the second, and so on.
    public static func concatenate(_ parts: [Bitset]) -> Bitset {
        let total = parts.reduce(0) { $0 + $1.count }
        var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
        var offset = 0
        for part in parts {
            let shift = UInt64(offset & 63)
            var w = offset >> 6
            for word in part.words {
                if word != 0 {
                    words[w] |= word << shift
                    if shift != 0, w + 1 < words.count { words[w + 1] |= word >> (64 - shift) }
                }
                w += 1
            }
            offset += part.count
        }
        return Bitset(words: words, count: total)
    }
}
