import Foundation

/// Writes files so that nothing is half-written and nothing is overwritten unasked.
///
/// The text goes to a temporary file in the same folder first, then is linked into place
/// (which fails if the name exists: no race between checking and writing) or renamed over
/// the old file when replacing is allowed. Either the old file or the new one is there,
/// never half of one.
public enum SafeFileWriter {
  public static func write(_ text: String, to path: String, replacing: Bool = false) throws {
    try write(Data(text.utf8), to: path, replacing: replacing)
  }

  /// Writes `data`; a file it replaces keeps its permissions.
  public static func write(_ data: Data, to path: String, replacing: Bool = false) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw InputError(path: directory.path, message: "cannot create this folder: \(error.localizedDescription)")
    }
    if !replacing, FileManager.default.fileExists(atPath: path) {
      throw InputError(path: path, message: "already exists; retro does not overwrite it")
    }
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).retro-\(UUID().uuidString).tmp")
    // Removed whatever happens: after a link (the name now holds the data too), and after a
    // failure, including a write the disk filled part-way, which leaves a partial file.
    defer { unlink(temporary.path) }
    do {
      try data.write(to: temporary)
    } catch {
      throw InputError(path: path, message: "cannot be written: \(error.localizedDescription)")
    }
    if replacing {
      if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] {
        try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
      }
      guard rename(temporary.path, path) == 0 else {
        throw InputError(path: path, message: "cannot be replaced: \(String(cString: strerror(errno)))")
      }
    } else {
      guard link(temporary.path, path) == 0 else {
        let reason = errno == EEXIST ? "already exists; retro does not overwrite it" : "cannot be written: \(String(cString: strerror(errno)))"
        throw InputError(path: path, message: reason)
      }
    }
  }
}
