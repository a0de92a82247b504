/// Small descriptive statistics for the data layer (plain loops: the series are short).
enum Statistics {
  /// Arithmetic mean; NaN for an empty series.
  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }

  /// Median (mean of the middle two for an even count); NaN for an empty series.
  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Pearson correlation, computed on centred values (two passes avoid the cancellation of
  /// the one-pass sum-of-products formula); NaN when either series is constant.
  static func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let meanX = mean(x), meanY = mean(y)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - meanX) * (b - meanY)
      sxx += (a - meanX) * (a - meanX)
      syy += (b - meanY) * (b - meanY)
    }
    guard sxx > 0, syy > 0 else { return .nan }
    return sxy / (sxx * syy).squareRoot()
  }
}
