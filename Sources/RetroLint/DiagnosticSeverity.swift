/// How much a finding matters.
public enum DiagnosticSeverity: String, Sendable, Codable, CaseIterable, Comparable {
  case info, warning, error

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool { lhs.rank < rhs.rank }
}
