/// Sorting rows by a numeric key for `ntile`, `abc` and `percentile`: a stable LSD radix sort on
/// order-preserving 64-bit keys, so ties stay in load order without a comparator per pair.
enum RadixSort {
    /// A key whose unsigned order is the order of the doubles (−0 and 0 equal).
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = (x + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    @inline(__always)
    static func key(_ d: Int32) -> UInt64 { UInt64(bitPattern: Int64(d)) &+ (1 << 63) }

    /// `rows` (ascending row numbers) reordered by `keys[i]` (aligned with `rows`), ascending, stably.
    static func sort(rows: [Int], keys: [UInt64], descending: Bool) -> [Int] {
        let n = rows.count
        guard n > 1 else { return rows }
        var k = descending ? keys.map { ~$0 } : keys
        var r = rows.map { UInt32(truncatingIfNeeded: $0) }
        var k2 = [UInt64](repeating: 0, count: n)
        var r2 = [UInt32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            for i in counts.indices { counts[i] = 0 }
            k.withUnsafeBufferPointer { kp in
                for i in 0..<n { counts[Int((kp[i] >> UInt64(shift)) & 0xFFFF)] += 1 }
            }
            // Every key has the same digit here: this pass would not move anything.
            if counts.contains(n) { continue }
            var sum = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = sum
                sum += c
            }
            k.withUnsafeBufferPointer { kp in
                r.withUnsafeBufferPointer { rp in
                    k2.withUnsafeMutableBufferPointer { k2p in
                        r2.withUnsafeMutableBufferPointer { r2p in
                            counts.withUnsafeMutableBufferPointer { cp in
                                for i in 0..<n {
                                    let d = Int((kp[i] >> UInt64(shift)) & 0xFFFF)
                                    let at = cp[d]
                                    cp[d] = at + 1
                                    k2p[at] = kp[i]
                                    r2p[at] = rp[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&k, &k2)
            swap(&r, &r2)
        }
        return r.map { Int($0) }
    }
}
