import Foundation
import RetroCore

/// A relative link or image to a file that does not exist.
public struct BrokenRelativeLinkRule: Rule {
  public static let description = RuleDescription(
    identifier: "broken_relative_link", name: "Broken Relative Link",
    description: "A relative link or image points to a file that does not exist next to the report.",
    rationale: "Graphs and runbooks linked from a postmortem are evidence; a broken link loses them.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n## Impact\n\n↓See ![graph](images/no-such-graph.png) for 40%.\n")],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\nSee [the runbook](https://example.com/runbook) and [above](#impact) and [mail](mailto:a@b.c).\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    guard context.path != "<stdin>" else { return [] }
    let directory = URL(fileURLWithPath: context.path).deletingLastPathComponent()
    var findings: [Finding] = []
    var stack: [(node: MarkdownNode, line: Int)] = context.document.root.children.map { ($0, $0.range?.start.line ?? 1) }
    while let (node, inheritedLine) = stack.popLast() {
      let line = node.range?.start.line ?? inheritedLine
      switch node.kind {
      case .link(let destination, _), .image(let destination, _):
        if let target = Self.localTarget(destination),
          !FileManager.default.fileExists(atPath: directory.appendingPathComponent(target).path)
        {
          findings.append(Finding("The link to '\(destination)' points to a file that does not exist", line: line))
        }
      default:
        break
      }
      stack.append(contentsOf: node.children.map { ($0, line) })
    }
    return findings.sorted { $0.line < $1.line }
  }

  /// The file a relative destination names, or nil for URLs, anchors and site-absolute paths.
  static func localTarget(_ destination: String) -> String? {
    guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
      !destination.contains(":"), !destination.hasPrefix("{")
    else { return nil }
    var path = destination
    if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
    return path.isEmpty ? nil : (path.removingPercentEncoding ?? path)
  }
}
