#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A probabilistic forecast of one week's log revenue: a point forecast and an ensemble of
/// draws from the predictive distribution, with what was observed.
public struct WeekForecast: Sendable {
  /// 0-based week index in the data.
  public let week: Int
  /// log(observed revenue), currency; in a floor week, log(floor): the week is scored as
  /// what its report shows.
  public let observed: Double
  /// True when the observed revenue sits at the floor (left-censored).
  public let isFloor: Bool
  /// Point forecast of log revenue.
  public let point: Double
  /// Predictive draws of log revenue, sorted ascending; the model's are censored at the
  /// floor (`FloorScoring`), the baselines' are not.
  public let ensemble: [Double]

  public init(week: Int, observed: Double, isFloor: Bool, point: Double, ensemble: [Double]) {
    self.week = week
    self.observed = observed
    self.isFloor = isFloor
    self.point = point
    self.ensemble = ensemble.sorted()
  }

  /// The sample CRPS of the ensemble at the observation (see `ForecastMetrics.crps`).
  public var crps: Double { ForecastMetrics.crps(sorted: ensemble, observation: observed) }

  /// Whether the central `level` interval of the ensemble holds the observation.
  public func covered(level: Double) -> Bool {
    Quantiles.interval(sorted: ensemble, level: level).contains(observed)
  }

  /// The predictive median of log revenue (the model's `point`).
  public var median: Double { Quantiles.quantile(sorted: ensemble, 0.5) }

  /// For a floor week, whether the predictive median is at the floor (`observed`, the log
  /// floor; see `FloorScoring.isAtFloor`); false for every other week.
  public var isPredictedAtFloor: Bool {
    isFloor && FloorScoring.isAtFloor(median: median, logFloor: observed)
  }
}

/// Accuracy of a set of forecasts, all on log revenue unless stated. Floor weeks are scored
/// as what they report (MODEL.md 9): their observation is the floor, and the model's
/// ensembles are censored at it (`FloorScoring`).
///
/// - R-squared: 1 - sum (y - yhat)^2 / sum (y - ybar)^2 over every week, floor weeks at the
///   floor, ybar the mean of the evaluated observations (out of sample it can be negative:
///   worse than their own mean);
/// - R-squared, non-floor: the same over the weeks not at the floor only (ybar their mean);
/// - RMSE: root mean squared error of the point forecasts, log units;
/// - MAPE: mean |revenue - exp(yhat)| / revenue over the weeks not at the floor, in percent
///   (floor weeks are a reporting artefact, not a sale);
/// - CRPS: mean sample CRPS of the ensembles (log units; lower is better);
/// - coverage: share of observations inside the central 50% and 90% intervals;
/// - floor weeks predicted at the floor: the share of floor weeks whose predictive median
///   (of the ensemble, not `point`, which for the baselines is not a median) is at the floor.
public struct ForecastScores: Sendable, Equatable {
  public let count: Int
  public let rSquared: Double
  /// NaN when fewer than two weeks are off the floor or they are all equal.
  public let rSquaredNonFloor: Double
  public let rmse: Double
  /// Percent; NaN when every week is at the floor.
  public let mape: Double
  public let crps: Double
  public let coverage50: Double
  public let coverage90: Double
  /// Weeks at the floor among the `count`.
  public let floorWeeks: Int
  /// Floor weeks whose predictive median is at the floor (`WeekForecast.isPredictedAtFloor`).
  public let floorWeeksAtFloorCount: Int

  /// Share of the floor weeks whose predictive median is at the floor, in [0, 1]; NaN
  /// without floor weeks.
  public var floorWeeksPredictedAtFloor: Double {
    floorWeeks > 0 ? Double(floorWeeksAtFloorCount) / Double(floorWeeks) : .nan
  }

  public init(_ forecasts: [WeekForecast]) {
    count = forecasts.count
    let observed = forecasts.map(\.observed)
    let points = forecasts.map(\.point)
    rSquared = ForecastMetrics.rSquared(observed: observed, predicted: points)
    rmse = ForecastMetrics.rmse(observed: observed, predicted: points)
    let sales = forecasts.filter { !$0.isFloor }
    rSquaredNonFloor = ForecastMetrics.rSquared(
      observed: sales.map(\.observed), predicted: sales.map(\.point))
    mape = ForecastMetrics.mape(
      observed: sales.map { exp($0.observed) }, predicted: sales.map { exp($0.point) })
    floorWeeks = forecasts.count - sales.count
    floorWeeksAtFloorCount = forecasts.filter(\.isPredictedAtFloor).count
    crps = ForecastMetrics.mean(forecasts.map(\.crps))
    coverage50 = ForecastMetrics.share(forecasts.map { $0.covered(level: 0.5) })
    coverage90 = ForecastMetrics.share(forecasts.map { $0.covered(level: 0.9) })
  }
}

/// The scoring rules behind `ForecastScores`; NaN for empty input.
public enum ForecastMetrics {
  public static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }

  /// Share of true values.
  public static func share(_ flags: [Bool]) -> Double {
    mean(flags.map { $0 ? 1 : 0 })
  }

  /// 1 - SSE / SST around the mean of `observed`; NaN when SST = 0.
  public static func rSquared(observed: [Double], predicted: [Double]) -> Double {
    let center = mean(observed)
    var sse = 0.0
    var sst = 0.0
    for (y, yhat) in zip(observed, predicted) {
      sse += (y - yhat) * (y - yhat)
      sst += (y - center) * (y - center)
    }
    return sst > 0 ? 1 - sse / sst : .nan
  }

  public static func rmse(observed: [Double], predicted: [Double]) -> Double {
    mean(zip(observed, predicted).map { ($0 - $1) * ($0 - $1) }).squareRoot()
  }

  /// Mean absolute percentage error, percent; observations must be > 0.
  public static func mape(observed: [Double], predicted: [Double]) -> Double {
    100 * mean(zip(observed, predicted).map { abs($0 - $1) / $0 })
  }

  /// Sample CRPS of an ensemble x_1 <= ... <= x_n (sorted) at y:
  /// CRPS = (1/n) sum |x_i - y| - (1/(2 n^2)) sum_i sum_j |x_i - x_j|
  /// (Gneiting & Raftery 2007, eq. 21, with the ensemble as the forecast distribution). The
  /// double sum is computed in O(n) on sorted draws as 2 sum_i (2i - n - 1) x_i (i 1-based).
  public static func crps(sorted x: [Double], observation y: Double) -> Double {
    guard !x.isEmpty else { return .nan }
    let n = Double(x.count)
    var absolute = 0.0
    var spread = 0.0
    for (offset, value) in x.enumerated() {
      absolute += abs(value - y)
      spread += (2 * Double(offset + 1) - n - 1) * value
    }
    return absolute / n - spread / (n * n)
  }
}
