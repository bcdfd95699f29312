/// Which reports are published: finished ones (`ReportStatus`: `final` or `published`). `retro publish` and `retro site` apply the same rule, and both publish drafts
/// only when `--include-drafts` says so: a draft on a public site is a leak.
public enum PublishableStatus {
  public static func allows(_ status: String?) -> Bool {
    ReportStatus.isFinished(status)
  }

  /// One line for standard error about the drafts left out, naming the first few.
  public static func skippedSummary(_ paths: [String]) -> String? {
    guard !paths.isEmpty else { return nil }
    let named = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
    return "retro: skipped \(paths.count) \(paths.count == 1 ? "report" : "reports") not final or published (\(named)); --include-drafts publishes them"
  }
}

import RetroCore
