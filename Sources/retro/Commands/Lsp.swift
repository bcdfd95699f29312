import ArgumentParser
import Foundation
import RetroLanguageServer

extension Retro {
  /// `retro lsp`: the language server an editor starts.
  struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the language server (LSP 3.17 over standard input and output) for an editor.",
      discussion: CommandHelp.reflow(
        """
        An editor starts this itself; see the README for Neovim, VS Code and Helix. It checks
        Markdown reports as you type with the same rules and .retro.yml as 'retro lint', offers
        each safe fix as a quick fix (and 'disable this rule for this line'), shows on hover
        what a time stamp was read as and whether an action item recurs in the folder, gives the
        outline by section, and completes missing section headings and @owners.
        """))

    @Flag(name: .customLong("stdio"), help: "Talk over standard input and output (the default; accepted for editors that pass it).")
    var stdio = false

    func run() throws {
      // A client that goes away must not kill the server with SIGPIPE mid-write.
      signal(SIGPIPE, SIG_IGN)
      let status = LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO).run()
      throw ExitCode(status)
    }
  }
}
