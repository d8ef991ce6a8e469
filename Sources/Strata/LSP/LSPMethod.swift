/// Every method the server knows. Anything else is answered `MethodNotFound` (a request) or ignored
/// (a notification), as the protocol asks.
public enum LSPMethod: String, CaseIterable, Sendable {
    case initialize
    case initialized
    case shutdown
    case exit
    case cancelRequest = "$/cancelRequest"
    case setTrace = "$/setTrace"
    case didOpen = "textDocument/didOpen"
    case didChange = "textDocument/didChange"
    case didClose = "textDocument/didClose"
    case didSave = "textDocument/didSave"
    case completion = "textDocument/completion"
    case hover = "textDocument/hover"
    case definition = "textDocument/definition"
    case references = "textDocument/references"
    case rename = "textDocument/rename"
    case prepareRename = "textDocument/prepareRename"
    case formatting = "textDocument/formatting"
    case documentSymbol = "textDocument/documentSymbol"

    /// Whether the method is a request (answered) rather than a notification.
    public var isRequest: Bool {
        switch self {
        case .initialize, .shutdown, .completion, .hover, .definition, .references, .rename, .prepareRename,
             .formatting, .documentSymbol:
            return true
        case .initialized, .exit, .cancelRequest, .setTrace, .didOpen, .didChange, .didClose, .didSave:
            return false
        }
    }
}

/// Typed reads of a message's `params`: a member that is missing or of the wrong type is an
/// `InvalidParams` error naming it (`textDocument.uri`).
struct Params {
    let value: JSONValue

    /// The member at a dotted path, if present and not null.
    func member(_ path: String) -> JSONValue? {
        var v: JSONValue? = value
        for key in path.split(separator: ".") { v = v?[String(key)] }
        if case .null? = v { return nil }
        return v
    }

    func string(_ path: String) throws(RPCError) -> String {
        guard let s = member(path)?.string else { throw RPCError(.invalidParams, "`\(path)` must be a string") }
        return s
    }

    func int(_ path: String) throws(RPCError) -> Int {
        guard let i = member(path)?.int else { throw RPCError(.invalidParams, "`\(path)` must be a whole number") }
        return i
    }

    /// A position; its line and character must be whole and not negative (`uinteger`).
    func position(_ path: String) throws(RPCError) -> LSPPosition {
        let p = LSPPosition(line: try int(path + ".line"), character: try int(path + ".character"))
        guard p.line >= 0, p.character >= 0 else { throw RPCError(.invalidParams, "`\(path)` has a negative line or character") }
        return p
    }

    func range(_ path: String) throws(RPCError) -> LSPRange {
        let r = LSPRange(start: try position(path + ".start"), end: try position(path + ".end"))
        guard r.start <= r.end else { throw RPCError(.invalidParams, "`\(path)` ends before it starts") }
        return r
    }

    /// The absolute path of the `file:` URI at `textDocument.uri`, and the URI as the client wrote it.
    func document() throws(RPCError) -> (path: String, uri: String) {
        let uri = try string("textDocument.uri")
        guard let path = DocumentURI.path(uri) else {
            throw RPCError(.invalidParams, "`textDocument.uri` is not a file: URI Strata can read: \(uri)")
        }
        return (path, uri)
    }
}
