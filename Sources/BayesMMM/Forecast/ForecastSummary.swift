/// A forecast's samples reduced to what is reported: per week and over the whole plan, the
/// mean, the median and the central 90% interval (5% and 95% quantiles, `Quantiles`' type 7).
///
/// Totals are summed per sample (same draw and path across weeks) before the statistics
/// are taken, so their interval reflects the weeks' joint uncertainty.
public struct ForecastSummary: Sendable, Equatable {
  /// Mean, median, 5% and 95% quantiles of samples, in their unit (currency here).
  public struct Statistics: Sendable, Equatable {
    public let mean: Double
    public let median: Double
    public let q05: Double
    public let q95: Double

    public init(_ samples: [Double]) {
      let sorted = samples.sorted()
      mean = samples.reduce(0, +) / Double(max(samples.count, 1))
      median = Quantiles.quantile(sorted: sorted, 0.5)
      q05 = Quantiles.quantile(sorted: sorted, 0.05)
      q95 = Quantiles.quantile(sorted: sorted, 0.95)
    }
  }

  public struct Week: Sendable, Equatable {
    public let date: String
    public let revenue: Statistics
    /// Google spend: the plan's (all four figures equal) or the simulated paths'.
    public let googleSpend: Statistics
  }

  public let weeks: [Week]
  public let totalRevenue: Statistics
  public let totalGoogleSpend: Statistics
  public let googleGiven: Bool
  /// Predictive samples per week (draws x paths).
  public let sampleCount: Int

  public init(_ forecast: Forecast) {
    weeks = forecast.dates.indices.map { h in
      Week(
        date: forecast.dates[h], revenue: Statistics(forecast.revenue[h]),
        googleSpend: Statistics(forecast.googleSpend[h]))
    }
    func totals(_ series: [[Double]]) -> [Double] {
      var sums = [Double](repeating: 0, count: series.first?.count ?? 0)
      for week in series {
        for i in sums.indices { sums[i] += week[i] }
      }
      return sums
    }
    totalRevenue = Statistics(totals(forecast.revenue))
    totalGoogleSpend = Statistics(totals(forecast.googleSpend))
    googleGiven = forecast.googleGiven
    sampleCount = forecast.revenue.first?.count ?? 0
  }
}
