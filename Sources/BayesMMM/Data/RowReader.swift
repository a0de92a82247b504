/// Reads data rows one at a time, checking each value against its column's role.
///
/// Keeps what the checks across rows need: the first location of every date (duplicates) and
/// the previous date (weekly spacing). Columns with no role are read leniently: one value
/// that is not a number turns the whole column into an ignored one, never an error.
struct RowReader {
  let source: String
  let header: [String]
  private let roleOfField: [ColumnRole?]
  private(set) var columns: [String: [Double]] = [:]
  private(set) var dates: [ISODate] = []
  private var dateLocations: [Int: DataLocation] = [:]
  private var previous: (date: ISODate, at: DataLocation)?
  private var unusedValues: [Int: [Double]] = [:]

  init(source: String, header: [String], roles: ColumnRoles) {
    self.source = source
    self.header = header
    roleOfField = header.map { roles.role(of: $0) }
    for (index, role) in roleOfField.enumerated() where role == nil {
      unusedValues[index] = []
    }
  }

  mutating func read(_ record: CSVTable.Record, row: Int) throws(DataError) {
    let at = DataLocation(line: record.line, row: row)
    guard record.fields.count == header.count else {
      throw .raggedRow(file: source, at: at, fields: record.fields.count, expected: header.count)
    }
    for (index, field) in record.fields.enumerated() {
      let column = header[index]
      switch roleOfField[index] {
      case .date?:
        try readDate(field, column: column, at: at)
      case let role?:
        let value = try number(field, column: column, at: at)
        try check(value, text: DecimalNumber.trimmed(field), role: role, column: column, at: at)
        columns[column, default: []].append(value)
      case nil:
        readUnused(field, index: index)
      }
    }
  }

  /// Numeric columns with no role, in header order.
  func unusedColumns() -> [NumericColumn] {
    unusedValues.keys.sorted().compactMap { index in
      unusedValues[index].map { NumericColumn(name: header[index], values: $0) }
    }
  }

  /// Columns with no role that are not numeric.
  func ignoredColumns(excluding numeric: [NumericColumn]) -> [String] {
    let kept = Set(numeric.map(\.name))
    return header.indices.filter { roleOfField[$0] == nil && !kept.contains(header[$0]) }
      .map { header[$0] }
  }

  private func number(_ field: String, column: String, at: DataLocation) throws(DataError)
    -> Double
  {
    switch DecimalNumber.parse(field) {
    case .number(let value): return value
    case .empty: throw .emptyField(file: source, at: at, column: column)
    case .nonFinite:
      throw .nonFinite(file: source, at: at, column: column, text: DecimalNumber.trimmed(field))
    case .notANumber:
      throw .notANumber(file: source, at: at, column: column, text: DecimalNumber.trimmed(field))
    }
  }

  private func check(
    _ value: Double, text: String, role: ColumnRole, column: String, at: DataLocation
  ) throws(DataError) {
    if role.mustBeNonNegative, value < 0 {
      throw .negativeValue(file: source, at: at, column: column, text: text, role: role)
    }
    if role.mustBePositive, value <= 0 {
      throw .nonPositiveValue(file: source, at: at, column: column, text: text, role: role)
    }
    // log(value / scale) underflows to -inf for subnormal values (1e-320 / 49,053 is 0).
    if role.mustBePositive, value < Double.leastNormalMagnitude {
      throw .subnormalValue(file: source, at: at, column: column, text: text, role: role)
    }
    if role == .promotion, !(0...1).contains(value) {
      throw .promotionOutOfRange(file: source, at: at, column: column, text: text)
    }
  }

  private mutating func readDate(_ field: String, column: String, at: DataLocation)
    throws(DataError)
  {
    let text = DecimalNumber.trimmed(field)
    guard let date = ISODate(text) else {
      throw .unparsableDate(file: source, at: at, column: column, text: text)
    }
    if let first = dateLocations[date.dayNumber] {
      throw .duplicatedDate(
        file: source, at: at, column: column, date: date.description, first: first)
    }
    if let previous {
      let days = date.dayNumber - previous.date.dayNumber
      if days <= 0 || days % 7 != 0 {
        throw .nonWeeklyDates(
          file: source, at: at, column: column, date: date.description, previous: previous.at,
          previousDate: previous.date.description, days: days)
      }
    }
    dateLocations[date.dayNumber] = at
    previous = (date, at)
    dates.append(date)
  }

  private mutating func readUnused(_ field: String, index: Int) {
    guard unusedValues[index] != nil else { return }
    if case .number(let value) = DecimalNumber.parse(field) {
      unusedValues[index]?.append(value)
    } else {
      unusedValues[index] = nil
    }
  }
}
