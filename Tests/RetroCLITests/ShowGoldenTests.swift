import Foundation
import Testing

/// What the parser reads from every example and every Markdown fixture, as
/// `retro show --format json` prints it, against a golden file. Speed work must not change a
/// byte of it; a deliberate parser change regenerates the files with `RETRO_UPDATE_GOLDEN=1
/// swift test --filter ShowGoldenTests` and shows the difference in review.
@Suite("retro show --format json of every example and fixture, against golden files")
struct ShowGoldenTests {
  static let golden = RetroBinary.fixtures.appendingPathComponent("golden/show")

  /// Paths relative to the package root: the examples, then every fixture report.
  static let reports: [String] = {
    let root = RetroBinary.packageRoot
    var paths: [String] = []
    for folder in ["examples", "Tests"] {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      for case let relative as String in walker where (relative.hasSuffix(".md") || relative.hasSuffix(".txt")) && !relative.contains("golden/") {
        paths.append(folder + "/" + relative)
      }
    }
    return paths.sorted()
  }()

  static func goldenName(_ path: String) -> String {
    path.replacingOccurrences(of: "/", with: "__") + ".json"
  }

  @Test("every example and fixture is read exactly as before", arguments: reports)
  func matchesGolden(_ path: String) throws {
    let result = try RetroBinary.run(["show", "--format", "json", path])
    let file = Self.golden.appendingPathComponent(Self.goldenName(path))
    if ProcessInfo.processInfo.environment["RETRO_UPDATE_GOLDEN"] != nil {
      try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
      try (result.stdout + result.stderr).write(to: file, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(result.stdout + result.stderr == expected, "\(path) reads differently from its golden file")
  }

  @Test("every golden file still has its report")
  func noStaleGoldenFiles() throws {
    let names = Set(Self.reports.map(Self.goldenName))
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.golden.path)
    #expect(Set(files).subtracting(names).isEmpty, "golden files without a report: \(Set(files).subtracting(names).sorted())")
    #expect(names.subtracting(files).isEmpty, "reports without a golden file: \(names.subtracting(files).sorted())")
  }
}
