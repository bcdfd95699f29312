/// What a section of a report is about, whatever its heading says.
public enum SectionKind: String, Sendable, Codable, CaseIterable {
  case summary, impact, rootCauses, trigger, detection, resolution, timeline
  case lessonsLearned, wentWell, wentWrong, gotLucky, actionItems
  case custom

  /// The usual heading for this kind, used in messages and templates.
  public var displayName: String {
    switch self {
    case .summary: return "Summary"
    case .impact: return "Impact"
    case .rootCauses: return "Root causes"
    case .trigger: return "Trigger"
    case .detection: return "Detection"
    case .resolution: return "Resolution"
    case .timeline: return "Timeline"
    case .lessonsLearned: return "Lessons learned"
    case .wentWell: return "What went well"
    case .wentWrong: return "What went wrong"
    case .gotLucky: return "Where we got lucky"
    case .actionItems: return "Action items"
    case .custom: return "Other"
    }
  }

  /// The lessons sub-lists, which sit under `lessonsLearned` when both are present.
  public var isLessonList: Bool { self == .wentWell || self == .wentWrong || self == .gotLucky }
}
