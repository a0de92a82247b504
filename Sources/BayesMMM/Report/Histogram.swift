/// Equal-width bins of values on [lower, upper), for the report's bar charts.
///
/// Values outside the range are not counted; `densities` still divides by the number of
/// all values, so the bars of a truncated range integrate to the share inside it.
struct Histogram {
  let lower: Double
  /// Bin width, at least 1e-9 (a degenerate range bins nothing rather than dividing by 0).
  let width: Double
  let counts: [Double]
  let valueCount: Int

  init(_ values: [Double], lower: Double, upper: Double, bins: Int) {
    self.lower = lower
    width = max((upper - lower) / Double(bins), 1e-9)
    var counts = [Double](repeating: 0, count: bins)
    for v in values where v >= lower && v < upper {
      counts[min(bins - 1, Int((v - lower) / width))] += 1
    }
    self.counts = counts
    valueCount = values.count
  }

  /// Bin centres, in the values' units.
  var centres: [Double] { counts.indices.map { lower + (Double($0) + 0.5) * width } }

  /// Counts / (number of values x width): a density estimate.
  var densities: [Double] { counts.map { $0 / (Double(valueCount) * width) } }
}
