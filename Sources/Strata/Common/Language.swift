/// The languages Strata's messages are written in. Keywords are the language itself and stay English.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// The language messages render in. Each command binds it once (from `--lang`, `STRATA_LANG` or the
    /// locale) around all it does, so deep code reads it without every function taking a parameter, and
    /// tests running in parallel each see their own.
    @TaskLocal public static var current: Language = .en

    /// A `--lang` or `STRATA_LANG` value: `en`, `zh`, or a locale name such as `zh_CN.UTF-8`; nil for any other.
    public init?(name: String) {
        let n = name.lowercased()
        if n == "en" || n.hasPrefix("en_") || n.hasPrefix("en-") || n == "english" { self = .en }
        else if n == "zh" || n.hasPrefix("zh_") || n.hasPrefix("zh-") || n == "chinese" || n == "中文" { self = .zh }
        else { return nil }
    }

    /// The language the environment asks for: `STRATA_LANG` if it names one, else the locale that POSIX
    /// says governs messages (the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty):
    /// Chinese when it starts with `zh`, else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        if let s = environment["STRATA_LANG"], let l = Language(name: s) { return l }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[name], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}
