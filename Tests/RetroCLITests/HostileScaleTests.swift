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
    #expect(run.result.status == 64, "\(window): exit \(run.result.status), \(run.result.stderr)")
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
