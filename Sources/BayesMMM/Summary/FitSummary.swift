#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How well the fitted model describes the weeks it was fitted to: R-squared of log revenue
/// (floor-aware over all weeks, over the non-floor weeks, and Bayesian), MAPE of the
/// posterior-median prediction, the share of weeks inside the 50% and 90%
/// posterior-predictive intervals, and how the floor weeks are predicted.
///
/// ```swift
/// let fit = FitSummary.compute(prepared: prepared, draws: run.draws, seed: run.seed)
/// fit?.bayesianR2.median              // in [0, 1]
/// fit?.coverage90                     // ideally about 0.9
/// fit?.floorWeeksPredictedAtFloor     // 1: every floor week's predictive median at the floor
/// ```
///
/// Per posterior draw, mu_y,t is the mean log scaled revenue at the observed paths
/// (`ForwardModel.State.observedRevenuePredictor`). Log revenue is simulated per draw and
/// week as mu_y,t + sigma_y x t_nu, with the Student-t draws from
/// `GSLRandom(runSeed: seed, stream: predictiveStream)` taken draw by draw (chains in order),
/// week by week, and censored at the floor like the data, max(draw, log floor), when the
/// model censors (`FloorScoring`, MODEL.md 9): the prediction of a week is the predictive
/// distribution of what its report can show. A floor week's observation is the floor. Then:
/// - R-squared (`rSquared`, as `validate` scores test weeks): 1 - SSE/SST of log revenue
///   around the weeks' mean over all weeks, floor weeks at the floor, the point being each
///   week's censored predictive median; `rSquaredNonFloor` the same over the non-floor weeks;
/// - Bayesian R-squared (Gelman, Goodrich, Gabry and Vehtari 2019, "R-squared for Bayesian
///   regression models", The American Statistician 73(3)): var(mu) / (var(mu) + var(log y -
///   mu)) over the non-floor weeks, per draw, summarised by its median and central 90%
///   interval;
/// - MAPE: mean over the non-floor weeks of |y_t - yhat_t| / y_t x 100, with yhat_t =
///   exp(posterior median of mu_y,t) x scale_y, in percent;
/// - coverage: a week, floor weeks included, is inside an interval when its log revenue lies
///   within the central quantiles of its censored predictive draws (a floor week, when the
///   interval reaches down to the floor);
/// - floor weeks: each one's predictive median, and the share of them whose median is at
///   the floor.
///
/// Floor weeks (revenue at the reporting floor, MODEL.md 3.4) are left out of the Bayesian
/// R-squared and MAPE, whose residuals they would dominate with a value that is not a sale.
/// The censoring consumes no random numbers: the simulated draws are those of a summary
/// without it, and only the draws below the floor change.
public struct FitSummary: Sendable, Equatable {
  /// The random stream of the posterior-predictive simulation (chains use 0 ..< chains).
  public static let predictiveStream: UInt64 = RandomStreams.posteriorPredictive.first

  /// Median and central 90% interval of a per-draw statistic.
  public struct Interval: Sendable, Equatable {
    public let median: Double
    public let lower90: Double
    public let upper90: Double
  }

  /// Weeks in the data, and how many of them sit at the floor.
  public let weeks: Int
  public let floorWeeks: Int
  /// The floor the predictive draws are censored at, currency; nil when the model does not
  /// censor (no floor, or censoring off).
  public let floorValue: Double?
  /// Posterior draws used (all chains).
  public let draws: Int
  /// 1 - SSE/SST of log revenue over all weeks, floor weeks at the floor, with each week's
  /// censored predictive median as the point; NaN when the weeks' log revenue is constant.
  public let rSquared: Double
  /// As `rSquared`, over the non-floor weeks only (their own mean); NaN for fewer than two.
  public let rSquaredNonFloor: Double
  /// Bayesian R-squared of log revenue over the non-floor weeks.
  public let bayesianR2: Interval
  /// Mean absolute percentage error over the non-floor weeks, percent.
  public let mape: Double
  /// Share of weeks (all of them) inside the central 50% / 90% predictive intervals, in
  /// [0, 1].
  public let coverage50: Double
  public let coverage90: Double
  /// One entry per floor week, in data order.
  public let floorWeekPredictions: [FloorWeekPrediction]

  /// Share of the floor weeks whose predictive median is at the floor, in [0, 1]; NaN
  /// without floor weeks.
  public var floorWeeksPredictedAtFloor: Double {
    guard !floorWeekPredictions.isEmpty else { return .nan }
    let atFloor = floorWeekPredictions.filter(\.isAtFloor).count
    return Double(atFloor) / Double(floorWeekPredictions.count)
  }

  /// The summary for a rebuilt model; nil when `draws` lacks one of its parameters.
  public static func compute(prepared: PreparedModel, draws: DrawTable, seed: UInt64)
    -> FitSummary?
  {
    compute(
      model: prepared.model, revenue: prepared.dataset.outcome,
      floorWeeks: prepared.dataset.isFloor, dates: prepared.dataset.dates, draws: draws,
      seed: seed)
  }

