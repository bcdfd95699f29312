/// The bounds on how templates include each other, checked over the whole set before any is
/// parsed or rendered: no cycle of partials or parents (rendering one would recurse until the
/// stack ran out), and no chain of inclusions nesting past `TemplateShape.maximumDepth`.
extension PublishTemplates {
  /// Throws at the first problem, in name order, so the same set always names the same place.
  static func checkInclusions(_ shapes: [String: TemplateShape], origins: [String: String]) throws {
    // Cycles: a depth-first walk; a name met again while still on the path closes one.
    var finished = Set<String>()
    var path: [String] = []
    func visit(_ name: String) throws {
      guard let shape = shapes[name], !finished.contains(name) else { return }
      path.append(name)
      for inclusion in shape.inclusions {
        if let start = path.firstIndex(of: inclusion.name) {
          try cycle(Array(path[start...]), shapes: shapes, origins: origins)
        }
        // A chain longer than the bound nests past it whatever the sections: stopping here
        // also bounds this walk's own recursion.
        if path.count >= TemplateShape.maximumDepth, shapes[inclusion.name] != nil {
          let top = shapes[path[0]]?.inclusions.first { $0.name == path[1] }
          throw TemplateError(file: origins[path[0]] ?? path[0], line: top?.line, column: top?.column, message: tooDeep)
        }
        try visit(inclusion.name)
      }
      path.removeLast()
      finished.insert(name)
    }
    for name in shapes.keys.sorted() { try visit(name) }

    // Depth, now that the inclusions are known to end: each inclusion adds its template's
    // depth, plus one, to the sections around it.
    var depths: [String: Int] = [:]
    func depth(_ name: String) -> Int {
      if let known = depths[name] { return known }
      guard let shape = shapes[name] else { return 0 }
      let deepest = shape.inclusions.map { $0.depth + 1 + depth($0.name) }.max() ?? 0
      depths[name] = max(shape.depth, deepest)
      return depths[name] ?? 0
    }
    for name in shapes.keys.sorted() {
      guard let shape = shapes[name], depth(name) > TemplateShape.maximumDepth else { continue }
      let deepest = shape.inclusions.max { $0.depth + depth($0.name) < $1.depth + depth($1.name) }
      throw TemplateError(file: origins[name] ?? name, line: deepest?.line, column: deepest?.column, message: tooDeep)
    }
  }

  static let tooDeep = "template nests sections deeper than \(TemplateShape.maximumDepth) levels, counting the partials it includes"

  /// The error for a cycle, named from its first template in name order, at the tag that
  /// includes the next one.
  private static func cycle(_ members: [String], shapes: [String: TemplateShape], origins: [String: String]) throws -> Never {
    let first = members.indices.min { members[$0] < members[$1] } ?? 0
    let rotated = Array(members[first...] + members[..<first])
    let next = rotated.count > 1 ? rotated[1] : rotated[0]
    let tag = shapes[rotated[0]]?.inclusions.first { $0.name == next }
    let chain = (rotated + [rotated[0]]).joined(separator: " → ")
    throw TemplateError(
      file: origins[rotated[0]] ?? rotated[0], line: tag?.line, column: tag?.column,
      message: rotated.count == 1 ? "template includes itself (\(chain))" : "templates include each other (\(chain))")
  }
}
