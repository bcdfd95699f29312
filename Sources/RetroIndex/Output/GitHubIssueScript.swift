import Foundation
import RetroCore

/// `retro actions --format gh-issues`: a shell script of `gh issue create` commands, one per
/// open item that has no ticket yet. It runs nothing itself: read it, then run it with `sh`.
///
/// Every argument is single-quoted for the shell (a quote inside becomes `'\''`), and control
/// characters are made visible, so no report text can run as a command. The body goes to
/// `gh` on standard input (`--body-file -`) from a here-document whose quoted delimiter is no
/// line of the body, so the shell expands nothing in it and no item is too long for a
/// command line (Linux allows one argument 128 KiB). The title is cut to GitHub's 256
/// characters; the whole item is then in the body. An issue `gh` fails to create is named on
/// standard error and the script goes on with the next, then exits 1 saying how many failed.
/// An owner written as a handle (`@ana`) becomes the assignee; a name is left in the body.
public struct GitHubIssueScript: Sendable {
  public var label: String

  /// The longest title GitHub takes, in characters.
  static let titleLimit = 256

  public init(label: String = "retro-action-item") {
    self.label = label
  }

  public func render(_ rows: [ActionItemRow]) -> String {
    let open = rows.filter { $0.status == "open" && $0.tickets.isEmpty }
    let issues = "\(open.count) open action \(open.count == 1 ? "item" : "items")"
    var out = """
      #!/bin/sh
      # \(issues) without a ticket, as GitHub issues.
      # Written by `retro actions --format gh-issues`; it creates nothing until you run it:
      #   sh this-file.sh     (needs the GitHub CLI, `gh auth login`, and the label below)
      #   gh label create \(Self.quote(label))
      # An issue gh cannot create is named on standard error and the others still go ahead.
      failed=0
      failure() {
        failed=$((failed + 1))
        printf 'not created: the action item at %s\\n' "$1" >&2
      }

      """
    for row in open {
      let (title, cut) = Self.title(row.text)
      var body = cut ? row.text + "\n\n" : ""
      body += "Action item from [\(row.reportTitle ?? row.path)](\(row.path)#L\(row.line)), line \(row.line)"
      if let date = row.reportDate { body += ", incident of \(date)" }
      body += "."
      if let due = row.due { body += "\n\nDue: \(due)" }
      if !row.owners.isEmpty { body += "\n\nOwners: \(row.owners.joined(separator: ", "))" }
      body += "\n\nretro id: `\(row.id)`"
      body = VisibleText.escape(body, keepingLineBreaks: true)
      let end = Self.delimiter(for: body)
      var command = "gh issue create --title \(Self.quote(title)) --body-file - --label \(Self.quote(label))"
      for owner in row.owners where Self.isHandle(owner) {
        command += " --assignee \(Self.quote(String(owner.dropFirst())))"
      }
      command += " <<'\(end)' || failure \(Self.quote(row.location))\n\(body)\n\(end)"
      out += "\n# \(VisibleText.escape(row.location))\n" + command + "\n"
    }
    out += """

      if [ "$failed" -gt 0 ]; then
        printf '%s of \(issues) were not created (see above)\\n' "$failed" >&2
        exit 1
      fi

      """
    return out
  }

  /// `text` cut to GitHub's title limit (with an ellipsis), and whether it was cut.
  static func title(_ text: String) -> (String, Bool) {
    guard text.unicodeScalars.count > titleLimit else { return (text, false) }
    // Whole characters only, counted as GitHub counts them (code points).
    var title = ""
    var scalars = 1  // the ellipsis
    for character in text {
      scalars += character.unicodeScalars.count
      if scalars > titleLimit { break }
      title.append(character)
    }
    return (title + "…", true)
  }

  /// A here-document delimiter that is no line of `body`.
  static func delimiter(for body: String) -> String {
    var delimiter = "RETRO_ISSUE_BODY"
    guard body.contains(delimiter) else { return delimiter }
    let lines = Set(body.split(separator: "\n", omittingEmptySubsequences: false))
    var suffix = 1
    while lines.contains(Substring(delimiter)) {
      delimiter = "RETRO_ISSUE_BODY_\(suffix)"
      suffix += 1
    }
    return delimiter
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
