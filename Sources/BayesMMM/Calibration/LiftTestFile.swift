import Foundation

/// Reads a lift-test CSV into `LiftTest`s resolved against the data's weeks and channels.
///
/// ```swift
/// let file = try LiftTestFile(contentsOf: "lifts.csv", dataset: dataset)
/// file.tests          // one LiftTest per row
/// file.sha256         // recorded with the run
/// ```
///
/// Columns (any order, names exact): `channel` (a social column of the data, e.g.
/// `tiktok_spend`, or its name without `_spend`), `start` and `end` (ISO dates inside the
/// data; each names the data week that holds it, a week being its date and the 6 days
/// after), `spend_change` (`off`, or a multiplier >= 0 other than 1), optional
/// `cooldown_weeks` (a whole number >= 0, default 0), `lift` (currency) and `se` (currency,
/// > 0). Errors name the file, the line, the row and the column (`LiftTestError`).
public struct LiftTestFile: Sendable, Equatable {
  /// The path as given, the file's SHA-256, its text and its tests (file order).
  public let source: String
  public let sha256: String
  public let content: String
  public let tests: [LiftTest]

  static let requiredColumns = ["channel", "start", "end", "spend_change", "lift", "se"]
  static let optionalColumns = ["cooldown_weeks"]
  static var columnList: String {
    "channel, start, end, spend_change, cooldown_weeks (optional), lift, se"
  }

  /// Reads and resolves the file at `path`.
  public init(contentsOf path: String, dataset: WeeklyDataset) throws(LiftTestError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path, reason: "no such file, or not readable")
    }
    try self.init(bytes: [UInt8](data), source: path, dataset: dataset)
  }

  /// Resolves the CSV `bytes`; `source` names the file in errors.
  public init(bytes: [UInt8], source: String, dataset: WeeklyDataset) throws(LiftTestError) {
    let table: CSVTable
    do {
      table = try CSVTable(parsing: bytes)
    } catch {
      throw .malformedCSV(file: source, line: error.line, reason: error.reason)
    }
    guard let header = table.header, !table.records.isEmpty else {
      throw .noTests(file: source)
    }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    var position: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      guard Self.requiredColumns.contains(name) || Self.optionalColumns.contains(name) else {
        throw .unknownColumn(file: source, column: name)
      }
      guard position[name] == nil else { throw .duplicatedColumn(file: source, column: name) }
      position[name] = index
    }
    for column in Self.requiredColumns where position[column] == nil {
      throw .missingColumn(file: source, column: column, header: names)
    }
    let resolver = LiftTestRowResolver(source: source, dataset: dataset, columns: position)
    var tests: [LiftTest] = []
    for (index, record) in table.records.enumerated() {
      let at = DataLocation(line: record.line, row: index + 1)
      guard record.fields.count == names.count else {
        throw .raggedRow(
          file: source, at: at, fields: record.fields.count, expected: names.count)
      }
      let test = try resolver.test(record.fields, at: at)
      if let first = tests.first(where: {
        $0.channelIndex == test.channelIndex && $0.startWeek == test.startWeek
          && $0.endWeek == test.endWeek && $0.spendChange == test.spendChange
      }) {
        throw .duplicateTest(
          file: source, at: at, first: DataLocation(line: first.line, row: first.row))
      }
      tests.append(test)
    }
    self.source = source
    self.sha256 = SHA256.hexDigest(of: bytes)
    self.content = String(decoding: bytes, as: UTF8.self)
    self.tests = tests
  }
}

/// One row's fields -> a `LiftTest`, with the checks of `LiftTestFile`.
struct LiftTestRowResolver {
  let source: String
  let dataset: WeeklyDataset
  let columns: [String: Int]

  func test(_ fields: [String], at: DataLocation) throws(LiftTestError) -> LiftTest {
    func field(_ column: String) -> String? {
      columns[column].map { fields[$0].trimmingCharacters(in: .whitespaces) }
    }
    func bad(_ column: String, _ reason: String) -> LiftTestError {
      .badValue(file: source, at: at, column: column, text: field(column) ?? "", reason: reason)
    }
    let channelText = field("channel") ?? ""
    guard
      let channel = dataset.socialNames.firstIndex(where: {
        $0 == channelText || $0 == channelText + "_spend"
      })
    else {
      throw .notSocial(file: source, at: at, text: channelText, social: dataset.socialNames)
    }
    let startWeek = try week(field("start") ?? "", column: "start", at: at)
    let endWeek = try week(field("end") ?? "", column: "end", at: at)
    guard endWeek >= startWeek else {
      throw bad("end", "is before the start \(field("start") ?? "")")
    }
    let change = try spendChange(field("spend_change") ?? "", bad: bad)
    var cooldown = 0
    if let text = field("cooldown_weeks"), !text.isEmpty {
      guard let value = Int(text), value >= 0 else {
        throw bad("cooldown_weeks", "is not a whole number of weeks >= 0")
      }
      cooldown = value
    }
    let last = dataset.weekCount - 1
    guard endWeek + cooldown <= last else {
      throw bad(
        "cooldown_weeks",
        "weeks after the end run past the data's last week \(dataset.dates[last]); "
          + "at most \(last - endWeek) fit")
    }
    guard let lift = Double(field("lift") ?? ""), lift.isFinite else {
      throw bad("lift", "is not a finite number (incremental revenue, currency)")
    }
    guard let se = Double(field("se") ?? ""), se.isFinite else {
      throw bad("se", "is not a finite number (the standard error of the lift, currency)")
    }
    guard se > 0 else { throw bad("se", "is not positive; a standard error must be > 0") }
    let spend = dataset.social[channel][startWeek...endWeek]
    guard spend.contains(where: { $0 > 0 }) else {
      throw .noSpendToChange(
        file: source, at: at, channel: dataset.socialNames[channel],
        start: field("start") ?? "", end: field("end") ?? "")
    }
    return LiftTest(
      row: at.row, line: at.line, channel: dataset.socialNames[channel], channelIndex: channel,
      start: field("start") ?? "", end: field("end") ?? "", startWeek: startWeek,
      endWeek: endWeek, cooldownWeeks: cooldown, spendChange: change, lift: lift, se: se)
  }

  /// The data week holding an ISO date: the last week whose date is on or before it.
  private func week(_ text: String, column: String, at: DataLocation) throws(LiftTestError)
    -> Int
  {
    guard let date = ISODate(text) else {
      throw .badValue(
        file: source, at: at, column: column, text: text, reason: "is not an ISO date (YYYY-MM-DD)")
    }
    let days = dataset.dayNumbers
    guard let first = days.first, let last = days.last, date.dayNumber >= first,
      date.dayNumber < last + 7
    else {
      throw .badValue(
        file: source, at: at, column: column, text: text,
        reason: "is outside the data, which runs from \(dataset.dates.first ?? "") to the week "
          + "of \(dataset.dates.last ?? "")")
    }
    return days.lastIndex(where: { $0 <= date.dayNumber }) ?? 0
  }

  private func spendChange(_ text: String, bad: (String, String) -> LiftTestError)
    throws(LiftTestError) -> LiftTest.SpendChange
  {
    if text.lowercased() == "off" { return .off }
    guard let value = Double(text), value.isFinite, value >= 0 else {
      throw bad("spend_change", "is neither off nor a multiplier >= 0 (such as 1.2)")
    }
    guard value != 1 else {
      throw bad("spend_change", "changes nothing; use off or a multiplier other than 1")
    }
    return value == 0 ? .off : .multiplier(value)
  }
}
