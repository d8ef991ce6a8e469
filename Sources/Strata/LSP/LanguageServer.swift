import Foundation
import Synchronization

/// The requests the client has cancelled (`$/cancelRequest`): marked by the thread reading the input the
/// moment the cancel arrives, read by the server before it starts a request.
public final class CancelledRequests: Sendable {
    private let ids = Mutex<Set<JSONValue>>([])

    public init() {}

    /// Marks a request id as cancelled.
    public func cancel(_ id: JSONValue) { ids.withLock { _ = $0.insert(id) } }

    /// Whether a request id was cancelled.
    public func contains(_ id: JSONValue) -> Bool { ids.withLock { $0.contains(id) } }

    /// Forgets an id once its request is behind (the cancel is handled after the request it names).
    public func forget(_ id: JSONValue) { ids.withLock { _ = $0.remove(id) } }
}

/// The language server's state and its answer to each message: the open documents (shadowing the files
/// on disk in an `EditorWorkspace`), the lifecycle, and the diagnostics last published. Not thread-safe:
/// every call happens on one thread (the connection's worker), so messages are handled in order.
public final class LanguageServer: @unchecked Sendable {
    /// How the server runs.
    public struct Options: Sendable {
        /// Seconds between the last change and its diagnostics; nil or zero publishes at once (tests).
        public var debounce: Double?
        /// The version reported in `serverInfo`.
        public var version: String

        public init(debounce: Double? = 0.2, version: String) {
            self.debounce = debounce
            self.version = version
        }
    }

    /// Where the lifecycle is: requests before `initialize` and after `shutdown` are refused.
    enum State { case uninitialized, running, shutDown }

    /// An open document: the URI as the client wrote it, its version and text, and its positions.
    struct Document {
        var uri: String
        var version: Int
        var positions: TextPositions
        var text: String
    }

    let options: Options
    let send: @Sendable (JSONValue) -> Void
    /// Runs a job later on the server's thread (the connection's worker); used for debounced diagnostics.
    let schedule: @Sendable (Double, @escaping @Sendable () -> Void) -> Void
    public let cancelled: CancelledRequests
    var state = State.uninitialized
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?
    var workspace = EditorWorkspace(root: nil)
    var documents: [String: Document] = [:]
    var publisher = DiagnosticPublisher()
    /// A counter per document, bumped by every change: a debounced check runs only if no change came after it.
    var generation: [String: Int] = [:]

    /// A server that sends its messages through `send` and runs delayed work through `schedule`.
    public init(options: Options, cancelled: CancelledRequests = CancelledRequests(),
                send: @escaping @Sendable (JSONValue) -> Void,
                schedule: @escaping @Sendable (Double, @escaping @Sendable () -> Void) -> Void) {
        self.options = options
        self.cancelled = cancelled
        self.send = send
        self.schedule = schedule
    }

    /// Whether `shutdown` has been answered (the exit code of a later `exit` or end of input is then 0).
    public var isShutDown: Bool { state == .shutDown }

    /// Handles one message from the client, sending whatever it calls for.
    public func handle(_ message: IncomingMessage) {
        switch message {
        case .invalid(let id, let error):
            send(OutgoingMessage.error(id: id, error))
        case .response:
            break
        case .notification(let name, let params):
            guard let method = LSPMethod(rawValue: name), !method.isRequest else { return }
            // Before `initialize` only `exit` counts; after `shutdown` only `exit` and cancels.
            guard state == .running || method == .exit || method == .cancelRequest else { return }
            do {
                try notify(method, Params(value: params))
            } catch {
                send(OutgoingMessage.notification("window/logMessage", .object([
                    "type": .int(1), "message": .string("strata: \(name): \(error.message)"),
                ])))
            }
        case .request(let id, let name, let params):
            send(answer(id: id, name: name, params: Params(value: params)))
        }
    }

    /// The response to one request.
    func answer(id: JSONValue, name: String, params: Params) -> JSONValue {
        if cancelled.contains(id) {
            return OutgoingMessage.error(id: id, RPCError(.requestCancelled, "the request was cancelled"))
        }
        guard let method = LSPMethod(rawValue: name), method.isRequest else {
            return OutgoingMessage.error(id: id, RPCError(.methodNotFound, "strata lsp has no method `\(name)`"))
        }
        switch (state, method) {
        case (.running, .initialize):
            return OutgoingMessage.error(id: id, RPCError(.invalidRequest, "the server is already initialized"))
        case (.uninitialized, .initialize), (.running, _): break
        case (.uninitialized, _):
            return OutgoingMessage.error(id: id, RPCError(.serverNotInitialized, "the server is not initialized: send `initialize` first"))
        case (.shutDown, _):
            return OutgoingMessage.error(id: id, RPCError(.invalidRequest, "the server is shut down: only `exit` is accepted"))
        }
        do {
            return OutgoingMessage.response(id: id, result: try request(method, params))
        } catch {
            return OutgoingMessage.error(id: id, error)
        }
    }

