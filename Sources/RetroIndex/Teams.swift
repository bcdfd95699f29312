import Foundation

/// The team of each report when one index covers several roots (`retro index A B C`, or
/// `roots:` in .retro.yml): the name of the root folder it lies under. With one root there
/// are no teams.
public struct Teams: Sendable {
  private let roots: [(prefix: String, name: String)]

  public init(roots: [String]) {
    guard roots.count >= 2 else {
      self.roots = []
      return
    }
    // Longest prefix first, so a root inside another wins.
    self.roots = roots.map { root in
      let trimmed = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
      let name = URL(fileURLWithPath: trimmed).standardizedFileURL.lastPathComponent
      return (trimmed == "." ? "" : trimmed + "/", name)
    }.sorted { $0.prefix.count > $1.prefix.count }
  }

  /// Whether the index covers several roots.
  public var isEmpty: Bool { roots.isEmpty }

  /// The team names, sorted.
  public var names: [String] { Array(Set(roots.map(\.name))).sorted() }

  public func team(of path: String) -> String? {
    roots.first { $0.prefix.isEmpty || path.hasPrefix($0.prefix) || path == String($0.prefix.dropLast()) }?.name
  }

  /// `rows` with their team filled in.
  public func assign(_ rows: [ActionItemRow]) -> [ActionItemRow] {
    guard !isEmpty else { return rows }
    return rows.map { row in
      var row = row
      row.team = team(of: row.path)
      return row
    }
  }
}
