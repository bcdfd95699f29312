import RetroCore

/// Renders the digest as Markdown (for a team channel or e-mail), plain text wrapped to a
/// width, HTML, JSON, or Slack (`SlackDigestRenderer`). Report text has its control
/// characters made visible (`VisibleText`): a digest is read by people.
///
/// Under an owner an item shows without its `@owner` and `due …` (printed once beside it).
/// With `limit`, each list shows that many items and then how many more there are, and the
/// command that lists them all; JSON is never cut.
public struct DigestRenderer: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case markdown, text, json, html, slack
    case slackBlocks = "slack-blocks"
  }

  /// The most items a list shows (nil: all).
  public var limit: Int?
  /// The width `text` wraps to.
  public var width = 80
  /// Web links to report lines, for Slack; nil leaves `path:line`.
  public var links: RepositoryLinks?

  public init(limit: Int? = nil, width: Int = 80, links: RepositoryLinks? = nil) {
    self.limit = limit
    self.width = width
    self.links = links
  }

  /// The output handed over in pieces; JSON is written as it goes.
  public func write(_ digest: Digest, format: Format, to output: (String) -> Void) {
    guard format == .json else { return output(render(digest, format: format)) }
    PrettyJSONWriter.stream(to: output) { digest.write(to: &$0) }
  }

  public func render(_ digest: Digest, format: Format) -> String {
    switch format {
    case .json: return Pieces.joined { write(digest, format: format, to: $0) }
    case .html: return html(digest)
    case .slack: return SlackDigestRenderer(limit: limit, links: links).mrkdwn(digest)
    case .slackBlocks: return SlackDigestRenderer(limit: limit, links: links).blocks(digest)
    case .markdown, .text: break
    }
    let md = format == .markdown
    var out = md ? "# Action items digest, \(digest.asOf)\n\n" : "Action items digest, \(digest.asOf)\n\n"
    let summary = "\(digest.openCount) open, \(digest.overdueCount) overdue. \(Self.window(digest))"
    out += (md ? summary : TextWrap.wrap(summary, width: width)) + "\n\n"
    func item(_ row: ActionItemRow, _ detail: String, owner: String?) -> String {
      let line = VisibleText.escape("\(DigestItemText.shown(row, owner: owner)) (\(detail)) — \(ActionListRenderer.reportText(row)), \(row.location)")
      return (md ? "- " + line : TextWrap.wrap(line, width: width, indent: "  ", firstIndent: "- ")) + "\n"
    }
    func more(_ count: Int, _ command: String) -> String {
      let line = "… and \(count) more: \(command)"
      return (md ? "- " + line : TextWrap.wrap(line, width: width, indent: "  ", firstIndent: "- ")) + "\n"
    }
    if !digest.lateReports.isEmpty {
      out += md ? "## Reports not final in time\n\n" : "Reports not final in time\n-------------------------\n"
      for late in digest.lateReports {
        let line = VisibleText.escape(Self.lateText(late))
        out += (md ? "- " + line : TextWrap.wrap(line, width: width, indent: "  ", firstIndent: "- ")) + "\n"
      }
      out += "\n"
    }
    for group in digest.owners {
      let owner = VisibleText.escape(group.owner)
      out += md ? "## \(owner)\n\n" : "\(owner)\n\(String(repeating: "-", count: owner.count))\n"
      for section in Self.sections(group, since: digest.since) {
        out += md ? "**\(section.title)**\n\n" : "\(section.title):\n"
        let (shown, hidden) = Self.cut(section.rows, limit: limit)
        for row in shown { out += item(row, section.detail(row), owner: group.owner) }
        if hidden > 0 { out += more(hidden, VisibleText.escape(Self.command(for: section.title, owner: group.owner))) }
        out += "\n"
      }
    }
    if !digest.unowned.isEmpty {
      out += md ? "## Nobody owns these\n\n" : "Nobody owns these\n-----------------\n"
      let (shown, hidden) = Self.cut(digest.unowned, limit: limit)
      for row in shown { out += item(row, Self.age(row), owner: nil) }
      if hidden > 0 { out += more(hidden, "retro actions --unowned --sort age") }
      out += "\n"
    }
    if digest.owners.isEmpty && digest.unowned.isEmpty && digest.lateReports.isEmpty { out += "Nothing overdue, due soon or recently closed.\n" }
    return out
  }

  /// A late report: which, how late, and the policy it misses.
  static func lateText(_ late: PolicyDueDates.LateReport) -> String {
    let name = [late.date, late.title].compactMap { $0 }.joined(separator: " ")
    return "\(name) is still \(late.status ?? "without a status") \(late.daysLate) days after its deadline \(late.deadline) (\(late.reason)) — \(late.path)"
  }

  /// A standalone page for a wiki, an e-mail or a chat tool that takes HTML: the same content
  /// as the Markdown, every value escaped (and its control characters made visible), no
  /// script, no external resource.
  func html(_ digest: Digest) -> String {
    func text(_ value: String) -> String { HTMLRenderer.escape(VisibleText.escape(value)) }
    func item(_ row: ActionItemRow, _ detail: String, owner: String?) -> String {
      let report = ActionListRenderer.reportText(row)
      return "<li>\(text(DigestItemText.shown(row, owner: owner))) <span class=\"detail\">(\(text(detail)))</span> — \(text(report)), <code>\(text(row.location))</code></li>\n"
    }
    func more(_ count: Int, _ command: String) -> String {
      "<li>… and \(count) more: <code>\(text(command))</code></li>\n"
    }
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>Action items digest, \(text(digest.asOf))</title>
      <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}.detail{color:#555}h2{border-bottom:1px solid #ddd}</style>
      </head>
      <body>
      <h1>Action items digest, \(text(digest.asOf))</h1>
      <p>\(digest.openCount) open, \(digest.overdueCount) overdue. \(text(Self.window(digest)))</p>

      """
    if !digest.lateReports.isEmpty {
      out += "<h2>Reports not final in time</h2>\n<ul>\n" + digest.lateReports.map { "<li>\(text(Self.lateText($0)))</li>\n" }.joined() + "</ul>\n"
    }
    for group in digest.owners {
      out += "<h2>\(text(group.owner))</h2>\n"
      for (title, rows, detail) in Self.sections(group, since: digest.since) {
        let (shown, hidden) = Self.cut(rows, limit: limit)
        out += "<h3>\(title)</h3>\n<ul>\n" + shown.map { item($0, detail($0), owner: group.owner) }.joined()
        if hidden > 0 { out += more(hidden, Self.command(for: title, owner: group.owner)) }
        out += "</ul>\n"
      }
    }
    if !digest.unowned.isEmpty {
      out += "<h2>Nobody owns these</h2>\n<ul>\n"
      let (shown, hidden) = Self.cut(digest.unowned, limit: limit)
      out += shown.map { item($0, Self.age($0), owner: nil) }.joined()
      if hidden > 0 { out += more(hidden, "retro actions --unowned --sort age") }
      out += "</ul>\n"
    }
    if digest.owners.isEmpty && digest.unowned.isEmpty && digest.lateReports.isEmpty { out += "<p>Nothing overdue, due soon or recently closed.</p>\n" }
    return out + "</body>\n</html>\n"
  }

  /// An owner's non-empty lists, each with its title and the detail each item shows, in the
  /// order every format prints them.
  static func sections(
    _ group: Digest.OwnerSection, since: String?
  ) -> [(title: String, rows: [ActionItemRow], detail: (ActionItemRow) -> String)] {
    let all: [(title: String, rows: [ActionItemRow], detail: (ActionItemRow) -> String)] = [
      ("New since \(since ?? "")", group.opened ?? [], { r in r.due.map { "due \($0)\(policy(r))" } ?? "no due date" }),
      ("Overdue", group.overdue, { r in "due \(r.due ?? "?")\(policy(r)), \(r.daysOverdue ?? 0) days over" }),
      ("Due soon", group.dueSoon, { r in "due \(r.due ?? "?")\(policy(r))" }),
      ("Closed", group.closed, { r in "closed \(r.closedAt?.prefix(10) ?? "?")" }),
    ]
    return all.filter { !$0.rows.isEmpty }
  }

  /// ` by policy` after a due date a follow-up policy set.
  static func policy(_ row: ActionItemRow) -> String {
    row.duePolicy == nil ? "" : " by policy"
  }

  /// The first `limit` rows, and how many are left out.
  static func cut(_ rows: [ActionItemRow], limit: Int?) -> ([ActionItemRow], Int) {
    guard let limit, rows.count > limit else { return (rows, 0) }
    return (Array(rows.prefix(limit)), rows.count - limit)
  }

  /// The `retro actions` command that lists a whole section.
  static func command(for title: String, owner: String) -> String {
    let quoted = owner.contains(" ") ? "'\(owner)'" : owner
    switch title {
    case "Overdue": return "retro actions --owner \(quoted) --overdue"
    case "Closed": return "retro actions --owner \(quoted) --status done"
    default: return "retro actions --owner \(quoted) --sort due"
    }
  }

  /// The detail of an item nobody owns: how old it is.
  static func age(_ row: ActionItemRow) -> String {
    row.ageDays.map { "\($0) days old" } ?? "no date"
  }

  /// What "due soon", "closed" and "new" mean in this digest.
  static func window(_ digest: Digest) -> String {
    if let since = digest.since {
      return "Due soon means within \(digest.days) days; closed and new mean since \(since)."
    }
    return "Due soon means within \(digest.days) days; closed means in the last \(digest.days) days."
  }
}
