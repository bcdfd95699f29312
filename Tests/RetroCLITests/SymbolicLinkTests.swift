import Foundation
import Testing

/// Symbolic links in what retro reads and where it writes. A link in a reports folder is
/// followed only to a file inside that folder; nothing is written through a link inside
/// `--out`. See docs/RELIABILITY.md, "Threat model".
@Suite("Symbolic links, end to end")
struct SymbolicLinkTests {
  static let secret = "hunter2-not-for-publishing"

  /// `retros/` with one real report, `retros/alias.md` linking to it, and links leading out
  /// of the folder: to a secret file beside it, to `.git/config`, and to a hidden file inside.
  static func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-links-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(at: directory.appendingPathComponent("retros/2024"), withIntermediateDirectories: true)
    try manager.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try manager.createDirectory(at: directory.appendingPathComponent("retros/.private"), withIntermediateDirectories: true)
    try Data("---\ntitle: Real outage\ndate: 2024-03-01\nstatus: final\n---\n## Summary\n\nThe real report.\n".utf8)
      .write(to: directory.appendingPathComponent("retros/2024/real.md"))
    let leak = "---\ntitle: \(secret)\nstatus: final\n---\n## Summary\n\n\(secret)\n"
    try Data(leak.utf8).write(to: directory.appendingPathComponent("secret.txt"))
    try Data("[core]\n\tpassword = \(secret)\n".utf8).write(to: directory.appendingPathComponent(".git/config"))
    try Data(leak.utf8).write(to: directory.appendingPathComponent("retros/.private/notes.md"))
    try manager.createSymbolicLink(atPath: directory.appendingPathComponent("retros/alias.md").path, withDestinationPath: "2024/real.md")
    try manager.createSymbolicLink(atPath: directory.appendingPathComponent("retros/leak.md").path, withDestinationPath: "../secret.txt")
    try manager.createSymbolicLink(atPath: directory.appendingPathComponent("retros/git.md").path, withDestinationPath: "../.git/config")
    try manager.createSymbolicLink(
      atPath: directory.appendingPathComponent("retros/absolute.md").path, withDestinationPath: directory.appendingPathComponent("secret.txt").path)
    try manager.createSymbolicLink(atPath: directory.appendingPathComponent("retros/hidden.md").path, withDestinationPath: ".private/notes.md")
    return directory
  }

  /// Every file's text below `folder`.
  static func contents(_ folder: URL) -> String {
    let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
    return paths.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
  }

  static let outsideLinks = ["leak.md", "git.md", "absolute.md", "hidden.md"]

  @Test("a link in a reports folder leading out of it is skipped with a warning naming it, in every command", arguments: [
    ["show"], ["lint"], ["index", "--index", "i.sqlite"], ["publish", "--to", "jekyll", "--out", "blog"],
    ["publish", "--to", "hugo", "--out", "hugo"], ["site", "--out", "site", "--index", "s.sqlite"],
  ])
  func linksLeadingOut(_ command: [String]) throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run([command[0], "retros"] + command.dropFirst(), in: directory)
    #expect(run.status == 0 || (command[0] == "lint" && run.status == 1), "\(command): \(run.stderr)")
    #expect(!run.stdout.contains(Self.secret) && !run.stderr.contains(Self.secret), "\(command) showed the secret")
    for link in Self.outsideLinks {
      #expect(run.stderr.contains("retros/\(link): warning: "), "\(command): no warning for \(link): \(run.stderr)")
    }
    for out in ["blog", "hugo", "site"] {
      #expect(!Self.contents(directory.appendingPathComponent(out)).contains(Self.secret), "\(command) published the secret")
    }
    // The link that stays inside the folder is read (the real report, and its alias).
    if command[0] == "show" { #expect(run.stdout.contains("retros/alias.md"), "\(run.stdout)") }
    if command[0] == "site" {
      #expect(Self.contents(directory.appendingPathComponent("site")).contains("The real report."))
    }
  }

  @Test("a file named on the command line is read as given, link or not: the user chose it")
  func explicitFile() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(["show", "retros/leak.md"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(Self.secret))
  }

  @Test("a link to a folder inside --out is refused with a clear error, and nothing is written through it", arguments: [
    ["publish", "retros", "--to", "jekyll"], ["publish", "retros", "--to", "hugo"], ["site", "retros", "--index", "i.sqlite"],
  ])
  func linkInsideOut(_ command: [String]) throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let manager = FileManager.default
    let outside = directory.appendingPathComponent("outside")
    try manager.createDirectory(at: outside, withIntermediateDirectories: true)
    let out = directory.appendingPathComponent("out")
    // The folder each command writes its pages into is a link to a folder outside --out.
    let linked = command.contains("jekyll") ? "_posts" : command.contains("hugo") ? "content" : "incidents"
    try manager.createDirectory(at: out, withIntermediateDirectories: true)
    try manager.createSymbolicLink(atPath: out.appendingPathComponent(linked).path, withDestinationPath: outside.path)
    let run = try RetroBinary.run(command + ["--out", "out"], in: directory)
    #expect(run.status == 2, "\(command): \(run.stdout) \(run.stderr)")
    #expect(run.stderr.contains("out/\(linked): error: is a symbolic link"), "\(command): \(run.stderr)")
    #expect(try manager.contentsOfDirectory(atPath: outside.path).isEmpty, "\(command) wrote outside --out")
  }

  @Test("--out itself may be a link: the user named it")
  func outIsLink() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let real = directory.appendingPathComponent("real-out")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("out").path, withDestinationPath: real.path)
    let run = try RetroBinary.run(["publish", "retros", "--to", "hugo", "--out", "out"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("content/posts/2024-03-01-real/index.md").path))
  }
}
