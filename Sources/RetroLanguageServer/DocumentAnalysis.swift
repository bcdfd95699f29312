import RetroCore
import RetroLint

/// What the server knows of one version of a document: its parse and its findings, made
/// once per version and shared by diagnostics, code actions, hover, symbols and completion.
struct DocumentAnalysis: Sendable {
  var version: Int
  var context: LintContext?
  var diagnostics: [Diagnostic]
  /// Why the text could not be read at all (NUL bytes, say), as a diagnostic on line 1.
  var error: InputError?

  init(document: OpenDocument, linter: Linter) {
    version = document.version
    // Editors keep CRLF; the parser counts lines the same with LF.
    let text = document.text.utf8.contains(0x0D) ? document.text.replacingOccurrences(of: "\r\n", with: "\n") : document.text
    do {
      if text.utf8.contains(0) {
        throw InputError(path: document.path, line: 1, message: "contains NUL bytes; it looks like a binary file, not Markdown")
      }
      let context = try linter.context(for: SourceFile(path: document.path, text: text))
      self.context = context
      diagnostics = linter.diagnostics(for: context)
      error = nil
    } catch let error as InputError {
      context = nil
      diagnostics = []
      self.error = error
    } catch {
      context = nil
      diagnostics = []
      self.error = InputError(path: document.path, message: "\(error)")
    }
  }
}