    /// The result of a request the lifecycle allows.
    func request(_ method: LSPMethod, _ params: Params) throws(RPCError) -> JSONValue {
        switch method {
        case .initialize: return initialize(params)
        case .shutdown:
            state = .shutDown
            return .null
        case .completion: return try completion(params)
        case .hover: return try hover(params)
        case .definition: return try definition(params)
        case .references: return try references(params)
        case .rename: return try rename(params)
        case .prepareRename: return try prepareRename(params)
        case .formatting: return try formatting(params)
        case .documentSymbol: return try documentSymbols(params)
        case .initialized, .exit, .cancelRequest, .setTrace, .didOpen, .didChange, .didClose, .didSave:
            throw RPCError(.methodNotFound, "`\(method.rawValue)` is a notification, not a request")
        }
    }

    /// Handles a notification the lifecycle allows.
    func notify(_ method: LSPMethod, _ params: Params) throws(RPCError) {
        switch method {
        case .exit: exitCode = state == .shutDown ? 0 : 1
        case .cancelRequest:
            // Handled in order after the request it names, so that request is behind: forget the id.
            if let id = params.member("id") { cancelled.forget(id) }
        case .initialized, .setTrace: break
        case .didOpen: try didOpen(params)
        case .didChange: try didChange(params)
        case .didClose: try didClose(params)
        case .didSave: didSave()
        case .initialize, .shutdown, .completion, .hover, .definition, .references, .rename, .prepareRename,
             .formatting, .documentSymbol:
            break
        }
    }

    // MARK: - Lifecycle

    /// What the server does, exactly: `initialize`'s answer.
    static let capabilities: JSONValue = .object([
        "positionEncoding": .string("utf-16"),
        // Incremental sync (2); a change without a range replaces the whole text, so clients may send either.
        "textDocumentSync": .object([
            "openClose": .bool(true), "change": .int(2), "save": .object(["includeText": .bool(false)]),
        ]),
        "completionProvider": .object(["triggerCharacters": .array([.string(".")]), "resolveProvider": .bool(false)]),
        "hoverProvider": .bool(true),
        "definitionProvider": .bool(true),
        "referencesProvider": .bool(true),
        "renameProvider": .object(["prepareProvider": .bool(true)]),
        "documentFormattingProvider": .bool(true),
        "documentSymbolProvider": .bool(true),
    ])

    func initialize(_ params: Params) -> JSONValue {
        // The workspace folder: `rootUri`, else the first workspace folder, else the old `rootPath`.
        let root = params.member("rootUri")?.string.flatMap(DocumentURI.path)
            ?? params.member("workspaceFolders")?.array?.first?["uri"]?.string.flatMap(DocumentURI.path)
            ?? params.member("rootPath")?.string
        workspace = EditorWorkspace(root: root)
        state = .running
        return .object([
            "capabilities": LanguageServer.capabilities,
            "serverInfo": .object(["name": .string("strata"), "version": .string(options.version)]),
        ])
    }

    // MARK: - Documents

    func didOpen(_ params: Params) throws(RPCError) {
        let (path, uri) = try params.document()
        let text = try params.string("textDocument.text")
        let version = params.member("textDocument.version")?.int ?? 0
        documents[path] = Document(uri: uri, version: version, positions: TextPositions(text), text: text)
        workspace.open(path: path, text: text)
        generation[path, default: 0] += 1
        check(path)
    }

    /// Applies each change in turn: one without a range is the whole new text, one with a range replaces
    /// that range (in UTF-16 positions of the text as the changes before it left it).
    func didChange(_ params: Params) throws(RPCError) {
        let (path, _) = try params.document()
        guard var doc = documents[path] else { throw RPCError(.invalidParams, "a change to a document that is not open") }
        guard let changes = params.member("contentChanges")?.array else {
            throw RPCError(.invalidParams, "`contentChanges` must be an array")
        }
        for change in changes {
            let c = Params(value: change)
            let text = try c.string("text")
            if c.member("range") == nil {
                doc.text = text
            } else {
                let r = try c.range("range")
                doc.text = doc.positions.replacing(from: doc.positions.offset(of: r.start), to: doc.positions.offset(of: r.end), with: text)
            }
            doc.positions = TextPositions(doc.text)
        }
        doc.version = params.member("textDocument.version")?.int ?? doc.version + 1
        documents[path] = doc
        workspace.open(path: path, text: doc.text)
        let g = generation[path, default: 0] + 1
        generation[path] = g
        guard let delay = options.debounce, delay > 0 else { return checkAfterChange(path) }
        schedule(delay) { [self] in
            if generation[path] == g { checkAfterChange(path) }
        }
    }

