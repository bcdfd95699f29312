import Foundation
import Testing

/// `retro lsp` driven over pipes, as an editor drives it.
@Suite("retro lsp, end to end")
struct LanguageServerTests {
  static let draft = "# Login outage\n\n## Summary\n\nLogins failed.\n\n## Timeline\n\n- 08:14 first reports\n\n## Action items\n\n- [] Investigate the login service\n"

  /// A team's folder: its `.retro.yml` says the reports are internal retros.
  static func folder(_ files: [String: String]) throws -> URL {
    let directory = try LintCommandTests.temporaryDirectory()
    try Data("profile: internal\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    return directory
  }

  static func open(_ client: LanguageServerClient, _ uri: String, _ text: String, version: Int = 1) throws {
    try client.notify(
      "textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": version, "text": text]])
  }

  static func result(_ response: [String: Any]) -> Any? { response["result"] }

  @Test("initialize, diagnostics on open and after a debounced change, then shutdown and exit 0")
  func lifecycle() throws {
    let directory = try Self.folder(["2024-03-01-login.md": Self.draft])
    defer { try? FileManager.default.removeItem(at: directory) }
    let uri = directory.appendingPathComponent("2024-03-01-login.md").absoluteString
    let client = try LanguageServerClient(directory: directory)
    let initialized = try client.initialize()
    let capabilities = (initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any]
    #expect(capabilities?["positionEncoding"] as? String == "utf-16")
    #expect(capabilities?["hoverProvider"] as? Bool == true)

    try Self.open(client, uri, Self.draft)
    let diagnostics = try client.diagnostics(uri)
    let codes = Set(diagnostics.compactMap { $0["code"] as? String })
    #expect(codes.isSuperset(of: ["missing_section", "task_list_marker", "vague_action_item"]), "\(codes)")
    let missing = try #require(diagnostics.first { $0["code"] as? String == "missing_section" })
    #expect(missing["severity"] as? Int == 2)
    #expect(missing["source"] as? String == "retro")
    let href = (missing["codeDescription"] as? [String: Any])?["href"] as? String
    #expect(href?.hasPrefix("file://") == true && href?.hasSuffix("missing_section.md") == true)

    // Three quick edits: one analysis, after the pause, for the last version.
    for (version, text) in [(2, "x"), (3, "- [ ] Investigate"), (4, "- [ ] [AI-1] Investigate the login service @ana OPS-1")] {
      try client.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": uri, "version": version],
          "contentChanges": [["range": ["start": ["line": 12, "character": 0], "end": ["line": 12, "character": 200]], "text": text]],
        ])
    }
    let message = try client.wait { ($0["method"] as? String) == "textDocument/publishDiagnostics" }
    let params = message["params"] as? [String: Any] ?? [:]
    #expect(params["version"] as? Int == 4)
    let after = Set((params["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
    #expect(!after.contains("task_list_marker") && !after.contains("action_item_owner") && !after.contains("action_item_id"), "\(after)")

    #expect(try client.shutdown() == 0)
  }

  @Test("code actions: the safe fix as a quick fix, disable for this line, fix all; applying them clears the findings")
  func codeActions() throws {
    let directory = try Self.folder([:])
    defer { try? FileManager.default.removeItem(at: directory) }
    let uri = directory.appendingPathComponent("draft.md").absoluteString
    let client = try LanguageServerClient(directory: directory)
    _ = try client.initialize()
    try Self.open(client, uri, Self.draft)
    _ = try client.diagnostics(uri)
    let response = try client.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": uri], "range": ["start": ["line": 12, "character": 0], "end": ["line": 12, "character": 0]], "context": ["diagnostics": []]])
    let actions = try #require(Self.result(response) as? [[String: Any]])
    let titles = actions.compactMap { $0["title"] as? String }
    #expect(titles.contains("Write the task box as '[ ]'"))
    #expect(titles.contains("Disable task_list_marker for this line"))
    #expect(titles.contains { $0.hasPrefix("Fix all safe retro findings") })
    let fix = try #require(actions.first { $0["title"] as? String == "Write the task box as '[ ]'" })
    #expect(fix["kind"] as? String == "quickfix")
    let edits = ((fix["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]
    let edit = try #require(edits?.first)
    #expect(edit["newText"] as? String == "[ ]")
    let range = edit["range"] as? [String: Any]
    #expect((range?["start"] as? [String: Any])?["character"] as? Int == 2)
    #expect((range?["end"] as? [String: Any])?["character"] as? Int == 4)

    // Fix all, applied as an editor would, leaves nothing fixable.
    let all = try #require(actions.first { ($0["kind"] as? String) == "source.fixAll.retro" })
    let whole = try #require((((all["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])?.first)
    let fixed = try #require(whole["newText"] as? String)
    #expect(fixed.contains("- [ ] [AI-1] Investigate the login service"))
    #expect(fixed.contains("## Root causes\n\nTODO"))
    try client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": fixed]]])
    _ = try client.diagnostics(uri)
    let again = try client.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": uri], "range": ["start": ["line": 0, "character": 0], "end": ["line": 60, "character": 0]], "context": ["diagnostics": [], "only": ["source.fixAll"]]])
    #expect((Self.result(again) as? [[String: Any]])?.isEmpty == true)
    #expect(try client.shutdown() == 0)
  }

  @Test("hover on a time and on an item that recurs in the folder; outline; completion of sections and owners")
  func features() throws {
    let earlier = "---\ndate: 2024-01-10\n---\n# Earlier\n\n## Action items\n\n- Add an alert on login error rate @maria OPS-7\n"
    let report = "---\ndate: 2024-03-01\ntimezone: Europe/Berlin\n---\n# Login outage\n\n## Summary\n\nLogins failed.\n\n## Timeline\n\n- 08:14 first reports\n- 09:02 fixed\n\n## Action items\n\n- Add an alert on the login error rate @ana OPS-9\n"
    let directory = try Self.folder([
      "2024-01-10-earlier.md": earlier, "2024-03-01-login.md": report, "jira.csv": "Issue key,Status,Resolved\nOPS-9,Done,2024-03-05\n",
      ".retro.yml": "requiredSections: [summary, timeline, actionItems]\ntracker: [jira.csv]\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let uri = directory.appendingPathComponent("2024-03-01-login.md").absoluteString
    let client = try LanguageServerClient(directory: directory)
    _ = try client.initialize(utf8: true)
    try Self.open(client, uri, report)
    let diagnostics = try client.diagnostics(uri)
    // The folder's .retro.yml applies: impact and root causes are not required there.
    #expect(!diagnostics.contains { ($0["message"] as? String)?.contains("who or what was affected") == true })
    // And its tracker: the box is stale.
    #expect(diagnostics.contains { $0["code"] as? String == "stale_item_status" })

    func hover(_ line: Int) throws -> String {
      let response = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": 3]])
      return ((Self.result(response) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
    }
    let time = try hover(13)
    #expect(time.contains("UTC: 2024-03-01 08:02"), "\(time)")
    #expect(time.contains("Europe/Berlin: 2024-03-01 09:02"))
    #expect(time.contains("+48 min from the first event"))
    let item = try hover(17)
    #expect(item.contains("Owners: @ana"), "\(item)")
    #expect(item.contains("**Recurs**"))
    #expect(item.contains("Tracker: OPS-9 closed 2024-03-05"))
    #expect(item.contains("2024-01-10-earlier.md:8"))
    let nothing = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
    #expect(nothing["result"] is NSNull)

    let symbols = try #require(Self.result(try client.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]])) as? [[String: Any]])
    let names = symbols.flatMap { [$0["name"] as? String ?? ""] + (($0["children"] as? [[String: Any]]) ?? []).map { $0["name"] as? String ?? "" } }
    #expect(names.contains("Summary") && names.contains("Timeline") && names.contains("Action items"), "\(names)")
    #expect(names.contains("08:14 first reports"))

    func completion(_ line: Int, _ character: Int) throws -> [String] {
      let response = try client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])
      return ((Self.result(response) as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
    }
    let sections = try completion(9, 0)
    #expect(sections.first == "Impact" || sections.contains("Root causes"), "\(sections)")
    #expect(!sections.contains("Summary") && !sections.contains("Timeline"))
    try client.notify(
      "textDocument/didChange",
      ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["range": ["start": ["line": 18, "character": 0], "end": ["line": 18, "character": 0]], "text": "- Page earlier @m"]]])
    let owners = try completion(18, 17)
    #expect(owners == ["@maria"], "\(owners)")
    // A file `ignore:` leaves out gets no findings, as in `retro lint`.
    try Data("requiredSections: [summary, timeline, actionItems]\ntracker: [jira.csv]\nignore: [\"drafts/**\"]\n".utf8)
      .write(to: directory.appendingPathComponent(".retro.yml"))
    try client.notify("textDocument/didSave", ["textDocument": ["uri": directory.appendingPathComponent(".retro.yml").absoluteString]])
    let draftURI = directory.appendingPathComponent("drafts/x.md").absoluteString
    try Self.open(client, draftURI, "# x\n\nTODO\n")
    #expect(try client.diagnostics(draftURI).isEmpty)
    #expect(try client.shutdown() == 0)
  }

  @Test("bad input gets JSON-RPC errors, never a crash; exit without shutdown is status 1")
  func errors() throws {
    let client = try LanguageServerClient()
    let early = try client.request("textDocument/hover", ["textDocument": ["uri": "file:///x.md"], "position": ["line": 0, "character": 0]])
    #expect((early["error"] as? [String: Any])?["code"] as? Int == -32002)
    _ = try client.initialize()
    let body = Data("{not json".utf8)
    client.sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    let parse = try client.wait { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
    #expect(parse["id"] is NSNull)
    let unknown = try client.request("workspace/frobnicate")
    #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
    let notOpen = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///nowhere.md"]])
    #expect((notOpen["error"] as? [String: Any])?["code"] as? Int == -32602)
    try client.send(["id": 7, "method": "textDocument/hover"])
    let noParams = try client.wait { ($0["id"] as? Int) == 7 }
    #expect((noParams["error"] as? [String: Any])?["code"] as? Int == -32602)
    try client.send(["method": "no/such/notification"])  // ignored, as the protocol says
    try Self.open(client, "untitled:Untitled-1", "\u{0}\u{1} odd bytes ‮ and \u{FFFD}")
    let odd = try client.diagnostics("untitled:Untitled-1")
    #expect(odd.contains { ($0["message"] as? String)?.contains("NUL") == true })
    try client.notify("exit")
    client.process.waitUntilExit()
    #expect(client.process.terminationStatus == 1)
  }
}
