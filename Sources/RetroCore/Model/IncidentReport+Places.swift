extension IncidentReport {
  /// For each line, the sections that hold it, outermost first (by heading level), in one
  /// pass over the sections: what "the headings above this line" means.
  public func enclosingSections(of lines: [Int]) -> [Int: [Section]] {
    var result: [Int: [Section]] = [:]
    var chain: [Section] = []
    var next = sections.startIndex
    for line in Set(lines).sorted() {
      while next < sections.endIndex, sections[next].range.start.line <= line {
        let section = sections[next]
        while let last = chain.last, last.level >= section.level { chain.removeLast() }
        chain.append(section)
        next += 1
      }
      result[line] = chain
    }
    return result
  }

  /// By action item line, the date of the incident the item belongs to when a heading above
  /// it names one (`### Incident on 2023-08-04 …` in a log of incidents): the nearest such
  /// heading decides.
  public func incidentDates(order: DateOrder) -> [Int: CalendarDate] {
    var dates: [Int: CalendarDate] = [:]
    for (line, chain) in enclosingSections(of: actionItems.map(\.line)) {
      let found = chain.reversed().lazy.compactMap { TimeStampReader.findDate(in: $0.heading)?.resolve(order: order, fallbackYear: nil) }
      if let date = found.first { dates[line] = date }
    }
    return dates
  }
}
