/// A usage error: wrong command-line words (exit code 2).
public struct UsageError: Error, Sendable, Equatable {
    public var message: String
}

/// Command-line words split into positionals and `--name value` options, checked against what a command accepts.
public struct Arguments: Sendable {
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `words` for a command that takes the given value options (`--data`) and flags (`--reveal-pii`).
    public init(_ words: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(UsageError) {
        var i = 0
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--"), w.count > 2 {
                var name = String(w.dropFirst(2))
                var inline: String?
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if flagOptions.contains(name) {
                    guard inline == nil else { throw UsageError(message: "--\(name) takes no value") }
                    flags.insert(name)
                } else if valueOptions.contains(name) {
                    if let v = inline {
                        values[name, default: []].append(v)
                    } else {
                        guard i + 1 < words.count else { throw UsageError(message: "--\(name) needs a value") }
                        values[name, default: []].append(words[i + 1])
                        i += 1
                    }
                } else {
                    let known = (valueOptions.union(flagOptions)).map { "--" + $0 }
                    let near = Suggest.nearest("--" + name, in: known)
                    throw UsageError(message: "unknown option --\(name)" + (near.map { "; did you mean \($0)?" } ?? ""))
                }
            } else if w == "-o", valueOptions.contains("output") {
                // `-o FILE` is `--output FILE`, for the commands that write one file (`strata report`).
                guard i + 1 < words.count else { throw UsageError(message: "-o needs a value") }
                values["output", default: []].append(words[i + 1])
                i += 1
            } else if w == "-w" || w == "-h" || w == "-v" {
                flags.insert(w == "-w" ? "write" : (w == "-h" ? "help" : "verbose"))
            } else {
                positionals.append(w)
            }
            i += 1
        }
    }

    /// The last value given for an option.
    public func value(_ name: String) -> String? { values[name]?.last }
    /// Every value given for a repeatable option.
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}
