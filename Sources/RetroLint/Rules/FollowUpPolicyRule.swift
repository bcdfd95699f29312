import RetroCore

/// A report or an item past what the team's follow-up policy (`policies:`) asks.
public struct FollowUpPolicyRule: Rule {
  public static let description = RuleDescription(
    identifier: "follow_up_policy", name: "Follow-up Policy",
    description: "A report is not final by the deadline 'policies:' in .retro.yml sets for its severity, or an open item with no due date of its own is past the one the policy gives it (does nothing without 'policies:').",
    rationale: "A policy is how a team keeps its promises after an incident: without it, an item with no date is never overdue and a draft is never late.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("---\ntitle: Cache outage\ndate: 2024-01-10\nseverity: SEV2\n↓status: draft\n---\n\n## Action items\n\n↓- [ ] Add a cache-miss alert @ana\n- [ ] Shard the cache @ben due 2024-06-01\n")
    ],
    nonTriggeringExamples: [
      RuleExample("---\ntitle: Cache outage\ndate: 2024-01-10\nseverity: SEV2\nstatus: final\n---\n\n## Action items\n\n- [ ] Shard the cache @ben due 2024-06-01\n- [x] Add a cache-miss alert @ana\n"),
      // A severity with no policy and no default.
      RuleExample("---\ntitle: Slow page\ndate: 2024-01-10\nseverity: SEV4\nstatus: draft\n---\n\n## Action items\n\n- [ ] Add a page-speed alert\n"),
    ])

  public init() {}

  /// The policies and the day the examples use: SEV2 items due in 30 days, reports final in
  /// 10; as of 2024-03-01.
  public static let examplePolicies = FollowUpPolicies([.init(severity: "SEV2", itemsDueDays: 30, finalWithinDays: 10)])
  public static let exampleDay = CalendarDate(year: 2024, month: 3, day: 1)!

  public func validate(_ context: LintContext) -> [Finding] {
    let policies = context.configuration.policies
    guard !policies.isEmpty, let date = context.report.date else { return [] }
    let asOf = context.configuration.asOf ?? CalendarDate.today()
    let severity = context.report.severity
    var findings: [Finding] = []
    if !FollowUpPolicies.isFinal(context.report.status), let (deadline, reason) = policies.finalDeadline(reportDate: date, severity: severity),
      deadline < asOf
    {
      let status = context.report.status.map { "still '\($0)'" } ?? "not marked final"
      findings.append(
        Finding(
          "The report is \(status) \(deadline.days(to: asOf)) days after its deadline \(deadline) (\(reason)); finish the review and set 'status: final'",
          line: context.report.status == nil ? 1 : context.line(ofKey: "status")))
    }
    let incidents = context.report.incidentDates(order: context.configuration.parser.dateOrder)
    for item in context.report.actionItems where item.status == .open && item.due == nil {
      // From the item's own incident (a heading's date in a log of incidents), else the report's.
      if let (due, reason) = policies.itemDue(reportDate: incidents[item.line] ?? date, severity: severity), due < asOf {
        findings.append(
          Finding(
            "Action item '\(ActionItemOwnerRule.short(item.text))' is \(due.days(to: asOf)) days past \(due), the due date its policy gives (\(reason)); do it, or give it a date of its own",
            line: item.line))
      }
    }
    return findings
  }
}
