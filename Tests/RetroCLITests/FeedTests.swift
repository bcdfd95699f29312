import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The Atom feed is XML 1.0, which allows no control character but tab, LF and CR (not even
/// as a reference) and not U+FFFE or U+FFFF: report text holding them must not make it
/// something feed readers refuse.
@Suite("The feed is XML whatever the reports hold, end to end")
struct FeedTests {
  @Test("control characters and non-characters in every feed value leave feed.xml well-formed and visible")
  func controlCharacters() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-feed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // YAML double quotes carry the control characters into the values; the body carries them raw.
    let text = """
      ---
      title: "Bad \\x01 \\x1b[31m \\x0b \\x7f \\x85 \\uFFFE title"
      date: 2024-03-01
      status: final
      authors: ["Ana \\x02 Bell"]
      ---
      ## Summary

      Summary with \u{01}\u{08}\u{0C}\u{1B}[2J and \u{FFFF} in it.

      """
    try Data(text.utf8).write(to: directory.appendingPathComponent("retros/a.md"))
    let run = try RetroBinary.run(["site", "retros", "--out", "out", "--title", "Site \u{07} title", "--index", "i.sqlite"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let feed = try Data(contentsOf: directory.appendingPathComponent("out/feed.xml"))
    let parser = XMLParser(data: feed)
    #expect(parser.parse(), "feed.xml is not XML: \(String(describing: parser.parserError))")
    let xml = String(decoding: feed, as: UTF8.self)
    let forbidden = xml.unicodeScalars.filter { scalar in
      (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
    #expect(forbidden.isEmpty, "raw: \(forbidden.map { String($0.value, radix: 16) })")
    // Made visible, not silently dropped.
    #expect(xml.contains("Bad \\x01 \\e[31m"), "\(xml)")
    #expect(xml.contains("Ana \\x02 Bell"))
    #expect(xml.contains("Site \\x07 title"))
  }
}
