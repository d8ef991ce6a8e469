import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Signal handlers may only touch plain globals; these hold what they need to restore the terminal.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var rawModeOn = false
nonisolated(unsafe) private var windowChanged: sig_atomic_t = 0

private func restoreFromSignal(_ sig: Int32) {
    if rawModeOn {
        _ = tcsetattr(0, TCSADRAIN, &savedTermios)
        let off: [UInt8] = Array("\u{1B}[?2004l".utf8)
        _ = off.withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
        rawModeOn = false
    }
    signal(sig, SIG_DFL)
    raise(sig)
}

/// The controlling terminal: raw mode on and off (always restored, also on a fatal signal), its width,
/// resize notification, and unbuffered output.
public enum Terminal {
    /// True when standard input and output are both a terminal.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Installs handlers that put the terminal back before the process dies, and a resize flag.
    public static func installSignalHandlers() {
        for sig in [SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE] {
            signal(sig) { restoreFromSignal($0) }
        }
        signal(SIGWINCH) { _ in windowChanged = 1 }
    }

    /// Switches to raw mode (no echo, no line buffering, no signals from keys) with bracketed paste.
    public static func enableRaw() -> Bool {
        guard !rawModeOn else { return true }
        var t = termios()
        guard tcgetattr(0, &t) == 0 else { return false }
        savedTermios = t
        t.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        t.c_cflag |= tcflag_t(CS8)
        t.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(0, TCSADRAIN, &t) == 0 else { return false }
        rawModeOn = true
        write("\u{1B}[?2004h")
        return true
    }

    /// Restores the terminal as it was before raw mode.
    public static func disableRaw() {
        guard rawModeOn else { return }
        write("\u{1B}[?2004l")
        _ = tcsetattr(0, TCSADRAIN, &savedTermios)
        rawModeOn = false
    }

    /// Columns of the terminal (80 when it cannot be asked).
    public static var width: Int {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }

    /// Whether the window was resized since the last call.
    public static func takeResize() -> Bool {
        defer { windowChanged = 0 }
        return windowChanged != 0
    }

    /// Writes straight to standard output.
    public static func write(_ s: String) {
        let bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress.map { $0 + off }, bytes.count - off) }
            if n <= 0 { break }
            off += n
        }
    }

    /// Waits up to `timeoutMs` for input and returns what arrived (empty on timeout or a signal; nil at end of input).
    public static func read(timeoutMs: Int32) -> [UInt8]? {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        let r = poll(&fds, 1, timeoutMs)
        if r <= 0 { return [] }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBufferPointer { Glibc.read(0, $0.baseAddress, $0.count) }
        if n < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if n == 0 { return nil }
        return Array(buf.prefix(n))
    }
}
