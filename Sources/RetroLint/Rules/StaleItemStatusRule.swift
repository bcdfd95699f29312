import RetroCore

/// The report's box says one thing, the tracker another.
public struct StaleItemStatusRule: Rule {
  public static let description = RuleDescription(
    identifier: "stale_item_status", name: "Stale Item Status",
    description: "An action item is open in the report but its ticket is closed in the tracker, or done in the report while its ticket is open (needs tracker exports: 'tracker:' in .retro.yml or --tracker).",
    rationale: "A checkbox goes stale the day the ticket moves; readers of the report and of 'retro actions' then count the wrong work as open or done.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("## Action items\n\n↓- [ ] Add a replication-lag alert @ana OPS-412\n↓- [x] Rotate the certificates @ben OPS-413\n")
    ],
    nonTriggeringExamples: [
      RuleExample("## Action items\n\n- [x] Add a replication-lag alert @ana OPS-412\n- [ ] Rotate the certificates @ben OPS-413\n- [ ] Page earlier @cy OPS-999\n")
    ],
    fixable: true)

  public init() {}

  /// The tickets the examples use: OPS-412 closed, OPS-413 in progress.
  public static let exampleTickets = TrackerTickets([
    TrackerTicket(key: "OPS-412", title: "Replication-lag alert", state: .closed, statusText: "Done", closedOn: CalendarDate(year: 2024, month: 3, day: 2), source: "example.csv:2"),
    TrackerTicket(key: "OPS-413", title: "Rotate certificates", state: .open, statusText: "In Progress", source: "example.csv:3"),
  ])

  public func validate(_ context: LintContext) -> [Finding] {
    guard let tracker = context.configuration.tracker, !tracker.isEmpty else { return [] }
    var findings: [Finding] = []
    for item in context.report.actionItems where !item.tickets.isEmpty {
      guard let ticket = tracker.ticket(for: item.tickets, repository: { context.configuration.gitRemote.repository(ofFileAt: context.path) })
      else { continue }
      let short = ActionItemOwnerRule.short(item.text)
      switch (item.status, ticket.state) {
      case (.open, .closed):
        let when = ticket.closedOn.map { " on \($0)" } ?? ""
        findings.append(
          Finding(
            "Action item '\(short)' is open here but \(ticket.key) was closed\(when) (\(ticket.statusText)); tick it or reopen the ticket",
            line: item.line, fix: context.fix { Self.box(context, line: item.line, to: .done) }))
      case (.done, .open):
        findings.append(
          Finding(
            "Action item '\(short)' is done here but \(ticket.key) is still open (\(ticket.statusText)); close the ticket or untick it",
            line: item.line, fix: context.fix { Self.box(context, line: item.line, to: .open) }))
      default:
        continue
      }
    }
    return findings
  }

  /// Ticks or unticks the item's task box, where it has one.
  static func box(_ context: LintContext, line: Int, to status: ActionItemStatus) -> Fix? {
    guard line >= 1, line <= context.sourceLines.count, let parts = ListItemLine(context.sourceLines[line - 1]),
      let box = parts.box
    else { return nil }
    let written = String(decoding: Array(context.sourceLines[line - 1].utf8)[box], as: UTF8.self)
    switch status {
    case .done:
      guard written == "[ ]" || written == "[]" else { return nil }
      return Fix("Tick the box: the ticket is closed", edits: [.replace(line: line, columns: box, with: "[x]")], statusChanges: [line: .done])
    case .open:
      guard written == "[x]" || written == "[X]" else { return nil }
      return Fix("Untick the box: the ticket is open", edits: [.replace(line: line, columns: box, with: "[ ]")], statusChanges: [line: .open])
    }
  }
}
