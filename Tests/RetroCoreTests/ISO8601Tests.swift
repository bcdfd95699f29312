import Foundation
import Testing
@testable import RetroCore

@Suite("ISO 8601 instants")
struct ISO8601Tests {
  @Test("strings match Foundation's formatter, fractions and dates before 1970 included")
  func matchesFormatter() {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    var generator = SystemRandomNumberGenerator()
    var instants: [Double] = [0, -1, -0.5, 86_399.999, 951_782_400, 1_709_911_800.75, 4_102_444_800, -2_208_988_800]
    for _ in 0..<2000 { instants.append(Double.random(in: -3_000_000_000...5_000_000_000, using: &generator).rounded() + [0, 0.25, 0.999].randomElement(using: &generator)!) }
    for seconds in instants {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(ISO8601.string(date) == formatter.string(from: date), "\(seconds)")
    }
    #expect(ISO8601.string(Date(timeIntervalSince1970: 1_709_911_800)) == "2024-03-08T15:30:00Z")
    #expect(ISO8601.date(ISO8601.string(Date(timeIntervalSince1970: 1_709_911_800))) == Date(timeIntervalSince1970: 1_709_911_800))
  }
}

@Suite("JSON text")
struct JSONTextTests {
  @Test("string arrays are the encoder's bytes, slashes, controls and every script included")
  func arrays() throws {
    let lists: [[String]] = [
      [], [""], ["@ana", "OPS-1"], ["https://github.com/a/b/issues/1", "a \"quoted\" \\ back"],
      ["tab\tnl\ncr\rbell\u{07}nul\u{01}del\u{7F}", "ünï 😀 \u{202E} \u{0C}\u{08}"],
    ]
    for list in lists {
      let theirs = String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
      #expect(JSONText.array(list) == theirs)
    }
  }
}
