import Foundation
import RetroCore
import RetroIndex
import RetroLint

/// `retro lsp`: a Language Server Protocol 3.17 server for postmortems, over JSON-RPC 2.0 on
/// a pair of file descriptors (standard input and output).
///
/// Messages are read on the calling thread and handled one at a time on a serial queue,
/// which also runs the debounced diagnostics, so the server's state has one owner. Each
/// document's analysis (parse and lint, with the same rules and `.retro.yml` as the CLI) is
/// made once per version and shared by every feature.
public final class LanguageServer: @unchecked Sendable {
  private let channel: MessageChannel
  private let queue = DispatchQueue(label: "retro.lsp")
  /// How long a burst of edits must pause before diagnostics are published.
  private let debounce: DispatchTimeInterval
  private let documentation: RuleDocumentation

  private var initialized = false
  private var shutdownRequested = false
  private var encoding = PositionEncoding.utf16
  private var documents: [String: OpenDocument] = [:]
  private var analyses: [String: DocumentAnalysis] = [:]
  private var generations: [String: Int] = [:]
  private var linters: [String: (Linter, ConfigurationFile)] = [:]
  private var knowledge: [String: FolderKnowledge] = [:]
  private var configurationErrorsShown = Set<String>()

  public init(input: Int32, output: Int32, debounce: DispatchTimeInterval = .milliseconds(250), cacheFolder: String? = nil) {
    channel = MessageChannel(input: input, output: output)
    self.debounce = debounce
    documentation = RuleDocumentation(cacheFolder: cacheFolder)
  }

  /// Serves until `exit` or the end of input; the process's exit status (0 only after a
  /// `shutdown` request, as the protocol asks).
  public func run() -> Int32 {
    while true {
      let body: Data?
      do {
        body = try channel.read()
      } catch {
        // The framing is lost: nothing after this can be trusted to start a message.
        send(error: .parseError("\(error)"), id: .null)
        return 1
      }
      guard let body else { return shutdownRequested ? 0 : 1 }
      var status: Int32?
      queue.sync { status = self.receive(body) }
      if let status { return status }
    }
  }

  // MARK: Dispatch

  /// Handles one message; an exit status when it was `exit`.
  private func receive(_ body: Data) -> Int32? {
    let message: JSON
    do {
      message = try JSON.decode(body)
    } catch {
      send(error: .parseError("the message is not JSON"), id: .null)
      return nil
    }
    guard case .object = message, message["jsonrpc"]?.string == "2.0" else {
      send(error: .invalidRequest("not a JSON-RPC 2.0 message"), id: message["id"] ?? .null)
      return nil
    }
    guard let method = message["method"]?.string else {
      // A response to a request of ours (the server sends none that need answers).
      if message["id"] != nil, message["result"] != nil || message["error"] != nil { return nil }
      send(error: .invalidRequest("no method"), id: message["id"] ?? .null)
      return nil
    }
    let params = message["params"] ?? .null
    guard let id = message["id"] else {
      if method == "exit" { return shutdownRequested ? 0 : 1 }
      if initialized && !shutdownRequested { notification(method, params) }
      return nil
    }
    guard id.string != nil || id.int != nil else {
      send(error: .invalidRequest("an id must be a number or a string"), id: .null)
      return nil
    }
    do {
      if method == "initialize" {
        guard !initialized else { throw LanguageServerError.invalidRequest("initialize was already sent") }
        reply(id, initialize(params))
        return nil
      }
      guard initialized else { throw LanguageServerError.serverNotInitialized }
      guard !shutdownRequested else { throw LanguageServerError.invalidRequest("the server is shutting down") }
      reply(id, try request(method, params))
    } catch let error as LanguageServerError {
      send(error: error, id: id)
    } catch {
      send(error: .internalError("\(error)"), id: id)
    }
    return nil
  }

  private func request(_ method: String, _ params: JSON) throws -> JSON {
    switch method {
    case "shutdown":
      shutdownRequested = true
      return .null
    case "textDocument/codeAction": return try codeActions(params)
    case "textDocument/hover": return try hover(params)
    case "textDocument/documentSymbol": return try documentSymbols(params)
    case "textDocument/completion": return try completion(params)
    case "textDocument/diagnostic": return try pullDiagnostics(params)
    default: throw LanguageServerError.methodNotFound(method)
    }
  }

