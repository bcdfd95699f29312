import Foundation

/// Web links to a report's line on the forge its git `origin` points at (GitHub, GitLab,
/// Bitbucket, or a self-hosted one of them): `https://github.com/acme/ops/blob/main/retros/x.md#L20`.
/// A relative link breaks once the text leaves the repository (an issue body, a Slack
/// message); this one does not. Asked once per folder; nil outside a git repository, without
/// an `origin`, or for a remote that is no web address (a local path).
///
/// The ref is the branch checked out (the commit when none is), so the link shows the report
/// as the team keeps it.
public final class RepositoryLinks: @unchecked Sendable {
  private struct Repository {
    var web: String
    var root: String
    var ref: String
  }

  private var known: [String: Repository?] = [:]
  private let lock = NSLock()

  public init() {}

  /// The web address of line `line` of the file at `path` (relative to the working folder
  /// or absolute).
  public func link(toFileAt path: String, line: Int? = nil) -> String? {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let folder = URL(fileURLWithPath: absolute).deletingLastPathComponent().path
    guard let repository = repository(of: folder) else { return nil }
    let root = repository.root.hasSuffix("/") ? repository.root : repository.root + "/"
    guard absolute.hasPrefix(root) else { return nil }
    let relative = String(absolute.dropFirst(root.count)).split(separator: "/").map { Self.percentEncoded(String($0)) }.joined(separator: "/")
    let ref = repository.ref.split(separator: "/").map { Self.percentEncoded(String($0)) }.joined(separator: "/")
    let file: String
    if repository.web.contains("gitlab") {
      file = "\(repository.web)/-/blob/\(ref)/\(relative)"
    } else if repository.web.contains("bitbucket") {
      file = "\(repository.web)/src/\(ref)/\(relative)"
    } else {
      file = "\(repository.web)/blob/\(ref)/\(relative)"
    }
    guard let line else { return file }
    return file + (repository.web.contains("bitbucket") ? "#lines-\(line)" : "#L\(line)")
  }

  private func repository(of folder: String) -> Repository? {
    lock.lock()
    if let cached = known[folder] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    var found: Repository?
    // The URL as configured: `remote get-url` applies `url.insteadOf` rewrites (a mirror,
    // a proxy), which are no web address to share.
    if let remote = Git.run(["config", "--get", "remote.origin.url"], in: folder)?.trimmingWhitespaceAndNewlines(),
      let web = Self.webAddress(ofRemote: remote),
      let root = Git.run(["rev-parse", "--show-toplevel"], in: folder)?.trimmingWhitespaceAndNewlines()
    {
      // The branch (even one with no commit yet), else the commit checked out.
      var ref = Git.run(["symbolic-ref", "--short", "-q", "HEAD"], in: folder)?.trimmingWhitespaceAndNewlines() ?? ""
      if ref.isEmpty { ref = Git.run(["rev-parse", "HEAD"], in: folder)?.trimmingWhitespaceAndNewlines() ?? "main" }
      found = Repository(web: web, root: URL(fileURLWithPath: root).standardizedFileURL.path, ref: ref)
    }
    lock.lock()
    known[folder] = found
    lock.unlock()
    return found
  }

  /// `git@github.com:acme/ops.git`, `ssh://git@host:22/acme/ops`, `https://user@host/acme/ops.git`
  /// → `https://host/acme/ops`; nil for a local path or a `file://` remote.
  public static func webAddress(ofRemote remote: String) -> String? {
    var text = remote.trimmingWhitespaceAndNewlines()
    if text.hasSuffix(".git") { text.removeLast(4) }
    while text.hasSuffix("/") { text.removeLast() }
    var host: Substring
    var path: Substring
    if let scheme = text.range(of: "://") {
      let kind = text[..<scheme.lowerBound].lowercased()
      guard ["https", "http", "ssh", "git"].contains(kind) else { return nil }
      let rest = text[scheme.upperBound...]
      guard let slash = rest.firstIndex(of: "/") else { return nil }
      host = rest[..<slash]
      path = rest[rest.index(after: slash)...]
    } else if let colon = text.firstIndex(of: ":"), !text.hasPrefix("/") {
      host = text[..<colon]
      path = text[text.index(after: colon)...]
    } else {
      return nil
    }
    if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    // A port is the ssh daemon's, not the web server's.
    if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
    guard !host.isEmpty, host.contains("."), path.split(separator: "/").count >= 2,
      host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
    else { return nil }
    return "https://\(host.lowercased())/\(path)"
  }

  static func percentEncoded(_ part: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#")
    return part.addingPercentEncoding(withAllowedCharacters: allowed) ?? part
  }
}
