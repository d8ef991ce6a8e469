import Foundation
import Synchronization

/// Runs the server over a byte stream. Standard input is read on the calling thread, so `$/cancelRequest`
/// and `exit` are seen at once however long a check takes; every other message is handled in order on
/// one worker thread (with a stack large enough for the deepest rule the parser accepts), which also runs
/// the debounced diagnostics.
public enum LSPConnection {
    /// Serves on standard input and output until `exit` or the end of input; returns the exit code
    /// (0 after `shutdown`, else 1).
    public static func serveStdio(options: LanguageServer.Options) -> Int32 {
        let output = OutputChannel(fd: 1)
        let worker = SerialWorker()
        let server = LanguageServer(
            options: options, send: { output.send($0) },
            schedule: { delay, job in worker.async(after: delay, job) })
        var framer = MessageFramer()
        var shutdownSeen = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        reading: while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            framer.append(buffer[0..<n])
            while let frame = framer.next() {
                let message = IncomingMessage(frame)
                switch message {
                case .notification(LSPMethod.exit.rawValue, _): break reading
                case .notification(LSPMethod.cancelRequest.rawValue, let params):
                    if let id = params["id"] { server.cancelled.cancel(id) }
                case .request(_, LSPMethod.shutdown.rawValue, _): shutdownSeen = true
                default: break
                }
                worker.async { server.handle(message) }
            }
        }
        // What is queued (the answer to `shutdown`) is written if it comes within a second, and the server
        // says whether it was shut down (a `shutdown` before `initialize` is refused, so it does not count);
        // a check still running does not hold the exit up: then the `shutdown` read decides.
        let code = Mutex<Int32?>(nil)
        let drained = DispatchSemaphore(value: 0)
        worker.async {
            code.withLock { $0 = server.isShutDown ? 0 : 1 }
            drained.signal()
        }
        _ = drained.wait(timeout: .now() + 1)
        return code.withLock { $0 } ?? (shutdownSeen ? 0 : 1)
    }

    /// A whole session in-process: the client's bytes in, the server's bytes out and the exit code.
    /// Messages are handled one after another and diagnostics published at once (no debounce), so the
    /// output is the same on every run: what the recorded-session tests compare.
    public static func session(_ input: [UInt8], version: String) -> (output: [UInt8], exitCode: Int32) {
        // On a thread with the worker's stack, as `serveStdio` handles messages: the deepest rule recurses.
        let result = Mutex<(output: [UInt8], exitCode: Int32)>(([], 1))
        let done = DispatchSemaphore(value: 0)
        let language = Language.current
        let thread = Thread {
            let r = Language.$current.withValue(language) { replay(input, version: version) }
            result.withLock { $0 = r }
            done.signal()
        }
        thread.stackSize = SerialWorker.stackSize
        thread.start()
        done.wait()
        return result.withLock { $0 }
    }

    private static func replay(_ input: [UInt8], version: String) -> (output: [UInt8], exitCode: Int32) {
        let out = Mutex<[UInt8]>([])
        let server = LanguageServer(
            options: LanguageServer.Options(debounce: nil, version: version),
            send: { m in out.withLock { $0 += MessageFramer.frame(m.serialized) } },
            schedule: { _, job in job() })
        var framer = MessageFramer()
        framer.append(input)
        while server.exitCode == nil, let frame = framer.next() {
            server.handle(IncomingMessage(frame))
        }
        return (out.withLock { $0 }, server.exitCode ?? (server.isShutDown ? 0 : 1))
    }
}

extension IncomingMessage {
    /// A frame as a message: a malformed header is a parse error (id null).
    init(_ frame: Frame) {
        switch frame {
        case .body(let bytes): self = IncomingMessage.decode(bytes)
        case .malformed(let reason): self = .invalid(id: .null, RPCError(.parseError, reason))
        }
    }
}

/// Writes framed messages to a file descriptor, one whole message at a time from any thread. A client
/// that has gone away (EPIPE) is not an error: the server ends when its input does.
final class OutputChannel: Sendable {
    private let fd: Int32
    private let lock = Mutex<Void>(())

    init(fd: Int32) { self.fd = fd }

    func send(_ message: JSONValue) {
        let bytes = MessageFramer.frame(message.serialized)
        lock.withLock { _ in
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + written }, bytes.count - written) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return }
                written += n
            }
        }
    }
}

/// One thread running jobs in order, and jobs due after a delay (a debounced check) when their time comes.
final class SerialWorker: @unchecked Sendable {
    /// The stack of the thread that checks rules: as the command line's (the deepest accepted rule recurses).
    static let stackSize = 512 << 20

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var timed: [(due: Date, job: @Sendable () -> Void)] = []

    init() {
        // A thread starts without the caller's task-locals: the messages it renders keep the command's language.
        let language = Language.current
        let thread = Thread { [self] in Language.$current.withValue(language) { loop() } }
        thread.stackSize = SerialWorker.stackSize
        thread.start()
    }

    /// Runs `job` after the jobs already queued.
    func async(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs `job` once `delay` seconds have passed and the jobs queued before then are done.
    func async(after delay: Double, _ job: @escaping @Sendable () -> Void) {
        condition.lock()
        timed.append((Date().addingTimeInterval(delay), job))
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            var next: (@Sendable () -> Void)?
            while next == nil {
                if !jobs.isEmpty {
                    next = jobs.removeFirst()
                } else if let k = timed.indices.min(by: { timed[$0].due < timed[$1].due }) {
                    if timed[k].due <= Date() {
                        next = timed.remove(at: k).job
                    } else {
                        _ = condition.wait(until: timed[k].due)
                    }
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
            next?()
        }
    }
}
