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

  // MARK: - Replacing a file that was read

  /// Replaces the file at `path`, which retro read as `expected`, with `data`; returns how
  /// many bytes another program appended while it was replaced (kept at the end).
  ///
  /// `retro lint --fix` must not lose what another program writes, nor take over a file:
  /// - a file this user may not write (`access`), or with no write permission for anyone
  ///   (0444), is refused: a rename in a writable folder would replace it all the same;
  /// - the new file keeps the old one's owner, group and mode; when it cannot (another
  ///   user's file), it is refused rather than made this user's;
  /// - the old file stays open; just before the rename its name must still be that file,
  ///   with the same size, time and bytes;
  /// - a program appending to a file (`>>`, a logger) opens it, writes and closes it, and
  ///   may have opened the old file before the rename: after it, what the old file gained
  ///   is appended to the new one, so no line is lost. A program that keeps the old file
  ///   open and writes after that check is not seen.
  @discardableResult
  public static func replace(_ path: String, expected: Data, with data: Data) throws -> Int {
    let original = open(path, O_RDONLY | O_CLOEXEC)
    guard original >= 0 else { throw InputError(path: path, message: "cannot be read (check its permissions)") }
    defer { close(original) }
    var status = stat()
    guard fstat(original, &status) == 0, Self.contents(of: original) == expected else { throw changed(path) }
    guard access(path, W_OK) == 0 else {
      throw InputError(path: path, message: "cannot be written by this user (mode \(octal(status.st_mode)), owner \(status.st_uid)); not fixed")
    }
    guard status.st_mode & 0o222 != 0 else {
      throw InputError(path: path, message: "is read-only (mode \(octal(status.st_mode))); not fixed, make it writable to fix it")
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).retro-\(UUID().uuidString).tmp").path
    let replacement = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard replacement >= 0 else { throw InputError(path: path, message: "cannot be written: \(String(cString: strerror(errno)))") }
    defer { close(replacement) }
    var renamed = false
    defer { if !renamed { unlink(temporary) } }
    guard Self.write(data, to: replacement) else {
      throw InputError(path: path, message: "cannot be written: \(String(cString: strerror(errno)))")
    }
    // Owner first: chown clears the set-id bits that the mode then restores.
    if status.st_uid != geteuid() || status.st_gid != getegid() {
      guard fchown(replacement, status.st_uid, status.st_gid) == 0 else {
        throw InputError(path: path, message: "belongs to another user (owner \(status.st_uid)); replacing it would make it yours; not fixed")
      }
    }
    guard fchmod(replacement, status.st_mode & 0o7777) == 0, fsync(replacement) == 0 else {
      throw InputError(path: path, message: "cannot be written: \(String(cString: strerror(errno)))")
    }
    // The last look before the rename: the same file, unchanged.
    var now = stat()
    var named = stat()
    guard fstat(original, &now) == 0, stat(path, &named) == 0, named.st_dev == status.st_dev, named.st_ino == status.st_ino,
      now.st_size == status.st_size, now.st_mtim.tv_sec == status.st_mtim.tv_sec, now.st_mtim.tv_nsec == status.st_mtim.tv_nsec,
      Self.contents(of: original) == expected
    else { throw changed(path) }
    guard rename(temporary, path) == 0 else {
      throw InputError(path: path, message: "cannot be replaced: \(String(cString: strerror(errno)))")
    }
    renamed = true
    // What the old file gained after that look went to a file no name leads to any more:
    // append it to the new one (O_APPEND, so it interleaves with appends made there since).
    _ = fcntl(replacement, F_SETFL, O_APPEND)
    var kept = expected.count
    for _ in 0..<100 {
      let after = Self.contents(of: original)
      guard after.count > kept else { break }
      guard after.prefix(expected.count) == expected else {
        // Rewritten, not appended to: put its text back rather than lose it.
        try write(after, to: path, replacing: true)
        throw changed(path)
      }
      guard Self.write(after.suffix(from: kept), to: replacement) else {
        throw InputError(path: path, message: "cannot keep what was appended to it: \(String(cString: strerror(errno)))")
      }
      kept = after.count
    }
    return kept - expected.count
  }

  private static func changed(_ path: String) -> InputError {
    InputError(path: path, message: "changed on disk while retro was fixing it; not written, run --fix again")
  }

  private static func octal(_ mode: mode_t) -> String {
    let text = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
  }

  /// Everything in the open file, from its start.
  private static func contents(of descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var offset: off_t = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
      guard count > 0 else { break }
      data.append(contentsOf: buffer[0..<count])
      offset += off_t(count)
    }
    return data
  }

  private static func write(_ data: Data, to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        offset += count
      }
      return true
    }
  }
}
