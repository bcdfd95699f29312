import Foundation
import Testing

/// Runs git in a test's temporary repository, with a fixed author (and, given `date`, a
/// fixed commit date); a failing command is a test failure.
enum TestGit {
  static func run(_ arguments: [String], in directory: URL, date: String? = nil) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    if let date {
      environment["GIT_COMMITTER_DATE"] = date
      environment["GIT_AUTHOR_DATE"] = date
    }
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments)")
  }
}
