/// A usage error: wrong command-line words (exit code 2).
public struct UsageError: Error, Sendable, Equatable {
    /// What was wrong, rendered in the command's language when printed.
    public var message: Message
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
                    guard inline == nil else { throw UsageError(message: CLIText.takesNoValue(["option": "--\(name)"])) }
                    flags.insert(name)
                } else if valueOptions.contains(name) {
                    if let v = inline {
                        values[name, default: []].append(v)
                    } else {
                        guard i + 1 < words.count else { throw UsageError(message: CLIText.needsValue(["option": "--\(name)"])) }
                        values[name, default: []].append(words[i + 1])
                        i += 1
                    }
                } else {
                    let known = (valueOptions.union(flagOptions)).map { "--" + $0 }
                    let near = Suggest.nearest("--" + name, in: known)
                    throw UsageError(message: near.map { CLIText.unknownOptionNear(["option": "--\(name)", "near": .text($0)]) }
                                     ?? CLIText.unknownOption(["option": "--\(name)"]))
                }
            } else if w == "-o", valueOptions.contains("output") {
                // `-o FILE` is `--output FILE`, for the commands that write one file (`strata report`).
                guard i + 1 < words.count else { throw UsageError(message: CLIText.needsValue(["option": "-o"])) }
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

extension Arguments {
    /// Takes `--lang zh|en` (or `--lang=…`) out of a command line, wherever it stands, so every command
    /// accepts it without declaring it: the language asked for (nil when not given) and the other words.
    public static func language(in words: [String]) throws(UsageError) -> (Language?, [String]) {
        var rest: [String] = []
        var language: Language?
        var i = 0
        while i < words.count {
            let w = words[i]
            var value: String?
            if w == "--lang" {
                guard i + 1 < words.count else { throw UsageError(message: CLIText.needsValue(["option": "--lang"])) }
                value = words[i + 1]
                i += 1
            } else if w.hasPrefix("--lang=") {
                value = String(w.dropFirst("--lang=".count))
            }
            if let v = value {
                // `zh` and `en`, and what STRATA_LANG accepts (`zh_CN.UTF-8`, `chinese`, `中文`).
                guard let l = Language(name: v) else {
                    // A slip of the second letter (`zn`, `eh`) is as near to one name as to the other: the first decides.
                    let near = Language.allCases.first { $0.rawValue.first == v.lowercased().first }?.rawValue
                        ?? Suggest.nearest(v.lowercased(), in: Language.allCases.map(\.rawValue))
                    throw UsageError(message: CLIText.suggesting(CLIText.unknownLanguage(["found": .text(v)]), near))
                }
                language = l
            } else {
                rest.append(w)
            }
            i += 1
        }
        return (language, rest)
    }
}
