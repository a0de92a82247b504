/// Where a value sits in a data file: the 1-based physical line and the 1-based data row
/// (the header is line 1 and no row).
public struct DataLocation: Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var row: Int

  public init(line: Int, row: Int) {
    self.line = line
    self.row = row
  }

  /// `line 5 (row 4)`.
  public var description: String { "line \(line) (row \(row))" }
}

/// A data file the model cannot use. Every description names the file and, where they
/// apply, the line, the data row and the column, and says what is wrong, e.g.
/// `data.csv: line 5 (row 4), column "tiktok_spend": "abc" is not a number`. Control
/// characters from the file (a NUL in a field, an ESC in a header) are escaped in every
/// description (`MessageText`), so they are shown rather than sent to the terminal.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String, reason: String)
  case emptyFile(file: String)
  /// A FIFO, device or socket: never opened, since reading one can block or never end.
  case notARegularFile(file: String, kind: String)
  case noDataRows(file: String)
  case malformedCSV(file: String, line: Int, reason: String)
  case raggedRow(file: String, at: DataLocation, fields: Int, expected: Int)
  case missingColumn(file: String, column: String, role: ColumnRole, available: [String])
  case missingDownstreamColumn(file: String, column: String, available: [String])
  case duplicatedColumn(file: String, column: String, firstField: Int, secondField: Int)
  case emptyField(file: String, at: DataLocation, column: String)
  case notANumber(file: String, at: DataLocation, column: String, text: String)
  case nonFinite(file: String, at: DataLocation, column: String, text: String)
  case negativeValue(
    file: String, at: DataLocation, column: String, text: String,
    role: ColumnRole)
  case nonPositiveValue(
    file: String, at: DataLocation, column: String, text: String,
    role: ColumnRole)
  /// A positive value below the smallest normal double in a log-scale column.
  case subnormalValue(
    file: String, at: DataLocation, column: String, text: String,
    role: ColumnRole)
  case promotionOutOfRange(file: String, at: DataLocation, column: String, text: String)
  case unparsableDate(file: String, at: DataLocation, column: String, text: String)
  case duplicatedDate(
    file: String, at: DataLocation, column: String, date: String,
    first: DataLocation)
  case nonWeeklyDates(
    file: String, at: DataLocation, column: String, date: String,
    previous: DataLocation, previousDate: String, days: Int)
  case constantRegressor(file: String, column: String, role: ColumnRole, value: String)
  case tooFewRows(file: String, rows: Int, parameters: Int)
  /// Fewer rows than any check across weeks needs (`WeeklyDataset.minimumWeekCount`).
  case tooFewWeeksToLoad(file: String, rows: Int, minimum: Int)
  case constantOutcome(file: String, column: String, value: String)
  case floorCoversMostWeeks(file: String, column: String, value: String, weeks: Int, of: Int)

  public var description: String {
    MessageText.escapingControlCharacters(unescapedDescription)
  }

  private var unescapedDescription: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the data file (\(reason))"
    case .emptyFile(let file):
      return "\(file): the file is empty"
    case .notARegularFile(let file, let kind):
      return "\(file): not a regular file but \(kind); bayes-mmm reads data from regular files "
        + "only"
    case .noDataRows(let file):
      return "\(file): the file has a header but no data rows"
    case .malformedCSV(let file, let line, let reason):
      return "\(file): line \(line): \(reason)"
    case .raggedRow(let file, let at, let fields, let expected):
      return "\(file): \(at): \(fields) field\(fields == 1 ? "" : "s"), but the header has "
        + "\(expected)"
    case .missingColumn(let file, let column, let role, let available):
      let optional =
        role == .price || role == .promotion
        ? "; name the column with --\(role.rawValue), or pass --no-\(role.rawValue) if the data "
          + "has none" : ""
      return "\(file): column \"\(column)\" (\(role.rawValue)) not found; the header has: "
        + available.joined(separator: ", ") + optional
    case .missingDownstreamColumn(let file, let column, let available):
      return "\(file): column \"\(column)\" (downstream_of_social) not found; the header has: "
        + available.joined(separator: ", ")
    case .duplicatedColumn(let file, let column, let firstField, let secondField):
      return "\(file): line 1: column \"\(column)\" appears twice (fields \(firstField) and "
        + "\(secondField))"
    case .emptyField(let file, let at, let column):
      return "\(file): \(at), column \"\(column)\": the field is empty (missing values are not "
        + "allowed)"
    case .notANumber(let file, let at, let column, let text):
      return "\(file): \(at), column \"\(column)\": \"\(text)\" is not a number"
    case .nonFinite(let file, let at, let column, let text):
      return "\(file): \(at), column \"\(column)\": \"\(text)\" is not a finite number"
    case .negativeValue(let file, let at, let column, let text, let role):
      return "\(file): \(at), column \"\(column)\": \(text) is negative; \(role.valueNoun) "
        + "cannot be negative"
    case .nonPositiveValue(let file, let at, let column, let text, let role):
      return "\(file): \(at), column \"\(column)\": \(text) is not positive; \(role.valueNoun) "
        + "must be > 0 (the model takes its logarithm)"
    case .subnormalValue(let file, let at, let column, let text, let role):
      return "\(file): \(at), column \"\(column)\": \(text) is too close to 0 (below "
        + "\(Double.leastNormalMagnitude), the smallest normal double); \(role.valueNoun) is "
        + "modelled on the log scale, where such a value underflows"
    case .promotionOutOfRange(let file, let at, let column, let text):
      return "\(file): \(at), column \"\(column)\": \(text) is outside [0, 1]; a promotion is "
        + "0/1 or an intensity in [0, 1]"
    case .unparsableDate(let file, let at, let column, let text):
      return "\(file): \(at), column \"\(column)\": \"\(text)\" is not an ISO date (YYYY-MM-DD)"
    case .duplicatedDate(let file, let at, let column, let date, let first):
      return "\(file): \(at), column \"\(column)\": \(date) already appears on \(first)"
    case .nonWeeklyDates(
      let file, let at, let column, let date, let previous, let previousDate,
      let days):
      let gap = days >= 0 ? "\(days) day\(days == 1 ? "" : "s") after" : "\(-days) days before"
      return "\(file): \(at), column \"\(column)\": \(date) is \(gap) \(previousDate) on "
        + "\(previous); weekly dates must be a multiple of 7 days apart, in increasing order"
    case .constantRegressor(let file, let column, let role, let value):
      return "\(file): column \"\(column)\" (\(role.rawValue)) is \(value) in every week; a "
        + "constant regressor carries no information, so \(Self.leaveOutAdvice(column, role))"
    case .tooFewRows(let file, let rows, let parameters):
      return "\(file): \(rows) weeks of data but the model has \(parameters) parameters; it "
        + "needs at least as many weeks as parameters"
    case .tooFewWeeksToLoad(let file, let rows, let minimum):
      return "\(file): \(rows) week\(rows == 1 ? "" : "s") of data; at least \(minimum) are "
        + "needed to load a file (and a fit needs at least as many weeks as the model has "
        + "parameters)"
    case .constantOutcome(let file, let column, let value):
      return "\(file): column \"\(column)\" (outcome) is \(value) in every week; a constant "
        + "outcome leaves nothing for the model to explain"
    case .floorCoversMostWeeks(let file, let column, let value, let weeks, let total):
      return "\(file): column \"\(column)\" (outcome) is at its minimum \(value) in \(weeks) "
        + "of \(total) weeks; a floor over more than half the weeks leaves too few observed "
        + "weeks to fit"
    }
  }
}

extension DataError {
  /// How the user leaves a constant column out: the option (or roles-file key) that does it.
  static func leaveOutAdvice(_ column: String, _ role: ColumnRole) -> String {
    switch role {
    case .price, .promotion:
      return "leave it out with --no-\(role.rawValue) (or \"\(role.jsonKey)\": null in a roles "
        + "file)"
    case .social, .owned, .control:
      return "remove \(column) from --\(role.jsonKey) (or from \"\(role.jsonKey)\" in a roles "
        + "file)"
    case .mediator, .outcome, .date:
      return "the model needs a \(role.rawValue) that varies; choose another column with "
        + "--\(role.jsonKey)"
    }
  }
}
