import Foundation
import RetroCore

/// A relative link or image to a file that does not exist.
public struct BrokenRelativeLinkRule: Rule {
  public static let description = RuleDescription(
    identifier: "broken_relative_link", name: "Broken Relative Link",
    description: "A relative link or image points to a file that does not exist next to the report, or a web address lacks its 'https://'. Files are judged only inside a repository's working tree: a loose copy of a report left its images behind.",
    rationale: "Graphs and runbooks linked from a postmortem are evidence; a broken link loses them.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("# Outage\n\n## Impact\n\n↓See ![graph](images/no-such-graph.png) for 40%.\n"),
      RuleExample("# Outage\n\n↓Jobs on [Prow](prow.k8s.io) failed.\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\nSee [the runbook](https://example.com/runbook) and [above](#impact) and [mail](mailto:a@b.c).\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    guard context.path != "<stdin>" else { return [] }
    let directory = URL(fileURLWithPath: context.path).deletingLastPathComponent()
    let judgesFiles = WorkTree.contains(directory)
    var findings: [Finding] = []
    var stack: [(node: MarkdownNode, line: Int)] = context.document.root.children.map { ($0, $0.range?.start.line ?? 1) }
    while let (node, inheritedLine) = stack.popLast() {
      let line = node.range?.start.line ?? inheritedLine
      switch node.kind {
      case .link(let destination, _), .image(let destination, _):
        if let target = Self.localTarget(destination),
          !FileManager.default.fileExists(atPath: directory.appendingPathComponent(target).path)
        {
          if Self.isWebAddress(target) {
            findings.append(
              Finding("The link to '\(destination)' has no 'https://', so it points to a file next to the report; write 'https://\(destination)'", line: line))
          } else if judgesFiles {
            findings.append(Finding("The link to '\(destination)' points to a file that does not exist", line: line))
          }
        }
      default:
        break
      }
      stack.append(contentsOf: node.children.map { ($0, line) })
    }
    return findings.sorted { $0.line < $1.line }
  }

  /// The file a relative destination names, or nil for URLs, anchors and site-absolute paths.
  /// Endings of web addresses written without a scheme (`prow.k8s.io`, `www.example.com/x`).
  static let webEndings: Set<String> = [
    "com", "org", "net", "io", "dev", "app", "co", "uk", "de", "fr", "eu", "info", "cloud", "ai", "me", "us", "ca",
    "nl", "jp", "ch", "se", "be", "at", "es", "it", "pl", "in", "au", "tech", "sh", "gg", "xyz", "site",
  ]

  /// True when a relative target is a host name with an optional path: its first segment has
  /// a dot and ends in a web ending, or starts `www.`.
  static func isWebAddress(_ target: String) -> Bool {
    let host = target.split(separator: "/", maxSplits: 1).first.map(String.init) ?? target
    guard host.contains("."), !host.hasPrefix("."), host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
    if host.lowercased().hasPrefix("www.") { return true }
    let ending = host.split(separator: ".").last.map { $0.lowercased() } ?? ""
    return webEndings.contains(ending) && host.split(separator: ".").count >= 2
  }

  static func localTarget(_ destination: String) -> String? {
    guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
      !destination.contains(":"), !destination.hasPrefix("{")
    else { return nil }
    var path = destination
    if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
    return path.isEmpty ? nil : (path.removingPercentEncoding ?? path)
  }
}
