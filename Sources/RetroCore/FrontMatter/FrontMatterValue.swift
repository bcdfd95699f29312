/// A value from YAML or TOML front matter, kept in the order the author wrote it so that
/// publishing can write it back without losing or reordering anything.
public indirect enum FrontMatterValue: Sendable, Equatable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([FrontMatterValue])
  case table(FrontMatterTable)

  /// The value as text when it is a scalar (numbers and booleans as written in YAML).
  public var scalarText: String? {
    switch self {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .bool(let b): return b ? "true" : "false"
    case .null, .array, .table: return nil
    }
  }

  /// A list of strings: an array's scalars, or a comma-separated scalar split up.
  public var stringList: [String] {
    switch self {
    case .array(let values): return values.compactMap(\.scalarText).filter { !$0.isEmpty }
    case .null, .table: return []
    default:
      return (scalarText ?? "").split(separator: ",").map {
        $0.trimmingWhitespace()
      }.filter { !$0.isEmpty }
    }
  }
}

extension FrontMatterValue: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let b = try? container.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? container.decode(Int.self) {
      self = .int(i)
    } else if let d = try? container.decode(Double.self) {
      self = .double(d)
    } else if let s = try? container.decode(String.self) {
      self = .string(s)
    } else if let a = try? container.decode([FrontMatterValue].self) {
      self = .array(a)
    } else {
      self = .table(try container.decode(FrontMatterTable.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let s): try container.encode(s)
    case .int(let i): try container.encode(i)
    case .double(let d): try container.encode(d)
    case .bool(let b): try container.encode(b)
    case .null: try container.encodeNil()
    case .array(let a): try container.encode(a)
    case .table(let t): try container.encode(t)
    }
  }
}

import Foundation
