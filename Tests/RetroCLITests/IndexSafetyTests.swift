import Foundation
import Testing

/// The index never removes or overwrites a file retro did not make: `--index` or `index:` in
/// `.retro.yml` (which a pull request can change) naming a folder, a text file or another
/// program's database is refused. retro's own index, when damaged, is rebuilt; many
/// processes creating it at once all succeed. See docs/INDEX.md.
@Suite("The index file is retro's own, end to end", .serialized)
struct IndexSafetyTests {
  /// A copy of Fixtures/retros in a temporary folder.
  static func workspace() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-index-safety-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: RetroBinary.fixtures.appendingPathComponent("retros"), to: directory.appendingPathComponent("retros"))
    return directory
  }

  /// Every file under `directory` with its bytes, to show nothing changed.
  static func snapshot(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        files[url.path] = try Data(contentsOf: url)
      }
    }
    return files
  }

  /// The items `retro actions` lists as CSV lines (header left out).
  static func items(_ result: RetroBinary.Result) -> [Substring] {
    Array(result.stdout.split(separator: "\n").dropFirst())
  }

  @Test("--index naming a folder, a text file or another program's database is refused and left as it was")
  func refusedPaths() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("notes"), withIntermediateDirectories: true)
    try Data("keep me\n".utf8).write(to: directory.appendingPathComponent("notes/keep.txt"))
    try Data("# Report\n\nWritten by hand.\n".utf8).write(to: directory.appendingPathComponent("report.md"))
    try Data().write(to: directory.appendingPathComponent("empty.txt"))
    // Another program's SQLite database: a valid header, no retro marker, its own tables;
    // and one that says whose it is in its application id.
    try FileManager.default.copyItem(at: RetroBinary.fixtures.appendingPathComponent("foreign.sqlite"), to: directory.appendingPathComponent("other.db"))
    var marked = try Data(contentsOf: RetroBinary.fixtures.appendingPathComponent("foreign.sqlite"))
    marked.replaceSubrange(68..<72, with: Array("FSL1".utf8))
    try marked.write(to: directory.appendingPathComponent("marked.db"))
    // A database with no table, only a view and a user_version of its own, is not empty.
    try FileManager.default.copyItem(
      at: RetroBinary.fixtures.appendingPathComponent("foreign-view.sqlite"), to: directory.appendingPathComponent("view.db"))
    let before = try Self.snapshot(directory)
    for (index, expected) in [
      ("notes", "is a folder"), (".", "is a folder"), ("..", "is a folder"), ("report.md", "not an SQLite database"),
      ("empty.txt", "is empty"), ("other.db", "another program's"), ("marked.db", "another program's"),
      ("view.db", "another program's"),
    ] {
      for command in [["index", "retros"], ["actions", "retros"], ["digest", "retros"], ["stats", "retros"]] {
        let result = try RetroBinary.run(command + ["--index", index], in: directory)
        #expect(result.status == 2, "\(command[0]) --index \(index): exit \(result.status), \(result.stderr)")
        #expect(result.stderr.hasPrefix("\(index): error: "), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("rebuilding"), "\(result.stderr)")
      }
    }
    #expect(try Self.snapshot(directory) == before)
  }

  @Test("index: .. in .retro.yml (a pull request can add it) is refused and the repository is left whole")
  func configuredParent() throws {
    let parent = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: parent) }
    let repository = parent.appendingPathComponent("repository")
    try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: parent.appendingPathComponent("retros"), to: repository.appendingPathComponent("retros"))
    try Data("notes\n".utf8).write(to: parent.appendingPathComponent("notes.txt"))
    let before = try Self.snapshot(parent)
    for index in ["..", ".", "retros", "../notes.txt"] {
      try Data("index: \(index)\n".utf8).write(to: repository.appendingPathComponent(".retro.yml"))
      let snapshot = try Self.snapshot(parent)
      for command in [["actions", "."], ["index", "retros"]] {
        let result = try RetroBinary.run(command, in: repository)
        #expect(result.status == 2, "index: \(index), \(command[0]): exit \(result.status), \(result.stderr)")
        #expect(result.stderr.hasPrefix("\(index): error: "), "\(result.stderr)")
      }
      #expect(try Self.snapshot(parent) == snapshot, "index: \(index) changed files")
    }
    try FileManager.default.removeItem(at: repository.appendingPathComponent(".retro.yml"))
    #expect(try Self.snapshot(parent) == before)
  }

  @Test("retro's index damaged inside (header intact) is rebuilt with a warning and every command succeeds")
  func damagedIndex() throws {
    let directory = try FaultTests.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FaultTests.reports(400, in: directory)
    let list = ["actions", "retros", "--status", "all", "--format", "csv", "--index", "index.sqlite"]
    let first = try RetroBinary.run(list, in: directory)
    #expect(first.status == 0, "\(first.stderr)")
    let expected = Self.items(first)
    #expect(expected.count == 1200)
    let file = directory.appendingPathComponent("index.sqlite")
    let clean = try Data(contentsOf: file)
    let pageSize = 4096
    #expect(clean.count > 50 * pageSize)
    for seed in [1, 2, 3] {
      // Random bytes over one page in ten, never the first (SQLite's header and schema).
      var bytes = clean
      var state = UInt64(seed)
      func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
      }
      for page in 1..<(bytes.count / pageSize) where next() % 10 == 0 {
        for offset in page * pageSize..<(page + 1) * pageSize { bytes[offset] = UInt8(truncatingIfNeeded: next()) }
      }
      try bytes.write(to: file)
      let commands = [list, ["stats", "retros", "--index", "index.sqlite"], ["digest", "retros", "--index", "index.sqlite"], list]
      for (number, command) in commands.enumerated() {
        let result = try RetroBinary.run(command, in: directory)
        if number == 0 { #expect(result.stderr.contains("warning: the index index.sqlite is damaged"), "\(result.stderr)") }
        #expect(result.status == 0, "seed \(seed), \(command[0]): exit \(result.status), \(result.stderr)")
        #expect(!result.stderr.contains("SQLite error"), "\(result.stderr)")
        if command[0] == "actions" { #expect(Self.items(result) == expected) }
      }
      let warned = try RetroBinary.run(list, in: directory)
      #expect(warned.stderr.isEmpty, "seed \(seed): a rebuilt index still warns: \(warned.stderr)")
    }
  }

  @Test("an index an earlier retro made (no marker) is used and marked, not refused")
  func earlierIndex() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try RetroBinary.run(["index", "retros", "--index", "index.sqlite"], in: directory).status == 0)
    // An earlier retro wrote no application id (offset 68 of the header).
    let file = directory.appendingPathComponent("index.sqlite")
    var bytes = try Data(contentsOf: file)
    bytes.replaceSubrange(68..<72, with: [0, 0, 0, 0])
    try bytes.write(to: file)
    let again = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"], in: directory)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("2 files, 0 read, 2 unchanged"), "\(again.stdout)")
    #expect(again.stderr.isEmpty, "\(again.stderr)")
    #expect(Array(try Data(contentsOf: file)[68..<72]) != [0, 0, 0, 0])
  }

  @Test("20 index and actions processes at once on a folder with no index all succeed with the full result")
  func manyAtOnce() throws {
    for round in 0..<3 {
      let directory = try Self.workspace()
      defer { try? FileManager.default.removeItem(at: directory) }
      let errors = directory.appendingPathComponent("errors")
      try FileManager.default.createDirectory(at: errors, withIntermediateDirectories: true)
      var processes: [Process] = []
      for number in 0..<20 {
        let process = Process()
        process.executableURL = RetroBinary.executable
        process.arguments =
          (number % 2 == 0 ? ["index", "retros"] : ["actions", "retros", "--status", "all", "--format", "csv"])
          + ["--index", "index.sqlite"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        let error = errors.appendingPathComponent("\(number)")
        FileManager.default.createFile(atPath: error.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: error)
        processes.append(process)
      }
      for process in processes { try process.run() }
      for (number, process) in processes.enumerated() {
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors.appendingPathComponent("\(number)"), encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "round \(round), process \(number): exit \(process.terminationStatus), \(stderr)")
      }
      let result = try RetroBinary.run(["actions", "retros", "--status", "all", "--format", "csv", "--index", "index.sqlite"], in: directory)
      #expect(result.status == 0 && Self.items(result).count == 5, "\(result.stderr)")
      let leftover = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("index.sqlite.") && $0 != "index.sqlite.lock" }
      #expect(leftover.isEmpty, "\(leftover)")
    }
  }
}
