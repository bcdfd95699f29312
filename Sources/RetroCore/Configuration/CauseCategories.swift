/// What kind of cause a report's root-cause section describes, by the phrases it uses:
/// "deploy or config change", "capacity", "dependency", "certificate or expiry", "DNS",
/// "data", "network", "security", "software bug". A report may name several; one naming
/// none is uncategorised. `causeCategories:` in `.retro.yml` adds phrases to a category
/// or adds a category of its own:
///
/// ```yaml
/// causeCategories:
///   capacity: [noisy neighbour]
///   feature flags: [flag flip, kill switch]
/// ```
///
/// Phrases are matched without case as whole words (`cert` is not `certain`).
public struct CauseCategories: Sendable {
  public struct Category: Sendable {
    public var name: String
    public var phrases: [String]
    let matcher: PhraseMatcher

    public init(name: String, phrases: [String]) {
      self.name = name
      self.phrases = phrases
      self.matcher = PhraseMatcher(phrases)
    }
  }

  public static let builtIn: [(String, [String])] = [
    ("deploy or config change", [
      "deploy", "deploys", "deployed", "deployment", "deployments", "rollout", "roll-out", "rolled out", "release",
      "config change", "configuration change", "config push", "misconfiguration", "misconfigured", "change to the config",
      "feature flag", "migration", "upgrade", "upgraded",
    ]),
    ("capacity", [
      "capacity", "overload", "overloaded", "traffic spike", "spike in traffic", "load spike", "exhausted", "exhaustion",
      "out of memory", "oom", "disk full", "disk space", "quota", "rate limit", "rate limited", "throttled", "throttling",
      "saturated", "saturation", "autoscaling", "scale up", "connection pool", "too many connections",
    ]),
    ("dependency", [
      "third-party", "third party", "upstream", "vendor", "provider", "dependency", "dependencies", "external service",
      "cloud provider", "aws", "gcp", "azure", "cloudflare", "outage at",
    ]),
    ("certificate or expiry", ["certificate", "certificates", "cert", "certs", "tls", "ssl", "expired", "expiry", "expiration", "expire"]),
    ("DNS", ["dns", "resolver", "resolvers", "nameserver", "nameservers", "dnssec", "zone file", "ttl"]),
    ("data", [
      "database", "databases", "data corruption", "corrupted", "corrupt", "replication", "replica", "schema", "query",
      "queries", "index", "data loss", "backup", "backups", "postgres", "mysql", "redis", "cache",
    ]),
    ("network", ["network", "networking", "packet loss", "bgp", "load balancer", "firewall", "connectivity", "partition", "routing", "vpn"]),
    ("security", ["security", "attack", "ddos", "credential", "credentials", "leaked", "vulnerability", "unauthorized", "compromised", "exploit"]),
    ("software bug", [
      "bug", "regression", "race condition", "null pointer", "memory leak", "deadlock", "infinite loop", "edge case",
      "off-by-one", "panic", "exception", "crash", "crashed",
    ]),
  ]

  public var categories: [Category]

  public init(extra: [(String, [String])] = []) {
    var list = Self.builtIn
    for (name, phrases) in extra {
      if let index = list.firstIndex(where: { $0.0.lowercased() == name.lowercased() }) {
        list[index].1 += phrases
      } else {
        list.append((name, phrases))
      }
    }
    categories = list.map { Category(name: $0.0, phrases: $0.1) }
  }

  /// The categories `text` names, in the order they are listed.
  public func categories(of text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    let lines = text.split(separator: "\n")
    return categories.filter { category in lines.contains { category.matcher.firstMatch(in: $0) != nil } }.map(\.name)
  }

  /// Reads `causeCategories:`; an error names the entry at its line.
  public static func from(_ file: ConfigurationFile) throws -> CauseCategories {
    guard let value = file.values["causeCategories"] else { return CauseCategories() }
    guard case .table(let table) = value else {
      throw file.error(key: "causeCategories", "must map category names to lists of phrases, e.g. capacity: [noisy neighbour]")
    }
    var extra: [(String, [String])] = []
    for (name, list) in table.entries {
      guard case .array = list, !list.stringList.isEmpty else {
        throw file.error(key: "causeCategories", entry: name, "gives '\(name)' no list of phrases")
      }
      extra.append((name, list.stringList))
    }
    return CauseCategories(extra: extra)
  }
}
