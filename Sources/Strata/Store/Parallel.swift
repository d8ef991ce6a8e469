import Dispatch

/// Runs independent pieces of work on all cores and collects their results in order.
enum Parallel {
    /// Result storage each task writes one slot of; a raw buffer, because concurrent writes through a
    /// Swift array property would be overlapping accesses to the array itself.
    final class Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T?>
        let count: Int
        init(_ n: Int) {
            count = n
            base = .allocate(capacity: n)
            base.initialize(repeating: nil, count: n)
        }
        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// `body(i)` for i in 0..<n, concurrently; results in index order.
    static func map<T>(_ n: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard n > 1 else { return (0..<n).map(body) }
        let slots = Slots<T>(n)
        // Worker threads are not child tasks and start without the caller's task-locals: re-bound once per
        // piece, so a message rendered in one is in the command's language.
        let language = Language.current
        DispatchQueue.concurrentPerform(iterations: n) { i in
            slots.base[i] = Language.$current.withValue(language) { body(i) }
        }
        return (0..<n).compactMap { slots.base[$0] }
    }
}
