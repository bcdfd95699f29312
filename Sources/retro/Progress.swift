import Foundation
import RetroCore
import RetroPublish

/// Progress on standard error for long runs, and error text for publishing steps.
enum Progress {
  /// Reports every 100 files, only when stderr is a terminal or the run is long.
  static func reporter() -> ((String, Int, Int) -> Void) {
    let terminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    return { step, done, total in
      guard total >= 200 || terminal, done % 100 == 0 || done == total, total > 1 else { return }
      printError("\(step): \(done)/\(total)")
    }
  }

  /// Runs a publishing command's work; input, template and step errors are printed and end
  /// the command with exit 2.
  static func exitingOnPublishErrors(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as InputError {
      printError(error.description)
      throw RetroExit.inputError
    } catch let error as TemplateError {
      printError(error.description)
      throw RetroExit.inputError
    } catch let error as PublishError {
      printError(describe(error))
      throw RetroExit.inputError
    }
  }

  static func describe(_ error: PublishError) -> String {
    switch error.underlying {
    case let input as InputError: return "\(input.description) (in step '\(error.step)')"
    case let template as TemplateError: return "\(template.description) (in step '\(error.step)')"
    default: return "error: \(error.description)"
    }
  }
}
