import Foundation

/// The repository (`owner/repo`) a report's folder belongs to, from its git `origin`
/// remote, for matching `#123` when several repositories' exports have issue 123. Asked per
/// folder once.
public final class GitRemote: @unchecked Sendable {
  private var known: [String: String?] = [:]
  private let lock = NSLock()

  public init() {}

  public func repository(ofFileAt path: String) -> String? {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    lock.lock()
    if let cached = known[folder] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    let found = Self.origin(folder).flatMap(Self.repository(ofRemote:))
    lock.lock()
    known[folder] = found
    lock.unlock()
    return found
  }

  static func origin(_ folder: String) -> String? {
    // As configured, before `url.insteadOf` rewrites to a mirror.
    Git.run(["-C", folder, "config", "--get", "remote.origin.url"])?.trimmingWhitespace()
  }

  /// `git@github.com:owner/repo.git`, `https://github.com/owner/repo` → `owner/repo`.
  public static func repository(ofRemote remote: String) -> String? {
    var text = remote.trimmingWhitespace()
    if text.hasSuffix(".git") { text.removeLast(4) }
    if let scheme = text.range(of: "://") {
      let rest = text[scheme.upperBound...]
      guard let slash = rest.firstIndex(of: "/") else { return nil }
      text = String(rest[rest.index(after: slash)...])
    } else if let colon = text.firstIndex(of: ":") {
      text = String(text[text.index(after: colon)...])
    }
    return text.split(separator: "/").count >= 2 ? text : nil
  }
}
