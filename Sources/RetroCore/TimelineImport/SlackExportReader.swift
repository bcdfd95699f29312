import Foundation

/// A Slack workspace export: `users.json`, `channels.json` and a folder per channel of
/// daily files (`inc-checkout/2026-03-14.json`, arrays of messages). People's and bots'
/// messages and thread replies are events; joins, leaves, topic changes and the like are
/// not. Slack's markup is turned into the words a reader sees: `<@U02>` into `@bob`,
/// `<https://…|#88>` into `#88 (https://…)`, `&lt;` into `<`.
enum SlackExportReader {
  /// Subtypes of a message a person or bot wrote; every other subtype is channel upkeep.
  static let spoken: Set<String> = ["bot_message", "thread_broadcast", "me_message", "file_share", "reply_broadcast"]

  /// Whether `path` is an export or one of its channel folders.
  static func looksLike(folder path: String) -> Bool {
    let manager = FileManager.default
    if manager.fileExists(atPath: path + "/channels.json") || manager.fileExists(atPath: path + "/users.json") { return true }
    return dailyFiles(in: path).isEmpty == false
  }

  static func dailyFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { name in
      name.hasSuffix(".json") && name.count == 15 && ImportJSON.isoInstant(String(name.prefix(10)) + "T00:00Z") != nil
    }.sorted()
  }

  /// The channel folder to read: `path` itself when it holds daily files, else the channel
  /// named (with or without `#`), else the export's only channel.
  static func channelFolder(_ path: String, channel: String?) throws -> (folder: String, name: String, export: String) {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    if !dailyFiles(in: url.path).isEmpty && channel == nil {
      return (url.path, url.lastPathComponent, url.deletingLastPathComponent().path)
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { name in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.path + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        && !dailyFiles(in: url.path + "/" + name).isEmpty
    }.sorted()
    if let channel {
      let wanted = channel.hasPrefix("#") ? String(channel.dropFirst()) : channel
      guard names.contains(wanted) else {
        throw InputError(path: path, message: "has no channel '\(wanted)' (channels with messages: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
      }
      return (url.path + "/" + wanted, wanted, url.path)
    }
    guard names.count == 1, let only = names.first else {
      throw InputError(
        path: path,
        message: names.isEmpty
          ? "holds no channel folders of daily JSON files (is it an unzipped Slack export?)"
          : "holds \(names.count) channels: name the incident's with --channel (\(names.prefix(12).joined(separator: ", ")))")
    }
    return (url.path + "/" + only, only, url.path)
  }

  static func read(path: String, channel: String?, since: Date?, until: Date?) throws -> [ImportedEvent] {
    let (folder, name, export) = try channelFolder(path, channel: channel)
    let people = try users(in: export)
    var events: [ImportedEvent] = []
    for file in dailyFiles(in: folder) {
      // A day's file is skipped whole when the window is a day clear of it.
      if let day = ImportJSON.isoInstant(String(file.prefix(10)) + "T00:00Z") {
        if let since, day.addingTimeInterval(2 * 86_400) < since { continue }
        if let until, day.addingTimeInterval(-86_400) > until { continue }
      }
      let filePath = folder + "/" + file
      for case let message as [String: Any] in ImportJSON.array(try ImportJSON.read(filePath)) ?? [] {
        if let subtype = ImportJSON.string(message["subtype"]), !spoken.contains(subtype) { continue }
        guard let instant = ImportJSON.instant(message["ts"]) else { continue }
        let raw = ImportJSON.string(message["text"]) ?? ""
        var text = plainText(raw, people: people)
        // A bot's alert or a deploy notice is often all attachments or blocks, a screenshot
        // only a file: their words, or the file's name, stand for the text.
        if text.isEmpty { text = plainText(extraText(message), people: people) }
        guard !text.isEmpty else { continue }
        let author =
          ImportJSON.string(message["user"]).flatMap { people[$0] }
          ?? ImportJSON.string(message["username"])
          ?? ImportJSON.string(ImportJSON.object(message["bot_profile"])?["name"])
          ?? ImportJSON.string(ImportJSON.object(message["user_profile"])?["display_name"])
          ?? ImportJSON.string(message["user"]) ?? "someone"
        let reply = ImportJSON.string(message["thread_ts"]).map { $0 != ImportJSON.string(message["ts"]) } ?? false
        events.append(
          ImportedEvent(instant: instant, text: "\(author)\(reply ? " (in a thread)" : ""): \(text)", source: "Slack #\(name)", signal: .message))
      }
    }
    return events
  }

  /// The words of a message's attachments (fallback, else title and text), blocks (their
  /// text elements) and files (`shared a file: NAME`), for a message with no text of its own.
  static func extraText(_ message: [String: Any]) -> String {
    var parts: [String] = []
    for case let attachment as [String: Any] in ImportJSON.array(message["attachments"]) ?? [] {
      if let fallback = ImportJSON.string(attachment["fallback"]), !fallback.isEmpty {
        parts.append(fallback)
      } else {
        parts += [attachment["pretext"], attachment["title"], attachment["text"]].compactMap { ImportJSON.string($0) }.filter { !$0.isEmpty }
      }
    }
    if parts.isEmpty {
      func texts(_ value: Any?) {
        if let object = value as? [String: Any] {
          if let text = object["text"] as? String, object["type"] as? String != "mrkdwn" || !text.isEmpty { parts.append(text) }
          for (key, inner) in object where key != "text" { texts(inner) }
          if let text = object["text"] as? [String: Any] { texts(text) }
        } else if let array = value as? [Any] {
          for inner in array { texts(inner) }
        }
      }
      texts(message["blocks"])
    }
    for case let file as [String: Any] in ImportJSON.array(message["files"]) ?? [] {
      if let name = ImportJSON.string(file["title"]) ?? ImportJSON.string(file["name"]), !name.isEmpty { parts.append("shared a file: \(name)") }
    }
    return parts.joined(separator: " ")
  }

  /// Display names by user id, from `users.json` when the export has one.
  static func users(in export: String) throws -> [String: String] {
    let path = export + "/users.json"
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    var names: [String: String] = [:]
    for case let user as [String: Any] in ImportJSON.array(try ImportJSON.read(path)) ?? [] {
      guard let id = ImportJSON.string(user["id"]) else { continue }
      let profile = ImportJSON.object(user["profile"])
      let candidates = [ImportJSON.string(profile?["display_name"]), ImportJSON.string(user["name"]), ImportJSON.string(user["real_name"])]
      if let name = candidates.compactMap({ $0?.trimmingWhitespace() }).first(where: { !$0.isEmpty }) { names[id] = name }
    }
    return names
  }

  /// Slack's message markup as the words it shows, on one line.
  static func plainText(_ raw: String, people: [String: String]) -> String {
    var result = ""
    var rest = Substring(raw)
    while let open = rest.firstIndex(of: "<") {
      result += rest[..<open]
      guard let close = rest[open...].firstIndex(of: ">") else {
        result += rest[open...]
        rest = ""
        break
      }
      let inner = rest[rest.index(after: open)..<close]
      let parts = inner.split(separator: "|", maxSplits: 1).map(String.init)
      let target = parts.first ?? ""
      let label = parts.count > 1 ? parts[1] : nil
      if target.hasPrefix("@") {
        result += "@" + (label ?? people[String(target.dropFirst())] ?? String(target.dropFirst()))
      } else if target.hasPrefix("#") {
        result += "#" + (label ?? String(target.dropFirst()))
      } else if target.hasPrefix("!") {
        let special = String(target.dropFirst())
        result += label ?? "@" + (special.split(separator: "^").first.map(String.init) ?? special)
      } else if let label, label != target {
        result += "\(label) (\(target))"
      } else {
        result += target
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    let decoded = result.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
    return decoded.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
  }
}
