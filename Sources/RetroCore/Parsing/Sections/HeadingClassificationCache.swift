import Foundation

/// Headings repeat across a team's reports (templates) and labels repeat within one
/// (`**Owner:**`), so classifications are kept by the heading as written: a lookup instead of
/// normalising, stemming and scoring again. Shared by the parsing threads; bounded.
final class HeadingClassificationCache: @unchecked Sendable {
  private var entries: [String: HeadingClassification] = [:]
  private let lock = NSLock()
  static let capacity = 8192

  func value(_ heading: String, compute: () -> HeadingClassification) -> HeadingClassification {
    lock.lock()
    if let found = entries[heading] {
      lock.unlock()
      return found
    }
    lock.unlock()
    let made = compute()
    lock.lock()
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[heading] = made
    lock.unlock()
    return made
  }
}
