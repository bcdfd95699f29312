import Foundation

/// Runs the built `retro` executable, as a user would.
enum RetroBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The binary next to the test bundle (swift test builds it), else under .build/debug.
  static var executable: URL {
    let nextToTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for directory in [nextToTests, nextToTests.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
      let candidate = directory.appendingPathComponent("retro")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/retro")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs retro (or `executable`, a wrapper such as /usr/bin/time given retro in `arguments`).
  static func run(
    _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment extra: [String: String] = [:],
    executable wrapper: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = wrapper ?? executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["COLUMNS"] = "160"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
