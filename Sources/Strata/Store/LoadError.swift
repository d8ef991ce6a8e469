/// Why data could not be read: the file, the 1-based line where known, the field where known, and what is wrong.
public struct LoadError: Error, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// Whether the file could not be opened or read at all (rather than read and found wanting).
    public var isUnreadable: Bool { line == nil && message.hasPrefix("cannot read the file") }

    /// What to do about it: a file that could not be opened wants another path (the advice names what the path was
    /// relative to: "the rule file", "the current folder"), anything else a look at the file.
    public func advice(pathsRelativeTo base: String) -> String {
        isUnreadable
            ? "check the path (relative to \(base)) and that the file is a CSV, JSON or JSON Lines export"
            : "fix the file there, or point the rules at another export with --data NAME=PATH"
    }

    /// `file:line: message`, as printed before exiting with code 3.
    public var description: String {
        var place = file
        if let l = line { place += ":\(l)" }
        return place + ": " + message
    }
}