  /// - Parameters:
  ///   - revenue: observed weekly revenue, currency (the floor value in floor weeks).
  ///   - floorWeeks: true where revenue sits at the floor.
  ///   - dates: each week's date, as in the data (names the floor weeks).
  public static func compute(
    model: JointModel, revenue: [Double], floorWeeks: [Bool], dates: [String], draws: DrawTable,
    seed: UInt64
  ) -> FitSummary? {
    var indices: [Int] = []
    for name in model.layout.names {
      guard let index = draws.columns.firstIndex(of: name) else { return nil }
      indices.append(index)
    }
    let inputs = model.inputs
    let weeks = inputs.weeks
    let predictors = revenuePredictors(model: model, draws: draws, parameterIndices: indices)
    let logFloor = inputs.floorValue.map { log($0 / inputs.revenueScale) }
    let observed = (0..<weeks).map { t in
      inputs.censored[t] ? logFloor ?? inputs.logRevenue[t] : inputs.logRevenue[t]
    }
    let fitted = (0..<weeks).filter { !floorWeeks[$0] }

    let r2 = predictors.map { draw in bayesianR2(mu: draw.mu, observed: observed, weeks: fitted) }
    let r2Interval = PosteriorStatistics.centralInterval(r2, probability: 0.9)

    let medianMu = (0..<weeks).map { t in
      Diagnostics.quantile(predictors.map { $0.mu[t] }, probability: 0.5)
    }
    let errors = fitted.map { t in
      abs(revenue[t] - exp(medianMu[t]) * inputs.revenueScale) / revenue[t]
    }

    let simulated = predictiveDraws(
      predictors, nu: model.studentTDegrees, seed: seed, weeks: weeks
    ).map { FloorScoring.censored($0, atLogFloor: logFloor) }
    let predictiveMedians = simulated.map { Diagnostics.quantile($0, probability: 0.5) }
    return FitSummary(
      weeks: weeks, floorWeeks: floorWeeks.filter { $0 }.count, floorValue: inputs.floorValue,
      draws: predictors.count,
      rSquared: ForecastMetrics.rSquared(observed: observed, predicted: predictiveMedians),
      rSquaredNonFloor: ForecastMetrics.rSquared(
        observed: fitted.map { observed[$0] }, predicted: fitted.map { predictiveMedians[$0] }),
      bayesianR2: Interval(
        median: Diagnostics.quantile(r2, probability: 0.5), lower90: r2Interval.lower,
        upper90: r2Interval.upper),
      mape: errors.isEmpty ? .nan : 100 * errors.reduce(0, +) / Double(errors.count),
      coverage50: coverage(simulated, observed: observed, floorWeeks: floorWeeks, level: 0.5),
      coverage90: coverage(simulated, observed: observed, floorWeeks: floorWeeks, level: 0.9),
      floorWeekPredictions: floorWeekPredictions(
        medians: predictiveMedians, observed: observed, revenue: revenue,
        floorWeeks: floorWeeks, dates: dates, revenueScale: inputs.revenueScale))
  }

  /// Share of weeks whose observation lies inside the central `level` interval of their
  /// predictive draws (`simulated[week][draw]`), floor weeks by `covers`.
  static func coverage(
    _ simulated: [[Double]], observed: [Double], floorWeeks: [Bool], level: Double
  ) -> Double {
    let inside = simulated.indices.filter { t in
      let (lower, upper) = PosteriorStatistics.centralInterval(simulated[t], probability: level)
      return covers(lower: lower, upper: upper, observed: observed[t], isFloor: floorWeeks[t])
    }
    return Double(inside.count) / Double(max(simulated.count, 1))
  }

  /// Whether a predictive interval covers a week's observed log revenue. A floor week's truth
  /// is only known to be at or below the floor (its recorded value), so it is covered when
  /// the interval reaches down to the floor; of a predictive censored at the floor, that is
  /// when the interval's lower end is the floor.
  static func covers(lower: Double, upper: Double, observed: Double, isFloor: Bool) -> Bool {
    if isFloor { return lower <= observed }
    return lower <= observed && observed <= upper
  }

  /// mu_y,t (log scaled revenue) and sigma_y of one draw.
  struct DrawPredictor {
    let mu: [Double]
    let sigma: Double
  }

  /// Every draw's predictor, chains in order, then draws in order.
  static func revenuePredictors(model: JointModel, draws: DrawTable, parameterIndices: [Int])
    -> [DrawPredictor]
  {
    let forward = ForwardModel(model: model)
    let width = draws.width
    var out: [DrawPredictor] = []
    out.reserveCapacity(draws.chainCount * draws.drawCount)
    var parameters = [Double](repeating: 0, count: parameterIndices.count)
    for chain in draws.values {
      for draw in 0..<draws.drawCount {
        for (position, index) in parameterIndices.enumerated() {
          parameters[position] = chain[draw * width + index]
        }
        let state = forward.state(parameters: parameters)
        out.append(DrawPredictor(mu: state.observedRevenuePredictor, sigma: state.revenueSigma))
      }
    }
    return out
  }

  /// var(mu) / (var(mu) + var(observed - mu)) over `weeks` (both with n - 1).
  static func bayesianR2(mu: [Double], observed: [Double], weeks: [Int]) -> Double {
    let fitted = weeks.map { mu[$0] }
    let residuals = weeks.map { observed[$0] - mu[$0] }
    let explained = Diagnostics.variance(fitted)
    return explained / (explained + Diagnostics.variance(residuals))
  }

  /// Simulated log scaled revenue, week-major: `[week][draw]`.
  static func predictiveDraws(_ predictors: [DrawPredictor], nu: Double, seed: UInt64, weeks: Int)
    -> [[Double]]
  {
    let random = GSLRandom(runSeed: seed, stream: predictiveStream)
    var simulated = [[Double]](
      repeating: [Double](repeating: 0, count: predictors.count), count: weeks)
    for (draw, predictor) in predictors.enumerated() {
      for t in 0..<weeks {
        simulated[t][draw] = predictor.mu[t] + predictor.sigma * random.studentT(nu: nu)
      }
    }
    return simulated
  }
}
