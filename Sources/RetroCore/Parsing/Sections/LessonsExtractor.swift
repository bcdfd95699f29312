/// Reads the went-well, went-wrong and got-lucky lists, whether they sit under a Lessons
/// learned heading or stand alone.
enum LessonsExtractor {
  static func lessons(in sections: [OutlineSection]) -> Lessons {
    var lessons = Lessons()
    for outlined in sections where outlined.section.kind.isLessonList {
      let points = points(in: outlined.blocks)
      switch outlined.section.kind {
      case .wentWell: lessons.wentWell += points
      case .wentWrong: lessons.wentWrong += points
      default: lessons.gotLucky += points
      }
    }
    return lessons
  }

  /// List items (their first paragraph), pasted `•` lines, or else whole paragraphs.
  static func points(in blocks: [MarkdownNode]) -> [Lesson] {
    var points: [Lesson] = []
    var paragraphs: [Lesson] = []
    for block in blocks {
      switch block.kind {
      case .list:
        for item in block.children {
          let text = InlineText.collapse(item.children.first?.plainText ?? "")
          if !text.isEmpty { points.append(Lesson(text: text, line: item.range?.start.line ?? 1)) }
        }
      case .paragraph:
        let bullets = ActionItemExtractor.bulletLines(block)
        let start = block.range?.start.line ?? 1
        if bullets.isEmpty {
          let text = InlineText.collapse(block.plainText)
          if !text.isEmpty { paragraphs.append(Lesson(text: text, line: start)) }
        } else {
          points += bullets.map { Lesson(text: InlineText.collapse($0.1), line: start + $0.0) }
        }
      default:
        break
      }
    }
    return points.isEmpty ? paragraphs : points
  }
}
