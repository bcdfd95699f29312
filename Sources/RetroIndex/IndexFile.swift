import Foundation

/// What is at an index path before retro opens, creates or rebuilds anything there.
///
/// retro marks its index with an SQLite application id (`applicationID`, bytes 68–71 of the
/// file's header, big-endian), so it can tell its own file from anything else by reading the
/// first 100 bytes, even when the rest of the file is damaged. Only a regular file with that
/// mark is ever removed; a folder, a symbolic link, a file that is not SQLite, or another
/// program's database is refused, whatever `--index` or `index:` in `.retro.yml` says.
public enum IndexFile {
  /// `retr` in ASCII: the application id retro writes into every index it makes.
  public static let applicationID: Int32 = 0x7265_7472

  enum Kind: Equatable {
    /// Nothing there: retro may create the index.
    case absent
    /// A regular file whose header carries retro's mark.
    case marked
    /// An SQLite database without an application id: an index an earlier retro made (before
    /// the mark), an empty database, or another program's; its tables tell which.
    case unmarked
    /// Anything else, with why, in words.
    case refused(String)
  }

  /// Looks at `path` without following a symbolic link and without changing anything.
  static func inspect(_ path: String) -> Kind {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT ? .absent : .refused("cannot be read (\(String(cString: strerror(errno))))") }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .refused("is a folder, not an index file")
    case S_IFLNK: return linked(path)
    default: return .refused("is not a regular file")
    }
    guard status.st_size > 0 else { return .refused("is empty") }
    guard let header = Self.header(path) else { return .refused("cannot be read") }
    return kind(header: header)
  }

  /// A symbolic link is used when it leads to retro's own index, and never removed.
  private static func linked(_ path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let header = Self.header(path) else {
      return .refused("is a symbolic link that does not lead to an index file")
    }
    let kind = kind(header: header)
    return kind == .marked ? .marked : .refused("is a symbolic link; retro uses one only when it leads to an index retro made")
  }

  /// The kind a file's first bytes say it is.
  static func kind(header: [UInt8]) -> Kind {
    guard header.count >= 100, header.prefix(16).elementsEqual(Array("SQLite format 3\0".utf8)) else {
      return .refused("is not an SQLite database")
    }
    let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    if id == UInt32(bitPattern: applicationID) { return .marked }
    if id == 0 { return .unmarked }
    return .refused("is another program's SQLite database (application id \(String(format: "0x%08X", id)))")
  }

  /// The first 100 bytes (SQLite's header), or nil when they cannot be read.
  private static func header(_ path: String) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 100)).map { Array($0) }
  }

  /// The file's identity (device and inode), to tell whether another process replaced it.
  static func identity(_ path: String) -> [UInt64]? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }

  /// Removes retro's index at `path` and the WAL and shared-memory files beside it; only
  /// called on a file `inspect` found marked, and never through a symbolic link.
  static func remove(_ path: String) throws {
    guard inspect(path) == .marked, identity(path) != nil, !isLink(path) else {
      throw IndexError.refused(path: path, reason: "is no longer an index retro made; it is left as it is")
    }
    for file in [path, path + "-wal", path + "-shm"] where isRegular(file) {
      try FileManager.default.removeItem(atPath: file)
    }
  }

  /// Removes a write-ahead log left beside a missing index (its database was deleted), so a
  /// new index never replays it; only a file that starts as SQLite's WAL does.
  static func removeStaleLog(_ path: String) {
    let log = path + "-wal"
    guard isRegular(log), let handle = FileHandle(forReadingAtPath: log) else { return }
    let magic = (try? handle.read(upToCount: 4)).map { Array($0) } ?? []
    try? handle.close()
    if magic == [0x37, 0x7F, 0x06, 0x82] || magic == [0x37, 0x7F, 0x06, 0x83] {
      try? FileManager.default.removeItem(atPath: log)
    }
  }

  private static func isRegular(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  private static func isLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
  }
}
