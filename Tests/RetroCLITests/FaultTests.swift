import Foundation
import Testing

/// Faults: processes killed mid-write, two at once, a full disk, a read-only folder. The index
/// stays consistent and complete; published files are whole, old or new, never half.
@Suite("Faults, end to end", .serialized)
struct FaultTests {
  static func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-fault-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    return directory
  }

  /// `count` reports of three items each, in a folder.
  static func reports(_ count: Int, in directory: URL) throws {
    for index in 0..<count {
      let text = """
        ---
        title: Incident \(index)
        date: 2024-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))
        status: final
        ---
        ## Summary

        \(String(repeating: "The queue backed up and requests failed for a while. ", count: 20))

        ## Timeline (UTC)

        - 10:00 outage starts
        - 10:20 alert fired
        - 11:00 resolved

        ## Action items

        - [ ] Add alert \(index) @ana OPS-\(index)
        - [ ] Add runbook \(index) @ben
        - [x] Roll back \(index)
        """
      try Data(text.utf8).write(to: directory.appendingPathComponent("retros/2024-r\(index).md"))
    }
  }

  static func start(_ arguments: [String], in directory: URL) throws -> Process {
    let process = Process()
    process.executableURL = RetroBinary.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  static func itemCount(in directory: URL) throws -> Int {
    let result = try RetroBinary.run(["actions", "retros", "--status", "all", "--format", "csv", "--index", "index.sqlite"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(separator: "\n").count - 1
  }

  @Test("an index killed in the middle of a run is complete after the next run")
  func killedIndexer() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.reports(1500, in: directory)
    for delay in [0.15, 0.4, 0.8] {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent("index.sqlite"))
      let process = try Self.start(["index", "retros", "--index", "index.sqlite"], in: directory)
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let again = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"], in: directory)
      #expect(again.status == 0, "\(again.stderr)")
      #expect(try Self.itemCount(in: directory) == 4500)
      let third = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"], in: directory)
      #expect(third.stdout.contains("1500 files, 0 read, 1500 unchanged"), "\(third.stdout)")
    }
  }

  @Test("two retro processes indexing at once both succeed")
  func concurrentProcesses() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.reports(600, in: directory)
    let first = try Self.start(["index", "retros", "--index", "index.sqlite"], in: directory)
    let second = try Self.start(["index", "retros", "--index", "index.sqlite"], in: directory)
    first.waitUntilExit()
    second.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(second.terminationStatus == 0)
    #expect(try Self.itemCount(in: directory) == 1800)
  }

  @Test("a publish killed at any moment leaves only whole files")
  func killedPublisher() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.reports(400, in: directory)
    let reference = try RetroBinary.run(["publish", "retros", "--to", "hugo", "--out", "reference"], in: directory)
    #expect(reference.status == 0)
    var sawFiles = false
    let posts = directory.appendingPathComponent("site/content/posts")
    for delay in [0.0, 0.05, 0.2] {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent("site"))
      let process = try Self.start(["publish", "retros", "--to", "hugo", "--out", "site"], in: directory)
      // Kill it once it has begun writing (however long parsing took on a busy machine),
      // then after a little more: early, mid-run and late.
      let deadline = Date().addingTimeInterval(60)
      while process.isRunning, Date() < deadline,
        ((try? FileManager.default.contentsOfDirectory(atPath: posts.path)) ?? []).isEmpty
      {
        Thread.sleep(forTimeInterval: 0.002)
      }
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      for slug in (try? FileManager.default.contentsOfDirectory(atPath: posts.path)) ?? [] {
        let written = posts.appendingPathComponent("\(slug)/index.md")
        guard FileManager.default.fileExists(atPath: written.path) else { continue }
        sawFiles = true
        let expected = directory.appendingPathComponent("reference/content/posts/\(slug)/index.md")
        #expect(try Data(contentsOf: written) == Data(contentsOf: expected), "\(slug) is not whole")
      }
      let leftovers = ((try? FileManager.default.subpathsOfDirectory(atPath: directory.appendingPathComponent("site").path)) ?? [])
        .filter { $0.contains(".retro-") && $0.hasSuffix(".tmp") }
      #expect(leftovers.count <= 1, "temporary files left: \(leftovers)")
    }
    #expect(sawFiles, "no run was killed while writing; lengthen the delays")
  }

  /// True where this process may mount a small tmpfs (root in the sandbox, CI).
  static let canMount: Bool = {
    let point = FileManager.default.temporaryDirectory.appendingPathComponent("retro-mount-probe-\(getpid())")
    try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
    defer { _ = shell(["umount", point.path]); try? FileManager.default.removeItem(at: point) }
    return shell(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path]) == 0
  }()

  @discardableResult
  static func shell(_ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("a full disk is a clear error and the index keeps what it had", .enabled(if: canMount, "needs permission to mount a small tmpfs"))
  func fullDisk() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let disk = directory.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    #expect(Self.shell(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", disk.path]) == 0)
    defer { Self.shell(["umount", disk.path]) }
    try Self.reports(20, in: directory)
    let index = disk.appendingPathComponent("index.sqlite").path
    #expect(try RetroBinary.run(["index", "retros", "--index", index], in: directory).status == 0)
    try Self.reports(3000, in: directory)
    let full = try RetroBinary.run(["index", "retros", "--index", index], in: directory)
    #expect(full.status == 2)
    #expect(full.stderr.contains("cannot update the index"), "\(full.stderr)")
    #expect(full.stderr.contains("full"), "\(full.stderr)")
    // The failed run changed nothing: with the new files gone, the index is the first one.
    for index in 20..<3000 {
      try FileManager.default.removeItem(at: directory.appendingPathComponent("retros/2024-r\(index).md"))
    }
    let after = try RetroBinary.run(["actions", "retros", "--status", "all", "--format", "csv", "--index", index], in: directory)
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout.split(separator: "\n").count - 1 == 60)
    let publish = try RetroBinary.run(["publish", "retros", "--to", "jekyll", "--out", disk.appendingPathComponent("blog").path], in: directory)
    #expect(publish.status == 2)
    #expect(publish.stderr.contains("error:"), "\(publish.stderr)")
    for post in (try? FileManager.default.subpathsOfDirectory(atPath: disk.appendingPathComponent("blog").path)) ?? [] where post.hasSuffix(".md") {
      let text = try String(contentsOf: disk.appendingPathComponent("blog/\(post)"), encoding: .utf8)
      #expect(text.hasSuffix("\n") && text.contains("## Action items"), "\(post) is not whole")
    }
  }

  @Test("a disk that fills during publish or site leaves no temporary file behind", .enabled(if: canMount, "needs permission to mount a small tmpfs"))
  func fullDiskLeavesNoTemporaryFiles() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.reports(60, in: directory)
    let commands: [(String, [String])] = [
      ("jekyll", ["publish", "retros", "--to", "jekyll"]), ("hugo", ["publish", "retros", "--to", "hugo"]),
      ("site", ["site", "retros", "--index", "index.sqlite"]),
    ]
    for (label, command) in commands {
      let disk = directory.appendingPathComponent("disk-\(label)")
      try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
      // Small enough that the run fills it part-way through a file.
      #expect(Self.shell(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", disk.path]) == 0)
      defer { Self.shell(["umount", disk.path]) }
      let run = try RetroBinary.run(command + ["--out", disk.appendingPathComponent("out").path], in: directory)
      #expect(run.status == 2, "\(label): \(run.stderr)")
      #expect(run.stderr.contains("error:"), "\(label): \(run.stderr)")
      let written = (try? FileManager.default.subpathsOfDirectory(atPath: disk.path)) ?? []
      #expect(!written.isEmpty, "\(label) wrote nothing before the disk filled")
      let leftovers = written.filter { $0.hasSuffix(".tmp") }
      #expect(leftovers.isEmpty, "\(label) left temporary files: \(leftovers)")
    }
  }

  @Test("a read-only folder is a clear error", .enabled(if: canMount, "needs permission to mount a tmpfs"))
  func readOnly() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let disk = directory.appendingPathComponent("ro")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    #expect(Self.shell(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", disk.path]) == 0)
    defer { Self.shell(["umount", disk.path]) }
    try Self.reports(3, in: directory)
    let index = try RetroBinary.run(["index", "retros", "--index", disk.appendingPathComponent("index.sqlite").path], in: directory)
    #expect(index.status == 2)
    #expect(index.stderr.contains("error: cannot open the index"), "\(index.stderr)")
    let publish = try RetroBinary.run(["publish", "retros", "--to", "jekyll", "--out", disk.path], in: directory)
    #expect(publish.status == 2)
    #expect(publish.stderr.contains("error:"), "\(publish.stderr)")
  }
}
