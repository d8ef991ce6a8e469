import Glibc

/// A file mapped read-only into memory: the CSV reader parses it in place, so a large export is
/// neither copied into a buffer nor zero-filled first (the pages come straight from the file cache).
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps the file; nil when it cannot be mapped (empty, a pipe, a special file), so the caller reads it instead.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        // The reader goes through the file front to back, once per range.
        _ = madvise(p, size, MADV_SEQUENTIAL)
        base = p
        length = size
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        if let base { munmap(base, length) }
    }
}
