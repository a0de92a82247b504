/// The outcome of `SimulationBasedCalibration.run`: ranks per simulation, and per quantity
/// the rank histogram and its uniformity test at a Bonferroni-corrected level.
public struct SBCResult: Sendable {
  /// Per quantity: its histogram and whether it passes the corrected test.
  public struct Quantity: Sendable {
    public let name: String
    public let histogram: RankHistogram
    /// p >= the per-quantity threshold.
    public let passes: Bool
  }

  public let settings: SBCSettings
  /// Parameter names (layout order), then "lp__".
  public let names: [String]
  public let simulations: [SBCSimulation]
  /// Wall time, in seconds.
  public let wallTime: Double
  public let quantities: [Quantity]

  init(settings: SBCSettings, names: [String], simulations: [SBCSimulation], wallTime: Double) {
    self.settings = settings
    self.names = names
    self.simulations = simulations
    self.wallTime = wallTime
    let fitted = simulations.filter { $0.failure == nil }
    let threshold = settings.familyWiseLevel / Double(max(names.count, 1))
    quantities = names.indices.map { j in
      let histogram = RankHistogram(
        ranks: fitted.map { $0.ranks[j] }, maxRank: settings.rankDraws, bins: settings.bins)
      return Quantity(
        name: names[j], histogram: histogram, passes: !(histogram.pValue < threshold))
    }
  }

  /// The per-quantity p-value threshold: family-wise level / number of quantities.
  public var threshold: Double { settings.familyWiseLevel / Double(max(names.count, 1)) }

  /// Simulations whose fit ran.
  public var fittedCount: Int { simulations.filter { $0.failure == nil }.count }

  /// Fits with at least one divergent transition after warm-up.
  public var fitsWithDivergences: Int { simulations.filter { $0.divergences > 0 }.count }

  /// Divergent transitions after warm-up over all fits.
  public var totalDivergences: Int { simulations.reduce(0) { $0 + $1.divergences } }

  /// Simulations whose sampler failed, with the reason.
  public var failures: [SBCSimulation] { simulations.filter { $0.failure != nil } }

  /// True when every quantity passes and no fit failed.
  public var passes: Bool { failures.isEmpty && quantities.allSatisfy(\.passes) }

  /// Median over fits of the median bulk ESS of the kept draws over parameters (about L
  /// when thinning made them nearly independent).
  public var medianThinnedESS: Double {
    Quantiles.median(simulations.map(\.medianThinnedESS).filter { !$0.isNaN })
  }
}
