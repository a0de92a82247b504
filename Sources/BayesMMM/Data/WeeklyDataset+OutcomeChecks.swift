extension WeeklyDataset {
  /// Fewest data rows a file must have: with one row every column is constant and no check
  /// across weeks means anything. A fit needs far more (at least as many weeks as the model
  /// has parameters, checked by `DataAudit`).
  public static let minimumWeekCount = 2

  /// Refuses a file with fewer than `minimumWeekCount` data rows.
  static func checkEnoughWeeks(_ rows: Int, source: String) throws(DataError) {
    guard rows >= minimumWeekCount else {
      throw .tooFewWeeksToLoad(file: source, rows: rows, minimum: minimumWeekCount)
    }
  }

  /// Refuses an outcome the model cannot explain: the same value in every week, or a floor
  /// (`OutcomeFloor`) over more than `OutcomeFloor.maximumPercent` of the weeks.
  static func checkOutcomeVaries(_ outcome: [Double], column: String, source: String)
    throws(DataError)
  {
    guard let first = outcome.first else { return }
    if outcome.allSatisfy({ $0 == first }) {
      throw .constantOutcome(file: source, column: column, value: NumberText.plain(first))
    }
    let atMinimum = OutcomeFloor.weeksAtMinimum(of: outcome)
    if OutcomeFloor.value(of: outcome) != nil,
      100 * atMinimum > OutcomeFloor.maximumPercent * outcome.count,
      let minimum = outcome.min()
    {
      throw .floorCoversMostWeeks(
        file: source, column: column, value: NumberText.grouped(minimum, decimals: 2),
        weeks: atMinimum, of: outcome.count)
    }
  }
}
