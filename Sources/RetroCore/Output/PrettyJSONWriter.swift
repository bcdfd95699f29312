/// Writes JSON in the exact bytes `JSONEncoder` gives with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` (two-space indents, `"key" : value`, an empty list as `[`, a blank
/// line and `]`), for outputs of tens of thousands of values where the encoder held the whole
/// tree several times over. The caller writes an object's keys in sorted order and leaves out
/// nil values, as the encoder does; tests compare the bytes with the encoder's.
public struct PrettyJSONWriter {
  private var bytes: [UInt8] = []
  /// Per open object or list: whether it has a value yet.
  private var filled: [Bool] = []
  /// Where the bytes go, in pieces of about 1 MB.
  private let flush: (String) -> Void

  /// Hands what `body` writes to `output` in pieces of about 1 MB as it goes, then a line
  /// break, as every JSON output of retro ends.
  public static func stream(to output: (String) -> Void, _ body: (inout PrettyJSONWriter) -> Void) {
    withoutActuallyEscaping(output) { output in
      var writer = PrettyJSONWriter(flush: output)
      body(&writer)
      writer.bytes.append(0x0A)
      output(String(decoding: writer.bytes, as: UTF8.self))
    }
  }

  private init(flush: @escaping (String) -> Void) {
    bytes.reserveCapacity(1 << 20 + 1 << 16)
    self.flush = flush
  }

  public mutating func beginObject() { open(0x7B) }
  public mutating func endObject() { close(0x7D) }
  public mutating func beginArray() { open(0x5B) }
  public mutating func endArray() { close(0x5D) }

  /// The next key of the open object; its value follows.
  public mutating func key(_ name: String) {
    nextSlot()
    JSONText.appendString(name, to: &bytes, escapingSlashes: false)
    bytes += [0x20, 0x3A, 0x20]  // " : "
  }

  /// Before each value of an open list.
  public mutating func element() {
    nextSlot()
  }

  public mutating func string(_ value: String) {
    JSONText.appendString(value, to: &bytes, escapingSlashes: false)
  }

  public mutating func int(_ value: Int) {
    bytes += String(value).utf8
  }

  /// A list of strings, as a value.
  public mutating func strings(_ values: [String]) {
    beginArray()
    for value in values {
      element()
      string(value)
    }
    endArray()
  }

  /// `key` and its value, or nothing when the value is nil.
  public mutating func field(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  public mutating func field(_ name: String, _ value: Int?) {
    guard let value else { return }
    key(name)
    int(value)
  }

  /// `key` and its value, `null` when the value is nil: for records whose every key is
  /// always there, as `retro show` writes them.
  public mutating func keptField(_ name: String, _ value: String?) {
    key(name)
    if let value { string(value) } else { bytes += "null".utf8 }
  }

  public mutating func keptField(_ name: String, _ value: Int?) {
    key(name)
    if let value { int(value) } else { bytes += "null".utf8 }
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    filled.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    let hadValues = filled.removeLast()
    bytes.append(0x0A)
    if !hadValues { bytes.append(0x0A) }
    indent(filled.count)
    bytes.append(bracket)
  }

  private mutating func nextSlot() {
    if bytes.count >= 1 << 20 {
      flush(String(decoding: bytes, as: UTF8.self))
      bytes.removeAll(keepingCapacity: true)
    }
    if filled[filled.count - 1] { bytes.append(0x2C) }
    filled[filled.count - 1] = true
    bytes.append(0x0A)
    indent(filled.count)
  }

  private mutating func indent(_ depth: Int) {
    for _ in 0..<depth { bytes += [0x20, 0x20] }
  }
}
