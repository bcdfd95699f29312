/// Kinds a section takes from what the parser found in it, beyond what its heading named:
/// a `Leadup` that holds the report's timed events is also its timeline, and a `Lessons
/// learned` whose paragraphs are `**TODO**` items also holds action items.
enum HeldContentKinds {
  /// Adds `.timeline` to the section holding most of a timeline recovered from a report with
  /// no timeline section (three entries or more, two in three of them), and `.actionItems`
  /// to a section of another kind that holds two items or more.
  static func add(to sections: inout [Section], timeline: [TimelineEntry], recovered: Bool, items: [ActionItem]) {
    // Sections come in document order and their bodies do not overlap: a line belongs to the
    // last section starting at or before it, if that section's body holds it. A binary search,
    // as a recovered timeline of a huge paste has many entries and many sections.
    let starts = sections.map(\.range.start.line)
    func holder(of lines: [Int]) -> [Int: Int] {
      var counts: [Int: Int] = [:]
      for line in lines {
        var low = 0
        var high = starts.count
        while low < high {
          let middle = (low + high) / 2
          if starts[middle] <= line { low = middle + 1 } else { high = middle }
        }
        if low > 0, sections[low - 1].bodyLines?.contains(line) == true { counts[low - 1, default: 0] += 1 }
      }
      return counts
    }
    if recovered {
      let timed = timeline.filter { !$0.timeText.isEmpty }.map(\.line)
      if let (index, count) = holder(of: timed).max(by: { $0.value < $1.value }), count >= 3, count * 3 >= timed.count * 2 {
        add(.timeline, to: &sections[index], because: "holds \(count) of the \(timed.count) timed events")
      }
    }
    for (index, count) in holder(of: items.map(\.line)) where count >= 2 && !sections[index].reads(as: .actionItems) {
      add(.actionItems, to: &sections[index], because: "holds \(count) action items")
    }
  }

  private static func add(_ kind: SectionKind, to section: inout Section, because reason: String) {
    guard section.kind != kind, !section.alsoKinds.contains(kind), section.kind != .custom || section.within == nil else { return }
    if section.kind == .custom {
      section.kind = kind
      section.foundBy = .content
    } else {
      section.alsoKinds.append(kind)
    }
    section.explanation += "; also \(kind.rawValue) by content: \(reason)"
  }
}
