/// What a name stands for.
public enum SymbolKind: Sendable, Hashable {
    /// A column of the loaded data.
    case field(ValueType)
    /// A `derive`d per-customer field.
    case derived(ValueType)
    /// A `let` constant.
    case constant(ValueType)
    case segment
    /// A `tiers` block: a string field holding the tier's label.
    case tiers(labels: [String])
    /// A `set` setting such as `as_of`.
    case setting(ValueType)
    /// The loaded table's name: everyone.
    case table
    /// A definition that had errors: later uses are accepted silently so one mistake is reported once.
    case failed

    /// How the kind is named in English ("field", "segment"…); messages use `nounText`.
    public var noun: String { nounText.text(.en) }

    /// True for the kinds the user defines with a statement (and so may redefine in the REPL).
    public var isDefinition: Bool {
        switch self {
        case .derived, .constant, .segment, .tiers, .failed: return true
        default: return false
        }
    }
}

/// A named thing and where it was defined (nil span for fields of the data and built-in settings).
public struct Binding: Sendable, Hashable {
    public var name: String
    public var kind: SymbolKind
    public var file: String?
    public var span: SourceSpan?
}

/// The names visible at a point of a program, in definition order.
public struct Scope: Sendable {
    private(set) var symbols: [String: Binding] = [:]
    private(set) var order: [String] = []

    public init() {}

    public func lookup(_ name: String) -> Binding? { symbols[name] }

    /// Defines or replaces a name.
    public mutating func define(_ symbol: Binding) {
        if symbols[symbol.name] == nil { order.append(symbol.name) }
        symbols[symbol.name] = symbol
    }

    public mutating func remove(_ name: String) {
        symbols[name] = nil
        order.removeAll { $0 == name }
    }

    /// All symbols in definition order.
    public var all: [Binding] { order.compactMap { symbols[$0] } }

    /// Names a typo could have meant, for suggestions.
    public var names: [String] { order }
}
