import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the description names the path and the reason.
public struct AtomicFileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    /// Why, from the catalog (`FileText`) or the system's own words.
    public let reason: Message

    /// The path and the reason, rendered in the language of the output.
    public var text: Message { FileText.cannotWrite(["path": .text(path), "reason": .message(reason)]) }

    /// The text in the current language.
    public var description: String { text.text() }
}

/// Writes files so that readers see either the old content or the complete new content, never half a file.
public enum AtomicFile {
    /// Writes text as UTF-8 (no byte-order mark), replacing any existing file at `path`.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes bytes, replacing any existing file at `path`.
    public static func write(_ data: [UInt8], to path: String) throws {
        let w = try AtomicFileWriter(path: path)
        do {
            try w.write(data)
            try w.commit()
        } catch {
            w.discard()
            throw error
        }
    }
}

/// A file written in pieces: bytes go to a hidden temporary file next to the target, and `commit`
/// renames it into place. Dropping the writer without committing removes the temporary file.
/// A symlink is written through (its target is replaced, the link stays), and an existing file keeps
/// its permission bits, as an editor saving the file would.
public final class AtomicFileWriter {
    /// The path as given, for messages.
    public let path: String
    /// The file that `commit` creates or replaces: `path` with symlinks resolved.
    public let target: String
    /// The temporary file currently being written.
    public let temporaryPath: String
    private var fd: Int32
    private var finished = false
    /// Where the temporary path is registered for removal by a signal handler.
    private var slot: Int?

    /// Creates missing parent folders and opens a uniquely named temporary file beside `path`.
    public init(path: String) throws {
        self.path = path
        let target = AtomicFileWriter.resolved(path)
        self.target = target
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        let base = url.lastPathComponent
        guard !base.isEmpty, !path.hasSuffix("/") else {
            throw AtomicFileError(path: path, reason: FileText.pathIsFolder.message)
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError(path: path, reason: FileText.cannotCreateFolder(["folder": .text(dir)]))
        }
        // What a killed run (SIGKILL, a crash) left here is removed first: only names that say they are a
        // Strata temporary file of a process that no longer exists.
        TemporaryFiles.removeStale(in: dir)
        // O_EXCL makes the name ours alone; the pid, clock and attempt number make a clash unlikely to begin with.
        var attempt = 0
        var opened: Int32 = -1
        var tmp = ""
        var registered: Int?
        while opened < 0 {
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            tmp = TemporaryFiles.name(dir: dir, base: base, nonce: Int(ts.tv_nsec), attempt: attempt)
            // Registered before it exists, so there is no moment in which a signal could leave it behind.
            registered = TemporaryFiles.register(tmp)
            opened = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if opened < 0 {
                let err = errno
                TemporaryFiles.unregister(registered)
                attempt += 1
                guard err == EEXIST, attempt < 100 else {
                    throw AtomicFileError(path: path, reason: AtomicFileWriter.message(err))
                }
            }
        }
        self.fd = opened
        self.temporaryPath = tmp
        self.slot = registered
        var st = stat()
        if stat(target, &st) == 0, fchmod(opened, st.st_mode & 0o7777) != 0 {
            let err = errno
            close(opened)
            unlink(tmp)
            TemporaryFiles.unregister(slot)
            throw AtomicFileError(path: path, reason: FileText.cannotKeepPermissions(["reason": .message(AtomicFileWriter.message(err))]))
        }
    }

    /// The file a path ends at: a symlink (also a chain, or a linked folder) is followed; a path that does
    /// not exist yet, or a dangling link, stays as given.
    static func resolved(_ path: String) -> String { realPath(path) ?? path }

    /// The absolute path with every symlink, `.` and `..` resolved; nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    deinit { discard() }

    /// Appends bytes to the temporary file.
    public func write(_ data: [UInt8]) throws {
        try data.withUnsafeBytes { try write(raw: $0) }
    }

    /// Appends raw bytes to the temporary file.
    public func write(raw: UnsafeRawBufferPointer) throws {
        guard !finished else { throw AtomicFileError(path: path, reason: FileText.alreadyClosed.message) }
        guard var p = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                let err = errno
                if err == EINTR { continue }
                throw fail(err)
            }
            left -= n
            p += n
        }
    }

    /// Flushes to disk and renames the temporary file over the target.
    public func commit() throws {
        guard !finished else { throw AtomicFileError(path: path, reason: FileText.alreadyClosed.message) }
        if fsync(fd) != 0 { throw fail(errno) }
        if close(fd) != 0 {
            fd = -1
            throw fail(errno)
        }
        fd = -1
        if rename(temporaryPath, target) != 0 { throw fail(errno) }
        finished = true
        TemporaryFiles.unregister(slot)
        syncDirectory()
    }

    /// Abandons the write and removes the temporary file; safe to call more than once.
    public func discard() {
        guard !finished else { return }
        finished = true
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporaryPath)
        TemporaryFiles.unregister(slot)
    }

    private func fail(_ err: Int32) -> AtomicFileError {
        discard()
        return AtomicFileError(path: path, reason: AtomicFileWriter.message(err))
    }

    /// The rename is durable only once the folder's entry is on disk; failure here loses nothing already written.
    private func syncDirectory() {
        let dir = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let d = open(dir, O_RDONLY | O_CLOEXEC)
        if d >= 0 {
            _ = fsync(d)
            close(d)
        }
    }

    /// The system's reason for `err`, in its own words.
    private static func message(_ err: Int32) -> Message {
        guard let s = strerror(err) else { return FileText.errorNumber(["number": "\(err)"]) }
        return .verbatim(String(cString: s).lowercased())
    }
}

/// The POSIX `write`, named apart from the writer's own `write` methods.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #elseif canImport(Musl)
    return Musl.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
