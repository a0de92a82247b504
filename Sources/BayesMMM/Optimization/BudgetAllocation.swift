/// Budget allocation (MODEL.md 10) over the observed window (Meridian's default) or over a
/// plan's future weeks: scale each social channel's weekly spend path in the window by f_s
/// within its bounds so that the window's total social spend equals the budget, maximising
/// an objective over the posterior draws of net revenue. The window follows the model's
/// inputs (`AllocationDraws.window`): the data's weeks, or the planned weeks of inputs that
/// continue the data with a plan (`compute(prepared:plan:draws:settings:)`).
///
/// ```swift
/// let allocation = try BudgetAllocation.compute(
///   model: model, draws: rows, settings: BudgetAllocation.Settings(seed: 7))
/// allocation.scales                   // the optimised f_s
/// allocation.uplift                   // per draw: net revenue gain over the current plan
/// ```
///
/// Definitions, per posterior draw d and plan f (f = 1 is the observed plan):
///
///     R_d(f) = window revenue under f, Google simulated from the hurdle
///              (`CounterfactualRevenue`, mean over the draw's R paths)
///     G_d(f) = window Google spend under f on the same paths
///     N_d(f) = R_d(f) - (G_d(f) - G_d(1))          net revenue
///
/// so the search spend a plan induces counts as a cost, measured against the current
/// plan's simulated Google spend on the same random numbers (common random numbers, so
/// N_d(1) = R_d(1) exactly and an uplift is not simulation noise). Social spend itself is
/// the budget, the same for every feasible plan, and is not subtracted. The objective is
/// the mean of N_d over draws or its CVaR at alpha (`AllocationObjective`).
///
/// Algorithm: the objective (under CVaR its smooth stand-in `SmoothedCVaR`) is maximised by
/// `ProjectedGradientAscent` over
/// `BudgetConstraint` on a fixed subsample of `optimizationDraws` posterior draws, evenly
/// spaced (draw i D / n for i < n), scaled by the current plan's objective so tolerances
/// are relative; the chosen plan is then evaluated on every draw. The marginal ROI of
/// channel s at the optimum is dN_d / d(spend_s), by central differences of +-1% of the
/// channel's observed spend: net revenue per extra unit of currency, each draw.
///
/// - Complexity: O(I S n R T) for I iterations, plus O(S D R T) for the evaluation.
public struct BudgetAllocation: Sendable {
  public struct Settings: Sendable {
    /// Total social spend, currency; nil for the observed total.
    public var budget: Double?
    /// Bounds of the channels given; other channels get `ScaleBounds.defaultRange`.
    public var bounds: [ScaleBounds] = []
    public var objective: AllocationObjective = .mean
    /// Mediator paths per draw; nil for the objective's `defaultPaths`.
    public var paths: Int?
    /// The paths used.
    public var resolvedPaths: Int { paths ?? objective.defaultPaths }

    /// The draws an ascent of `objective` works on, out of `available`.
    func optimizationDrawCount(for objective: AllocationObjective, of available: Int) -> Int {
      min(optimizationDraws ?? objective.defaultOptimizationDraws, available)
    }
    /// Seed of the mediator paths (`RandomStreams.optimize`).
    public var seed: UInt64
    /// Posterior draws the optimiser works on (all draws when there are fewer); nil for the
    /// objective's default (every draw for the mean, 1000 for CVaR).
    public var optimizationDraws: Int?
    public var threads = 1
    public var optimizer = ProjectedGradientAscent()

    public init(seed: UInt64) { self.seed = seed }
  }

