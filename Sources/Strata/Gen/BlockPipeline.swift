import Foundation

/// Runs per-block work on several cores, a batch of blocks at a time, and hands each result on in block
/// order: the output is the same bytes on any number of cores, and only one batch is held in memory.
enum BlockPipeline {
    /// Calls `work` for blocks `0..<blocks` in parallel and `consume` with each result, in block order, on this thread.
    static func run<T: Sendable>(blocks: Int, work: @escaping @Sendable (Int) -> T, consume: (Int, T) throws -> Void) throws {
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var next = 0
        while next < blocks {
            let batch = min(blocks - next, cores * 4)
            let results = BlockResults<T>(count: batch)
            let first = next
            DispatchQueue.concurrentPerform(iterations: batch) { i in results.set(i, work(first + i)) }
            for i in 0..<batch {
                // Every slot was filled by concurrentPerform, which returns only when all iterations have.
                if let r = results.take(i) { try consume(first + i, r) }
            }
            next += batch
        }
    }
}

/// Per-block output handed from worker threads to the consumer; each slot is written by exactly one worker.
private final class BlockResults<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    /// The slot's value, released from the slot so a batch's memory goes as soon as it is consumed.
    func take(_ i: Int) -> T? {
        lock.lock()
        defer { lock.unlock() }
        let v = slots[i]
        slots[i] = nil
        return v
    }
}
