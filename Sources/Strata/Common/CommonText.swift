/// Texts every part of Strata uses: the words of a diagnostic's frame and how lists are joined.
public enum CommonText: String, CatalogKey {
    case error, warning, note, help
    case listSeparator
    case didYouMean

    public var template: Template {
        switch self {
        case .error: Template(en: "error", zh: "错误")
        case .warning: Template(en: "warning", zh: "警告")
        case .note: Template(en: "note", zh: "注")
        case .help: Template(en: "help", zh: "提示")
        case .listSeparator: Template(en: ", ", zh: "、")
        case .didYouMean: Template(en: "did you mean `{name}`?", zh: "是不是想写 `{name}`？")
        }
    }
}

extension Message {
    /// The help for a misspelling: the name it most resembles, if any.
    public static func didYouMean(_ nearest: String?) -> Message? {
        nearest.map { CommonText.didYouMean(["name": .text($0)]) }
    }
}

extension Severity {
    /// The severity as a person reads it (`error`, `错误`); JSON keeps `rawValue`.
    public var word: String {
        switch self {
        case .error: CommonText.error.message.text()
        case .warning: CommonText.warning.message.text()
        case .note: CommonText.note.message.text()
        }
    }
}