  public let channels: [String]
  /// The weeks allocated: the observed window, or a plan's weeks (`AllocationDraws.window`).
  public let window: Range<Int>
  /// The window's first and last week, `YYYY-MM-DD`, when the caller gave dates.
  public let windowDates: (first: String, last: String)?
  /// Whether the window is a plan's future weeks (true) or the observed window.
  public var isPlanned: Bool { window.lowerBound > 0 }
  public let settings: Settings
  public let constraint: BudgetConstraint
  /// The optimised scale factors, `[S]`.
  public let scales: [Double]
  public let optimization: ProjectedGradientAscent.Result
  /// Draws the optimiser used.
  public let optimizationDrawCount: Int
  /// Per draw, every posterior draw: the current and the optimised plan's outcomes.
  public let current: [AllocationDraws.Outcome]
  public let optimized: [AllocationDraws.Outcome]
  /// Under a CVaR objective, the plan that maximises the mean on the same draws and paths,
  /// and its outcomes on every draw `[D]`; nil under the mean objective.
  public let meanOptimal: (scales: [Double], outcomes: [AllocationDraws.Outcome])?
  /// `[S][D]`: dN/d(spend_s) at the optimum, currency per currency.
  public let marginalROI: [[Double]]
  /// Where the plan leaves the data or a bound binds, as sentences.
  public let warnings: [String]

  /// N_d(1) = R_d(1), currency, `[D]`.
  public var currentNetRevenue: [Double] { current.map(\.revenue) }
  /// G_d(f) - G_d(1), currency, `[D]`.
  public var inducedGoogleSpend: [Double] {
    zip(optimized, current).map { $0.googleSpend - $1.googleSpend }
  }
  /// N_d(f), currency, `[D]`.
  public var optimizedNetRevenue: [Double] {
    zip(optimized, inducedGoogleSpend).map { $0.revenue - $1 }
  }
  /// N_d of the mean-optimal plan (under CVaR), currency, `[D]`.
  public var meanOptimalNetRevenue: [Double]? {
    meanOptimal.map { plan in
      zip(plan.outcomes, current).map { $0.revenue - ($0.googleSpend - $1.googleSpend) }
    }
  }

  /// N_d(f) - N_d(1), currency, `[D]`.
  public var uplift: [Double] {
    zip(optimizedNetRevenue, currentNetRevenue).map { $0 - $1 }
  }

  /// - Parameters:
  ///   - model: the run's model, on the data's inputs or on inputs continued by a plan.
  ///   - draws: constrained parameter vectors in layout order, one per posterior draw.
  ///   - dates: the inputs' week dates `[T]`, for the output (may be empty).
  public static func compute(
    model: JointModel, draws: [[Double]], settings: Settings, dates: [String] = []
  ) throws -> BudgetAllocation {
    precondition(!draws.isEmpty, "at least one posterior draw")
    let inputs = model.inputs
    let channels = inputs.socialNames
    let window = AllocationDraws.window(of: inputs)
    let observedSpend = inputs.socialSpendCurrency.map { $0[window].reduce(0, +) }
    var lower = [Double](repeating: ScaleBounds.defaultRange.lowerBound, count: channels.count)
    var upper = [Double](repeating: ScaleBounds.defaultRange.upperBound, count: channels.count)
    for bound in settings.bounds {
      guard let s = channels.firstIndex(of: bound.channel) else {
        throw AllocationError.unknownChannel(
          "\(bound.channel)=\(NumberText.plain(bound.lower)):\(NumberText.plain(bound.upper))",
          channels: channels)
      }
      lower[s] = bound.lower
      upper[s] = bound.upper
    }
    let budget = settings.budget ?? observedSpend.reduce(0, +)
    let constraint = BudgetConstraint(
      observedSpend: observedSpend, lower: lower, upper: upper, budget: budget)
    guard constraint.isFeasible else {
      throw AllocationError.infeasibleBudget(budget, range: constraint.spendRange)
    }
    let ones = [Double](repeating: 1, count: channels.count)

    let optimization = ascend(
      objective: settings.objective, model: model, draws: draws, settings: settings,
      constraint: constraint)
    let scales = optimization.scales
    // Under CVaR, the mean-optimal plan on the same paths: what the risk-averse plan trades
    // mean revenue against, reported beside it.
    let meanOptimalScales: [Double]? =
      settings.objective == .mean
      ? nil
      : ascend(
        objective: .mean, model: model, draws: draws, settings: settings, constraint: constraint
      ).scales

    let all = AllocationDraws(
      model: model, draws: draws, streams: Array(draws.indices), paths: settings.resolvedPaths,
      seed: settings.seed, threads: settings.threads)
    let current = all.outcomes(scales: ones)
    let optimized = all.outcomes(scales: scales)
    let meanOptimal = meanOptimalScales.map { scales in
      (scales: scales, outcomes: all.outcomes(scales: scales))
    }
    let marginalROI = channels.indices.map { s in
      Self.marginalROI(
        channel: s, at: scales, draws: all, observedSpend: observedSpend)
    }
    return BudgetAllocation(
      channels: channels, window: window,
      windowDates: dates.count == inputs.weeks && !window.isEmpty
        ? (dates[window.lowerBound], dates[window.upperBound - 1]) : nil,
      settings: settings, constraint: constraint,
      scales: scales,
      optimization: optimization,
      optimizationDrawCount: settings.optimizationDrawCount(
        for: settings.objective, of: draws.count),
      current: current,
      optimized: optimized, meanOptimal: meanOptimal, marginalROI: marginalROI,
      warnings: AllocationWarnings.sentences(
        inputs: inputs, window: window, constraint: constraint, scales: scales,
        optimization: optimization))
  }

