/// Equal-width bins of values on [lower, upper), for the report's bar charts.
///
/// Values outside the range, and non-finite values, are not counted; `densities` still
/// divides by the number of all values, so the bars of a truncated range integrate to the
/// share inside it. The range is first made drawable as a linear plot domain
/// (`PlotScale.usableDomain`): a constant series (lower == upper) gets a padded range with
/// the constant in its middle bin; NaN or infinite ends are replaced. So binning never
/// divides by zero or converts a non-finite number.
struct Histogram {
  let lower: Double
  /// Upper end of the last bin (the range actually binned).
  let upper: Double
  /// Bin width, > 0.
  let width: Double
  let counts: [Double]
  let valueCount: Int

  init(_ values: [Double], lower: Double, upper: Double, bins: Int) {
    let bins = max(bins, 1)
    let range = PlotScale.usableDomain((lower, upper), kind: .linear)
    self.lower = range.lower
    self.upper = range.upper
    width = (range.upper - range.lower) / Double(bins)
    var counts = [Double](repeating: 0, count: bins)
    for v in values where v >= range.lower && v < range.upper {
      let position = ((v - range.lower) / width).rounded(.down)
      counts[min(bins - 1, max(0, Int(min(position, Double(bins)))))] += 1
    }
    self.counts = counts
    valueCount = values.count
  }

  /// Bin centres, in the values' units.
  var centres: [Double] { counts.indices.map { lower + (Double($0) + 0.5) * width } }

  /// Counts / (number of values x width): a density estimate (0 when there are no values).
  var densities: [Double] {
    counts.map { valueCount == 0 ? 0 : $0 / (Double(valueCount) * width) }
  }
}
