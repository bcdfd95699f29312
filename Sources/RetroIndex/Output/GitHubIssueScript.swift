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
///
/// The round trip: each issue's URL, as `gh` prints it, is recorded with the item's retro id
/// and report in `retro-created-issues.tsv` (or `$RETRO_CREATED`); at the end the script runs
/// `retro tickets` on that file when retro is on the PATH (else says to), which writes each
/// URL into its item's line, so the next export leaves the item out. An item already in the
/// record (a run that stopped half-way, run again) is not created twice. The back-link is
/// absolute, to the line on the forge of the report's git `origin` (`RepositoryLinks`).
public struct GitHubIssueScript: Sendable {
  public var label: String
  public var links: RepositoryLinks?

  /// The longest title GitHub takes, in characters.
  static let titleLimit = 256

  public init(label: String = "retro-action-item", links: RepositoryLinks? = nil) {
    self.label = label
    self.links = links
  }

  /// The line every export puts in a ticket's body, which `retro tickets` reads back:
  /// `retro id: `1a2418f55d` in `retros/x.md``.
  public static func idLine(_ row: ActionItemRow) -> String {
    "retro id: `\(row.id)` in `\(row.path)`"
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
      # Each issue made is recorded in $RETRO_CREATED, and 'retro tickets' then writes its
      # URL into the report, so the next export leaves the item out.
      failed=0
      record="${RETRO_CREATED:-retro-created-issues.tsv}"
      touch "$record" || exit 1
      out=$(mktemp) || exit 1
      trap 'rm -f "$out"' EXIT
      failure() {
        failed=$((failed + 1))
        printf 'not created: the action item at %s\\n' "$1" >&2
      }
      created() {
        url=$(tail -n 1 "$out")
        if [ -n "$url" ]; then printf '%s\\t%s\\t%s\\n' "$1" "$2" "$url" >> "$record"; fi
      }
      made() {
        awk -F '\t' -v id="$1" -v path="$2" '$1 == id && $2 == path { found = 1 } END { exit !found }' "$record"
      }

      """
    for row in open {
      let (title, cut) = Self.title(row.text)
      var body = cut ? row.text + "\n\n" : ""
      let link = links?.link(toFileAt: row.path, line: row.line) ?? "\(row.path)#L\(row.line)"
      body += "Action item from [\(row.reportTitle ?? row.path)](\(link)), line \(row.line)"
      if let date = row.reportDate { body += ", incident of \(date)" }
      body += "."
      if let due = row.due { body += "\n\nDue: \(due)" }
      if !row.owners.isEmpty { body += "\n\nOwners: \(row.owners.joined(separator: ", "))" }
      body += "\n\n" + Self.idLine(row)
      body = VisibleText.escape(body, keepingLineBreaks: true)
      let end = Self.delimiter(for: body)
      var command = "gh issue create --title \(Self.quote(title)) --body-file - --label \(Self.quote(label))"
      for owner in row.owners where Self.isHandle(owner) {
        command += " --assignee \(Self.quote(String(owner.dropFirst())))"
      }
      let id = Self.quote(row.id)
      let path = Self.quote(row.path)
      out += "\n# \(VisibleText.escape(row.location))\n"
      out += "if made \(id) \(path); then :\n"
      // The here-document stays out of a command substitution: inside `$( )`, bash 3.2 (macOS's
      // sh) runs backquotes even in a quoted here-document. gh's output goes to a file.
      out += "elif \(command) > \"$out\" <<'\(end)'\n\(body)\n\(end)\nthen created \(id) \(path)\n"
      out += "else failure \(Self.quote(row.location)); fi\n"
    }
    out += """

      if command -v retro >/dev/null 2>&1; then
        retro tickets "$record" || failed=$((failed + 1))
      else
        printf 'now run: retro tickets %s\\n' "$record" >&2
      fi
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
