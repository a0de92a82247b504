/// Pooled constrained posterior draws of the joint model from one NUTS run: what the
/// validation tools summarise.
///
/// ```swift
/// let posterior = try PosteriorSample.fit(model: model, settings: settings, threads: 1)
/// let elasticity = posterior.column(model.layout.priceElasticity)
/// Quantiles.interval(elasticity, level: 0.9)       // central 90% interval
/// ```
public struct PosteriorSample: Sendable {
  public let model: JointModel
  /// Constrained parameters, one array per draw (chains in order, thinned as asked).
  public let draws: [[Double]]
  /// `lp__` of each draw: the log density on the unconstrained space, with the Jacobian.
  public let logDensity: [Double]
  /// Divergent transitions after warm-up, over all chains (thinned-out draws included).
  public let divergences: Int
  /// Divergent transitions during warm-up.
  public let warmupDivergences: Int
  /// Smallest bulk ESS over parameters (NaN when it cannot be computed).
  public let minimumESS: Double
  /// Wall time of the run, in seconds.
  public let wallTime: Double

  /// Runs `settings.chains` chains (seed `settings.seed`) on `threads` threads and keeps
  /// every `thin`-th draw of each chain.
  public static func fit(
    model: JointModel, settings: SamplerSettings, threads: Int, thin: Int = 1
  ) throws(SamplerError) -> PosteriorSample {
    let start = MonotonicClock.seconds()
    let chains = try runChains(
      factory: model, settings: settings, seed: settings.seed, threads: threads)
    let step = max(1, thin)
    var draws: [[Double]] = []
    var logDensity: [Double] = []
    var unconstrained: [[[Double]]] = []
    for chain in chains {
      var chainDraws: [[Double]] = []
      for draw in stride(from: step - 1, to: chain.drawCount, by: step) {
        let position = Array(chain.position(ofDraw: draw))
        chainDraws.append(position)
        draws.append(model.constrain(position))
        logDensity.append(chain.statistics.logDensity[draw])
      }
      unconstrained.append(chainDraws)
    }
    let ess = (0..<model.dimension).map { j in
      Diagnostics.essBulk(unconstrained.map { $0.map { $0[j] } })
    }
    return PosteriorSample(
      model: model, draws: draws, logDensity: logDensity,
      divergences: chains.reduce(0) { $0 + $1.statistics.divergences },
      warmupDivergences: chains.reduce(0) { $0 + $1.warmupDivergences },
      minimumESS: ess.contains { $0.isNaN } ? .nan : ess.min() ?? .nan,
      wallTime: MonotonicClock.seconds() - start)
  }

  /// The draws of parameter `index` (layout order).
  public func column(_ index: Int) -> [Double] { draws.map { $0[index] } }
}
