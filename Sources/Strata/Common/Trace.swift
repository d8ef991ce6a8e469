import Foundation

/// `STRATA_TRACE=1`: phase times on stderr, for profiling a slow rule file or data set.
public enum Trace {
    static let on = ProcessInfo.processInfo.environment["STRATA_TRACE"] != nil

    /// Runs `body` and, when tracing, prints how long it took.
    @inline(__always)
    public static func time<T, E: Error>(_ what: @autoclosure () -> String, _ body: () throws(E) -> T) throws(E) -> T {
        guard on else { return try body() }
        let t = DispatchTime.now().uptimeNanoseconds
        let r = try body()
        FileHandle.standardError.write(Data(String(format: "%8.2f ms  %@\n", Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6, what()).utf8))
        return r
    }
}