  private func notification(_ method: String, _ params: JSON) {
    switch method {
    case "textDocument/didOpen":
      guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
      documents[uri] = OpenDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
      publish(uri)
    case "textDocument/didChange":
      guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri] else { return }
      do {
        for change in params["contentChanges"]?.array ?? [] { try document.apply(change: change, encoding: encoding) }
      } catch {
        // The editor and the server disagree on the text: ask for it whole by reopening.
        logMessage("retro: could not apply an edit to \(uri): \(error); close and reopen the file", type: 1)
        return
      }
      document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
      documents[uri] = document
      analyses[uri] = nil
      schedule(uri)
    case "textDocument/didSave":
      guard let uri = params["textDocument"]?["uri"]?.string else { return }
      let path = OpenDocument.path(of: uri)
      for folder in knowledge.values where path.hasPrefix(folder.root) { folder.refresh(path: path) }
      if path.hasSuffix(ConfigurationFile.fileName) { linters.removeAll(); analyses.removeAll(); documents.keys.forEach(publish) }
      if documents[uri] != nil { publish(uri) }
    case "textDocument/didClose":
      guard let uri = params["textDocument"]?["uri"]?.string else { return }
      documents[uri] = nil
      analyses[uri] = nil
      generations[uri] = nil
      send(notification: "textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
    default:
      return  // `initialized`, `$/cancelRequest`, settings: nothing to do.
    }
  }

  // MARK: Lifecycle

  private func initialize(_ params: JSON) -> JSON {
    initialized = true
    // LSP 3.17's `positionEncodings`, or clangd's `offsetEncoding` that older clients send.
    let offered = (params["capabilities"]?["general"]?["positionEncodings"]?.array ?? params["capabilities"]?["offsetEncoding"]?.array ?? [])
      .compactMap(\.string)
    encoding = offered.contains("utf-8") ? .utf8 : .utf16
    return [
      "offsetEncoding": .string(encoding.rawValue),
      "capabilities": [
        "positionEncoding": .string(encoding.rawValue),
        "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
        "codeActionProvider": ["codeActionKinds": ["quickfix", .string(CodeActionProvider.fixAllKind)]],
        "hoverProvider": true,
        "documentSymbolProvider": true,
        "completionProvider": ["triggerCharacters": ["@", "#"], "resolveProvider": false],
        "diagnosticProvider": ["interFileDependencies": false, "workspaceDiagnostics": false],
      ],
      "serverInfo": ["name": "retro", "version": .string(RetroVersion.current)],
    ]
  }

  // MARK: Analysis

  /// The linter for a document: the `.retro.yml` above it, as the CLI finds it.
  private func linter(for document: OpenDocument) -> (Linter, ConfigurationFile) {
    let directory = URL(fileURLWithPath: document.path).deletingLastPathComponent().path
    let found = ConfigurationFile.find(from: directory)
    let key = found ?? ""
    if let cached = linters[key] { return cached }
    var file = ConfigurationFile()
    var configuration = LintConfiguration()
    if let found {
      do {
        file = try ConfigurationFile.load(path: found)
        configuration = try LintConfiguration.from(file, knownRules: RuleRegistry.identifiers)
        try configuration.loadTracker()
      } catch {
        if configurationErrorsShown.insert(found).inserted {
          send(notification: "window/showMessage", ["type": 1, "message": .string("retro: \(error); using the defaults")])
        }
      }
    }
    let entry = (Linter(configuration: configuration, makesFixes: true), file)
    linters[key] = entry
    return entry
  }

  private func analysis(_ uri: String) throws -> (DocumentAnalysis, OpenDocument) {
    guard let document = documents[uri] else {
      throw LanguageServerError.invalidParams("'\(uri)' is not open; send textDocument/didOpen first")
    }
    if let analysis = analyses[uri], analysis.version == document.version { return (analysis, document) }
    let (linter, file) = linter(for: document)
    var analysis = DocumentAnalysis(document: document, linter: linter)
    // A file `ignore:` leaves out gets no findings here either (hover and outline still work).
    if isIgnored(document.path, linter.configuration, file) { analysis.diagnostics = [] }
    analyses[uri] = analysis
    return (analysis, document)
  }

  /// `ignore:` patterns are written relative to the configuration's folder.
  private func isIgnored(_ path: String, _ configuration: LintConfiguration, _ file: ConfigurationFile) -> Bool {
    guard !configuration.ignore.isEmpty else { return false }
    var candidates = [path]
    if let config = file.path {
      let base = URL(fileURLWithPath: config).deletingLastPathComponent().path + "/"
      if path.hasPrefix(base) { candidates.append(String(path.dropFirst(base.count))) }
    }
    return candidates.contains(where: configuration.isIgnored)
  }

  private func folderKnowledge(for document: OpenDocument) -> FolderKnowledge? {
    guard document.uri.hasPrefix("file:") else { return nil }
    let (linter, file) = linter(for: document)
    let root = file.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
      ?? URL(fileURLWithPath: document.path).deletingLastPathComponent().path
    if let known = knowledge[root] { return known }
    let made = FolderKnowledge(root: root, indexPath: file.values["index"]?.scalarText, parser: IncidentParser(configuration: linter.configuration.parser))
    knowledge[root] = made
    return made
  }

