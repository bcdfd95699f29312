/// What an action item is for, in the Google SRE workbook's terms.
public enum ActionItemType: String, Sendable, Codable, CaseIterable {
  case prevent, mitigate, detect, process, other

  /// Reads a type column or label (`Prevent`, `mitigation`, `detection`, `repair`).
  public init?(label: String) {
    // A plain word (the usual case) needs no trimming, and no character set built for it.
    let plain = !label.isEmpty && label.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
    let word = plain ? label.lowercased() : label.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    switch word {
    case "prevent", "prevention", "preventive", "preventative": self = .prevent
    case "mitigate", "mitigation", "repair", "fix", "remediate", "remediation": self = .mitigate
    case "detect", "detection", "monitoring", "alerting": self = .detect
    case "process", "procedure", "documentation", "docs", "training": self = .process
    case "other", "investigate", "investigation": self = .other
    default: return nil
    }
  }
}

import Foundation
