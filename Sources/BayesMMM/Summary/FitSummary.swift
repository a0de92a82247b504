#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How well the fitted model describes the weeks it was fitted to: Bayesian R-squared of log
/// revenue, MAPE of the posterior-median prediction, and the share of weeks inside the 50%
/// and 90% posterior-predictive intervals.
///
/// ```swift
/// let fit = FitSummary.compute(prepared: prepared, draws: run.draws, seed: run.seed)
/// fit?.bayesianR2.median    // in [0, 1]
/// fit?.coverage90           // ideally about 0.9
/// ```
///
/// Per posterior draw, mu_y,t is the mean log scaled revenue at the observed paths
/// (`ForwardModel.State.observedRevenuePredictor`). Then:
/// - Bayesian R-squared (Gelman, Goodrich, Gabry and Vehtari 2019, "R-squared for Bayesian
///   regression models", The American Statistician 73(3)): var(mu) / (var(mu) + var(log y -
///   mu)) over the weeks, per draw, summarised by its median and central 90% interval;
/// - MAPE: mean over weeks of |y_t - yhat_t| / y_t x 100, with yhat_t = exp(posterior median
///   of mu_y,t) x scale_y, in percent;
/// - coverage: log revenue is simulated per draw and week as mu_y,t + sigma_y x t_nu, with
///   the Student-t draws from `GSLRandom(runSeed: seed, stream: predictiveStream)` taken
///   draw by draw (chains in order), week by week; a week is inside an interval when its
///   log revenue lies within the interval's central quantiles.
///
/// Floor weeks (revenue at the reporting floor, MODEL.md 3.4) are left out of R-squared and
/// MAPE, whose residuals they would dominate with a value that is not a sale; for coverage a
/// floor week counts as inside when the interval's lower end is at or below the floor (the
/// truth is only known to be at or below it).
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
  /// Posterior draws used (all chains).
  public let draws: Int
  /// Bayesian R-squared of log revenue over the non-floor weeks.
  public let bayesianR2: Interval
  /// Mean absolute percentage error over the non-floor weeks, percent.
  public let mape: Double
  /// Share of weeks (all of them) inside the central 50% / 90% predictive intervals, in
  /// [0, 1].
  public let coverage50: Double
  public let coverage90: Double

  /// The summary for a rebuilt model; nil when `draws` lacks one of its parameters.
  public static func compute(prepared: PreparedModel, draws: DrawTable, seed: UInt64)
    -> FitSummary?
  {
    compute(
      model: prepared.model, revenue: prepared.dataset.outcome,
      floorWeeks: prepared.dataset.isFloor, draws: draws, seed: seed)
  }

  /// - Parameters:
  ///   - revenue: observed weekly revenue, currency (the floor value in floor weeks).
  ///   - floorWeeks: true where revenue sits at the floor.
  public static func compute(
    model: JointModel, revenue: [Double], floorWeeks: [Bool], draws: DrawTable, seed: UInt64
  ) -> FitSummary? {
    var indices: [Int] = []
    for name in model.layout.names {
      guard let index = draws.columns.firstIndex(of: name) else { return nil }
      indices.append(index)
    }
    let inputs = model.inputs
    let weeks = inputs.weeks
    let predictors = revenuePredictors(model: model, draws: draws, parameterIndices: indices)
    let observed = inputs.logRevenue
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
      predictors, nu: model.studentTDegrees, seed: seed, weeks: weeks)
    var inside50 = 0
    var inside90 = 0
    for t in 0..<weeks {
      func isInside(_ probability: Double) -> Bool {
        let (lower, upper) = PosteriorStatistics.centralInterval(
          simulated[t], probability: probability)
        return covers(lower: lower, upper: upper, observed: observed[t], isFloor: floorWeeks[t])
      }
      if isInside(0.5) { inside50 += 1 }
      if isInside(0.9) { inside90 += 1 }
    }
    return FitSummary(
      weeks: weeks, floorWeeks: floorWeeks.filter { $0 }.count, draws: predictors.count,
      bayesianR2: Interval(
        median: Diagnostics.quantile(r2, probability: 0.5), lower90: r2Interval.lower,
        upper90: r2Interval.upper),
      mape: errors.isEmpty ? .nan : 100 * errors.reduce(0, +) / Double(errors.count),
      coverage50: Double(inside50) / Double(max(weeks, 1)),
      coverage90: Double(inside90) / Double(max(weeks, 1)))
  }

  /// Whether a predictive interval covers a week's observed log revenue. A floor week's truth
  /// is only known to be at or below the floor (its recorded value), so it is covered when
  /// the interval reaches down to the floor.
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

  var json: JSONValue {
    [
      "weeks": .number(Double(weeks)), "floor_weeks": .number(Double(floorWeeks)),
      "draws": .number(Double(draws)),
      "bayesian_r2": [
        "median": .number(bayesianR2.median), "lower90": .number(bayesianR2.lower90),
        "upper90": .number(bayesianR2.upper90),
      ],
      "mape_percent": .number(mape), "coverage_50": .number(coverage50),
      "coverage_90": .number(coverage90),
    ]
  }
}
