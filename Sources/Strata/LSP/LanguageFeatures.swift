/// The requests that ask about a document's contents: each converts the protocol's positions to Strata's,
/// asks the `EditorWorkspace`, and converts the answer back (kinds to the protocol's numbers, spans to
/// UTF-16 ranges of the file each is in).
extension LanguageServer {
    func completion(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, location) = try place(params)
        return .array(workspace.completions(path: path, at: location).map(LanguageServer.json))
    }

    func hover(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, location) = try place(params)
        guard let h = workspace.hover(path: path, at: location) else { return .null }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(h.markdown)]),
            "range": positions(of: path).range(of: h.span).json,
        ])
    }

    func definition(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, location) = try place(params)
        return locations(workspace.definition(path: path, at: location))
    }

    func references(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, location) = try place(params)
        let declaration = params.member("context.includeDeclaration")?.bool ?? false
        return locations(workspace.references(path: path, at: location, includeDeclaration: declaration))
    }

    /// A rename to a name that cannot be one (empty, with a backtick or a control character such as a line
    /// break, a keyword) is a bad parameter; a rename the workspace refuses (a field of the data, a name
    /// already taken) fails with its reason.
    func rename(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, location) = try place(params)
        let name = try params.string("newName")
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !name.contains("`"), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw RPCError(.invalidParams, "a new name must be one line of text, without backticks")
        }
        guard Keyword(word: trimmed) == nil else {
            throw RPCError(.invalidParams, "`\(trimmed)` is a keyword and cannot name a definition")
        }
        switch workspace.rename(path: path, at: location, to: name) {
        case .refused(let reason): throw RPCError(.requestFailed, reason)
        case .edits(let edits):
            var changes: [String: JSONValue] = [:]
            for (file, fileEdits) in Dictionary(grouping: edits, by: \.path) {
                let p = positions(of: file)
                let sorted = fileEdits.sorted { $0.span.start.offset < $1.span.start.offset }
                changes[uri(of: file)] = .array(sorted.map { textEdit(p.range(of: $0.span), $0.newText) })
            }
            return .object(["changes": .object(changes)])
        }
    }

    /// The name under the cursor that a rename would change: the reference (or definition) there, with its
    /// text as the placeholder; null where there is none.
    func prepareRename(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, location) = try place(params)
        let here = workspace.references(path: path, at: location, includeDeclaration: true).first {
            $0.path == path && $0.span.start.offset <= location.offset && location.offset <= $0.span.end.offset
        }
        guard let here, let text = documents[path]?.text ?? workspace.text(of: path) else { return .null }
        return .object([
            "range": positions(of: path).range(of: here.span).json,
            "placeholder": .string(SourceFile(name: path, text: text).slice(here.span)),
        ])
    }

    /// `strata fmt` of the document's text as one edit of the whole document; no edit when it is already
    /// formatted or has syntax errors (formatting leaves a broken file alone, without an error).
    func formatting(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, _) = try params.document()
        guard let text = documents[path]?.text ?? workspace.text(of: path) else {
            throw RPCError(.requestFailed, "cannot read \(path)")
        }
        guard let formatted = Pipeline.format(SourceFile(name: path, text: text)).text, formatted != text else { return .array([]) }
        let whole = LSPRange(start: LSPPosition(line: 0, character: 0), end: positions(of: path).end)
        return .array([textEdit(whole, formatted)])
    }

    func documentSymbols(_ params: Params) throws(RPCError) -> JSONValue {
        let (path, _) = try params.document()
        let p = positions(of: path)
        return .array(workspace.symbols(path: path).map { LanguageServer.json($0, p) })
    }

    // MARK: - Conversions

    func locations(_ places: [EditorLocation]) -> JSONValue {
        var cache: [String: TextPositions] = [:]
        return .array(places.map { place in
            let p = cache[place.path] ?? positions(of: place.path)
            cache[place.path] = p
            return .object(["uri": .string(uri(of: place.path)), "range": p.range(of: place.span).json])
        })
    }

    func textEdit(_ range: LSPRange, _ newText: String) -> JSONValue {
        .object(["range": range.json, "newText": .string(newText)])
    }

    static func json(_ c: EditorCompletion) -> JSONValue {
        var item: [String: JSONValue] = ["label": .string(c.label), "kind": .int(completionKind(c.kind))]
        if let d = c.detail { item["detail"] = .string(d) }
        if let d = c.documentation { item["documentation"] = .object(["kind": .string("markdown"), "value": .string(d)]) }
        if let t = c.insertText { item["insertText"] = .string(t) }
        // 2 is a snippet with `${1:…}` placeholders; plain text (1) is the default and left out.
        if c.isSnippet { item["insertTextFormat"] = .int(2) }
        return .object(item)
    }

    static func json(_ s: EditorSymbol, _ p: TextPositions) -> JSONValue {
        var symbol: [String: JSONValue] = [
            "name": .string(s.name), "kind": .int(symbolKind(s.kind)),
            "range": p.range(of: s.span).json, "selectionRange": p.range(of: s.selectionSpan).json,
        ]
        if let d = s.detail { symbol["detail"] = .string(d) }
        if !s.children.isEmpty { symbol["children"] = .array(s.children.map { json($0, p) }) }
        return .object(symbol)
    }

    /// The protocol's CompletionItemKind. A segment is a class of customers (Class 7), a tiers field an
    /// enumeration of its labels (Enum 13, EnumMember 20), a `let` one value (Constant 21), a derived field
    /// a computed property of each customer (Property 10) beside the data's fields (Field 5), a table a
    /// record of fields (Struct 22), a duration unit a Unit (11).
    static func completionKind(_ k: EditorCompletionKind) -> Int {
        switch k {
        case .keyword: return 14
        case .snippet: return 15
        case .field: return 5
        case .segment: return 7
        case .tier: return 13
        case .tierLabel: return 20
        case .letName: return 21
        case .derived: return 10
        case .function: return 3
        case .table: return 22
        case .unit: return 11
        }
    }

    /// The protocol's SymbolKind, chosen as for completion: Class 5, Enum 10, EnumMember 22, Constant 14,
    /// Property 7, Struct 23; a summary (a named output table) is an Object (19).
    static func symbolKind(_ k: EditorSymbolKind) -> Int {
        switch k {
        case .segment: return 5
        case .tier: return 10
        case .tierLabel: return 22
        case .letName: return 14
        case .derived: return 7
        case .table: return 23
        case .summary: return 19
        }
    }
}
