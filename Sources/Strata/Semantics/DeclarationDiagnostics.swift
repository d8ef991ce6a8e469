/// The messages about the data a program declares (`schema`) and asks for (`load`, `--data`), found
/// before any data is read; one function per message kind.
extension DiagnosticMessage {
    // MARK: - Schema

    static func schemaLoadMismatch(_ schema: String, loaded: String) -> Self {
        Self(code: .schemaLoadMismatch, text: "schema `\(schema)` does not match `load \(loaded)`",
             suggestion: "name the schema after the table it describes: `schema \(loaded) {`")
    }

    /// A field type that is none of the four; `nearest` is the type it resembles.
    static func unknownType(_ written: String, nearest: String?) -> Self {
        Self(code: .unknownType, text: "unknown type `\(written)`", suggestion: didYouMean(nearest) ?? "types are number, string, bool and date")
    }

    static func repeatedFlag(_ flag: String, field: String) -> Self {
        Self(code: .repeatedFlag, text: "`\(flag)` is given twice for `\(field)`", suggestion: "write it once")
    }

    static func unknownFlag(_ flag: String) -> Self {
        Self(code: .unknownFlag, text: "unknown flag `\(flag)`",
             suggestion: "flags are `key` (the customer id), `pii` (personal data, masked in output) and `public` (not personal data, though the name says so)")
    }

    static func conflictingFlags(field: String) -> Self {
        Self(code: .conflictingFlags, text: "`\(field)` is marked both `pii` and `public`",
             suggestion: "keep `pii` to mask it in output, or `public` to show it")
    }

    static func duplicateField(_ field: String) -> Self {
        Self(code: .duplicateField, text: "field `\(field)` is declared twice", suggestion: "keep one declaration")
    }

    /// A second field marked `key`; `first` is the one marked before.
    static func secondKey(_ field: String, first: DeclaredField) -> Self {
        Self(code: .secondKey, text: "`\(field)` is marked `key`, but `\(first.name)` already is (\(first.file):\(first.span.start.line))",
             suggestion: "a table has one key, the customer id; remove one of the `key` flags")
    }

    // MARK: - Load plan

    /// A second `load`; `first` is the table the first one loads.
    static var dataAlreadyLoaded: Self {
        Self(code: .dataAlreadyLoaded, text: "data is already loaded", suggestion: "remove this `load`")
    }

    static var noDataLoaded: Self {
        Self(code: .noDataLoaded, text: "no data loaded",
             suggestion: "start the rules with `load customers from \"customers.csv\"` or pass `--data customers=PATH`")
    }
}
