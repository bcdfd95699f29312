/// A JSON-RPC error a request is answered with.
public enum LanguageServerError: Error, Equatable {
  case parseError(String)
  case invalidRequest(String)
  case methodNotFound(String)
  case invalidParams(String)
  case internalError(String)
  case serverNotInitialized

  /// The JSON-RPC 2.0 and LSP error codes.
  public var code: Int {
    switch self {
    case .parseError: return -32700
    case .invalidRequest: return -32600
    case .methodNotFound: return -32601
    case .invalidParams: return -32602
    case .internalError: return -32603
    case .serverNotInitialized: return -32002
    }
  }

  public var message: String {
    switch self {
    case .parseError(let detail): return "Parse error: \(detail)"
    case .invalidRequest(let detail): return "Invalid request: \(detail)"
    case .methodNotFound(let method): return "Method not found: \(method)"
    case .invalidParams(let detail): return "Invalid params: \(detail)"
    case .internalError(let detail): return "Internal error: \(detail)"
    case .serverNotInitialized: return "The server is not initialized; send 'initialize' first"
    }
  }
}
