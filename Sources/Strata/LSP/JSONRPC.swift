/// The JSON-RPC and LSP error codes the server answers with.
public enum RPCErrorCode: Int, Sendable, Hashable {
    /// The body is not JSON (or the framing around it is broken).
    case parseError = -32700
    /// JSON, but not a request or notification (no `method`, an `id` that is no number or string, a batch).
    case invalidRequest = -32600
    /// A request for a method the server does not have.
    case methodNotFound = -32601
    /// A known method with missing or ill-typed parameters.
    case invalidParams = -32602
    /// The server failed to answer (never expected; kept so a bug is an answer, not a hang).
    case internalError = -32603
    /// A request before `initialize`.
    case serverNotInitialized = -32002
    /// A request the client cancelled before the server started it.
    case requestCancelled = -32800
    /// A valid request the server cannot carry out (a refused rename).
    case requestFailed = -32803
}

/// An error answer: its code and message.
public struct RPCError: Error, Sendable, Hashable {
    public var code: RPCErrorCode
    public var message: String

    public init(_ code: RPCErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `{"code":…,"message":…}`.
    public var json: JSONValue { .object(["code": .int(code.rawValue), "message": .string(message)]) }
}

/// One message from the client, sorted by what it asks for.
public enum IncomingMessage: Sendable, Hashable {
    /// A request: must be answered with the same `id` (a number or a string).
    case request(id: JSONValue, method: String, params: JSONValue)
    /// A notification: never answered.
    case notification(method: String, params: JSONValue)
    /// The client's answer to a server request (the server sends none, so these are ignored).
    case response
    /// Not a JSON-RPC message; answered with the error (id null when none could be read).
    case invalid(id: JSONValue, RPCError)

    /// Sorts a frame's body: not JSON, not a message, a request, a notification or a response.
    public static func decode(_ body: [UInt8]) -> IncomingMessage {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            return .invalid(id: .null, RPCError(.parseError, "the message is not JSON: \(error.message) (at byte \(error.offset))"))
        }
        return decode(value)
    }

    /// Sorts a parsed message.
    public static func decode(_ value: JSONValue) -> IncomingMessage {
        guard case .object(let o) = value else {
            let what = value.array != nil ? "a batch (an array) of messages, which LSP does not use" : "not a JSON object"
            return .invalid(id: .null, RPCError(.invalidRequest, "the message is \(what)"))
        }
        let id = o["id"]
        let validId: JSONValue? = switch id {
        case .number, .string: id
        case .null, nil: nil
        default: .null
        }
        guard o["jsonrpc"]?.string == "2.0" else {
            return .invalid(id: validId ?? .null, RPCError(.invalidRequest, "the message lacks \"jsonrpc\": \"2.0\""))
        }
        guard let methodValue = o["method"] else {
            if o["result"] != nil || o["error"] != nil { return .response }
            return .invalid(id: validId ?? .null, RPCError(.invalidRequest, "the message has no method"))
        }
        guard let method = methodValue.string else {
            return .invalid(id: validId ?? .null, RPCError(.invalidRequest, "the method is not a string"))
        }
        let params = o["params"] ?? .null
        switch id {
        case nil, .null?: return .notification(method: method, params: params)
        case .number?, .string?: return .request(id: id ?? .null, method: method, params: params)
        default: return .invalid(id: .null, RPCError(.invalidRequest, "the id is neither a number nor a string"))
        }
    }
}

/// The messages the server sends.
public enum OutgoingMessage {
    /// A successful answer.
    public static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id, "result": result])
    }

    /// An error answer.
    public static func error(id: JSONValue, _ error: RPCError) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id, "error": error.json])
    }

    /// A notification from the server.
    public static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params])
    }
}
