import Foundation

/// A minimal LSP client that drives `retro lsp` over pipes, as an editor does: framed
/// JSON-RPC messages out, and every message in read by a background thread, so a test can
/// wait for a response or a notification. A watchdog kills a server that hangs.
final class LanguageServerClient: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var received: [[String: Any]] = []
  private var ended = false
  private let condition = NSCondition()
  private var nextId = 100

  init(directory: URL? = nil, environment extra: [String: String] = [:], timeout: Double = 60) throws {
    process.executableURL = RetroBinary.executable
    process.arguments = ["lsp"]
    process.currentDirectoryURL = directory ?? RetroBinary.packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("retro-lsp-cache").path
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let handle = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      while let message = Self.readMessage(handle) {
        condition.lock()
        received.append(message)
        condition.broadcast()
        condition.unlock()
      }
      condition.lock()
      ended = true
      condition.broadcast()
      condition.unlock()
    }
    let process = self.process
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
  }

  private static func readMessage(_ handle: FileHandle) -> [String: Any]? {
    var header = Data()
    while !header.suffix(4).elementsEqual([13, 10, 13, 10]) {
      guard let byte = try? handle.read(upToCount: 1), !byte.isEmpty else { return nil }
      header.append(byte)
    }
    let text = String(decoding: header, as: UTF8.self)
    guard let line = text.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
      let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
    else { return nil }
    var body = Data()
    while body.count < length {
      guard let chunk = try? handle.read(upToCount: length - body.count), !chunk.isEmpty else { return nil }
      body.append(chunk)
    }
    return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
  }

  func sendRaw(_ data: Data) {
    input.fileHandleForWriting.write(data)
  }

  func send(_ message: [String: Any]) throws {
    var message = message
    message["jsonrpc"] = "2.0"
    let body = try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys])
    sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  func notify(_ method: String, _ params: [String: Any] = [:]) throws {
    try send(["method": method, "params": params])
  }

  /// Sends a request and waits for its response.
  @discardableResult
  func request(_ method: String, _ params: Any = [String: Any]()) throws -> [String: Any] {
    nextId += 1
    let id = nextId
    try send(["id": id, "method": method, "params": params])
    return try wait { ($0["id"] as? Int) == id && $0["method"] == nil }
  }

  /// Waits for (and removes) the first message received that matches.
  func wait(_ matches: ([String: Any]) -> Bool) throws -> [String: Any] {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
      if ended { throw ClientError.ended }
      condition.wait()
    }
  }

  /// The next diagnostics published for `uri`.
  func diagnostics(_ uri: String) throws -> [[String: Any]] {
    let message = try wait {
      ($0["method"] as? String) == "textDocument/publishDiagnostics" && ($0["params"] as? [String: Any])?["uri"] as? String == uri
    }
    return (message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
  }

  func initialize(utf8: Bool = false) throws -> [String: Any] {
    let capabilities: [String: Any] = utf8 ? ["general": ["positionEncodings": ["utf-8", "utf-16"]]] : [:]
    let response = try request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
    try notify("initialized")
    return response
  }

  /// Shuts down and returns the exit status.
  func shutdown() throws -> Int32 {
    try request("shutdown", NSNull())
    try notify("exit")
    process.waitUntilExit()
    return process.terminationStatus
  }

  enum ClientError: Error { case ended }
}
