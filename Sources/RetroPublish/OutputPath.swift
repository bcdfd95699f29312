import Foundation
import RetroCore

/// Where publishing may write: inside the output folder, and over a file only when retro
/// wrote it (or `--force`).
public enum OutputPath {
  /// `relative` under `directory`, refusing anything that would land outside it.
  public static func resolve(_ relative: String, in directory: String) throws -> String {
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let target = root.appendingPathComponent(relative).standardizedFileURL
    guard target.path.hasPrefix(root.path + "/") else {
      throw InputError(path: relative, message: "would be written outside \(directory); refused")
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
