/// `policies:` in `.retro.yml`: what a team promises after an incident of each severity, as
/// incident.io's follow-up policies do. Authors often give an item no due date, so nothing
/// would ever be overdue; a policy gives it one.
///
/// ```yaml
/// policies:
///   SEV1: {itemsDueDays: 14, finalWithinDays: 5}
///   SEV2: {itemsDueDays: 30, finalWithinDays: 10}
///   default: {itemsDueDays: 90}
/// ```
///
/// An open item with no due date of its own is due `itemsDueDays` after the incident; a
/// report is to be `final` (or `published`) `finalWithinDays` after it. A severity is matched
/// as `severity_scale` matches it (`Sev 2` is `SEV2`); `default` is for the others.
public struct FollowUpPolicies: Sendable, Equatable {
  public struct Policy: Sendable, Equatable {
    /// The severity as written in the configuration, or `default`.
    public var severity: String
    public var itemsDueDays: Int?
    public var finalWithinDays: Int?

    public init(severity: String, itemsDueDays: Int? = nil, finalWithinDays: Int? = nil) {
      self.severity = severity
      self.itemsDueDays = itemsDueDays
      self.finalWithinDays = finalWithinDays
    }
  }

  public var policies: [Policy] = []

  public init(_ policies: [Policy] = []) {
    self.policies = policies
  }

  public var isEmpty: Bool { policies.isEmpty }


  /// The policy for a report of `severity`: its own, else `default`.
  public func policy(forSeverity severity: String?) -> Policy? {
    if let severity {
      let key = SeverityName.key(severity)
      if let own = policies.first(where: { $0.severity != "default" && SeverityName.key($0.severity) == key }) { return own }
    }
    return policies.first { $0.severity == "default" }
  }

  /// The due date a policy gives an item of a report dated `date`, with the reason.
  public func itemDue(reportDate date: CalendarDate?, severity: String?) -> (due: CalendarDate, reason: String)? {
    guard let date, let policy = policy(forSeverity: severity), let days = policy.itemsDueDays else { return nil }
    return (date.adding(days: days), "\(Self.label(policy)) items are due \(days) days after the incident")
  }

  /// The day a report dated `date` is to be final by, with the reason.
  public func finalDeadline(reportDate date: CalendarDate?, severity: String?) -> (deadline: CalendarDate, reason: String)? {
    guard let date, let policy = policy(forSeverity: severity), let days = policy.finalWithinDays else { return nil }
    return (date.adding(days: days), "\(Self.label(policy)) reports are final within \(days) days of the incident")
  }

  /// True when `status` says the report is finished (`ReportStatus`).
  public static func isFinal(_ status: String?) -> Bool {
    ReportStatus.isFinished(status)
  }

  static func label(_ policy: Policy) -> String {
    policy.severity == "default" ? "the default policy:" : "\(policy.severity) policy:"
  }

  /// Reads `policies:` from the configuration; an error names the entry at its line.
  public static func from(_ file: ConfigurationFile) throws -> FollowUpPolicies {
    guard let value = file.values["policies"] else { return FollowUpPolicies() }
    let shape = "must map severities (or default) to itemsDueDays: and finalWithinDays:, e.g. SEV1: {itemsDueDays: 14, finalWithinDays: 5}"
    guard case .table(let table) = value else { throw file.error(key: "policies", shape) }
    var policies: [Policy] = []
    for (severity, setting) in table.entries {
      guard case .table(let fields) = setting else { throw file.error(key: "policies", entry: severity, shape) }
      var policy = Policy(severity: severity)
      for (name, field) in fields.entries {
        guard name == "itemsDueDays" || name == "finalWithinDays" else {
          throw file.error(key: "policies", at: [severity, name], "for \(severity) has '\(name)'; use itemsDueDays: and finalWithinDays:")
        }
        guard case .int(let days) = field, days >= 0, days <= 36_500 else {
          throw file.error(key: "policies", at: [severity, name], "for \(severity) sets \(name) to a value that is not a whole number of days from 0 to 36500")
        }
        if name == "itemsDueDays" { policy.itemsDueDays = days } else { policy.finalWithinDays = days }
      }
      policies.append(policy)
    }
    return FollowUpPolicies(policies)
  }
}
