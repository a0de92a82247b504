/// Naive forecasts of log revenue for rolling-origin validation, each with a predictive
/// ensemble so that CRPS and interval coverage can be compared with the model's.
///
/// - Last value (random walk): the point forecast of every test week is the last training
///   week's log revenue; the ensemble at horizon h (1 = the first test week) is
///   last + sqrt(h) x d_j over the training one-step changes d_j = y_s - y_{s-1}.
/// - Seasonal mean: weeks are grouped into 13 blocks of the ISO year (weeks 1-4, 5-8, ...,
///   49-53); the point forecast is the mean training log revenue of the test week's block
///   (the mean of all training weeks when the block has none), and the ensemble is the point
///   plus every training week's residual from that same rule.
///
/// Floor weeks enter as log of the floor value, as recorded.
public enum NaiveBaselines {
  /// The block of an ISO week: 0 ... 12.
  public static func seasonBlock(isoWeek: Int) -> Int { min(max(isoWeek - 1, 0) / 4, 12) }

  /// Last-value forecasts of `testWeeks` from log revenue `training` (weeks 0 ..< n).
  public static func lastValue(
    training: [Double], testWeeks: [Int], observed: [Double], isFloor: [Bool]
  ) -> [WeekForecast] {
    guard let last = training.last else { return [] }
    let changes = zip(training.dropFirst(), training).map { $0 - $1 }
    return testWeeks.enumerated().map { offset, week in
      let scale = Double(offset + 1).squareRoot()
      return WeekForecast(
        week: week, observed: observed[week], isFloor: isFloor[week], point: last,
        ensemble: changes.isEmpty ? [last] : changes.map { last + scale * $0 })
    }
  }

  /// Seasonal-mean forecasts; `isoWeeks` covers every week (training and test).
  public static func seasonalMean(
    training: [Double], isoWeeks: [Int], testWeeks: [Int], observed: [Double], isFloor: [Bool]
  ) -> [WeekForecast] {
    guard !training.isEmpty else { return [] }
    let overall = ForecastMetrics.mean(training)
    var sums = [Double](repeating: 0, count: 13)
    var counts = [Int](repeating: 0, count: 13)
    for (week, value) in training.enumerated() {
      let block = seasonBlock(isoWeek: isoWeeks[week])
      sums[block] += value
      counts[block] += 1
    }
    func point(_ week: Int) -> Double {
      let block = seasonBlock(isoWeek: isoWeeks[week])
      return counts[block] > 0 ? sums[block] / Double(counts[block]) : overall
    }
    let residuals = training.indices.map { training[$0] - point($0) }
    return testWeeks.map { week in
      let center = point(week)
      return WeekForecast(
        week: week, observed: observed[week], isFloor: isFloor[week], point: center,
        ensemble: residuals.map { center + $0 })
    }
  }
}
