import Foundation

/// Durations derived from the timeline and front matter, in seconds.
public struct IncidentMetrics: Sendable, Equatable, Codable {
  public var timeToDetect: TimeInterval?
  public var timeToMitigate: TimeInterval?
  public var timeToResolve: TimeInterval?

  public init(timeToDetect: TimeInterval? = nil, timeToMitigate: TimeInterval? = nil, timeToResolve: TimeInterval? = nil) {
    self.timeToDetect = timeToDetect
    self.timeToMitigate = timeToMitigate
    self.timeToResolve = timeToResolve
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(timeToDetect, forKey: .timeToDetect)
    try c.encode(timeToMitigate, forKey: .timeToMitigate)
    try c.encode(timeToResolve, forKey: .timeToResolve)
  }
}
