/// Budget allocation over the observed window (MODEL.md 10, Meridian's default): scale
/// each social channel's weekly spend path by f_s within its bounds so that the total social
/// spend equals the budget, maximising an objective over the posterior draws of net revenue.
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
/// Algorithm: the objective is maximised by `ProjectedGradientAscent` over
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
    /// Mediator paths per draw.
    public var paths = 4
    /// Seed of the mediator paths (`RandomStreams.optimize`).
    public var seed: UInt64
    /// Posterior draws the optimiser works on (all draws when there are fewer).
    public var optimizationDraws = 200
    public var threads = 1
    public var optimizer = ProjectedGradientAscent()

    public init(seed: UInt64) { self.seed = seed }
  }

  public let channels: [String]
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
  /// N_d(f) - N_d(1), currency, `[D]`.
  public var uplift: [Double] {
    zip(optimizedNetRevenue, currentNetRevenue).map { $0 - $1 }
  }

  public static func compute(model: JointModel, draws: [[Double]], settings: Settings) throws
    -> BudgetAllocation
  {
    precondition(!draws.isEmpty, "at least one posterior draw")
    let inputs = model.inputs
    let channels = inputs.socialNames
    let observedSpend = inputs.socialSpendCurrency.map { $0.reduce(0, +) }
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

    let n = min(settings.optimizationDraws, draws.count)
    let subset = (0..<n).map { $0 * draws.count / n }
    let sample = AllocationDraws(
      model: model, draws: subset.map { draws[$0] }, streams: subset, paths: settings.paths,
      seed: settings.seed, threads: settings.threads)
    let baseline = sample.outcomes(scales: ones)
    func objective(_ scales: [Double]) -> Double {
      let net = zip(sample.outcomes(scales: scales), baseline).map {
        $0.revenue - ($0.googleSpend - $1.googleSpend)
      }
      return settings.objective.value(of: net)
    }
    let reference = abs(objective(ones))
    let normaliser = reference > 0 && reference.isFinite ? reference : 1
    // The ascent runs on spend shares u_s = f_s spend_s / W (W the observed total), where
    // dJ/du_s is each channel's marginal return per unit of currency: in the scale factors
    // themselves a large channel's gradient dwarfs a small one's and the steps zigzag.
    let shares = ShareCoordinates(constraint: constraint)
    let shareResult = settings.optimizer.maximize(
      { objective(shares.scales($0)) / normaliser }, over: shares.constraint,
      from: shares.shares(ones))
    let optimization = ProjectedGradientAscent.Result(
      scales: shares.scales(shareResult.scales), value: shareResult.value,
      iterations: shareResult.iterations, evaluations: shareResult.evaluations,
      stopReason: shareResult.stopReason)
    let scales = optimization.scales

    let all = AllocationDraws(
      model: model, draws: draws, streams: Array(draws.indices), paths: settings.paths,
      seed: settings.seed, threads: settings.threads)
    let current = all.outcomes(scales: ones)
    let optimized = all.outcomes(scales: scales)
    let marginalROI = channels.indices.map { s in
      Self.marginalROI(
        channel: s, at: scales, draws: all, current: current, observedSpend: observedSpend)
    }
    return BudgetAllocation(
      channels: channels, settings: settings, constraint: constraint, scales: scales,
      optimization: optimization, optimizationDrawCount: n, current: current,
      optimized: optimized, marginalROI: marginalROI,
      warnings: AllocationWarnings.sentences(
        inputs: inputs, constraint: constraint, scales: scales, optimization: optimization))
  }

  /// (N_d(f + h e_s) - N_d(f - h e_s)) / (2 h spend_s) with h = 0.01 (h below f when f < h),
  /// per draw; 0 for a channel that never spends.
  static func marginalROI(
    channel s: Int, at scales: [Double], draws: AllocationDraws,
    current: [AllocationDraws.Outcome], observedSpend: [Double]
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
