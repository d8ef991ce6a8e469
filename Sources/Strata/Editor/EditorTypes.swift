/// A place in a rule file, as the editor features report it (an absolute path and a span in it).
public struct EditorLocation: Sendable, Hashable {
    public var path: String
    public var span: SourceSpan

    public init(path: String, span: SourceSpan) {
        self.path = path
        self.span = span
    }
}

/// What hovering over a name shows: Markdown text and the span of the name hovered.
public struct EditorHover: Sendable, Hashable {
    public var markdown: String
    public var span: SourceSpan

    public init(markdown: String, span: SourceSpan) {
        self.markdown = markdown
        self.span = span
    }
}

/// What a completion item stands for, so the editor can show the right icon.
public enum EditorCompletionKind: Sendable, Hashable {
    case keyword, snippet, field, segment, tier, tierLabel, letName, derived, function, table, unit
}

/// One completion offered at the cursor.
public struct EditorCompletion: Sendable, Hashable {
    public var label: String
    public var kind: EditorCompletionKind
    public var detail: String?
    public var documentation: String?
    /// The text to insert instead of the label (with `${1:name}` placeholders when `isSnippet`).
    public var insertText: String?
    public var isSnippet: Bool

    public init(label: String, kind: EditorCompletionKind, detail: String? = nil, documentation: String? = nil, insertText: String? = nil, isSnippet: Bool = false) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.insertText = insertText
        self.isSnippet = isSnippet
    }
}

/// One text replacement in one file.
public struct EditorEdit: Sendable, Hashable {
    public var path: String
    public var span: SourceSpan
    public var newText: String

    public init(path: String, span: SourceSpan, newText: String) {
        self.path = path
        self.span = span
        self.newText = newText
    }
}

/// The outcome of a rename: the edits to make, or why the rename is refused.
public enum EditorRename: Sendable, Hashable {
    case edits([EditorEdit])
    case refused(String)
}

/// What an outline entry stands for.
public enum EditorSymbolKind: Sendable, Hashable {
    case segment, tier, tierLabel, letName, derived, table, summary
}

/// One entry of a file's outline, with its nested entries (a tier's labels).
public struct EditorSymbol: Sendable, Hashable {
    public var name: String
    public var kind: EditorSymbolKind
    public var detail: String?
    /// The whole statement.
    public var span: SourceSpan
    /// The name inside the statement.
    public var selectionSpan: SourceSpan
    public var children: [EditorSymbol]

    public init(name: String, kind: EditorSymbolKind, detail: String? = nil, span: SourceSpan, selectionSpan: SourceSpan, children: [EditorSymbol] = []) {
        self.name = name
        self.kind = kind
        self.detail = detail
        self.span = span
        self.selectionSpan = selectionSpan
        self.children = children
    }
}
