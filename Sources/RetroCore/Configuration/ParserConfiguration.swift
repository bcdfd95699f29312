/// The settings that change how reports are read.
public struct ParserConfiguration: Sendable, Equatable {
  /// The zone for timeline times that name none: an abbreviation (`UTC`, `CET`), an offset
  /// (`+02:00`) or an IANA name (`Europe/Berlin`).
  public var defaultTimeZone: String
  /// How to read numeric dates that the document itself does not settle.
  public var dateOrder: DateOrder
  /// Extra heading texts for each kind of section, on top of the built-in vocabulary.
  public var vocabulary: [SectionKind: [String]]

  public init(
    defaultTimeZone: String = "UTC", dateOrder: DateOrder = .dayFirst,
    vocabulary: [SectionKind: [String]] = [:]
  ) {
    self.defaultTimeZone = defaultTimeZone
    self.dateOrder = dateOrder
    self.vocabulary = vocabulary
  }
}