  /// Projected gradient ascent of `objective` (its `ClimbedObjective` form) over
  /// `constraint`, on an evenly spaced subsample of the draws (draw i D / n for i < n).
  private static func ascend(
    objective kind: AllocationObjective, model: JointModel, draws: [[Double]],
    settings: Settings, constraint: BudgetConstraint
  ) -> ProjectedGradientAscent.Result {
    let ones = [Double](repeating: 1, count: constraint.observedSpend.count)
    let n = settings.optimizationDrawCount(for: kind, of: draws.count)
    let subset = (0..<n).map { $0 * draws.count / n }
    let sample = AllocationDraws(
      model: model, draws: subset.map { draws[$0] }, streams: subset,
      paths: settings.resolvedPaths, seed: settings.seed, threads: settings.threads)
    let baseline = sample.outcomes(scales: ones)
    let climbed = ClimbedObjective(kind, current: baseline.map(\.revenue))
    func objective(_ scales: [Double]) -> Double {
      let net = zip(sample.outcomes(scales: scales), baseline).map {
        $0.revenue - ($0.googleSpend - $1.googleSpend)
      }
      return climbed.value(of: net)
    }
    let reference = abs(objective(ones))
    let normaliser = reference > 0 && reference.isFinite ? reference : 1
    // The ascent runs on spend shares u_s = f_s spend_s / W (W the observed total), where
    // dJ/du_s is each channel's marginal return per unit of currency: in the scale factors
    // themselves a large channel's gradient dwarfs a small one's and the steps zigzag.
    let shares = ShareCoordinates(constraint: constraint)
    let scaled = { (x: [Double]) in objective(shares.scales(x)) / normaliser }
    let result = settings.optimizer.maximize(
      scaled, over: shares.constraint, from: shares.shares(ones))
    guard result.stopReason == .noImprovingStep else {
      return ProjectedGradientAscent.Result(
        scales: shares.scales(result.scales), value: result.value,
        iterations: result.iterations, evaluations: result.evaluations,
        stopReason: result.stopReason)
    }
    // The line search found no improving step along a finite-difference gradient: the
    // objective is not smooth there (`CompassSearch`), so finish without gradients.
    let polished = CompassSearch().maximize(scaled, over: shares.constraint, from: result.scales)
    return ProjectedGradientAscent.Result(
      scales: shares.scales(polished.point), value: polished.value,
      iterations: result.iterations, evaluations: result.evaluations + polished.evaluations,
      stopReason: polished.converged ? .compassSearch : .iterationLimit)
  }

