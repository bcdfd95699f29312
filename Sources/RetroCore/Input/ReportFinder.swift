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

  private static func markdownFiles(below directory: String) throws -> [String] {
    let root = URL(fileURLWithPath: directory)
    guard
      let enumerator = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else {
      throw InputError(path: directory, message: "cannot list this directory")
    }
    var found: [String] = []
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    let rootPath = root.standardizedFileURL.path
    for case let url as URL in enumerator {
      guard extensions.contains(url.pathExtension.lowercased()) else { continue }
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
        continue
      }
      // Report paths relative to what the user typed, as linters do.
      let full = url.standardizedFileURL.path
      let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : full
      found.append(directory == "." ? relative : prefix + relative)
    }
    return found.sorted()
  }
}
