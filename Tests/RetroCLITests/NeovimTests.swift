import Foundation
import Testing

/// A real editor's LSP client against `retro lsp`: headless Neovim runs
/// scripts/editors/neovim-e2e.lua (open the draft, wait for diagnostics, apply a quick fix,
/// check the buffer). Skipped where Neovim is not installed; `scripts/setup.sh --test`
/// installs it.
@Suite("retro lsp in Neovim")
struct NeovimTests {
  static let nvim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test("Neovim's built-in client shows the diagnostics and applies a quick fix", .enabled(if: nvim != nil))
  func neovim() throws {
    let script = RetroBinary.packageRoot.appendingPathComponent("scripts/editors/neovim-e2e.sh")
    let result = try RetroBinary.run([RetroBinary.executable.path], executable: script)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("ok   the buffer has the new section"))
    #expect(!result.stdout.contains("FAIL"))
  }
}