    func didClose(_ params: Params) throws(RPCError) {
        let (path, _) = try params.document()
        documents[path] = nil
        workspace.close(path: path)
        generation[path, default: 0] += 1
        // The others now read the file from disk, which may differ from the text the editor had.
        var lists = publisher.update(root: path, report: nil)
        for other in documents.keys.sorted() { lists += recheck(other, confirm: false) }
        publish(lists)
    }

    /// A save can change what other open documents read (an included file, now on disk as well): every
    /// open document is checked again, by path.
    func didSave() {
        for path in documents.keys.sorted() {
            generation[path, default: 0] += 1
            check(path)
        }
    }

    // MARK: - Diagnostics

    /// A changed document is checked, then every other open document (by path), since any of them may
    /// include it; only lists that changed are published for those.
    func checkAfterChange(_ path: String) {
        var lists = recheck(path, confirm: true)
        for other in documents.keys.sorted() where other != path { lists += recheck(other, confirm: false) }
        publish(lists)
    }

    /// Checks the program `path` belongs to and publishes what changed (and `path`'s list).
    func check(_ path: String) { publish(recheck(path, confirm: true)) }

    /// Checks the program `path` belongs to: the lists to publish (`path`'s own too when `confirm`).
    func recheck(_ path: String, confirm: Bool) -> [(path: String, diagnostics: [JSONValue])] {
        guard documents[path] != nil else { return [] }
        var byFile: [String: [JSONValue]] = [:]
        var positions: [String: TextPositions] = [:]
        for d in workspace.diagnostics(for: path) {
            // A diagnostic not placed in a file of its own (never expected) is shown in the document checked.
            let file = d.file.hasPrefix("/") ? d.file : path
            let p = positions[file] ?? self.positions(of: file)
            positions[file] = p
            byFile[file, default: []].append(LanguageServer.json(d, p))
        }
        return publisher.update(root: path, report: byFile, confirm: confirm)
    }

    /// Sends each file's list; a file listed twice (by several checks in a row) is sent once, its last
    /// list, at its first place, so the editor never sees a list that was right only in between.
    func publish(_ lists: [(path: String, diagnostics: [JSONValue])]) {
        var last: [String: [JSONValue]] = [:]
        for (file, list) in lists { last[file] = list }
        for (file, _) in lists {
            guard let list = last.removeValue(forKey: file) else { continue }
            var params: [String: JSONValue] = ["uri": .string(uri(of: file)), "diagnostics": .array(list)]
            if let v = documents[file]?.version { params["version"] = .int(v) }
            send(OutgoingMessage.notification("textDocument/publishDiagnostics", .object(params)))
        }
    }

    /// One diagnostic as the protocol has it: range, severity (1 error, 2 warning, 3 information for a
    /// note), the stable code, source `strata`, and the message with its help on a line of its own.
    static func json(_ d: Diagnostic, _ positions: TextPositions) -> JSONValue {
        let severity: Int = switch d.severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
        let message = d.suggestion.map { d.message + "\n" + CommonText.help.message.text() + ": " + $0 } ?? d.message
        return .object([
            "range": positions.range(of: d.span).json, "severity": .int(severity), "code": .string(d.code.rawValue),
            "source": .string("strata"), "message": .string(message),
        ])
    }

    // MARK: - Paths and positions

    /// The URI of a file: the client's own for an open document, else one encoded from the path.
    func uri(of path: String) -> String { documents[path]?.uri ?? DocumentURI.uri(path: path) }

    /// The positions of a file's text: the open document's, else the file on disk (empty if unreadable).
    func positions(of path: String) -> TextPositions {
        documents[path]?.positions ?? TextPositions(workspace.text(of: path) ?? "")
    }

    /// The document and Strata location of a request's `textDocument` and `position`.
    func place(_ params: Params) throws(RPCError) -> (path: String, location: SourceLocation) {
        let (path, _) = try params.document()
        let position = try params.position("position")
        return (path, positions(of: path).location(of: position))
    }
}
