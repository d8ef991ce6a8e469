import Foundation

/// The messages of running rules — evaluation, assertions, reading the data and checking it against the
/// schema, and the REPL refusing a redefinition — one function per message kind.
extension DiagnosticMessage {
    // MARK: - Assertions

    /// A failed `assert`: its own message if it has one, else its text; `values` are the operands' values.
    static func assertionFailed(message: String?, text: String, values: [Message]) -> Self {
        Self(code: .assertionFailed, text: RunText.assertionFailed(["message": "\(message ?? text)"]),
             help: values.isEmpty ? nil : RunText.clauses(values))
    }

    /// One operand of a failed assertion and its value, as shown.
    static func assertionValue(_ operand: String, is shown: String) -> Message { RunText.assertionValue(["operand": "\(operand)", "value": "\(shown)"]) }

    static var assertionConditionNull: Message { RunText.assertionConditionNull.message }

    // MARK: - Evaluation

    /// An `export` to the file the data is read from; `path` is the export's path.
    static func exportOverwritesData(_ source: String, path: String) -> Self {
        Self(code: .exportOverwritesData, text: RunText.exportOverwritesData(["source": "\(source)"]),
             help: RunText.exportOverwritesDataHelp(["file": "\((path as NSString).lastPathComponent)"]))
    }

    static func exportWriteFailed(_ path: String, reason: String) -> Self {
        Self(code: .exportWriteFailed, text: RunText.exportWriteFailed(["path": "\(path)", "reason": "\(reason)"]), help: RunText.exportWriteFailedHelp.message)
    }

    /// Work stopped by Ctrl-C (the REPL shows it as one line; nothing it would have written is left).
    static var cancelled: Self { Self(code: .cancelled, text: RunText.cancelled.message) }

    /// A checked column missing from the store: the checker and the store disagree, so no help is given.
    static func columnNotFound(_ name: String) -> Self {
        Self(code: .columnNotFound, text: RunText.columnNotFound(["name": "\(name)"]))
    }

    /// A segment read before it was computed: the checker's ordering failed, so no help is given.
    static func segmentNotComputed(_ name: String) -> Self {
        Self(code: .segmentNotComputed, text: RunText.segmentNotComputed(["name": "\(name)"]))
    }

    /// A `percentile` fraction computed (not written) outside 0…1; the checker reports written ones.
    static var percentileValueOutOfRange: Self {
        Self(code: .percentileOutOfRange, text: RunText.percentileOutOfRange.message, help: RunText.percentileOutOfRangeHelp.message)
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
             text: RunText.dataEncodingDetected(["encoding": "\(encoding.displayName)", "name": "\(encoding.rawValue)"]))
    }

    /// A field the schema declares that the data in `source` lacks; `nearest` is a column it resembles.
    static func dataMissingField(_ field: String, source: String, nearest: String?) -> Self {
        Self(code: .dataMissingField, text: RunText.dataMissingField(["source": "\(source)", "field": "\(field)"]),
             help: nearest.map { RunText.dataHasField(["name": "\($0)"]) } ?? RunText.checkExportColumns.message)
    }

    static func dataTypeMismatch(_ field: String, declared: ValueType, found: ValueType) -> Self {
        Self(code: .dataTypeMismatch, text: RunText.dataTypeMismatch(["field": "\(field)", "declared": declared.slot, "found": found.slot]),
             help: RunText.fixSchemaOrExport.message)
    }

    // MARK: - REPL redefinitions

    static func redefinitionUsesItself(_ name: String) -> Self {
        Self(code: .redefinitionUsesItself, text: RunText.redefinitionUsesItself(["name": "\(name)"]), help: RunText.redefinitionUsesItselfHelp(["name": "\(name)"]))
    }

    /// A redefinition of `name` that reads `dependent`, which reads `name`.
    static func redefinitionCycle(_ name: String, through dependent: String) -> Self {
        let slots: [String: Slot] = ["name": "\(name)", "dependent": "\(dependent)"]
        return Self(code: .redefinitionCycle, text: RunText.redefinitionCycle(slots), help: RunText.redefinitionCycleHelp(slots))
    }

    /// Why a dependent failed when its own diagnostics do not say (the first of them is the reason otherwise).
    /// (Rendered when asked for: the REPL keeps one language for its whole session.)
    static var noLongerChecks: String { RunText.noLongerChecks.message.text() }
    static var noLongerEvaluates: String { RunText.noLongerEvaluates.message.text() }

    /// A redefinition of `name` that `dependent` would not survive, for the reason `why`.
    static func redefinitionBreaksDependent(_ name: String, dependent: String, why: String) -> Self {
        let slots: [String: Slot] = ["name": "\(name)", "dependent": "\(dependent)", "why": "\(why)"]
        return Self(code: .redefinitionBreaksDependent, text: RunText.redefinitionBreaksDependent(slots), help: RunText.redefinitionBreaksDependentHelp(slots))
    }

    // MARK: - why

    /// `why` for a key no customer has; `near` are the closest keys there are.
    static func whyUnknownCustomer(_ key: String, field: String, near: [String]) -> Self {
        let slots: [String: Slot] = ["field": "\(field)", "key": "\(key)", "keys": .list(near.map { "`\($0)`" })]
        return Self(code: .whyUnknownCustomer, text: RunText.whyUnknownCustomer(slots),
                    help: near.isEmpty ? RunText.whyCheckKey(slots) : RunText.whyClosestKeys(slots))
    }

    /// `why` for a name that is no segment or tiers field; `kind` is what it is, if anything.
    static func whyNotAClassification(_ name: String, kind: SymbolKind?, nearest: String?) -> Self {
        Self(code: .whyNotAClassification,
             text: kind.map { RunText.whyIsA(["name": "\(name)", "kind": .message($0.nounText)]) } ?? RunText.whyNoClassification(["name": "\(name)"]),
             help: Message.didYouMean(nearest) ?? RunText.whyNotAClassificationHelp.message)
    }
}
