import RetroCore

/// Renders the digest as Markdown (for a team channel or e-mail) or plain text. Report text
/// has its control characters made visible (`VisibleText`): a digest is read by people.
public struct DigestRenderer: Sendable {
  public enum Format: String, Sendable, CaseIterable { case markdown, text, json, html }

  public init() {}

  /// The output handed over in pieces; JSON is written as it goes.
  public func write(_ digest: Digest, format: Format, to output: (String) -> Void) {
    guard format == .json else { return output(render(digest, format: format)) }
    PrettyJSONWriter.stream(to: output) { digest.write(to: &$0) }
  }

  public func render(_ digest: Digest, format: Format) -> String {
    if format == .json { return Pieces.joined { write(digest, format: format, to: $0) } }
    if format == .html { return html(digest) }
    let md = format == .markdown
    var out = md ? "# Action items digest, \(digest.asOf)\n\n" : "Action items digest, \(digest.asOf)\n\n"
    out += "\(digest.openCount) open, \(digest.overdueCount) overdue. \(Self.window(digest))\n\n"
    func item(_ row: ActionItemRow, _ detail: String) -> String {
      "- " + VisibleText.escape("\(row.text) (\(detail)) — \(ActionListRenderer.reportText(row)), \(row.location)") + "\n"
    }
    for group in digest.owners {
      let owner = VisibleText.escape(group.owner)
      out += md ? "## \(owner)\n\n" : "\(owner)\n\(String(repeating: "-", count: owner.count))\n"
      for (title, rows, detail) in Self.sections(group, since: digest.since) {
        out += md ? "**\(title)**\n\n" : "\(title):\n"
        for row in rows { out += item(row, detail(row)) }
        out += "\n"
      }
    }
    if !digest.unowned.isEmpty {
      out += md ? "## Nobody owns these\n\n" : "Nobody owns these\n-----------------\n"
      for row in digest.unowned { out += item(row, Self.age(row)) }
      out += "\n"
    }
    if digest.owners.isEmpty && digest.unowned.isEmpty { out += "Nothing overdue, due soon or recently closed.\n" }
    return out
  }

  /// A standalone page for a wiki, an e-mail or a chat tool that takes HTML: the same content
  /// as the Markdown, every value escaped (and its control characters made visible), no
  /// script, no external resource.
  func html(_ digest: Digest) -> String {
    func text(_ value: String) -> String { HTMLRenderer.escape(VisibleText.escape(value)) }
    func item(_ row: ActionItemRow, _ detail: String) -> String {
      let report = ActionListRenderer.reportText(row)
      return "<li>\(text(row.text)) <span class=\"detail\">(\(text(detail)))</span> — \(text(report)), <code>\(text(row.location))</code></li>\n"
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
    for group in digest.owners {
      out += "<h2>\(text(group.owner))</h2>\n"
      for (title, rows, detail) in Self.sections(group, since: digest.since) {
        out += "<h3>\(title)</h3>\n<ul>\n" + rows.map { item($0, detail($0)) }.joined() + "</ul>\n"
      }
    }
    if !digest.unowned.isEmpty {
      out += "<h2>Nobody owns these</h2>\n<ul>\n"
      out += digest.unowned.map { item($0, Self.age($0)) }.joined() + "</ul>\n"
    }
    if digest.owners.isEmpty && digest.unowned.isEmpty { out += "<p>Nothing overdue, due soon or recently closed.</p>\n" }
    return out + "</body>\n</html>\n"
  }

  /// An owner's non-empty lists, each with its title and the detail each item shows, in the
  /// order every format prints them.
  static func sections(
    _ group: Digest.OwnerSection, since: String?
  ) -> [(title: String, rows: [ActionItemRow], detail: (ActionItemRow) -> String)] {
    let all: [(title: String, rows: [ActionItemRow], detail: (ActionItemRow) -> String)] = [
      ("New since \(since ?? "")", group.opened ?? [], { r in r.due.map { "due \($0)" } ?? "no due date" }),
      ("Overdue", group.overdue, { r in "due \(r.due ?? "?"), \(r.daysOverdue ?? 0) days over" }),
      ("Due soon", group.dueSoon, { r in "due \(r.due ?? "?")" }),
      ("Closed", group.closed, { r in "closed \(r.closedAt?.prefix(10) ?? "?")" }),
    ]
    return all.filter { !$0.rows.isEmpty }
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
