import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Signal handlers may only touch plain globals and async-signal-safe calls (tcsetattr, write, signal,
// raise), so what they need to restore the terminal lives here, outside any actor or class.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var rawModeOn: sig_atomic_t = 0
nonisolated(unsafe) private var windowChanged: sig_atomic_t = 0
/// How many callers hold raw mode; the terminal goes back only when the last lets go.
nonisolated(unsafe) private var rawHolders = 0

/// Puts the terminal back as it was; safe inside a signal handler.
private func restoreTerminalSignalSafe() {
    guard rawModeOn != 0 else { return }
    rawModeOn = 0
    // A StaticString's bytes are in the binary: writing them allocates nothing.
    let pasteOff: StaticString = "\u{1B}[?2004l"
    _ = Glibc.write(1, pasteOff.utf8Start, pasteOff.utf8CodeUnitCount)
    _ = tcsetattr(0, TCSADRAIN, &savedTermios)
}

private func restoreAndReraise(_ sig: Int32) {
    restoreTerminalSignalSafe()
    TemporaryFiles.removeAllSignalSafe()
    signal(sig, SIG_DFL)
    raise(sig)
}

/// The session's SIGINT: at the prompt the terminal is raw and Ctrl-C arrives as a key, so a SIGINT
/// comes only while a statement runs (`Terminal.interruptible`) — or from `kill`; either way it asks
/// the running work to stop and never ends the session.
private func requestCancellation(_ sig: Int32) {
    Cancellation.interruptFromSignalHandler()
}

/// The controlling terminal: raw mode on and off (always restored: on return, at exit and on a fatal
/// signal), its width, resize notification, and unbuffered output.
///
/// Raw mode clears ICANON, ECHO, ISIG (Ctrl-C and Ctrl-Z arrive as keys), IEXTEN, IXON (Ctrl-S/Q
/// reach us), ICRNL (Enter arrives as CR), BRKINT, INPCK and ISTRIP. OPOST stays on, but the editor
/// writes "\r\n" itself, so output is right either way.
public enum Terminal {
    /// True when standard input and output are both a terminal.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Installs handlers that restore the terminal before the process dies (then die by the same signal),
    /// the resize flag, and an exit hook that restores it too.
    public static func installSignalHandlers() {
        _ = Cancellation.interrupt
        TemporaryFiles.prepare()
        for sig in [SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE] {
            signal(sig) { restoreAndReraise($0) }
        }
        signal(SIGINT) { requestCancellation($0) }
        signal(SIGWINCH) { _ in windowChanged = 1 }
        atexit { restoreTerminalSignalSafe() }
    }

    /// Switches to raw mode with bracketed paste on; false when standard input is no terminal.
    ///
    /// Calls nest: the interactive loop holds raw mode for the whole session and the line reader takes
    /// it again per input, so there is never a moment between reading a statement and running it in
    /// which the terminal is cooked and a Ctrl-C would end the session or land nowhere.
    public static func enableRaw() -> Bool {
        if rawModeOn != 0 {
            rawHolders += 1
            return true
        }
        guard applyRaw() else { return false }
        rawHolders = 1
        return true
    }

    /// Lets go of raw mode; the terminal is restored as it was when the last holder lets go.
    public static func disableRaw() {
        rawHolders = max(0, rawHolders - 1)
        if rawHolders == 0 { restoreTerminalSignalSafe() }
    }

    private static func applyRaw() -> Bool {
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
        // TCSADRAIN, not TCSAFLUSH: keys typed ahead while the last statement ran are kept.
        guard tcsetattr(0, TCSADRAIN, &t) == 0 else { return false }
        rawModeOn = 1
        write("\u{1B}[?2004h")
        return true
    }

    /// Runs `body` (one input) with Ctrl-C as SIGINT, so the key cancels the work (`Cancellation.interrupt`)
    /// instead of waiting in the input; the terminal stays raw otherwise (no echo, keys typed ahead kept).
    /// Only Ctrl-C becomes a signal: Ctrl-\ and Ctrl-Z stay keys for the editor. NOFLSH keeps the output
    /// already written and the keys typed before the Ctrl-C. The request is withdrawn before and after.
    public static func interruptible<T>(_ body: () -> T) -> T {
        Cancellation.interrupt.reset()
        var t = termios()
        let signalling = rawModeOn != 0 && tcgetattr(0, &t) == 0
        var cooked = t
        if signalling {
            cooked.c_lflag |= tcflag_t(ISIG | NOFLSH)
            withUnsafeMutableBytes(of: &cooked.c_cc) { cc in
                cc[Int(VQUIT)] = 0  // _POSIX_VDISABLE
                cc[Int(VSUSP)] = 0
            }
            _ = tcsetattr(0, TCSADRAIN, &cooked)
        }
        defer {
            if signalling, rawModeOn != 0 { _ = tcsetattr(0, TCSADRAIN, &t) }
            Cancellation.interrupt.reset()
        }
        return body()
    }

    /// Columns of the terminal: TIOCGWINSZ, else `$COLUMNS`, else 80.
    public static var width: Int {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }

    /// Rows of the terminal: TIOCGWINSZ, else `$LINES`, else 24.
    public static var height: Int {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 { return Int(ws.ws_row) }
        if let c = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), c > 0 { return c }
        return 24
    }

    /// Whether the window was resized since the last call.
    public static func takeResize() -> Bool {
        defer { windowChanged = 0 }
        return windowChanged != 0
    }

    /// Writes straight to standard output, retrying short writes.
    public static func write(_ s: String) {
        let bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress.map { $0 + off }, bytes.count - off) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            off += n
        }
    }

    /// Waits up to `timeoutMs` for input: the bytes, empty on timeout or a signal (e.g. a resize), nil at end of input.
    public static func read(timeoutMs: Int32) -> [UInt8]? {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        let r = poll(&fds, 1, timeoutMs)
        if r < 0 { return errno == EINTR ? [] : nil }
        if r == 0 { return [] }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBufferPointer { Glibc.read(0, $0.baseAddress, $0.count) }
        if n < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if n == 0 { return nil }
        return Array(buf.prefix(n))
    }

    /// Ctrl-Z: restores the terminal, stops the process as the shell expects, and re-enters raw mode on resume.
    static func suspend() {
        // Whoever holds raw mode still holds it after the resume: restore and re-apply, holders unchanged.
        restoreTerminalSignalSafe()
        raise(SIGTSTP)
        if rawHolders > 0 { _ = applyRaw() }
    }
}

/// The terminal operations the line reader needs, so tests can drive it with scripted input.
protocol TerminalIO: AnyObject {
    func enableRaw() -> Bool
    func disableRaw()
    var width: Int { get }
    var height: Int { get }
    func takeResize() -> Bool
    func read(timeoutMs: Int32) -> [UInt8]?
    func write(_ s: String)
    func suspend()
}

/// The real terminal.
final class SystemTerminal: TerminalIO {
    func enableRaw() -> Bool { Terminal.enableRaw() }
    func disableRaw() { Terminal.disableRaw() }
    var width: Int { Terminal.width }
    var height: Int { Terminal.height }
    func takeResize() -> Bool { Terminal.takeResize() }
    func read(timeoutMs: Int32) -> [UInt8]? { Terminal.read(timeoutMs: timeoutMs) }
    func write(_ s: String) { Terminal.write(s) }
    func suspend() { Terminal.suspend() }
}
