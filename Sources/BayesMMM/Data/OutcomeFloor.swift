/// Detects a floor in the outcome: a minimum value hit in two or more weeks.
///
/// ```swift
/// OutcomeFloor.value(of: [83_124.16, 1.0, 373.02, 1.0])   // 1.0
/// OutcomeFloor.value(of: [5, 3, 4])                        // nil: the minimum occurs once
/// ```
///
/// Continuous sales data almost never repeat a value exactly, least of all at the minimum;
/// a repeated minimum (8 weeks at exactly 1.00 on the bundled file) is a reporting floor:
/// the true value lies at or below it, so those weeks are left-censored (MODEL.md 3.4).
public enum OutcomeFloor {
  /// The repeated minimum, or `nil` when the minimum occurs only once.
  public static func value(of outcome: [Double]) -> Double? {
    guard let minimum = outcome.min() else { return nil }
    return outcome.filter { $0 == minimum }.count >= 2 ? minimum : nil
  }
}
