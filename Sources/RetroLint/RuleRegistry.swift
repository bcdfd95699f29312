/// Every rule retro has, in the order `retro rules` lists them.
public enum RuleRegistry {
  public static let rules: [any Rule.Type] = [
    MissingSectionRule.self, EmptySectionRule.self, PlaceholderTextRule.self, DuplicateSectionRule.self,
    MissingMetadataRule.self, SeverityScaleRule.self, StatusScaleRule.self,
    TimelineEmptyRule.self, UnreadableTimeRule.self, TimelineOrderRule.self, TimelineTimeZoneRule.self,
    MissingDetectionEventRule.self, MissingResolutionEventRule.self, TimestampsOutsideTimelineRule.self,
    TimelineEndsBeforeStartRule.self, ImpactNotQuantifiedRule.self, HumanErrorRootCauseRule.self,
    BlamingLanguageRule.self, SummaryLengthRule.self, NoActionItemsRule.self, ActionItemOwnerRule.self,
    ActionItemTrackingRule.self, ActionItemIdRule.self, VagueActionItemRule.self, DuplicateActionItemRule.self,
    TaskListMarkerRule.self, StaleItemStatusRule.self, FollowUpPolicyRule.self,
    LessonsListsRule.self, BrokenRelativeLinkRule.self, InvalidDirectiveRule.self, SuperfluousDirectiveRule.self,
  ]

  public static let crossReportRules: [any CrossReportRule.Type] = [
    DuplicateActionItemIdRule.self, RecurringActionItemRule.self,
  ]

  public static var descriptions: [RuleDescription] {
    rules.map { $0.description } + crossReportRules.map { $0.description }
  }

  public static var identifiers: Set<String> { Set(descriptions.map(\.identifier)) }

  public static func description(of id: String) -> RuleDescription? {
    descriptions.first { $0.identifier == id }
  }
}
