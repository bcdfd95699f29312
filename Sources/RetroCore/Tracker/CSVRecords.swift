/// Records of a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled and line
/// breaks), each with the line it starts on, so an error in a tracker export can name it.
/// The CSV packages on the mirror give fields but not where a record starts.
public enum CSVRecords {
  public struct Record: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
  }

  public struct UnterminatedQuote: Error, Sendable {
    public var line: Int
  }

  public static func parse(_ text: String) throws -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var atFieldStart = true
    let bytes = Array(text.utf8)
    var index = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      atFieldStart = true
    }
    func endRecord() {
      endField()
      // A blank line is no record.
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
      fields.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") && atFieldStart {
        quoted = true
        quoteLine = line
        atFieldStart = false
      } else if byte == UInt8(ascii: ",") {
        endField()
      } else if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        endRecord()
        line += 1
        recordLine = line
      } else {
        field.append(byte)
        atFieldStart = false
      }
      index += 1
    }
    if quoted { throw UnterminatedQuote(line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}
