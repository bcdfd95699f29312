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

  static func describe(_ error: PublishError) -> String {
    switch error.underlying {
    case let input as InputError: return "\(input.description) (in step '\(error.step)')"
    case let template as TemplateError: return "\(template.description) (in step '\(error.step)')"
    default: return "error: \(error.description)"
    }
  }
}
