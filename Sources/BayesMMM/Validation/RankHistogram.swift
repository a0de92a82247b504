/// A histogram of SBC ranks and Pearson's chi-square test of their uniformity.
///
/// ```swift
/// let histogram = RankHistogram(ranks: [0, 3, 99, 42], maxRank: 99, bins: 10)
/// histogram.counts          // rank r falls in bin r * bins / (maxRank + 1)
/// histogram.pValue          // P(chi2(bins - 1) > statistic)
/// ```
///
/// Under a calibrated sampler each rank is uniform on 0 ... L (L = `maxRank`, the number of
/// thinned posterior draws; Talts et al. 2018, theorem 1), so bin b holds on average
/// N x (ranks in b) / (L + 1) of N ranks. The statistic is sum_b (O_b - E_b)^2 / E_b with
/// B - 1 degrees of freedom (no parameter is estimated); the approximation is good for
/// E_b >= 5. When (L + 1) is not a multiple of B, bins differ in width by one rank and E_b
/// follows the width.
public struct RankHistogram: Sendable, Equatable {
  /// Observed count per bin, bins in rank order.
  public let counts: [Int]
  /// Expected count per bin under uniformity.
  public let expected: [Double]
  /// L: ranks lie in 0 ... L.
  public let maxRank: Int
  /// Pearson's statistic.
  public let statistic: Double
  /// B - 1.
  public let degreesOfFreedom: Int
  /// Upper-tail probability of the statistic (NaN with fewer than two bins or no ranks).
  public let pValue: Double

  /// - Parameters:
  ///   - ranks: values in 0 ... maxRank (others are clamped into range).
  ///   - bins: number of bins, 1 ... maxRank + 1.
  public init(ranks: [Int], maxRank: Int, bins: Int) {
    let values = maxRank + 1
    let binCount = min(max(bins, 1), values)
    var counts = [Int](repeating: 0, count: binCount)
    for rank in ranks {
      counts[min(max(rank, 0), maxRank) * binCount / values] += 1
    }
    var widths = [Int](repeating: 0, count: binCount)
    for rank in 0..<values { widths[rank * binCount / values] += 1 }
    let total = Double(ranks.count)
    let expected = widths.map { total * Double($0) / Double(values) }
    var statistic = 0.0
    for (observed, mean) in zip(counts, expected) where mean > 0 {
      statistic += (Double(observed) - mean) * (Double(observed) - mean) / mean
    }
    self.counts = counts
    self.expected = expected
    self.maxRank = maxRank
    self.statistic = statistic
    degreesOfFreedom = binCount - 1
    pValue =
      binCount >= 2 && !ranks.isEmpty
      ? GSLSpecial.chiSquareUpperTail(statistic, dof: Double(binCount - 1)) : .nan
  }
}
