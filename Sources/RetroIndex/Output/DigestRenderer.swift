import RetroCore

/// Renders the digest as Markdown (for a team channel or e-mail) or plain text. Report text
/// has its control characters made visible (`VisibleText`): a digest is read by people.
public struct DigestRenderer: Sendable {
  public enum Format: String, Sendable, CaseIterable { case markdown, text, json }

  public init() {}

  public func render(_ digest: Digest, format: Format) -> String {
    if format == .json {
      return ActionListRenderer().jsonEncoded(digest)
    }
    let md = format == .markdown
    var out = md ? "# Action items digest, \(digest.asOf)\n\n" : "Action items digest, \(digest.asOf)\n\n"
    out += "\(digest.openCount) open, \(digest.overdueCount) overdue. Due soon means within \(digest.days) days; closed means in the last \(digest.days) days.\n\n"
    func item(_ row: ActionItemRow, _ detail: String) -> String {
      let report = [row.reportDate, row.reportTitle].compactMap { $0 }.joined(separator: " ")
      return "- " + VisibleText.escape("\(row.text) (\(detail)) — \(report), \(row.location)") + "\n"
    }
    for group in digest.owners {
      let owner = VisibleText.escape(group.owner)
      out += md ? "## \(owner)\n\n" : "\(owner)\n\(String(repeating: "-", count: owner.count))\n"
      for (title, rows, detail) in [
        ("Overdue", group.overdue, { (r: ActionItemRow) in "due \(r.due ?? "?"), \(r.daysOverdue ?? 0) days over" }),
        ("Due soon", group.dueSoon, { (r: ActionItemRow) in "due \(r.due ?? "?")" }),
        ("Closed", group.closed, { (r: ActionItemRow) in "closed \(r.closedAt?.prefix(10) ?? "?")" }),
      ] where !rows.isEmpty {
        out += md ? "**\(title)**\n\n" : "\(title):\n"
        for row in rows { out += item(row, detail(row)) }
        out += "\n"
      }
    }
    if !digest.unowned.isEmpty {
      out += md ? "## Nobody owns these\n\n" : "Nobody owns these\n-----------------\n"
      for row in digest.unowned { out += item(row, row.ageDays.map { "\($0) days old" } ?? "no date") }
      out += "\n"
    }
    if digest.owners.isEmpty && digest.unowned.isEmpty { out += "Nothing overdue, due soon or recently closed.\n" }
    return out
  }
}
