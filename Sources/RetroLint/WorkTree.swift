import Foundation

/// Whether a folder is inside a repository's working tree (a `.git` folder or file in it or
/// above it). A report outside one is a loose copy (downloaded, pasted into a folder of
/// examples): the images and pages its relative links name were left behind with its
/// repository, so a missing target says nothing about the report. `broken_relative_link`
/// judges file links only inside a working tree. Answers are kept per folder.
enum WorkTree {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var known: [String: Bool] = [:]

  static func contains(_ directory: URL) -> Bool {
    let path = directory.standardizedFileURL.path
    lock.lock()
    if let answer = known[path] {
      lock.unlock()
      return answer
    }
    lock.unlock()
    var url = directory.standardizedFileURL
    var answer = false
    while true {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) {
        answer = true
        break
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { break }
      url = parent
    }
    lock.lock()
    known[path] = answer
    lock.unlock()
    return answer
  }
}
