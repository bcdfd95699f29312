import Foundation
import RetroCore

/// Where every human-readable output of retro goes. Report text may come from anyone, so a
/// terminal or a CI log must never receive its control characters raw (see `VisibleText`).
///
/// Renderers escape each value taken from a report, so that their own colour codes survive.
/// Unstyled output (a pipe, a CI log, `NO_COLOR`) is escaped once more here as a whole:
/// retro writes no control character of its own there, so nothing raw can get through.
/// Every human-readable output, styled or not, and every error also has its workflow
/// commands made inert (`VisibleText.inertWorkflowCommands`); each block written is taken
/// to start a line, which errs on the side of escaping.
enum Console {
  /// Writes human-readable `text` to standard output; `styled` when it carries retro's own
  /// colours (and so was escaped value by value by its renderer).
  static func human(_ text: String, styled: Bool = false) {
    let safe = styled ? text : VisibleText.escape(text, keepingLineBreaks: true)
    // Styled or not, a CI log must not read report text as a workflow command.
    FileHandle.standardOutput.write(Data(VisibleText.inertWorkflowCommands(safe).utf8))
  }

  /// Writes one human-readable line to standard output.
  static func line(_ text: String) {
    human(text + "\n")
  }

  /// Writes a machine format (JSON, SARIF, checkstyle, CSV), which escapes by its own rules.
  static func machine(_ text: String) {
    var text = text
    // The bytes are handed over where they lie: a long listing is megabytes.
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
    }
  }

  /// Runs `body`, writing the machine-format pieces it hands over in blocks of about 1 MB.
  static func machineStream(_ body: ((String) -> Void) -> Void) {
    blocks(body, write: machine)
  }

  /// The same for human-readable output, each block as `human` writes it.
  static func humanStream(styled: Bool, _ body: ((String) -> Void) -> Void) {
    blocks(body) { human($0, styled: styled) }
  }

  private static func blocks(_ body: ((String) -> Void) -> Void, write: @escaping (String) -> Void) {
    var buffer = ""
    body { piece in
      buffer += piece
      if buffer.utf8.count >= 1 << 20 {
        write(buffer)
        buffer = ""
      }
    }
    if !buffer.isEmpty { write(buffer) }
  }

  /// Writes one line to standard error, escaped: error messages quote the input.
  static func error(_ text: String) {
    let safe = VisibleText.inertWorkflowCommands(VisibleText.escape(text, keepingLineBreaks: true))
    FileHandle.standardError.write(Data((safe + "\n").utf8))
  }
}
