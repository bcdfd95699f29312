/// The three lessons lists of a blameless postmortem.
public struct Lessons: Sendable, Equatable, Codable {
  public var wentWell: [Lesson]
  public var wentWrong: [Lesson]
  public var gotLucky: [Lesson]

  public init(wentWell: [Lesson] = [], wentWrong: [Lesson] = [], gotLucky: [Lesson] = []) {
    self.wentWell = wentWell
    self.wentWrong = wentWrong
    self.gotLucky = gotLucky
  }

  public var isEmpty: Bool { wentWell.isEmpty && wentWrong.isEmpty && gotLucky.isEmpty }
}
