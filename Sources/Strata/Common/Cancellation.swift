import Synchronization

/// Set by the REPL's SIGINT handler. A signal handler may touch only async-signal-safe state: a
/// lock-free atomic in a global, initialised (by `Cancellation.interrupt`) before any handler is installed.
private let interruptRequested = Atomic<Bool>(false)

/// A request that long work stop early. Evaluation checks it between column kernels and statements, an
/// export between chunks of rows; the work then throws the `cancelled` error and leaves nothing behind
/// (an export removes its temporary file and keeps the old target).
public final class Cancellation: Sendable {
    private let requested = Atomic<Bool>(false)
    /// Whether this token also answers to Ctrl-C (the process-wide flag a SIGINT handler sets).
    private let followsInterrupt: Bool

    /// A token of its own, cancelled only by `request()` (tests, an embedding app).
    public init() { followsInterrupt = false }

    private init(followsInterrupt: Bool) { self.followsInterrupt = followsInterrupt }

    /// The token Ctrl-C cancels: the REPL hands it to its runner and sets it from a SIGINT handler.
    public static let interrupt: Cancellation = {
        // Touch the global now, so the handler never runs its one-time initialisation.
        _ = interruptRequested.load(ordering: .relaxed)
        return Cancellation(followsInterrupt: true)
    }()

    /// Whether work should stop now.
    public var isRequested: Bool {
        requested.load(ordering: .relaxed) || (followsInterrupt && interruptRequested.load(ordering: .relaxed))
    }

    /// Asks the work that holds this token to stop.
    public func request() {
        requested.store(true, ordering: .relaxed)
        if followsInterrupt { interruptRequested.store(true, ordering: .relaxed) }
    }

    /// Withdraws the request, before the next piece of work starts.
    public func reset() {
        requested.store(false, ordering: .relaxed)
        if followsInterrupt { interruptRequested.store(false, ordering: .relaxed) }
    }

    /// What a SIGINT handler calls: one atomic store, async-signal-safe (call `Cancellation.interrupt`
    /// once before installing the handler).
    public static func interruptFromSignalHandler() {
        interruptRequested.store(true, ordering: .relaxed)
    }
}
