/// How to read a numeric date like `03/04/2019` when neither number is over 12.
public enum DateOrder: String, Sendable, Codable, CaseIterable {
  /// 03/04/2019 is 3 April (most of the world).
  case dayFirst = "day-first"
  /// 03/04/2019 is 4 March (the United States).
  case monthFirst = "month-first"
}
