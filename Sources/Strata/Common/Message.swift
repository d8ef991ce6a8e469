/// A text in every language Strata speaks, with `{slot}` placeholders for the values it shows, so word
/// order can differ between languages. A slot only English needs (a plural `s`, an article) is named
/// `en_…` and may be left out of the Chinese.
public struct Template: Sendable, Hashable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The template in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// The slot names a template mentions, in order of first mention.
    public static func slots(in template: String) -> [String] {
        var out: [String] = []
        forEachSlot(in: template) { name in if !out.contains(name) { out.append(name) } }
        return out
    }

    /// Calls `body` with the name of each `{name}` in `template`; a brace pair around anything but a
    /// slot name (`\u{1F600}`, `{…}`) is text.
    static func forEachSlot(in template: String, _ body: (String) -> Void) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { return }
            let name = after[..<close]
            if isSlotName(name) { body(String(name)) }
            rest = after
        }
    }

    static func isSlotName(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// A key of the message catalog: one case per text a person reads, in one enum per part of the program
/// (`SyntaxText`, `CheckText`, `CLIText`, …), whose exhaustive `template` switch gives both languages —
/// a new case does not compile without them. The catalog's keys are `EnumName.case`.
public protocol CatalogKey: Sendable, CaseIterable, RawRepresentable where RawValue == String {
    /// The English and Chinese templates of this text.
    var template: Template { get }
}

extension CatalogKey {
    /// The catalog key, stable across wordings: `SyntaxText.unterminatedString`.
    public var key: String { "\(Self.self).\(rawValue)" }

    /// This text with its slots filled.
    public func callAsFunction(_ slots: [String: Slot] = [:]) -> Message {
        Message(key: key, template: template, slots: slots)
    }

    /// This text without slots, as a message.
    public var message: Message { Message(key: key, template: template, slots: [:]) }
}

/// The value of one slot: text written as it is in every language (a name, a number, a value), another
/// message (a reason inside a sentence), or a list joined the way each language joins lists.
public indirect enum Slot: Sendable, Hashable, ExpressibleByStringInterpolation {
    case text(String)
    case message(Message)
    case list([String])

    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

    /// The slot in `language`.
    func text(_ language: Language) -> String {
        switch self {
        case .text(let s): s
        case .message(let m): m.text(language)
        case .list(let items): items.joined(separator: CommonText.listSeparator.template.text(language))
        }
    }
}

/// A catalog text with its slots filled: what a diagnostic, a notice or a header says, rendered in
/// whichever language the output is in (by default `Language.current`).
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// The catalog key (`SyntaxText.unterminatedString`), or `verbatim` for text that is the same in
    /// every language (what the user wrote: an assertion's own message).
    public let key: String
    public let template: Template
    public let slots: [String: Slot]

    public init(key: String, template: Template, slots: [String: Slot]) {
        self.key = key
        self.template = template
        self.slots = slots
    }

    /// Text that is not translated because it is not ours: the user's own words, a data value.
    public static func verbatim(_ text: String) -> Message {
        Message(key: "verbatim", template: Template(en: "{text}", zh: "{text}"), slots: ["text": .text(text)])
    }

    /// The message in `language`, slots filled; a slot without a value is left as written.
    public func text(_ language: Language = Language.current) -> String {
        let t = template.text(language)
        guard t.contains("{") else { return t }
        var out = ""
        var rest = Substring(t)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if Template.isSlotName(name), let value = slots[String(name)] {
                out += value.text(language)
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The message in the current language.
    public var description: String { text() }
}

extension CatalogKey {
    /// Every text of this catalog enum, as (key, templates), in declaration order.
    public static var entries: [(key: String, template: Template)] { allCases.map { ($0.key, $0.template) } }
}
