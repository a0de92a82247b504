extension ForecastPlan {
  /// Reads and checks the plan CSV at `path` against the data the run was fitted to.
  /// - Throws: `PlanError` naming the file, line, row and column at fault.
  public static func read(path: String, dataset: WeeklyDataset) throws(PlanError) -> ForecastPlan {
    let bytes: [UInt8]
    do {
      bytes = try RegularFile.contents(atPath: path)
    } catch {
      switch error {
      case .noSuchFile: throw .data(.unreadable(file: path, reason: "no such file"))
      case .folder: throw .data(.unreadable(file: path, reason: "it is a folder"))
      case .special(let kind): throw .data(.notARegularFile(file: path, kind: kind))
      case .unreadable:
        throw .data(.unreadable(file: path, reason: "permission denied or I/O error"))
      }
    }
    return try parse(bytes: bytes, source: path, dataset: dataset)
  }

  /// Parses a plan from CSV bytes. The header must hold the data's date column and a column
  /// for every social and owned channel, the price and the promotion (when the model has
  /// them) and every control; the Google (mediator) column is optional; other columns are
  /// ignored. Rows: one per week, continuing the data's weeks without gaps.
  public static func parse(bytes: [UInt8], source: String, dataset: WeeklyDataset)
    throws(PlanError) -> ForecastPlan
  {
    let table: CSVTable
    do {
      table = try CSVTable(parsing: bytes)
    } catch {
      throw .data(.malformedCSV(file: source, line: error.line, reason: error.reason))
    }
    guard let headerRecord = table.header else { throw .data(.emptyFile(file: source)) }
    guard !table.records.isEmpty else { throw .data(.noDataRows(file: source)) }
    let reader = PlanColumnReader(
      source: source, header: headerRecord.fields.map(DecimalNumber.trimmed),
      records: table.records)
    try reader.checkRaggedRows()
    let roles = dataset.roles
    let dates = try reader.dates(column: roles.date, lastDataDay: dataset.dayNumbers.last ?? 0)
    func required(_ name: String, _ role: ColumnRole) throws(PlanError) -> [Double] {
      try reader.values(column: name, role: role)
    }
    var social: [[Double]] = []
    for name in dataset.socialNames { social.append(try required(name, .social)) }
    var owned: [[Double]] = []
    for name in dataset.ownedNames { owned.append(try required(name, .owned)) }
    let price = try dataset.price == nil ? nil : required(roles.price ?? "", .price)
    let promotion =
      try dataset.promotion == nil ? nil : required(roles.promotion ?? "", .promotion)
    var controls: [[Double]] = []
    for control in dataset.controls { controls.append(try required(control.name, .control)) }
    let google =
      try reader.has(roles.mediator) ? required(roles.mediator, .mediator) : nil
    return ForecastPlan(
      source: source, dates: dates.map(\.description), isoWeekOfYear: dates.map(\.isoWeekOfYear),
      social: social, owned: owned, price: price, promotion: promotion, controls: controls,
      google: google)
  }
}

/// Reads the plan's columns by name, with the data loader's checks and messages.
struct PlanColumnReader {
  let source: String
  let header: [String]
  let records: [CSVTable.Record]

  func has(_ column: String) -> Bool { header.contains(column) }

  func location(_ row: Int) -> DataLocation {
    DataLocation(line: records[row].line, row: row + 1)
  }

  func checkRaggedRows() throws(PlanError) {
    for (row, record) in records.enumerated() where record.fields.count != header.count {
      throw .data(
        .raggedRow(
          file: source, at: location(row), fields: record.fields.count, expected: header.count))
    }
  }

  func fields(column: String, role: ColumnRole) throws(PlanError) -> (Int, [String]) {
    guard let index = header.firstIndex(of: column) else {
      throw .missingColumn(file: source, column: column, role: role, available: header)
    }
    return (index, records.map { DecimalNumber.trimmed($0.fields[index]) })
  }

  /// The column's numbers, checked as the data loader checks the role: spend and volumes
  /// >= 0, price > 0 and normal, promotion in [0, 1].
  func values(column: String, role: ColumnRole) throws(PlanError) -> [Double] {
    let (_, texts) = try fields(column: column, role: role)
    var values: [Double] = []
    for (row, text) in texts.enumerated() {
      let at = location(row)
      let value: Double
      switch DecimalNumber.parse(text) {
      case .number(let number): value = number
      case .empty: throw .data(.emptyField(file: source, at: at, column: column))
      case .nonFinite:
        throw .data(.nonFinite(file: source, at: at, column: column, text: text))
      case .notANumber:
        throw .data(.notANumber(file: source, at: at, column: column, text: text))
      }
      switch role {
      case .price where value <= 0:
        throw .data(
          .nonPositiveValue(file: source, at: at, column: column, text: text, role: role))
      case .price where value < Double.leastNormalMagnitude:
        throw .data(
          .subnormalValue(file: source, at: at, column: column, text: text, role: role))
      case .promotion where !(0...1).contains(value):
        throw .data(.promotionOutOfRange(file: source, at: at, column: column, text: text))
      case .social where value < 0, .owned where value < 0, .mediator where value < 0:
        throw .data(
          .negativeValue(file: source, at: at, column: column, text: text, role: role))
      default: break
      }
      values.append(value)
    }
    return values
  }

  /// The dates, each 7 days after the one before, the first 7 days after `lastDataDay`.
  func dates(column: String, lastDataDay: Int) throws(PlanError) -> [ISODate] {
    let (_, texts) = try fields(column: column, role: .date)
    var dates: [ISODate] = []
    for (row, text) in texts.enumerated() {
      let at = location(row)
      guard let date = ISODate(text) else {
        throw .data(.unparsableDate(file: source, at: at, column: column, text: text))
      }
      if let previous = dates.last {
        let days = date.dayNumber - previous.dayNumber
        if days != 7 {
          throw .notConsecutive(
            file: source, at: at, column: column, date: text, previous: location(row - 1),
            previousDate: previous.description, days: days)
        }
      } else if date.dayNumber != lastDataDay + 7 {
        throw .wrongStart(
          file: source, at: at, column: column, date: text,
          expected: ISODate(dayNumber: lastDataDay + 7).description,
          lastDataDate: ISODate(dayNumber: lastDataDay).description)
      }
      dates.append(date)
    }
    return dates
  }
}
