import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files this process is writing, kept where a signal handler can remove them: when
/// `strata run` is stopped by SIGINT, SIGTERM or SIGHUP it unlinks them before dying by the signal.
/// A handler may not allocate or lock, so the paths live in fixed slots allocated once, each with an
/// atomic state (free, being filled, live); the handler only reads live slots and calls `unlink`.
///
/// SIGKILL cannot be caught: its leftovers are found by name instead. A temporary file is named
/// `.NAME.strata-tmp-PID-…` beside its target, and `removeStale(in:)` (run by every export) removes
/// those of this user whose process no longer exists.
public enum TemporaryFiles {
    static let slotCount = 64
    /// Bytes per slot, terminating NUL included; a longer path is written but not registered.
    static let slotBytes = Int(PATH_MAX)
    static let slotFree = 0, slotFilling = 1, slotLive = 2

    /// Slot states and path bytes, allocated once and never freed (a handler may read them at any time).
    private nonisolated(unsafe) static let states: UnsafeMutablePointer<Atomic<Int>> = {
        let p = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: slotCount)
        for i in 0..<slotCount { (p + i).initialize(to: Atomic(slotFree)) }
        return p
    }()
    private nonisolated(unsafe) static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotBytes)

    /// What marks a name as one of ours; the owner's process id follows it.
    static let marker = ".strata-tmp-"

    /// The temporary name beside `base` in `dir` for this process, attempt `n`.
    static func name(dir: String, base: String, nonce: Int, attempt: Int) -> String {
        "\(dir)/.\(base)\(marker)\(getpid())-\(nonce)-\(attempt)"
    }

    /// Makes the slots before any handler can read them; called by `installCleanupHandlers` and `register`.
    static func prepare() {
        _ = states
        _ = paths
    }

    /// Remembers a live temporary file; the slot to give back, or nil when every slot is taken or the
    /// path is too long (the file is still removed on any failure, only not by a signal handler).
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= slotBytes else { return nil }
        for i in 0..<slotCount where states[i].compareExchange(expected: slotFree, desired: slotFilling, ordering: .acquiring).exchanged {
            bytes.withUnsafeBufferPointer { b in
                if let base = b.baseAddress { (paths + i * slotBytes).update(from: base, count: b.count) }
            }
            states[i].store(slotLive, ordering: .releasing)
            return i
        }
        return nil
    }

    /// Forgets a temporary file once it was renamed into place or removed.
    static func unregister(_ slot: Int?) {
        guard let i = slot, i >= 0, i < slotCount else { return }
        states[i].store(slotFree, ordering: .releasing)
    }

    /// The live temporary files' paths, as a signal handler would read them.
    static var live: [String] {
        (0..<slotCount).filter { states[$0].load(ordering: .acquiring) == slotLive }.map { String(cString: paths + $0 * slotBytes) }
    }

    /// Unlinks every live temporary file. Async-signal-safe: atomic loads and `unlink` only.
    public static func removeAllSignalSafe() {
        for i in 0..<slotCount where states[i].load(ordering: .acquiring) == slotLive {
            _ = unlink(paths + i * slotBytes)
        }
    }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the live temporary files and then
    /// die by the same signal (so the exit status is the signal's, as a shell expects). The signals are
    /// unblocked too: a process started with them blocked (by a test runner, say) would otherwise never see them.
    public static func installCleanupHandlers() {
        prepare()
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in
                TemporaryFiles.removeAllSignalSafe()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }

    /// Removes the temporary files a killed Strata left in `dir`: names with the marker whose process
    /// id is no running process (`kill(pid, 0)` fails with ESRCH), owned by this user, regular files.
    /// Another user's files, a live process's (also one of another user: EPERM), and anything not named
    /// by Strata are never touched.
    static func removeStale(in dir: String) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        let me = getuid()
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("."), let pid = ownerPid(name), pid != getpid() else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == me else { continue }
            unlink(path)
        }
    }

    /// The process id in a temporary file's name (`.NAME.strata-tmp-PID-…`), nil for any other name.
    static func ownerPid(_ name: String) -> pid_t? {
        guard let r = name.range(of: marker, options: .backwards) else { return nil }
        let rest = name[r.upperBound...]
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }
}
