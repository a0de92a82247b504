/// Detects a floor in the outcome: a minimum value repeated in at least 3 weeks and in at
/// least 2% of the weeks.
///
/// ```swift
/// OutcomeFloor.value(of: [83_124.16, 1.0, 373.02, 1.0, 1.0])   // 1.0: 3 of 5 weeks
/// OutcomeFloor.value(of: [5, 3, 4, 3])                          // nil: a tie in 2 weeks
/// ```
///
/// Continuous sales data rarely repeat a value exactly; a minimum written in many weeks
/// (8 of 104 weeks at exactly 1.00 on the bundled file) is a reporting floor: the true value
/// lies at or below it, so those weeks are left-censored (MODEL.md 3.4). Two weeks that tie
/// at the minimum (64.50 twice, say) happen by chance with
/// prices rounded to cents, so a floor needs `minimumWeeks` = 3 repeats; on long files a
/// handful of ties is still chance, so it also needs `minimumPercent` = 2% of the weeks
/// (3 of up to 150 weeks, 4 of 151-200, ...).
///
/// A floor over more than `maximumPercent` (half) of the weeks is not a reporting artefact but
/// a column that hardly varies: the loader refuses it (`DataError.floorCoversMostWeeks`), as
/// it refuses a constant outcome, because the censored likelihood would then rest on a
/// minority of observed weeks.
public enum OutcomeFloor {
  /// Fewest weeks at the minimum for a floor.
  public static let minimumWeeks = 3
  /// Smallest share of the weeks at the minimum for a floor, in percent (exact integer
  /// arithmetic: 3 of 150 weeks is exactly 2%).
  public static let minimumPercent = 2
  /// Largest share of the weeks a floor may cover, in percent; more is refused by the loader.
  public static let maximumPercent = 50

  /// The rule in words, for messages.
  public static let ruleText =
    "a minimum repeated in at least \(minimumWeeks) weeks and \(minimumPercent)% of the weeks "
    + "is read as a floor"

  /// The minimum when it is a floor by the rule above, else `nil` (also for no weeks).
  public static func value(of outcome: [Double]) -> Double? {
    guard let minimum = outcome.min() else { return nil }
    let count = weeksAtMinimum(of: outcome)
    let isFloor = count >= minimumWeeks && 100 * count >= minimumPercent * outcome.count
    return isFloor ? minimum : nil
  }

  /// How many weeks sit exactly at the minimum (0 for no weeks).
  static func weeksAtMinimum(of outcome: [Double]) -> Int {
    guard let minimum = outcome.min() else { return 0 }
    return outcome.filter { $0 == minimum }.count
  }
}
