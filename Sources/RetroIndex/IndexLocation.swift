import Foundation
import RetroCore

/// Where the index for a folder of reports lives: the path the configuration gives, else one
/// file per folder in the user's cache directory (`$XDG_CACHE_HOME/retro`, or
/// `~/.cache/retro`), so reading a folder leaves no stray files in it.
public enum IndexLocation {
  public static func path(forRoot root: String, configured: String?) -> String {
    if let configured { return configured }
    let environment = ProcessInfo.processInfo.environment
    let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"].map { $0 + "/.cache" } ?? NSTemporaryDirectory())
    let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
    let name = URL(fileURLWithPath: absolute).lastPathComponent
      .filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    let hash = String(ContentHash.of(Data(absolute.utf8)).prefix(12))
    return "\(cache)/retro/\(name.isEmpty ? "root" : name)-\(hash).sqlite"
  }

  /// The folder the given paths share: the root the index is for.
  public static func root(of paths: [String]) -> String {
    let directories = paths.map { path -> [String] in
      var isDirectory: ObjCBool = false
      let url = URL(fileURLWithPath: path).standardizedFileURL
      let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      let folder = exists && isDirectory.boolValue ? url : url.deletingLastPathComponent()
      return folder.pathComponents
    }
    guard var common = directories.first else { return FileManager.default.currentDirectoryPath }
    for components in directories.dropFirst() {
      common = Array(zip(common, components).prefix { $0 == $1 }.map(\.0))
    }
    return common.isEmpty ? "/" : NSString.path(withComponents: common)
  }
}
