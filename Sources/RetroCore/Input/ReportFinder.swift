import Foundation

/// Expands the paths a user gives into the Markdown files to read.
///
/// A file is taken as given, whatever its extension; a directory means every `.md`,
/// `.markdown` and `.mdx` file below it, skipping hidden folders, sorted by path so output
/// is stable.
public enum ReportFinder {
  public static let extensions: Set<String> = ["md", "markdown", "mdx"]

  public static func files(in paths: [String]) throws -> [String] {
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
        result.append(contentsOf: try markdownFiles(below: path))
      } else {
        result.append(path)
      }
    }
    return result
  }

  /// Walks the tree with opendir/readdir (Foundation's enumerator with URL resource values
  /// costs more than the rest of an unchanged index run), skipping hidden entries and
  /// following no symbolic links to folders, so a link loop cannot trap it.
  private static func markdownFiles(below directory: String) throws -> [String] {
    guard let root = opendir(directory) else {
      throw InputError(path: directory, message: "cannot list this directory")
    }
    closedir(root)
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
        if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
          var info = stat()
          guard stat(path, &info) == 0 else { continue }
          let mode = info.st_mode & S_IFMT
          // A link to a folder is not followed; a link to a file is read.
          if type == UInt8(DT_LNK) && mode == S_IFDIR { continue }
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
}
