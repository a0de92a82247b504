#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the fit predicts one floor week: the median of its posterior predictive censored at
/// the floor (MODEL.md 9), and whether that median is at the floor.
public struct FloorWeekPrediction: Sendable, Equatable {
  /// The week's date, as in the data.
  public let date: String
  /// Predictive median of revenue, currency: the floor value itself when the median is at
  /// the floor, else exp(median log scaled revenue) x scale_y.
  public let predictedMedian: Double
  /// True when the predictive median is at the floor (`FloorScoring.isAtFloor`).
  public let isAtFloor: Bool
}

extension FitSummary {
  /// One prediction per floor week, in data order.
  /// - Parameters:
  ///   - medians: each week's censored predictive median of log scaled revenue.
  ///   - observed: log scaled revenue as scored, the log floor in floor weeks.
  ///   - revenue: recorded revenue, currency (the floor value in floor weeks).
  ///   - revenueScale: scale_y, currency.
  static func floorWeekPredictions(
    medians: [Double], observed: [Double], revenue: [Double], floorWeeks: [Bool],
    dates: [String], revenueScale: Double
  ) -> [FloorWeekPrediction] {
    medians.indices.filter { floorWeeks[$0] }.map { t in
      let atFloor = FloorScoring.isAtFloor(median: medians[t], logFloor: observed[t])
      // At the floor, report the recorded floor rather than exp(log(floor / scale)) x scale,
      // which differs from it in the last bits.
      let exact = medians[t] == observed[t]
      return FloorWeekPrediction(
        date: dates[t], predictedMedian: exact ? revenue[t] : exp(medians[t]) * revenueScale,
        isAtFloor: atFloor)
    }
  }
}
