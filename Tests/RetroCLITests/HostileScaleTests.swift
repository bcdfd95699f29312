import Foundation
import Testing

/// Numbers and volumes a user (or a probe) can give that once made retro run for ever or
/// grow without bound: an absurd digest window, many items sharing a few words. Each runs the
/// built binary under `/usr/bin/time -v` with a time and memory bound (see
/// `HostileInputTests`).
@Suite("Hostile numbers and volumes, end to end", .serialized)
struct HostileScaleTests {
  @Test(
    "an absurd digest window is a usage error at once, not a walk of a day at a time",
    arguments: [
      ["--days", "999999999999"], ["--days", "36501"], ["--since", "9223372036854775807d"], ["--since", "999999999999d"],
      ["--since", "99999999999999999999d"],
    ])
  func absurdWindow(_ window: [String]) throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try HostileInputTests.measured(["digest", "retros", "--index", "index.sqlite"] + window, in: directory)
    #expect(run.result.status == 2, "\(window): exit \(run.result.status), \(run.result.stderr)")
    #expect(run.result.stderr.contains("Error: --\(window[0].dropFirst(2)) must be"), "\(run.result.stderr)")
    HostileInputTests.expectBounded(run, seconds: 10, "digest \(window)")
  }

  @Test("the longest digest window allowed returns in bounded time")
  func longestWindow() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    for window in [["--days", "36500"], ["--since", "36500d"]] {
      let run = try HostileInputTests.measured(["digest", "retros", "--index", "index.sqlite", "--as-of", "2024-03-10"] + window, in: directory)
      #expect(run.result.status == 0, "\(window): exit \(run.result.status), \(run.result.stderr)")
      HostileInputTests.expectBounded(run, seconds: 10, "digest \(window)")
    }
  }
}

extension HostileScaleTests {
  /// `reports` reports of ten items, each six words drawn from forty: items that all share
  /// words, as a small vocabulary makes them.
  static func sharedVocabulary(reports: Int, in directory: URL) throws {
    let vocabulary = (0..<40).map { "word\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0 / 26)" }
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    for report in 0..<reports {
      let items = (0..<10).map { _ in
        var words = vocabulary
        let picked = (0..<6).map { _ in words.remove(at: next(words.count)) }
        return "- [ ] " + picked.joined(separator: " ")
      }
      let text = "---\ntitle: Incident \(report)\ndate: 2024-01-\(String(format: "%02d", report % 28 + 1))\n---\n## Summary\n\nx\n\n## Action items\n\n"
        + items.joined(separator: "\n") + "\n"
      try Data(text.utf8).write(to: directory.appendingPathComponent("retros/r\(report).md"))
    }
  }

  @Test("actions --recurring on 20,000 items sharing a small vocabulary, threshold 0.1, stays within the memory bound")
  func recurringSharedVocabulary() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-vocabulary-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.sharedVocabulary(reports: 2000, in: directory)
    try Data("similarityThreshold: 0.1\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let index = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"], in: directory)
    #expect(index.status == 0, "\(index.stderr)")
    // Every pair was once kept in a list: 1.4 GB and 150 s in the debug build, against
    // 70 MB and 40 s now.
    let run = try HostileInputTests.measured(["actions", "retros", "--index", "index.sqlite", "--recurring", "--format", "json"], in: directory)
    #expect(run.result.status == 0, "\(run.result.stderr)")
    HostileInputTests.expectBounded(run, seconds: 120, "actions --recurring")
  }
}
