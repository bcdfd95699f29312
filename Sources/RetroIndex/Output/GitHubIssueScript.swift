import Foundation
import RetroCore

/// `retro actions --format gh-issues`: a shell script of `gh issue create` commands, one per
/// open item that has no ticket yet. It runs nothing itself: read it, then run it with `sh`.
///
/// Every value is single-quoted for the shell (a quote inside becomes `'\''`), and control
/// characters are made visible, so no report text can run as a command. An owner written as
/// a handle (`@ana`) becomes the assignee; a name is left in the body.
public struct GitHubIssueScript: Sendable {
  public var label: String

  public init(label: String = "retro-action-item") {
    self.label = label
  }

  public func render(_ rows: [ActionItemRow]) -> String {
    let open = rows.filter { $0.status == "open" && $0.tickets.isEmpty }
    var out = """
      #!/bin/sh
      # \(open.count) open action \(open.count == 1 ? "item" : "items") without a ticket, as GitHub issues.
      # Written by `retro actions --format gh-issues`; it creates nothing until you run it:
      #   sh this-file.sh     (needs the GitHub CLI, `gh auth login`, and the label below)
      #   gh label create \(Self.quote(label))
      set -e

      """
    for row in open {
      var body = "Action item from [\(row.reportTitle ?? row.path)](\(row.path)#L\(row.line)), line \(row.line)"
      if let date = row.reportDate { body += ", incident of \(date)" }
      body += "."
      if let due = row.due { body += "\n\nDue: \(due)" }
      if !row.owners.isEmpty { body += "\n\nOwners: \(row.owners.joined(separator: ", "))" }
      body += "\n\nretro id: `\(row.id)`"
      var command = "gh issue create --title \(Self.quote(row.text)) --body \(Self.quote(body)) --label \(Self.quote(label))"
      for owner in row.owners where Self.isHandle(owner) {
        command += " --assignee \(Self.quote(String(owner.dropFirst())))"
      }
      out += "\n# \(VisibleText.escape(row.location))\n" + command + "\n"
    }
    return out
  }

  /// A GitHub login: `@` then letters, digits and single hyphens (no team slugs with `/`).
  static func isHandle(_ owner: String) -> Bool {
    guard owner.hasPrefix("@"), owner.count > 1 else { return false }
    return owner.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }

  /// `value` as one single-quoted shell word, control characters made visible.
  static func quote(_ value: String) -> String {
    "'" + VisibleText.escape(value, keepingLineBreaks: true).replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
