/// A comma-separated table as text fields, with the line each record starts on.
///
/// ```swift
/// let table = try CSVTable(parsing: Array("a,b\r\n1,\"x, y\"\r\n".utf8))
/// table.header              // ["a", "b"]
/// table.records[0].fields   // ["1", "x, y"]
/// table.records[0].line     // 2
/// ```
///
/// Reads RFC 4180 files plus what spreadsheets write in practice: an optional UTF-8 byte-order
/// mark, `\n`, `\r\n` or lone `\r` line ends, quoted fields with `""` for a quote and with
/// embedded commas or line breaks, and an optional final line break. Wholly empty lines are
/// skipped (the line numbers still count them). Fields are kept as written; the caller trims
/// and converts. Ragged records are kept too: the caller reports them with a row number.
///
/// - Complexity: O(n) in the number of bytes.
public struct CSVTable: Sendable {
  /// One record: its fields and the 1-based physical line it starts on.
  public struct Record: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
  }

  /// Why the bytes are not CSV, with the 1-based line where it happened.
  public enum ParseError: Error, Equatable, Sendable {
    case unclosedQuote(line: Int)
    case textAfterClosingQuote(line: Int)

    /// The 1-based line where the parse failed.
    public var line: Int {
      switch self {
      case .unclosedQuote(let line), .textAfterClosingQuote(let line): return line
      }
    }

    /// What is wrong, as the one phrase every CSV reader's error message uses.
    public var reason: String {
      switch self {
      case .unclosedQuote: return "a quoted field is never closed"
      case .textAfterClosingQuote: return "text follows a closing quote inside a field"
      }
    }
  }

  /// The first record (`nil` for a file with no records at all).
  public let header: Record?
  /// Every record after the first.
  public let records: [Record]

  public init(parsing bytes: [UInt8]) throws(ParseError) {
    var parser = Parser(bytes: bytes)
    var all: [Record] = []
    while let record = try parser.nextRecord() {
      if record.fields != [""] { all.append(record) }
    }
    header = all.first
    records = Array(all.dropFirst())
  }
}

extension CSVTable {
  /// A single pass over the bytes; `position` always sits at the start of a field.
  private struct Parser {
    let bytes: [UInt8]
    var position = 0
    var line = 1

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    init(bytes: [UInt8]) {
      self.bytes = bytes
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next record, or `nil` at the end of the input.
    mutating func nextRecord() throws(ParseError) -> Record? {
      guard position < bytes.count else { return nil }
      let startLine = line
      var fields: [String] = []
      while true {
        fields.append(try nextField())
        guard position < bytes.count else { break }
        let separator = bytes[position]
        position += 1
        if separator == Self.comma { continue }
        consumeLineEnd(after: separator)
        break
      }
      return Record(fields: fields, line: startLine)
    }

    /// Counts a line end whose first byte was just consumed (`\r\n` counts once).
    private mutating func consumeLineEnd(after byte: UInt8) {
      if byte == Self.carriageReturn, position < bytes.count, bytes[position] == Self.newline {
        position += 1
      }
      line += 1
    }

    /// Reads one field and leaves `position` on the separator (or the end).
    private mutating func nextField() throws(ParseError) -> String {
      if position < bytes.count, bytes[position] == Self.quote { return try quotedField() }
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
        position += 1
      }
      return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func quotedField() throws(ParseError) -> String {
      let openingLine = line
      position += 1
      var content: [UInt8] = []
      while true {
        guard position < bytes.count else { throw .unclosedQuote(line: openingLine) }
        let byte = bytes[position]
        position += 1
        if byte == Self.quote {
          if position < bytes.count, bytes[position] == Self.quote {
            content.append(Self.quote)
            position += 1
            continue
          }
          break
        }
        if byte == Self.newline || byte == Self.carriageReturn {
          if byte == Self.carriageReturn, position < bytes.count, bytes[position] == Self.newline {
            content.append(byte)
            content.append(Self.newline)
            position += 1
            line += 1
            continue
          }
          line += 1
        }
        content.append(byte)
      }
      if position < bytes.count {
        let next = bytes[position]
        if next != Self.comma && next != Self.newline && next != Self.carriageReturn {
          throw .textAfterClosingQuote(line: line)
        }
      }
      return String(decoding: content, as: UTF8.self)
    }
  }
}
