import Foundation
import RetroCore
import RetroIndex

/// What the other reports of a folder say, for hover (does this item recur?) and completion
/// (which owners does the team use?).
///
/// From the index when the folder has one (read only: `retro index` keeps it fresh), else by
/// reading the folder's reports once (in parallel, at most `maximumFiles`), then again one
/// by one as the editor saves them.
final class FolderKnowledge: @unchecked Sendable {
  struct Item: Sendable {
    var text: String
    var path: String
    var line: Int
    var status: String
    var owners: [String]
  }

  static let maximumFiles = 5000

  let root: String
  /// Where the knowledge came from, for hover text.
  private(set) var source: String
  private var itemsByPath: [String: [Item]] = [:]
  private let fromIndex: Bool
  private let parser: IncidentParser
  private let lock = NSLock()

  init(root: String, indexPath: String?, parser: IncidentParser) {
    self.root = root
    self.parser = parser
    let index = IndexLocation.path(forRoot: root, configured: indexPath)
    if FileManager.default.fileExists(atPath: index), let database = try? IndexDatabase(path: index),
      let rows = try? IndexReader(database: database).actionItems(asOf: CalendarDate.today())
    {
      fromIndex = true
      source = "the index"
      for row in rows {
        let path = URL(fileURLWithPath: row.path, relativeTo: URL(fileURLWithPath: root)).standardizedFileURL.path
        itemsByPath[path, default: []].append(Item(text: row.text, path: path, line: row.line, status: row.status, owners: row.owners))
      }
      return
    }
    fromIndex = false
    let files = Array(((try? ReportFinder.files(in: [root])) ?? []).prefix(Self.maximumFiles))
    source = "\(files.count) report\(files.count == 1 ? "" : "s") in the folder"
    let parsed = ParallelMap.map(files) { path in (path, Self.items(path: path, parser: parser)) }
    for (path, items) in parsed {
      itemsByPath[URL(fileURLWithPath: path).standardizedFileURL.path] = items
    }
  }

  private static func items(path: String, parser: IncidentParser) -> [Item] {
    guard let report = try? parser.parse(path: path) else { return [] }
    return report.actionItems.map { Item(text: $0.text, path: path, line: $0.line, status: $0.status.rawValue, owners: $0.owners) }
  }

  /// Reads a saved report again (the index, when used, is left to `retro index`).
  func refresh(path: String) {
    guard !fromIndex else { return }
    let items = Self.items(path: path, parser: parser)
    lock.lock()
    itemsByPath[URL(fileURLWithPath: path).standardizedFileURL.path] = items
    lock.unlock()
  }

  /// Items of other reports that say what `text` says, most similar first.
  func recurrences(of text: String, excluding path: String, threshold: Double) -> [(item: Item, similarity: Double)] {
    lock.lock()
    let others = itemsByPath.filter { $0.key != URL(fileURLWithPath: path).standardizedFileURL.path }.values.flatMap { $0 }
    lock.unlock()
    guard !others.isEmpty else { return [] }
    let index = SimilarityIndex(texts: [text] + others.map(\.text), threshold: threshold)
    return index.matches(of: 0).map { (others[$0.item - 1], $0.similarity) }
  }

  /// Owners named in the folder, with how many open items each has, most first.
  func owners() -> [(name: String, open: Int, total: Int)] {
    lock.lock()
    let all = itemsByPath.values.flatMap { $0 }
    lock.unlock()
    var counts: [String: (open: Int, total: Int)] = [:]
    for item in all {
      for owner in item.owners {
        var count = counts[owner, default: (0, 0)]
        count.total += 1
        if item.status != "done" { count.open += 1 }
        counts[owner] = count
      }
    }
    return counts.map { ($0.key, $0.value.open, $0.value.total) }.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
  }
}
