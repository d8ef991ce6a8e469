import Foundation

/// What running rules produced: outputs in order, diagnostics, assertion outcomes, and the exit status.
public struct RunResult: Sendable {
    public var outputs: [OutputItem] = []
    public var diagnostics: [Diagnostic] = []
    /// 0 ok, 1 rule errors or failed assertions, 2 usage, 3 data could not be read.
    public var exitCode: Int32 = 0
    /// Rendered diagnostics (with source lines and carets), for stderr.
    public var renderedDiagnostics: String = ""
    public var failedAssertions = 0
    public var passedAssertions = 0
    /// Every assertion that ran, in order (for `strata test`).
    public var assertions: [AssertionOutcome] = []
    /// Wall time of each phase in milliseconds: reading the data, parsing and checking, evaluating.
    public var timings = Timings()

    public init() {}

    /// One assertion's result: where it is, what it says, whether it held and the values involved.
    public struct AssertionOutcome: Sendable {
        public var file: String
        public var span: SourceSpan
        public var text: String
        public var message: String?
        public var passed: Bool
        public var detail: Message?
    }

    /// Phase times of one run, for `strata run --timings` and the benchmark.
    public struct Timings: Sendable {
        public var loadMs = 0.0
        public var checkMs = 0.0
        public var evalMs = 0.0
    }

    /// Whether the work was cancelled (Ctrl-C in the REPL): a `cancelled` diagnostic ended it.
    public var cancelled: Bool { diagnostics.contains { $0.code == .cancelled } }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records diagnostics and the exit code they imply (the worse of the two wins).
    mutating func fail(_ diagnostics: [Diagnostic], exitCode code: Int32) {
        self.diagnostics += diagnostics
        exitCode = max(exitCode, code)
    }

    /// An evaluation error becomes a diagnostic here, in one place for every front end.
    mutating func add(_ error: EvalError, in file: String) {
        fail([Diagnostic(.error, error.text, code: error.code, file: file, span: error.span, help: error.help)], exitCode: 1)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func ms(since t: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds &- t) / 1e6 }
}
