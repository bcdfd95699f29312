import Foundation
import RetroCore
import Testing
@testable import RetroIndex

/// The listings' JSON is written by hand (`PrettyJSONWriter`); it must be the encoder's bytes.
@Suite("Hand-written JSON of listings and digests")
struct HandWrittenJSONTests {
  static let odd = "quote \" back \\ slash / tab \t nl \n cr \r bell \u{07} \u{01} del \u{7F} ünï 😀 \u{202E} \u{0C}\u{08}"

  static func row(_ index: Int, full: Bool) -> ActionItemRow {
    var row = ActionItemRow(
      id: "id\(index)", text: index == 0 ? odd : "Add an alert \(index)", owners: full ? ["@ana", odd] : [],
      due: full ? "2024-03-0\(index % 9 + 1)" : nil, daysOverdue: full ? index : nil, ageDays: full ? 10 + index : nil,
      status: index % 2 == 0 ? "open" : "done", tickets: full ? ["https://example.com/a/b?c=1", "OPS-\(index)"] : [],
      priority: full ? "P1" : nil, type: full ? "prevent" : nil, reportTitle: full ? odd : nil,
      reportDate: full ? "2024-01-10" : nil, severity: full ? "SEV1" : nil, tags: full ? ["db"] : [],
      services: full ? ["api", "web"] : [], path: "retros/\(odd)-\(index).md", line: index + 1,
      closedAt: full ? "2024-02-01T12:00:00Z" : nil, firstSeenAt: "2024-01-11T12:00:00Z")
    if full {
      row.team = "payments"
      row.tracker = "OPS-\(index) closed 2024-02-01"
      row.reportStatus = "open"
    }
    return row
  }

  static let rows = (0..<6).map { row($0, full: $0 % 3 != 2) }

  static func encoded<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  @Test("a listing, empty or not")
  func listing() throws {
    let renderer = ActionListRenderer(width: 120, color: false)
    #expect(renderer.render(Self.rows, format: .json) == (try Self.encoded(Self.rows)))
    #expect(renderer.render([], format: .json) == (try Self.encoded([ActionItemRow]())))
  }

  @Test("recurring groups")
  func recurring() throws {
    let groups = [RecurringItems.Group(items: Array(Self.rows.prefix(2))), RecurringItems.Group(items: [])]
    let renderer = ActionListRenderer(width: 120, color: false)
    #expect(renderer.recurring(groups, format: .json) == (try Self.encoded(groups)))
  }

  @Test("a digest, with and without a since day")
  func digest() throws {
    let asOf = CalendarDate(iso: "2024-03-10")!
    for since in [nil, CalendarDate(iso: "2024-01-01")] {
      let digest = Digest.build(Self.rows, asOf: asOf, days: 7, since: since)
      #expect(DigestRenderer().render(digest, format: .json) == (try Self.encoded(digest)))
    }
  }

  @Test("a streamed writer hands over the same bytes in pieces")
  func streamed() throws {
    let many = (0..<4000).map { Self.row($0, full: true) }
    var pieces: [String] = []
    ActionListRenderer(width: 120, color: false).write(many, format: .json) { pieces.append($0) }
    #expect(pieces.count > 1)
    #expect(pieces.joined() == (try Self.encoded(many)))
  }
}
