/// A channel's marginal ROI around an optimised allocation: as its scale runs across its
/// bounds with every other channel held at the optimum, the net revenue per extra unit of
/// its spend, per posterior draw (`BudgetAllocation.marginalROI`'s central differences).
/// Where the optimum is interior the curves of the free channels cross at a common value,
/// the budget's shadow price; a curve above the others at its upper bound says that
/// channel's bound binds.
///
/// ```swift
/// let curves = MarginalROICurve.compute(allocation: allocation, model: model, draws: rows)
/// curves[0].scales        // the grid of scale factors, lower ... upper bound
/// curves[0].median        // median marginal ROI at each, currency per currency
/// ```
///
/// - Complexity: O(S K D R T) for S channels, K points, D draws and R paths.
public struct MarginalROICurve: Sendable {
  public let channel: String
  /// The channel's scale factors, an even grid over its bounds, `[K]`.
  public let scales: [Double]
  /// The channel's spend over the window at each scale, currency, `[K]`.
  public let spend: [Double]
  /// Median and central 90% interval of the marginal ROI over the draws, `[K]` each.
  public let median: [Double]
  public let lower90: [Double]
  public let upper90: [Double]
  /// The optimised scale.
  public let optimum: Double

  /// - Parameters:
  ///   - model: the model the allocation was computed on (same inputs).
  ///   - draws: the posterior draws to evaluate on (the report uses a thinned subset).
  ///   - points: grid points per channel, >= 2.
  public static func compute(
    allocation: BudgetAllocation, model: JointModel, draws: [[Double]], points: Int = 9,
    threads: Int = 1
  ) -> [MarginalROICurve] {
    precondition(points >= 2, "at least two grid points")
    let evaluation = AllocationDraws(
      model: model, draws: draws, streams: Array(draws.indices),
      paths: allocation.settings.resolvedPaths, seed: allocation.settings.seed, threads: threads)
    let constraint = allocation.constraint
    return allocation.channels.indices.map { s in
      let lower = constraint.lower[s]
      let upper = constraint.upper[s]
      let grid = (0..<points).map { lower + (upper - lower) * Double($0) / Double(points - 1) }
      let rois = grid.map { scale -> [Double] in
        var scales = allocation.scales
        scales[s] = scale
        return BudgetAllocation.marginalROI(
          channel: s, at: scales, draws: evaluation, observedSpend: constraint.observedSpend)
      }
      return MarginalROICurve(
        channel: allocation.channels[s], scales: grid,
        spend: grid.map { $0 * constraint.observedSpend[s] },
        median: rois.map { Diagnostics.quantile($0, probability: 0.5) },
        lower90: rois.map { Diagnostics.quantile($0, probability: 0.05) },
        upper90: rois.map { Diagnostics.quantile($0, probability: 0.95) },
        optimum: allocation.scales[s])
    }
  }
}
