/// An ordered map of front-matter keys to values.
public struct FrontMatterTable: Sendable, Equatable {
  public private(set) var entries: [(key: String, value: FrontMatterValue)]

  public init(_ entries: [(key: String, value: FrontMatterValue)] = []) {
    self.entries = entries
  }

  public static func == (lhs: FrontMatterTable, rhs: FrontMatterTable) -> Bool {
    lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }

  public var keys: [String] { entries.map(\.key) }
  public var isEmpty: Bool { entries.isEmpty }

  public subscript(key: String) -> FrontMatterValue? {
    get { entries.first(where: { $0.key == key })?.value }
    set {
      if let index = entries.firstIndex(where: { $0.key == key }) {
        if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
      } else if let newValue {
        entries.append((key, newValue))
      }
    }
  }

  /// The first of `keys` present, compared without case, looking into nested tables named
  /// `extra`, `params` and `incident` too (Zola, Hugo and retro's own layout).
  public func lookup(_ keys: [String]) -> FrontMatterValue? {
    for key in keys {
      if let hit = entries.first(where: { $0.key.lowercased() == key.lowercased() }) {
        return hit.value
      }
    }
    for nested in ["incident", "extra", "params"] {
      if case .table(let table) = self[nested], let hit = table.lookup(keys) { return hit }
    }
    return nil
  }
}

extension FrontMatterTable: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    self.entries = try container.allKeys.map { ($0.stringValue, try container.decode(FrontMatterValue.self, forKey: $0)) }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for (key, value) in entries { try container.encode(value, forKey: Key(stringValue: key)) }
  }
}
