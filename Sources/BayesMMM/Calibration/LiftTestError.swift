/// A lift-test file the model cannot use. Every description names the file and, where they
/// apply, the line, the test's row and the column, e.g.
/// `lifts.csv: line 3 (row 2), column "se": 0 is not positive; a standard error must be > 0`.
/// Control characters from the file are escaped (`MessageText`).
public enum LiftTestError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String, reason: String)
  case malformedCSV(file: String, line: Int, reason: String)
  case noTests(file: String)
  case missingColumn(file: String, column: String, header: [String])
  case unknownColumn(file: String, column: String)
  case duplicatedColumn(file: String, column: String)
  case raggedRow(file: String, at: DataLocation, fields: Int, expected: Int)
  /// Any field a column cannot hold; `reason` completes the sentence after the value.
  case badValue(file: String, at: DataLocation, column: String, text: String, reason: String)
  case notSocial(file: String, at: DataLocation, text: String, social: [String])
  case noSpendToChange(file: String, at: DataLocation, channel: String, start: String, end: String)
  case duplicateTest(file: String, at: DataLocation, first: DataLocation)

  public var description: String {
    MessageText.escapingControlCharacters(unescaped)
  }

  private var unescaped: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the lift-test file (\(reason))"
    case .malformedCSV(let file, let line, let reason):
      return "\(file): line \(line): \(reason)"
    case .noTests(let file):
      return "\(file): no lift tests (a header and at least one row are needed)"
    case .missingColumn(let file, let column, let header):
      return "\(file): no column \"\(column)\"; a lift-test file has the columns "
        + LiftTestFile.columnList + "; the header has: " + header.joined(separator: ", ")
    case .unknownColumn(let file, let column):
      return "\(file): line 1: unknown column \"\(column)\"; a lift-test file has the columns "
        + LiftTestFile.columnList
    case .duplicatedColumn(let file, let column):
      return "\(file): line 1: column \"\(column)\" appears twice"
    case .raggedRow(let file, let at, let fields, let expected):
      return "\(file): \(at): \(fields) field\(fields == 1 ? "" : "s"), but the header has "
        + "\(expected)"
    case .badValue(let file, let at, let column, let text, let reason):
      return "\(file): \(at), column \"\(column)\": \"\(text)\" \(reason)"
    case .notSocial(let file, let at, let text, let social):
      return "\(file): \(at), column \"channel\": \"\(text)\" is not a social channel of the "
        + "data; lift tests calibrate the social channels: " + social.joined(separator: ", ")
    case .noSpendToChange(let file, let at, let channel, let start, let end):
      return "\(file): \(at): \(channel) spends nothing from \(start) to \(end), so the test "
        + "changes no spend; a lift test needs spend in its window"
    case .duplicateTest(let file, let at, let first):
      return "\(file): \(at): the same test (channel, start, end and spend_change) as \(first); "
        + "give each experiment once"
    }
  }
}
