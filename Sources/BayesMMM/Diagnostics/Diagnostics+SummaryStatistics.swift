extension Diagnostics {
  /// The arithmetic mean (1/n) Σ xᵢ; NaN for an empty array or any non-finite value.
  public static func mean(_ values: [Double]) -> Double {
    guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return .nan }
    return values.reduce(0, +) / Double(values.count)
  }

  /// The mean of all draws pooled over chains; NaN for ragged or non-finite input.
  public static func mean(_ draws: [[Double]]) -> Double {
    guard isRectangular(draws) else { return .nan }
    return mean(draws.flatMap { $0 })
  }

  /// The sample variance with n − 1 in the denominator, Σ (xᵢ − x̄)² / (n − 1).
  ///
  /// Two passes (mean first, then squared deviations) avoid the cancellation of the
  /// one-pass Σx² − n x̄² form. NaN for fewer than two values or any non-finite value.
  public static func variance(_ values: [Double]) -> Double {
    guard values.count >= 2 else { return .nan }
    let center = mean(values)
    guard center.isFinite else { return .nan }
    let sumOfSquares = values.reduce(0) { $0 + ($1 - center) * ($1 - center) }
    return sumOfSquares / Double(values.count - 1)
  }

  /// The sample standard deviation √(Σ (xᵢ − x̄)² / (n − 1)), as `numpy.std(ddof=1)`.
  /// NaN for fewer than two values or any non-finite value.
  public static func standardDeviation(_ values: [Double]) -> Double {
    variance(values).squareRoot()
  }

  /// The sample standard deviation of all draws pooled over chains.
  public static func standardDeviation(_ draws: [[Double]]) -> Double {
    guard isRectangular(draws) else { return .nan }
    return standardDeviation(draws.flatMap { $0 })
  }

  /// The `probability` quantile by linear interpolation between order statistics, NumPy's
  /// default (`method="linear"`, Hyndman and Fan's type 7, also R's default).
  ///
  /// With x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ sorted and h = (n − 1)·p, the quantile is
  /// x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). As in NumPy, the interpolation is taken from the
  /// nearer order statistic, which keeps it monotone in p and exact at the data points.
  /// NaN for an empty array, any non-finite value, or p outside [0, 1].
  public static func quantile(_ values: [Double], probability: Double) -> Double {
    guard !values.isEmpty, (0...1).contains(probability), values.allSatisfy(\.isFinite) else {
      return .nan
    }
    return quantile(sorted: values.sorted(), probability: probability)
  }

  /// The same quantile of already sorted, NaN-free values, so several levels share one
  /// sort. Infinite order statistics are allowed: between an infinite and another order
  /// statistic the nearer one is returned instead of interpolating (which would give NaN);
  /// on finite values the result is that of `quantile(_:probability:)`.
  public static func quantile(sorted: [Double], probability: Double) -> Double {
    guard !sorted.isEmpty, (0...1).contains(probability) else { return .nan }
    let position = Double(sorted.count - 1) * probability
    let lowerIndex = Int(position.rounded(.down))
    let fraction = position - Double(lowerIndex)
    guard lowerIndex + 1 < sorted.count else { return sorted[sorted.count - 1] }
    let lower = sorted[lowerIndex]
    let upper = sorted[lowerIndex + 1]
    if fraction == 0 || lower == upper { return lower }
    if !lower.isFinite || !upper.isFinite { return fraction < 0.5 ? lower : upper }
    return fraction < 0.5
      ? lower + fraction * (upper - lower)
      : upper - (upper - lower) * (1 - fraction)
  }

  /// The `probability` quantile of all draws pooled over chains, by the same linear
  /// interpolation as the single-array overload.
  public static func quantile(_ draws: [[Double]], probability: Double) -> Double {
    guard isRectangular(draws) else { return .nan }
    return quantile(draws.flatMap { $0 }, probability: probability)
  }

  /// The median: the middle order statistic, or the mean of the two middle ones.
  /// NaN for an empty array or any non-finite value.
  public static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    guard sorted.count.isMultiple(of: 2) else { return sorted[middle] }
    return (sorted[middle - 1] + sorted[middle]) / 2
  }
}
