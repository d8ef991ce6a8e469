/// The messages about the data a program declares (`schema`) and asks for (`load`, `--data`), found
/// before any data is read; one function per message kind.
extension DiagnosticMessage {
    // MARK: - Schema

    static func schemaLoadMismatch(_ schema: String, loaded: String) -> Self {
        let slots: [String: Slot] = ["schema": "\(schema)", "loaded": "\(loaded)"]
        return Self(code: .schemaLoadMismatch, text: DeclarationText.schemaLoadMismatch(slots), help: DeclarationText.schemaLoadMismatchHelp(slots))
    }

    /// A field type that is none of the four; `nearest` is the type it resembles.
    static func unknownType(_ written: String, nearest: String?) -> Self {
        Self(code: .unknownType, text: DeclarationText.unknownType(["written": "\(written)"]), help: Message.didYouMean(nearest) ?? DeclarationText.typesAre.message)
    }

    static func repeatedFlag(_ flag: String, field: String) -> Self {
        Self(code: .repeatedFlag, text: DeclarationText.repeatedFlag(["flag": "\(flag)", "field": "\(field)"]), help: DeclarationText.writeItOnce.message)
    }

    static func unknownFlag(_ flag: String) -> Self {
        Self(code: .unknownFlag, text: DeclarationText.unknownFlag(["flag": "\(flag)"]), help: DeclarationText.unknownFlagHelp.message)
    }

    static func conflictingFlags(field: String) -> Self {
        Self(code: .conflictingFlags, text: DeclarationText.conflictingFlags(["field": "\(field)"]), help: DeclarationText.conflictingFlagsHelp.message)
    }

    static func duplicateField(_ field: String) -> Self {
        Self(code: .duplicateField, text: DeclarationText.duplicateField(["field": "\(field)"]), help: DeclarationText.duplicateFieldHelp.message)
    }

    /// A second field marked `key`; `first` is the one marked before.
    static func secondKey(_ field: String, first: DeclaredField) -> Self {
        Self(code: .secondKey, text: DeclarationText.secondKey(["field": "\(field)", "first": "\(first.name)", "place": "\(first.file):\(first.span.start.line)"]),
             help: DeclarationText.secondKeyHelp.message)
    }

    // MARK: - Load plan

    /// A second `load`; `first` is the table the first one loads.
    static var dataAlreadyLoaded: Self {
        Self(code: .dataAlreadyLoaded, text: DeclarationText.dataAlreadyLoaded.message, help: DeclarationText.dataAlreadyLoadedHelp.message)
    }

    static var noDataLoaded: Self {
        Self(code: .noDataLoaded, text: DeclarationText.noDataLoaded.message, help: DeclarationText.noDataLoadedHelp.message)
    }
}
