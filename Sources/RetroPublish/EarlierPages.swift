import Foundation
import RetroCore

/// Pages an earlier run of retro wrote that this run did not: a report whose page moved (its
/// `slug:` or file name changed), or one deleted, renamed or back in draft. Found by retro's
/// marker at the head of each file in the folders retro writes pages to, with the report the
/// marker names.
struct EarlierPages {
  struct Page: Sendable, Equatable {
    /// Relative to the output folder.
    var relativePath: String
    /// The report it was made from, as the marker names it (nil: a page from a version of
    /// retro that did not write it).
    var source: String?
  }

  /// Retro's pages under `folders` of `output` (files ending in `suffix`, `depth` folders
  /// down at most) that are not in `written`.
  static func find(in output: String, folders: [String], suffix: String, marker: String, written: Set<String>) -> [Page] {
    var pages: [Page] = []
    let manager = FileManager.default
    for folder in folders {
      let root = output + "/" + folder
      guard let enumerator = manager.enumerator(atPath: root) else { continue }
      while let next = enumerator.nextObject() as? String {
        guard next.hasSuffix(suffix) else { continue }
        let relative = folder + "/" + next
        guard !written.contains(relative) else { continue }
        let path = root + "/" + next
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else { continue }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        try? handle.close()
        guard let range = head.range(of: marker) else { continue }
        pages.append(Page(relativePath: relative, source: source(after: head[range.upperBound...])))
      }
    }
    return pages.sorted { $0.relativePath < $1.relativePath }
  }

  /// `from PATH;` (a post's YAML comment) or `from PATH -->` (a page's, percent-encoded).
  static func source(after text: Substring) -> String? {
    guard text.hasPrefix(" from ") else { return nil }
    let rest = text.dropFirst(6)
    if let end = rest.range(of: " -->") {
      return String(rest[..<end.lowerBound]).removingPercentEncoding
    }
    if let end = rest.range(of: "; edits here are replaced.") {
      return String(rest[..<end.lowerBound])
    }
    return nil
  }

  /// Whether a page made from `source` is this run's to move or remove: its report is one
  /// this run read, or is gone from a folder this run read. A page of a report elsewhere is
  /// left as it is.
  static func inScope(_ source: String?, read: Set<String>) -> Bool {
    guard let source else { return true }
    let url = URL(fileURLWithPath: source).standardizedFileURL
    if read.contains(url.path) { return true }
    let folder = url.deletingLastPathComponent().path
    return !FileManager.default.fileExists(atPath: url.path) && read.contains { $0.hasPrefix(folder + "/") }
  }

  /// Removes a page retro wrote; a file that is not there any more is no error.
  static func remove(_ relative: String, in output: String) throws {
    let path = try OutputPath.resolve(relative, in: output)
    do {
      try FileManager.default.removeItem(atPath: path)
    } catch CocoaError.fileNoSuchFile {
    }
  }
}
