import Foundation
import RetroCore

/// The files git says changed since a commit (`retro lint --changed-since origin/main`):
/// committed since, changed in the working tree, and new files git does not ignore. Paths
/// come back absolute and standardised, to compare with the findings' paths.
enum ChangedFiles {
  static func since(_ reference: String, near path: String) throws -> Set<String> {
    var folder = URL(fileURLWithPath: path.isEmpty || path == "-" ? "." : path).standardizedFileURL
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
      folder = folder.deletingLastPathComponent()
    }
    guard let top = Git.run(["rev-parse", "--show-toplevel"], in: folder.path)?.trimmingCharacters(in: .whitespacesAndNewlines), !top.isEmpty else {
      throw InputError(path: folder.path, message: "--changed-since needs a git working tree, and this is not in one")
    }
    guard Git.run(["rev-parse", "--verify", "--quiet", reference + "^{commit}"], in: folder.path) != nil else {
      throw InputError(path: top, message: "--changed-since: '\(reference)' is not a commit git knows here")
    }
    let changed = Git.run(["diff", "--name-only", "-z", "--diff-filter=d", reference, "--"], in: top) ?? ""
    let untracked = Git.run(["ls-files", "--others", "--exclude-standard", "-z"], in: top) ?? ""
    let names = (changed + untracked).split(separator: "\0").map(String.init)
    return Set(names.map { URL(fileURLWithPath: top).appendingPathComponent($0).standardizedFileURL.path })
  }
}
