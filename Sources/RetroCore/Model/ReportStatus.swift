/// What a report's `status` says of it: finished is `final` or `published` (case and spaces
/// ignored). The one rule of what `retro publish` and `retro site` publish, of what a
/// follow-up policy's deadline asks for, and of what the feed lists.
public enum ReportStatus {
  public static let finished: Set<String> = ["final", "published"]

  public static func isFinished(_ status: String?) -> Bool {
    guard let status else { return false }
    return finished.contains(status.trimmingWhitespace().lowercased())
  }
}