  /// The allocation over `plan`'s weeks after the data of `prepared`, at the posterior
  /// `draws` of a fit of `prepared.model`: the model's inputs are continued by the plan
  /// (`ModelInputs(dataset:plan:settings:)`, as `Forecast` does), so adstock carries the
  /// data's spend into the plan, and the plan's social spend is what the scales multiply
  /// and the default budget. Google in the plan weeks is always simulated from the hurdle
  /// (a Google column in the plan is not used: the allocation moves it).
  public static func compute(
    prepared: PreparedModel, plan: ForecastPlan, draws: [[Double]], settings: Settings
  ) throws -> BudgetAllocation {
    let inputs = ModelInputs(
      dataset: prepared.dataset, plan: plan, settings: prepared.configuration.settings)
    return try compute(
      model: prepared.model.replacingInputs(inputs), draws: draws, settings: settings,
      dates: prepared.dataset.dates + plan.dates)
  }

  /// (N_d(f + h e_s) - N_d(f - h e_s)) / (2 h spend_s) with h = 0.01 (h below f when f < h),
  /// per draw; 0 for a channel that never spends.
  static func marginalROI(
    channel s: Int, at scales: [Double], draws: AllocationDraws, observedSpend: [Double]
  ) -> [Double] {
    guard observedSpend[s] > 0 else { return [Double](repeating: 0, count: draws.count) }
    var up = scales
    var down = scales
    up[s] += 0.01
    down[s] = max(down[s] - 0.01, 0)
    let width = (up[s] - down[s]) * observedSpend[s]
    // The Google baseline G_d(1) cancels in the difference of net revenues.
    return zip(draws.outcomes(scales: up), draws.outcomes(scales: down)).map { high, low in
      ((high.revenue - high.googleSpend) - (low.revenue - low.googleSpend)) / width
    }
  }
}

/// What the ascent climbs: the mean, or for CVaR its smoothed form `SmoothedCVaR` with the
/// softplus width 2% of the standard deviation of the current plan's revenue over the
/// draws (1 when that is 0): wide enough to bridge the gaps between neighbouring tail draws,
/// so the finite-difference gradient does not jump at every swap of ranks, and narrow
/// enough to keep the tail's shape.
struct ClimbedObjective {
  let objective: AllocationObjective
  let smoothed: SmoothedCVaR?

  init(_ objective: AllocationObjective, current: [Double]) {
    self.objective = objective
    guard case .conditionalValueAtRisk(let alpha) = objective else {
      smoothed = nil
      return
    }
    let mean = current.reduce(0, +) / Double(max(current.count, 1))
    let sd = (current.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(current.count, 1)))
      .squareRoot()
    smoothed = SmoothedCVaR(alpha: alpha, width: sd > 0 && sd.isFinite ? 0.02 * sd : 1)
  }

  func value(of draws: [Double]) -> Double {
    smoothed?.value(of: draws) ?? objective.value(of: draws)
  }
}

/// The budget constraint in spend shares u_s = f_s spend_s / W, W = sum_s spend_s (the
/// observed total): sum_s u_s = budget / W, lower_s spend_s / W <= u_s <= upper_s spend_s / W.
/// A channel that never spends has u_s = 0 and keeps the scale nearest 1 within its bounds.
struct ShareCoordinates {
  let original: BudgetConstraint
  let constraint: BudgetConstraint
  let total: Double

  init(constraint original: BudgetConstraint) {
    self.original = original
    let observedTotal = original.observedSpend.reduce(0, +)
    let total = observedTotal > 0 ? observedTotal : 1
    self.total = total
    let weights = original.observedSpend.map { $0 / total }
    constraint = BudgetConstraint(
      observedSpend: weights.map { _ in 1 },
      lower: zip(original.lower, weights).map { $0 * $1 },
      upper: zip(original.upper, weights).map { $0 * $1 }, budget: original.budget / total)
  }

  func shares(_ scales: [Double]) -> [Double] {
    zip(scales, original.observedSpend).map { $0 * $1 / total }
  }

  func scales(_ shares: [Double]) -> [Double] {
    shares.indices.map { s in
      let spend = original.observedSpend[s]
      return spend > 0
        ? min(max(shares[s] * total / spend, original.lower[s]), original.upper[s])
        : min(max(1, original.lower[s]), original.upper[s])
    }
  }
}
