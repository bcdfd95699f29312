import Foundation

/// An exclusive lock on `<index>.lock` (flock), held while an index is created or rebuilt, so
/// processes starting at once on a folder with no index make it once, and none removes a
/// file another has just made. Opening an existing index takes no lock: SQLite's own locks
/// and WAL mode serve that.
struct IndexFileLock {
  private let descriptor: Int32

  /// Waits for the lock. The lock file is created if missing and never written to.
  init(index path: String) throws {
    let lockPath = path + ".lock"
    descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else {
      throw IndexError.refused(path: path, reason: "cannot be locked (\(lockPath): \(String(cString: strerror(errno))))")
    }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw IndexError.refused(path: path, reason: "cannot be locked (\(lockPath): \(reason))")
      }
    }
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
