import RetroCore

/// The digest as Slack takes it: `mrkdwn` text for a bot or a paste, or Block Kit JSON for an
/// incoming webhook (`curl -d @digest.json $SLACK_WEBHOOK`).
///
/// Slack's bounds are kept: a message of at most 40,000 characters (this stays under
/// `characterBudget`), at most 50 blocks, a section's text at most 3,000 characters, a
/// header at most 150. Each list shows `limit` items (5 unless told) and says how many more
/// there are and the command that lists them; owners past the budget are counted, not cut
/// mid-line. Report text is escaped as Slack asks (`&`, `<`, `>`), so a report cannot
/// mention `<!channel>` or forge a link; control characters are made visible.
struct SlackDigestRenderer {
  static let characterBudget = 38_000
  static let blockLimit = 50
  static let sectionLimit = 3_000
  static let defaultLimit = 5

  var limit: Int?
  var links: RepositoryLinks?

  private var perList: Int { limit ?? Self.defaultLimit }

  /// Slack's own escaping of `&`, `<` and `>`, after control characters are made visible.
  static func escape(_ text: String) -> String {
    VisibleText.escape(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  static func cut(_ text: String, _ count: Int) -> String {
    text.count > count ? String(text.prefix(count - 1)) + "…" : text
  }

  func title(_ digest: Digest) -> String { "Action items digest, \(digest.asOf)" }

  func summary(_ digest: Digest) -> String {
    "\(digest.openCount) open, \(digest.overdueCount) overdue. \(DigestRenderer.window(digest))"
  }

  /// One item: its text, the detail, and its report linked to the line when the report is
  /// in a repository with a web address.
  func line(_ row: ActionItemRow, detail: String, owner: String?) -> String {
    let text = Self.escape(Self.cut(DigestItemText.shown(row, owner: owner), 300))
    let report = Self.escape(Self.cut(ActionListRenderer.reportText(row), 60)).replacingOccurrences(of: "|", with: "¦")
    let place: String
    if let url = links?.link(toFileAt: row.path, line: row.line) {
      place = "<\(url)|\(report.isEmpty ? Self.escape(row.location) : report)>"
    } else {
      place = (report.isEmpty ? "" : report + " ") + "`\(Self.escape(row.location).replacingOccurrences(of: "`", with: "'"))`"
    }
    return "• \(text) — \(Self.escape(detail)) · \(place)"
  }

  /// An owner's lists (or the unowned ones) as mrkdwn lines, each list cut to `limit`.
  func ownerLines(_ group: Digest.OwnerSection, since: String?) -> [String] {
    var lines = ["*\(Self.escape(group.owner))*"]
    for section in DigestRenderer.sections(group, since: since) {
      lines.append("_\(section.title)_")
      let (shown, hidden) = DigestRenderer.cut(section.rows, limit: perList)
      lines += shown.map { line($0, detail: section.detail($0), owner: group.owner) }
      if hidden > 0 {
        lines.append("… and \(hidden) more: `\(Self.escape(DigestRenderer.command(for: section.title, owner: group.owner)))`")
      }
    }
    return lines
  }

  func unownedLines(_ digest: Digest) -> [String] {
    guard !digest.unowned.isEmpty else { return [] }
    var lines = ["*Nobody owns these* (\(digest.unowned.count))"]
    let (shown, hidden) = DigestRenderer.cut(digest.unowned, limit: perList)
    lines += shown.map { line($0, detail: DigestRenderer.age($0), owner: nil) }
    if hidden > 0 { lines.append("… and \(hidden) more: `retro actions --unowned --sort age`") }
    return lines
  }

  /// The reports past their policy's deadline to be final.
  func lateLines(_ digest: Digest) -> [String] {
    guard !digest.lateReports.isEmpty else { return [] }
    let (shown, hidden) = (Array(digest.lateReports.prefix(perList)), max(0, digest.lateReports.count - perList))
    var lines = ["*Reports not final in time* (\(digest.lateReports.count))"]
    lines += shown.map { "• " + Self.escape(DigestRenderer.lateText($0)) }
    if hidden > 0 { lines.append("… and \(hidden) more: `retro digest`") }
    return lines
  }

  /// The parts of the message in order: late reports, each owner's, then the unowned items'.
  func parts(_ digest: Digest) -> [[String]] {
    [lateLines(digest)].filter { !$0.isEmpty } + digest.owners.map { ownerLines($0, since: digest.since) }
      + [unownedLines(digest)].filter { !$0.isEmpty }
  }

  /// What is left out when the budget is spent, from part `part` on: owners and their
  /// items, counted.
  func leftOut(_ digest: Digest, from part: Int) -> String {
    let index = max(0, part - (digest.lateReports.isEmpty ? 0 : 1))
    let owners = digest.owners.dropFirst(index)
    let items = owners.reduce(0) { $0 + $1.overdue.count + $1.dueSoon.count + $1.closed.count + ($1.opened?.count ?? 0) }
    var text = "… and \(owners.count) more \(owners.count == 1 ? "owner" : "owners") (\(items) items)"
    if !digest.unowned.isEmpty { text += " and \(digest.unowned.count) items nobody owns" }
    return text + ": `retro digest` lists them all."
  }

  func mrkdwn(_ digest: Digest) -> String {
    var out = "*\(Self.escape(title(digest)))*\n\(Self.escape(summary(digest)))\n"
    let parts = parts(digest)
    if parts.isEmpty { return out + "Nothing overdue, due soon or recently closed.\n" }
    for (index, part) in parts.enumerated() {
      let text = "\n" + part.joined(separator: "\n") + "\n"
      if out.count + text.count > Self.characterBudget - 200 {
        out += "\n" + leftOut(digest, from: index) + "\n"
        break
      }
      out += text
    }
    return out
  }

  /// Block Kit JSON: a header, the summary, then a section a part (split where a part is
  /// over a section's bound), within Slack's 50 blocks.
  func blocks(_ digest: Digest) -> String {
    var sections: [(part: Int, text: String)] = []
    for (index, part) in parts(digest).enumerated() {
      var current = ""
      for line in part {
        let piece = Self.cut(line, Self.sectionLimit)
        if !current.isEmpty, current.count + 1 + piece.count > Self.sectionLimit {
          sections.append((index, current))
          current = ""
        }
        current += (current.isEmpty ? "" : "\n") + piece
      }
      if !current.isEmpty { sections.append((index, current)) }
    }
    return Pieces.joined { output in
      PrettyJSONWriter.stream(to: output) { json in
      json.beginObject()
      json.key("blocks")
      json.beginArray()
      func block(_ type: String, text: String? = nil, textType: String = "mrkdwn") {
        json.element()
        json.beginObject()
        if let text {
          json.key("text")
          json.beginObject()
          json.field("text", text)
          json.field("type", textType)
          json.endObject()
        }
        json.field("type", type)
        json.endObject()
      }
      block("header", text: Self.cut(VisibleText.escape(title(digest)), 150), textType: "plain_text")
      block("section", text: Self.escape(summary(digest)))
      if sections.isEmpty { block("section", text: "Nothing overdue, due soon or recently closed.") }
      // Header, summary, and room for the closing count: the rest are sections and dividers.
      var used = 2
      var characters = 0
      for (offset, section) in sections.enumerated() {
        let divider = offset == 0 || sections[offset - 1].part != section.part
        if used + (divider ? 2 : 1) > Self.blockLimit - 1 || characters + section.text.count > Self.characterBudget {
          json.element()
          json.beginObject()
          json.key("elements")
          json.beginArray()
          json.element()
          json.beginObject()
          json.field("text", leftOut(digest, from: section.part))
          json.field("type", "mrkdwn")
          json.endObject()
          json.endArray()
          json.field("type", "context")
          json.endObject()
          break
        }
        if divider {
          block("divider")
          used += 1
        }
        block("section", text: section.text)
        used += 1
        characters += section.text.count
      }
      json.endArray()
      // The text notifications and old clients show.
      json.field("text", Self.escape(title(digest) + ": " + summary(digest)))
      json.endObject()
      }
    }
  }
}
