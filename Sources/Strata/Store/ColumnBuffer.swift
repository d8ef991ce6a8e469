/// A growable buffer of plain values for the loader's hot loop. Unlike an array inside a struct
/// inside an array, appending is a bounds test and a store: no uniqueness check, no exclusivity
/// check. Only the loader's builders use it, each from one thread.
final class ColumnBuffer<T: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func append(_ v: T) {
        if count == capacity { grow() }
        base[count] = v
        count += 1
    }

    /// The last element, for setting bits in the current word.
    @inline(__always)
    func updateLast(_ f: (inout T) -> Void) {
        if count > 0 { f(&base[count - 1]) }
    }

    private func grow() {
        let n = capacity * 2
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: n)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = n
    }

    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }

    /// The values of several buffers one after another, as one array (the join of the loader's row ranges).
    static func joined(_ parts: [ColumnBuffer<T>]) -> [T] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [T](unsafeUninitializedCapacity: total) { out, initialized in
            var at = 0
            for p in parts where p.count > 0 {
                if let o = out.baseAddress { (o + at).update(from: p.base, count: p.count) }
                at += p.count
            }
            initialized = at
        }
    }
}
