import Foundation
import RetroCore
@testable import RetroIndex

/// A temporary folder of reports with its own index file.
final class ReportFolder {
  let root: URL
  let database: IndexDatabase

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("retro-index-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("retros"), withIntermediateDirectories: true)
    database = try IndexDatabase(path: root.appendingPathComponent("index.sqlite").path)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func path(_ name: String) -> String { root.appendingPathComponent("retros/\(name)").path }

  func write(_ name: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path(name))
    try Data(text.utf8).write(to: url)
    // Move the mtime on so a rewrite within the same second is still seen as a change.
    let bump = Date().addingTimeInterval(Double.random(in: 1...1000))
    try FileManager.default.setAttributes([.modificationDate: bump], ofItemAtPath: url.path)
  }

  func files() throws -> [String] { try ReportFinder.files(in: [root.appendingPathComponent("retros").path]) }

  @discardableResult
  func index(at day: String) throws -> IndexUpdate {
    let indexer = Indexer(database: database, parser: IncidentParser())
    return try indexer.update(files: try files(), now: ISO8601.date("\(day)T12:00:00Z") ?? Date())
  }

  func rows(asOf day: String) throws -> [ActionItemRow] {
    try IndexReader(database: database).actionItems(asOf: CalendarDate(iso: day)!)
  }
}

enum Reports {
  static let alpha = """
    ---
    title: Queue backlog
    date: 2024-01-10
    severity: SEV2
    tags: [queues]
    services: [billing]
    ---
    ## Root causes

    The consumer pool was too small for the nightly batch.

    ## Timeline (UTC)

    - 10:00 batch started
    - 10:20 lag alert fired
    - 11:00 backlog cleared, resolved

    ## Action items

    - [ ] Add lag-based autoscaling @ana OPS-1 due 2024-02-01
    - [ ] Alert on consumer lag @ben due 2024-01-20
    - [ ] Document the batch window
    """

  static let beta = """
    ---
    title: DNS failures
    date: 2024-03-05
    severity: SEV1
    tags: [dns]
    services: [resolver]
    ---
    ## Root causes

    A resolver config push dropped a zone.

    ## Timeline (UTC)

    - 09:00 config pushed
    - 09:30 alert fired
    - 10:30 resolved

    ## Action items

    - [x] Roll back the config @carl
    - [ ] Add lag based autoscaling to the consumers @ana OPS-9
    """
}
