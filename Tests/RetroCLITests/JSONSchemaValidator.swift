import Foundation

/// Checks a JSON value against the subset of JSON Schema (2020-12) that
/// docs/schema/incident-report.schema.json uses: type, properties, required,
/// additionalProperties, items, enum, const, minimum, maximum, anyOf, $ref to $defs, and the
/// date and date-time formats.
struct JSONSchemaValidator {
  let root: [String: Any]

  init(schemaAt url: URL) throws {
    let data = try Data(contentsOf: url)
    root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  /// Every place the value breaks the schema, as `path: problem`.
  func errors(in value: Any) -> [String] {
    var errors: [String] = []
    check(value, against: root, path: "$", errors: &errors)
    return errors
  }

  private func resolve(_ schema: [String: Any]) -> [String: Any] {
    guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
    let name = String(ref.dropFirst("#/$defs/".count))
    return (root["$defs"] as? [String: Any])?[name] as? [String: Any] ?? [:]
  }

  private func typeName(_ value: Any) -> String {
    if value is NSNull { return "null" }
    if let number = value as? NSNumber {
      if String(cString: number.objCType) == "c" { return "boolean" }
      return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
    }
    if value is String { return "string" }
    if value is [Any] { return "array" }
    if value is [String: Any] { return "object" }
    return "unknown"
  }

  private func check(_ value: Any, against raw: [String: Any], path: String, errors: inout [String]) {
    let schema = resolve(raw)
    if let anyOf = schema["anyOf"] as? [[String: Any]] {
      let passes = anyOf.contains { option in
        var local: [String] = []
        check(value, against: option, path: path, errors: &local)
        return local.isEmpty
      }
      if !passes { errors.append("\(path): matches none of anyOf") }
    }
    let actual = typeName(value)
    if let type = schema["type"] {
      let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
      let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !ok {
        errors.append("\(path): is \(actual), expected \(allowed.joined(separator: "|"))")
        return
      }
    }
    if let options = schema["enum"] as? [Any] {
      if !options.contains(where: { "\($0)" == "\(value)" && typeName($0) == actual }) {
        errors.append("\(path): \(value) is not one of \(options)")
      }
    }
    if let constant = schema["const"], "\(constant)" != "\(value)" {
      errors.append("\(path): \(value) is not \(constant)")
    }
    if let number = value as? NSNumber, actual != "boolean" {
      if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
        errors.append("\(path): \(number) < \(minimum)")
      }
      if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
        errors.append("\(path): \(number) > \(maximum)")
      }
    }
    if let text = value as? String, let format = schema["format"] as? String {
      if format == "date", text.count != 10 || text.split(separator: "-").count != 3 {
        errors.append("\(path): '\(text)' is not a date")
      }
      if format == "date-time", ISO8601DateFormatter().date(from: text) == nil {
        errors.append("\(path): '\(text)' is not a date-time")
      }
    }
    if let object = value as? [String: Any] {
      let properties = schema["properties"] as? [String: Any] ?? [:]
      for key in schema["required"] as? [String] ?? [] where object[key] == nil {
        errors.append("\(path): missing '\(key)'")
      }
      for (key, item) in object {
        if let property = properties[key] as? [String: Any] {
          check(item, against: property, path: "\(path).\(key)", errors: &errors)
        } else if let additional = schema["additionalProperties"] {
          if let allowed = additional as? Bool, !allowed {
            errors.append("\(path): unexpected key '\(key)'")
          } else if let additionalSchema = additional as? [String: Any] {
            check(item, against: additionalSchema, path: "\(path).\(key)", errors: &errors)
          }
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, item) in array.enumerated() {
        check(item, against: items, path: "\(path)[\(index)]", errors: &errors)
      }
    }
  }
}
