import ArgumentParser
import Foundation
import RetroCore

/// Exit codes shared by every command: 0 clean, 1 findings, 2 usage, config or input errors.
enum RetroExit {
  static let findings = ExitCode(1)
  static let inputError = ExitCode(2)
}

/// Writes to standard error, with any control character in the message made visible.
func printError(_ message: String) {
  Console.error(message)
}

/// Reads one report path (or `-` for standard input) into a source file.
func loadSource(_ path: String) throws -> SourceFile {
  if path == "-" {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    return try SourceFile.decode(data, path: "<stdin>")
  }
  return try SourceFile.load(path: path)
}
