/// Why data could not be read: the file, the 1-based line where known, the field where known, and what is wrong.
public struct LoadError: Error, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var field: String?
    /// What is wrong, from the catalog (`LoadText`): rendered in the language of the output.
    public var text: Message

    public init(file: String, line: Int? = nil, field: String? = nil, _ text: Message) {
        self.file = file
        self.line = line
        self.field = field
        self.text = text
    }

    /// The file could not be opened or read: `reason` says why (`LoadText.noSuchFile`, …).
    static func unreadable(_ file: String, _ reason: LoadText) -> LoadError {
        LoadError(file: file, LoadText.cannotRead(["reason": .message(reason.message)]))
    }

    /// What is wrong, in the current language.
    public var message: String { text.text() }

    /// Whether the file could not be opened or read at all (rather than read and found wanting).
    public var isUnreadable: Bool { line == nil && text.key == LoadText.cannotRead.key }

    /// What the paths of a load are relative to, as the advice names it.
    public enum PathBase: Sendable {
        /// A `load` in a rule file: its path is relative to the rule file.
        case ruleFile
        /// A `--data` on the command line: relative to the current folder.
        case currentFolder
        /// A path typed at the REPL's prompt or given to it with `--data`: relative to where it was started.
        case startFolder

        var text: Message {
            switch self {
            case .ruleFile: LoadText.relativeToRuleFile.message
            case .currentFolder: LoadText.relativeToCurrentFolder.message
            case .startFolder: LoadText.relativeToStartFolder.message
            }
        }
    }

    /// What to do about it: a file that could not be opened wants another path (the advice names what the path was
    /// relative to), anything else a look at the file.
    public func advice(pathsRelativeTo base: PathBase) -> Message {
        isUnreadable ? LoadText.adviceUnreadable(["base": .message(base.text)]) : LoadText.adviceMalformed.message
    }

    /// `file:line: message`, as printed before exiting with code 3.
    public var description: Message {
        var place = file
        if let l = line { place += ":\(l)" }
        return LoadText.located(["place": .text(place), "message": .message(text)])
    }
}
