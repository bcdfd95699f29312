import Foundation
import RetroCore

/// Where publishing may write: inside the output folder, and over a file only when retro
/// wrote it (or `--force`).
public enum OutputPath {
  /// `relative` under `directory`, refusing anything that would land outside it: a path that
  /// climbs out, and a path through a symbolic link below `directory` (a link to a folder
  /// elsewhere, or a file that is a link, would put the write wherever it points).
  /// `directory` itself may be a link: the user named it.
  public static func resolve(_ relative: String, in directory: String) throws -> String {
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let target = root.appendingPathComponent(relative).standardizedFileURL
    guard target.path.hasPrefix(root.path + "/") else {
      throw InputError(path: relative, message: "would be written outside \(directory); refused")
    }
    var current = root.path
    var shown = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    for component in target.path.dropFirst(root.path.count + 1).split(separator: "/") {
      current += "/" + component
      shown += "/" + component
      var info = stat()
      // What does not exist yet is made by the writer, as a folder or file of its own.
      guard lstat(current, &info) == 0 else { break }
      if info.st_mode & S_IFMT == S_IFLNK {
        throw InputError(path: shown, message: "is a symbolic link; retro does not write through links inside \(directory)")
      }
    }
    return target.path
  }

  /// Throws when `path` exists and is not a file retro generated, unless `force`.
  public static func checkOwnership(_ path: String, force: Bool) throws {
    guard !force, FileManager.default.fileExists(atPath: path) else { return }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InputError(path: path, message: "exists and cannot be read; refusing to replace it")
    }
    defer { try? handle.close() }
    let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
    guard head.contains(PostRenderer.marker) || head.contains(SiteBuilder.marker) else {
      throw InputError(path: path, message: "exists and was not written by retro; use --force to replace it")
    }
  }
}
