import Foundation

/// The messages of running rules — evaluation, assertions, reading the data and checking it against the
/// schema, and the REPL refusing a redefinition — one function per message kind.
extension DiagnosticMessage {
    // MARK: - Assertions

    /// A failed `assert`: its own message if it has one, else its text; `values` are the operands' values.
    static func assertionFailed(message: String?, text: String, values: [String]) -> Self {
        Self(code: .assertionFailed, text: "assertion failed: \(message ?? text)", suggestion: values.isEmpty ? nil : values.joined(separator: "; "))
    }

    /// One operand of a failed assertion and its value, as shown.
    static func assertionValue(_ operand: String, is shown: String) -> String { "\(operand) is \(shown)" }

    static let assertionConditionNull = "the condition is null (unknown), which fails"

    // MARK: - Evaluation

    /// An `export` to the file the data is read from; `path` is the export's path.
    static func exportOverwritesData(_ source: String, path: String) -> Self {
        Self(code: .exportOverwritesData, text: "`export` would overwrite the data file being read (\(source))",
             suggestion: "export to another file, e.g. \"out/\((path as NSString).lastPathComponent)\"")
    }

    static func exportWriteFailed(_ path: String, reason: String) -> Self {
        Self(code: .exportWriteFailed, text: "cannot write `\(path)`: \(reason)", suggestion: "check that the folder is writable")
    }

    /// Work stopped by Ctrl-C (the REPL shows it as one line; nothing it would have written is left).
    static var cancelled: Self { Self(code: .cancelled, text: "cancelled") }

    /// A checked column missing from the store: the checker and the store disagree, so no help is given.
    static func columnNotFound(_ name: String) -> Self {
        Self(code: .columnNotFound, text: "no column `\(name)` in the data")
    }

    /// A segment read before it was computed: the checker's ordering failed, so no help is given.
    static func segmentNotComputed(_ name: String) -> Self {
        Self(code: .segmentNotComputed, text: "segment `\(name)` has not been computed")
    }

    /// A `percentile` fraction computed (not written) outside 0…1; the checker reports written ones.
    static var percentileValueOutOfRange: Self {
        Self(code: .percentileOutOfRange, text: "the fraction of `percentile` must be between 0 and 1", suggestion: "e.g. percentile(clv, 0.9)")
    }

    // MARK: - Data

    /// Data that could not be read; paths were relative to `base` ("the rule file", "the current folder").
    static func dataNotRead(_ error: LoadError, pathsRelativeTo base: LoadError.PathBase) -> Self {
        Self(code: error.isUnreadable ? .dataUnreadable : .dataMalformed, text: error.description, help: error.advice(pathsRelativeTo: base))
    }

    /// Data found to be in `encoding`, not UTF-8, without its load naming it: a note, so a file saved in
    /// another encoding than the analyst thinks is never read silently.
    static func dataEncodingDetected(_ encoding: TextEncoding) -> Self {
        Self(code: .dataEncodingDetected, severity: .note,
             text: "read as \(encoding.displayName) (not UTF-8); say encoding \"\(encoding.rawValue)\" on the load to silence this", suggestion: nil)
    }

    /// A field the schema declares that the data in `source` lacks; `nearest` is a column it resembles.
    static func dataMissingField(_ field: String, source: String, nearest: String?) -> Self {
        Self(code: .dataMissingField, text: "the data in \(source) has no field `\(field)` declared in the schema",
             suggestion: nearest.map { "the data has `\($0)`" } ?? "check the export's columns")
    }

    static func dataTypeMismatch(_ field: String, declared: ValueType, found: ValueType) -> Self {
        Self(code: .dataTypeMismatch, text: "field `\(field)` is declared \(declared.name) but the data holds \(found.name) values",
             suggestion: "fix the schema or the export")
    }

    // MARK: - REPL redefinitions

    static func redefinitionUsesItself(_ name: String) -> Self {
        Self(code: .redefinitionUsesItself, text: "`\(name)` cannot use itself: the old `\(name)` is kept",
             suggestion: "give the new definition its own name (e.g. `\(name)_2`), or write its rule out in full")
    }

    /// A redefinition of `name` that reads `dependent`, which reads `name`.
    static func redefinitionCycle(_ name: String, through dependent: String) -> Self {
        Self(code: .redefinitionCycle, text: "`\(name)` cannot use `\(dependent)`: `\(dependent)` depends on `\(name)`",
             suggestion: "define it from other fields, or redefine `\(dependent)` first")
    }

    /// Why a dependent failed when its own diagnostics do not say (the first of them is the reason otherwise).
    static let noLongerChecks = "it no longer checks"
    static let noLongerEvaluates = "it no longer evaluates"

    /// A redefinition of `name` that `dependent` would not survive, for the reason `why`.
    static func redefinitionBreaksDependent(_ name: String, dependent: String, why: String) -> Self {
        Self(code: .redefinitionBreaksDependent, text: "`\(name)` was not replaced: `\(dependent)`, which depends on it, would fail: \(why)",
             suggestion: "redefine `\(dependent)` first, or choose a value it accepts")
    }

    // MARK: - why

    /// `why` for a key no customer has; `near` are the closest keys there are.
    static func whyUnknownCustomer(_ key: String, field: String, near: [String]) -> Self {
        Self(code: .whyUnknownCustomer, text: "no customer has \(field) `\(key)`",
             suggestion: near.isEmpty ? "check the key (`show` lists customers with their \(field))"
                : "the closest \(field)s are " + near.map { "`\($0)`" }.joined(separator: ", "))
    }

    /// `why` for a name that is no segment or tiers field; `kind` says what it is, if anything.
    static func whyNotAClassification(_ name: String, kind: String?, nearest: String?) -> Self {
        Self(code: .whyNotAClassification,
             text: kind.map { "`\(name)` is a \($0), not a segment or tiers field" } ?? "no segment or tiers field is named `\(name)`",
             suggestion: didYouMean(nearest) ?? "`why` explains a segment or a tiers field; leave the name out for all of them")
    }
}
