import Foundation

/// Expands the paths a user gives into the Markdown files to read.
///
/// A file is taken as given, whatever its extension; a directory means every `.md`,
/// `.markdown` and `.mdx` file below it, skipping hidden folders, sorted by path so output
/// is stable.
///
/// A symbolic link found in a folder is read only when the file it leads to is inside that
/// folder and not in a hidden folder of it: a report that is a link to `../.git/config` or
/// to a secret elsewhere would otherwise be shown, indexed and published. Such a link is
/// skipped, and `warn` gets a warning naming it. A file named on the command line is read
/// as given, link or not: the user chose it.
public enum ReportFinder {
  public static let extensions: Set<String> = ["md", "markdown", "mdx"]

  public static func files(in paths: [String], warn: (String) -> Void = { _ in }) throws -> [String] {
    var result: [String] = []
    for path in paths {
      if path == "-" {
        result.append(path)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError(path: path, message: "no such file or directory")
      }
      if isDirectory.boolValue {
        result.append(contentsOf: try markdownFiles(below: path, warn: warn))
      } else {
        result.append(path)
      }
    }
    return result
  }

  /// Walks the tree with opendir/readdir (Foundation's enumerator with URL resource values
  /// costs more than the rest of an unchanged index run), skipping hidden entries and
  /// following no symbolic links to folders, so a link loop cannot trap it.
  private static func markdownFiles(below directory: String, warn: (String) -> Void) throws -> [String] {
    guard let root = opendir(directory) else {
      throw InputError(path: directory, message: "cannot list this directory")
    }
    closedir(root)
    let realRoot = realPath(directory) ?? directory
    var found: [String] = []
    var pending: [String] = [directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory]
    while let folder = pending.popLast() {
      guard let handle = opendir(folder) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name.hasPrefix(".") { continue }
        let path = folder == "." ? name : folder + "/" + name
        var type = entry.pointee.d_type
        if type == UInt8(DT_UNKNOWN) {
          var info = stat()
          guard lstat(path, &info) == 0 else { continue }
          if info.st_mode & S_IFMT == S_IFLNK { type = UInt8(DT_LNK) }
        }
        if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
          var info = stat()
          guard stat(path, &info) == 0 else { continue }
          let mode = info.st_mode & S_IFMT
          // A link to a folder is not followed; a link to a file is read if it stays inside.
          if type == UInt8(DT_LNK) && mode == S_IFDIR { continue }
          if type == UInt8(DT_LNK) && mode == S_IFREG, let reason = leavesRoot(path, root: realRoot) {
            if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
              warn("\(path): warning: is a symbolic link to a file \(reason) \(directory); skipped")
            }
            continue
          }
          type = mode == S_IFDIR ? UInt8(DT_DIR) : (mode == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN))
        }
        if type == UInt8(DT_DIR) {
          pending.append(path)
        } else if type == UInt8(DT_REG) {
          let dot = name.lastIndex(of: ".")
          if let dot, extensions.contains(name[name.index(after: dot)...].lowercased()) { found.append(path) }
        }
      }
    }
    return found.sorted()
  }

  /// Why the file the link at `path` leads to may not be read, or nil when it may: it is
  /// outside `root` (a real path), or in a hidden folder of it, which the walk skips too.
  private static func leavesRoot(_ path: String, root: String) -> String? {
    guard let real = realPath(path) else { return "that cannot be resolved in" }
    let base = root == "/" ? "/" : root + "/"
    guard real.hasPrefix(base) else { return "outside" }
    let inside = real.dropFirst(base.count).split(separator: "/")
    return inside.contains(where: { $0.hasPrefix(".") }) ? "in a hidden folder of" : nil
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
