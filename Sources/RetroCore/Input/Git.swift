import Foundation

/// Runs git, for the few things retro asks it (a remote, a file's history, what changed,
/// the author's name). Output is read before waiting, so a long answer cannot fill the pipe
/// and stall git.
public enum Git {
  /// git's standard output, or nil when it fails (not a repository, git missing, an
  /// unknown revision). `directory` nil runs in the working directory.
  public static func run(_ arguments: [String], in directory: String? = nil) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory.isEmpty ? "." : directory) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }
}
