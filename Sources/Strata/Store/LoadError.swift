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

    /// `file:line: message`, as printed before exiting with code 3.
    public var description: String {
        var place = file
        if let l = line { place += ":\(l)" }
        return place + ": " + message
    }
}
