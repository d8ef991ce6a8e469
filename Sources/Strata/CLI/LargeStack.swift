import Foundation

/// Runs the command on a thread with a large stack. The parser bounds how deep an expression can be
/// (`ParserState.maxDepth`, `maxChain`), and every later pass recurses over the tree; a large stack keeps
/// the deepest accepted rule far from overflowing, in debug builds too. Only touched pages use memory.
enum LargeStack {
    static let bytes = 512 << 20

    final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let work = body
        // A new thread does not inherit task-locals: the command's language is bound again inside.
        let language = Language.current
        let thread = Thread {
            box.value = Language.$current.withValue(language) { work() }
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        // The thread always sets the value before signalling; the fallback only satisfies the type.
        return box.value ?? body()
    }
}
