/// Number formats of the human-readable summaries (text and Markdown), independent of the
/// machine's locale. Missing values read "n/a", undefined ones (NaN) "NaN".
enum ReportNumber {
  /// Currency: thousands separators, no decimals (2 below 100 in magnitude).
  static func currency(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    guard value.isFinite else { return NumberText.nonFinite(value) }
    return NumberText.grouped(value, decimals: abs(value) < 100 ? 2 : 0)
  }

  /// A ratio such as an ROI (currency per currency): 2 decimals.
  static func ratio(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    guard value.isFinite else { return NumberText.nonFinite(value) }
    return NumberText.grouped(value, decimals: 2)
  }

  /// A fraction as a percentage with `decimals` decimals: 0.123 -> "12.3%".
  static func percent(_ fraction: Double?, decimals: Int = 1) -> String {
    guard let fraction else { return "n/a" }
    guard fraction.isFinite else { return NumberText.nonFinite(fraction) }
    return NumberText.grouped(100 * fraction, decimals: decimals) + "%"
  }

  /// A probability in [0, 1], 2 decimals.
  static func probability(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    guard value.isFinite else { return NumberText.nonFinite(value) }
    return formatted(value, 2)
  }

  /// About 4 significant digits; grouped without decimals from 10,000 up.
  static func general(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    guard value.isFinite else { return NumberText.nonFinite(value) }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 10_000 { return NumberText.grouped(value, decimals: 0) }
    let exponent = Int(log10Floor(magnitude))
    return formatted(value, min(max(3 - exponent, 0), 8))
  }

  /// An effective sample size: whole number with separators.
  static func count(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    guard value.isFinite else { return NumberText.nonFinite(value) }
    return NumberText.grouped(value, decimals: 0)
  }

  /// `lower to upper` in the given format.
  static func interval(_ lower: Double, _ upper: Double, _ format: (Double?) -> String) -> String {
    "\(format(lower)) to \(format(upper))"
  }

  /// floor(log10(x)) for x > 0, by repeated division (no libm, exact at powers of ten).
  private static func log10Floor(_ magnitude: Double) -> Double {
    var exponent = 0.0
    var value = magnitude
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
