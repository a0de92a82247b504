/// A plan file a forecast cannot use. Every description names the plan file and, where they
/// apply, the line, the data row and the column, e.g.
/// `plan.csv: line 3 (row 2), column "tiktok_spend": -5 is negative; social spend cannot be
/// negative`.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A problem the data loader also reports (unreadable file, bad CSV, a ragged row, a bad
  /// number, a negative spend, a price <= 0, a promotion outside [0, 1], a bad, repeated or
  /// non-weekly date), in its words.
  case data(DataError)
  /// A column the run's model needs is not in the plan's header.
  case missingColumn(file: String, column: String, role: ColumnRole, available: [String])
  /// The first plan week is not the week after the data's last week.
  case wrongStart(
    file: String, at: DataLocation, column: String, date: String, expected: String,
    lastDataDate: String)

  /// Two consecutive plan rows are not 7 days apart (a gap, a repeat or a step back).
  case notConsecutive(
    file: String, at: DataLocation, column: String, date: String, previous: DataLocation,
    previousDate: String, days: Int)

  public var description: String {
    switch self {
    case .data(let error):
      return error.description
    case .missingColumn(let file, let column, let role, let available):
      return MessageText.escapingControlCharacters(
        "\(file): no column \"\(column)\" (\(role.valueNoun) of the run's model); a plan needs "
          + "a column for every social and owned channel, the price and the promotion of the "
          + "model (Google is optional); the plan has: \(available.joined(separator: ", "))")
    case .wrongStart(let file, let at, let column, let date, let expected, let lastDataDate):
      return MessageText.escapingControlCharacters(
        "\(file): \(at), column \"\(column)\": the plan starts on \(date), but it must "
          + "continue the data's weeks: the data's last week is \(lastDataDate), so the plan's "
          + "first week is \(expected)")
    case .notConsecutive(
      let file, let at, let column, let date, let previous, let previousDate, let days):
      return MessageText.escapingControlCharacters(
        "\(file): \(at), column \"\(column)\": \(date) is \(days) days after \(previousDate) "
          + "on \(previous); a plan has one row per week, 7 days apart, with no gaps")
    }
  }
}
