/// Sample quantiles and central intervals of draws.
///
/// Quantiles interpolate linearly between order statistics (type 7 of Hyndman & Fan 1996,
/// the default of R, NumPy and ArviZ): for sorted x_1 <= ... <= x_n and p in [0, 1],
/// h = (n - 1) p and Q(p) = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)), 0-based.
public enum Quantiles {
  /// Q(p) of unsorted `values`; NaN when empty.
  public static func quantile(_ values: [Double], _ p: Double) -> Double {
    quantile(sorted: values.sorted(), p)
  }

  /// Q(p) of values sorted ascending; NaN when empty.
  public static func quantile(sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    guard sorted.count > 1 else { return first }
    let h = Double(sorted.count - 1) * min(max(p, 0), 1)
    let lower = Int(h.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
  }

  /// The median.
  public static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

  /// The central interval holding `level` of the draws: Q((1 - level) / 2), Q((1 + level) / 2).
  public static func interval(_ values: [Double], level: Double) -> Interval {
    interval(sorted: values.sorted(), level: level)
  }

  /// As `interval(_:level:)` for values sorted ascending.
  public static func interval(sorted: [Double], level: Double) -> Interval {
    Interval(
      lower: quantile(sorted: sorted, (1 - level) / 2),
      upper: quantile(sorted: sorted, (1 + level) / 2))
  }
}

/// A closed interval [lower, upper] of draws' quantiles (NaN bounds when there were no
/// draws; such an interval contains nothing).
public struct Interval: Sendable, Equatable {
  public let lower: Double
  public let upper: Double

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// lower <= value <= upper.
  public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

  /// upper - lower.
  public var width: Double { upper - lower }
}
