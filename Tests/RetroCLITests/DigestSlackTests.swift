import Foundation
import Testing

/// `retro digest --format slack` and `slack-blocks` on a folder the size of a real team's:
/// inside Slack's limits, report text kept inert, items linked to their lines on the forge.
@Suite("retro digest for Slack, end to end", .serialized)
struct DigestSlackTests {
  /// 60 reports, each with 4 unowned items and one owned overdue one; one item tries to
  /// mention the channel and forge a link.
  static func folder() throws -> URL {
    let directory = try LintCommandTests.temporaryDirectory()
    let retros = directory.appendingPathComponent("retros")
    try FileManager.default.createDirectory(at: retros, withIntermediateDirectories: true)
    for n in 0..<60 {
      let day = String(format: "2024-%02d-%02d", n % 12 + 1, n % 28 + 1)
      var text = "---\ntitle: Incident \(n) with a long title about the queue and the cache\ndate: \(day)\nseverity: SEV2\n---\n\n## Action items\n\n"
      for k in 0..<4 {
        text += "- [ ] Improve the \(k)th retry policy of service \(n) so that bursts of traffic are absorbed without paging anyone at night\n"
      }
      text += "- [ ] Rotate the keys of service \(n) @owner\(n % 7) due 2024-01-15\n"
      if n == 0 { text += "- [ ] <!channel> look at <https://evil.example|this> & that\n" }
      try Data(text.utf8).write(to: retros.appendingPathComponent("\(day)-incident-\(n).md"))
    }
    return directory
  }

  static func run(_ arguments: [String], in directory: URL) throws -> String {
    let result = try RetroBinary.run(["digest", "retros", "--index", "index.sqlite", "--as-of", "2025-01-01"] + arguments, in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test("slack mrkdwn: under 40,000 characters, 5 items a list and how many more, no owner or due repeated, text escaped")
  func mrkdwn() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let markdown = try Self.run(["--format", "markdown"], in: directory)
    #expect(markdown.count > 40_000, "the whole digest is too long for Slack: \(markdown.count)")
    let slack = try Self.run(["--format", "slack"], in: directory)
    #expect(slack.count < 40_000)
    #expect(slack.hasPrefix("*Action items digest, 2025-01-01*\n"))
    #expect(slack.contains("*Nobody owns these* (241)"))
    #expect(slack.contains("… and 236 more: `retro actions --unowned --sort age`"))
    #expect(slack.contains("… and 4 more: `retro actions --owner @owner0 --overdue`"))
    #expect(!slack.contains("## ") && !slack.contains("**"), "Slack does not render Markdown headings or ** bold")
    // The owner and the due date stand once beside the item, not again inside it.
    let rotate = try #require(slack.split(separator: "\n").first { $0.contains("Rotate the keys") })
    #expect(!rotate.contains("@owner") && rotate.contains("— due 2024-01-15, 352 days over"), "\(rotate)")
    #expect(!slack.contains("<!channel>") && !slack.contains("<https://evil"))
    let limited = try Self.run(["--format", "slack", "--limit", "2"], in: directory)
    #expect(limited.contains("… and 239 more: `retro actions --unowned --sort age`"))
    // Text wraps to 80 columns in a pipe.
    let text = try Self.run(["--format", "text"], in: directory)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 || !$0.contains(" ") })
  }

  @Test("slack-blocks: Block Kit JSON within 50 blocks and 3,000 characters a section; lines linked on GitHub")
  func blocks() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try TestGit.run(["init", "-q", "-b", "main"], in: directory)
    try TestGit.run(["remote", "add", "origin", "git@github.com:acme/ops.git"], in: directory)
    let out = try Self.run(["--format", "slack-blocks", "--limit", "300"], in: directory)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let blocks = try #require(json["blocks"] as? [[String: Any]])
    #expect(blocks.count <= 50)
    #expect(blocks.first?["type"] as? String == "header")
    #expect((json["text"] as? String)?.hasPrefix("Action items digest, 2025-01-01: ") == true)
    var characters = 0
    for block in blocks where block["type"] as? String == "section" {
      let text = try #require((block["text"] as? [String: Any])?["text"] as? String)
      #expect(text.count <= 3_000)
      characters += text.count
    }
    #expect(characters < 40_000)
    // 241 unowned items of about 250 characters do not fit: what is left is counted in a closing context block.
    #expect(blocks.last?["type"] as? String == "context")
    #expect(out.contains("<https://github.com/acme/ops/blob/main/retros/2024-01-01-incident-0.md#L"))
  }
}