  private func schedule(_ uri: String) {
    let generation = (generations[uri] ?? 0) + 1
    generations[uri] = generation
    queue.asyncAfter(deadline: .now() + debounce) { [weak self] in
      guard let self, self.generations[uri] == generation, self.documents[uri] != nil else { return }
      self.publish(uri)
    }
  }

  private func lspDiagnostics(_ analysis: DocumentAnalysis, _ document: OpenDocument) -> [JSON] {
    var list = analysis.diagnostics.map {
      DiagnosticConversion.lsp($0, in: document, encoding: encoding, documentation: documentation)
    }
    if let error = analysis.error {
      let line = max(1, error.line ?? 1)
      list.append(
        [
          "range": document.lspRange(.init(line: line, column: 0), .init(line: line, column: Int.max), encoding: encoding),
          "severity": 1, "source": "retro", "message": .string(error.message),
        ])
    }
    return list
  }

  private func publish(_ uri: String) {
    guard let (analysis, document) = try? analysis(uri) else { return }
    send(
      notification: "textDocument/publishDiagnostics",
      ["uri": .string(uri), "version": JSON(document.version), "diagnostics": .array(lspDiagnostics(analysis, document))])
  }

  // MARK: Features

  private func uri(_ params: JSON) throws -> String {
    guard let uri = params["textDocument"]?["uri"]?.string else { throw LanguageServerError.invalidParams("no textDocument.uri") }
    return uri
  }

  private func pullDiagnostics(_ params: JSON) throws -> JSON {
    let (analysis, document) = try analysis(try uri(params))
    return ["kind": "full", "items": .array(lspDiagnostics(analysis, document))]
  }

  private func codeActions(_ params: JSON) throws -> JSON {
    let (analysis, document) = try analysis(try uri(params))
    guard let start = document.position(params["range"]?["start"], encoding: encoding),
      let end = document.position(params["range"]?["end"], encoding: encoding)
    else { throw LanguageServerError.invalidParams("no range") }
    let provider = CodeActionProvider(
      analysis: analysis, document: document, encoding: encoding, fixer: Fixer(linter: linter(for: document).0))
    return provider.actions(
      lines: start.line...max(start.line, end.line), only: params["context"]?["only"]?.array?.compactMap(\.string),
      sent: params["context"]?["diagnostics"]?.array ?? []
    ) { DiagnosticConversion.lsp($0, in: document, encoding: self.encoding, documentation: self.documentation) }
  }

  private func hover(_ params: JSON) throws -> JSON {
    let (analysis, document) = try analysis(try uri(params))
    guard let position = document.position(params["position"], encoding: encoding) else {
      throw LanguageServerError.invalidParams("no position")
    }
    let onItem = analysis.context?.report.actionItems.contains { $0.line == position.line } ?? false
    let provider = HoverProvider(
      analysis: analysis, document: document, knowledge: onItem ? folderKnowledge(for: document) : nil,
      threshold: linter(for: document).0.configuration.similarityThreshold, today: CalendarDate.today(),
      tracker: linter(for: document).0.configuration.tracker)
    guard let text = provider.hover(line: position.line) else { return .null }
    let line = document.line(position.line)
    return [
      "contents": ["kind": "markdown", "value": .string(text)],
      "range": document.lspRange(.init(line: position.line, column: 0), .init(line: position.line, column: line.utf8.count), encoding: encoding),
    ]
  }

  private func documentSymbols(_ params: JSON) throws -> JSON {
    let (analysis, document) = try analysis(try uri(params))
    return SymbolProvider(analysis: analysis, document: document, encoding: encoding).symbols()
  }

  private func completion(_ params: JSON) throws -> JSON {
    let (analysis, document) = try analysis(try uri(params))
    guard let position = document.position(params["position"], encoding: encoding) else {
      throw LanguageServerError.invalidParams("no position")
    }
    let before = document.line(position.line).utf8.prefix(position.column)
    let wantsOwners = before.contains(UInt8(ascii: "@"))
    let (linter, _) = linter(for: document)
    return CompletionProvider(
      analysis: analysis, document: document, encoding: encoding, configuration: linter.configuration,
      knowledge: wantsOwners ? folderKnowledge(for: document) : nil
    ).completions(at: position)
  }

  // MARK: Output

  private func reply(_ id: JSON, _ result: JSON) {
    channel.write(JSON.object(["jsonrpc": "2.0", "id": id, "result": result]).encoded())
  }

  private func send(error: LanguageServerError, id: JSON) {
    channel.write(
      JSON.object(["jsonrpc": "2.0", "id": id, "error": ["code": JSON(error.code), "message": .string(error.message)]]).encoded())
  }

  private func send(notification method: String, _ params: JSON) {
    channel.write(JSON.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).encoded())
  }

  private func logMessage(_ message: String, type: Int) {
    send(notification: "window/logMessage", ["type": JSON(type), "message": .string(message)])
  }
}
