import Foundation

extension WeeklyDataset {
  /// Reads, parses and validates a weekly CSV file.
  ///
  /// Errors come in file order (header first, then row by row, columns left to right), so the
  /// first problem in the file is the one reported; then come the checks across weeks: at
  /// least `minimumWeekCount` rows, an outcome that varies (not constant, no floor over more
  /// than half the weeks), no constant regressor. Throws `ColumnRolesError` for roles that
  /// break their invariant and `DataError` for everything about the file.
  public static func load(path: String, roles: ColumnRoles = ColumnRoles()) throws
    -> WeeklyDataset
  {
    try roles.validate(source: "roles")
    return try parse(bytes: readBytes(path), source: path, roles: roles)
  }

  /// Parses and validates CSV bytes held in memory; `source` names them in messages.
  public static func parse(bytes: [UInt8], source: String, roles: ColumnRoles) throws(DataError)
    -> WeeklyDataset
  {
    let sha256 = SHA256.hexDigest(of: bytes)
    let table = try csvTable(bytes, source: source)
    guard let headerRecord = table.header else { throw .emptyFile(file: source) }
    let header = headerRecord.fields.map(DecimalNumber.trimmed)
    try checkHeader(header, roles: roles, source: source)
    guard !table.records.isEmpty else { throw .noDataRows(file: source) }

    var reader = RowReader(source: source, header: header, roles: roles)
    for (index, record) in table.records.enumerated() {
      try reader.read(record, row: index + 1)
    }
    try checkEnoughWeeks(table.records.count, source: source)
    try checkOutcomeVaries(
      reader.columns[roles.outcome] ?? [], column: roles.outcome, source: source)
    try checkNotConstant(reader.columns, roles: roles, source: source)
    let unused = reader.unusedColumns()
    return WeeklyDataset(
      source: source, sha256: sha256, roles: roles, header: header,
      lineNumbers: table.records.map(\.line), dates: reader.dates, columns: reader.columns,
      unusedColumns: unused, ignoredColumns: reader.ignoredColumns(excluding: unused))
  }

  /// The file's bytes (`RegularFile`); `/dev/null` reads as empty, a FIFO or device is
  /// refused unopened.
  private static func readBytes(_ path: String) throws(DataError) -> [UInt8] {
    do {
      return try RegularFile.contents(atPath: path)
    } catch {
      switch error {
      case .noSuchFile: throw .unreadable(file: path, reason: "no such file")
      case .folder: throw .unreadable(file: path, reason: "it is a folder")
      case .special(let kind): throw .notARegularFile(file: path, kind: kind)
      case .unreadable: throw .unreadable(file: path, reason: "permission denied or I/O error")
      }
    }
  }

  private static func csvTable(_ bytes: [UInt8], source: String) throws(DataError) -> CSVTable {
    let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
    guard bytes.contains(where: { !blank.contains($0) }) else { throw .emptyFile(file: source) }
    do {
      return try CSVTable(parsing: bytes)
    } catch {
      throw .malformedCSV(file: source, line: error.line, reason: error.reason)
    }
  }

  private static func checkHeader(_ header: [String], roles: ColumnRoles, source: String)
    throws(DataError)
  {
    var firstField: [String: Int] = [:]
    for (index, name) in header.enumerated() {
      if let first = firstField[name] {
        throw .duplicatedColumn(
          file: source, column: name, firstField: first,
          secondField: index + 1)
      }
      firstField[name] = index + 1
    }
    for (column, role) in roles.assignments where firstField[column] == nil {
      throw .missingColumn(file: source, column: column, role: role, available: header)
    }
    // The default list applies only where the file has the column; a list the user gave
    // must name columns of the file.
    guard roles.downstreamOfSocial != ColumnRoles().downstreamOfSocial else { return }
    for column in roles.downstreamOfSocial where firstField[column] == nil {
      throw .missingDownstreamColumn(file: source, column: column, available: header)
    }
  }

  /// A regressor that never varies cannot be estimated (controls: over observed weeks).
  private static func checkNotConstant(
    _ columns: [String: [Double]], roles: ColumnRoles, source: String
  ) throws(DataError) {
    for (column, role) in roles.assignments {
      guard role != .date, role != .outcome, var values = columns[column] else { continue }
      if role == .control { values = NumericColumn(name: column, values: values).observedValues }
      guard let first = values.first, values.allSatisfy({ $0 == first }) else { continue }
      throw .constantRegressor(
        file: source, column: column, role: role, value: NumberText.plain(first))
    }
  }
}
