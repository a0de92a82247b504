/// Per-draw sampler statistics of a chain, one array per Stan column (struct of arrays).
///
/// Invariant: all arrays have the same length, the number of kept draws.
public struct SamplerStatistics: Equatable, Sendable {
  /// `lp__`: log density of each draw (unconstrained, with the Jacobian).
  public var logDensity: [Double] = []
  /// `accept_stat__`.
  public var acceptStat: [Double] = []
  /// `stepsize__`.
  public var stepSize: [Double] = []
  /// `treedepth__`.
  public var treeDepth: [Int] = []
  /// `n_leapfrog__`.
  public var leapfrogSteps: [Int] = []
  /// `divergent__`.
  public var divergent: [Bool] = []
  /// `energy__`.
  public var energy: [Double] = []

  public init() {}

  public var count: Int { logDensity.count }

  /// Number of divergent draws.
  public var divergences: Int { divergent.reduce(0) { $0 + ($1 ? 1 : 0) } }

  mutating func reserveCapacity(_ capacity: Int) {
    logDensity.reserveCapacity(capacity)
    acceptStat.reserveCapacity(capacity)
    stepSize.reserveCapacity(capacity)
    treeDepth.reserveCapacity(capacity)
    leapfrogSteps.reserveCapacity(capacity)
    divergent.reserveCapacity(capacity)
    energy.reserveCapacity(capacity)
  }

  mutating func append(_ info: TransitionInfo) {
    logDensity.append(info.logDensity)
    acceptStat.append(info.acceptStat)
    stepSize.append(info.stepSize)
    treeDepth.append(info.treeDepth)
    leapfrogSteps.append(info.leapfrogSteps)
    divergent.append(info.divergent)
    energy.append(info.energy)
  }
}

/// Everything one chain produced.
///
/// ```swift
/// let result = try runChain(target: density, settings: settings, random: rng)
/// let firstDraw = result.position(ofDraw: 0)           // d unconstrained values
/// let meanAccept = result.statistics.acceptStat.reduce(0, +) / Double(result.drawCount)
/// ```
public struct ChainResult: Equatable, Sendable {
  /// 0-based chain index (also the chain's random stream).
  public var chain: Int
  /// Number of unconstrained coordinates d.
  public var dimension: Int
  /// Kept draws' unconstrained positions, row-major: draw k is
  /// `positions[k * dimension ..< (k + 1) * dimension]`; `drawCount * dimension` values.
  public var positions: [Double]
  /// Sampler statistics of the kept draws.
  public var statistics: SamplerStatistics
  /// The initial unconstrained point the chain started from.
  public var initialPosition: [Double]
  /// Warm-up iterations completed (fewer than requested only when cancelled).
  public var warmupIterations: Int
  /// Divergent transitions during warm-up.
  public var warmupDivergences: Int
  /// The step size used for sampling (after adaptation).
  public var stepSize: Double
  /// diag(M⁻¹) used for sampling (after adaptation), length d.
  public var inverseMetric: [Double]
  /// Calls of the log density and its gradient, all phases and searches included.
  public var gradientEvaluations: Int
  /// Wall-clock time of the chain, in seconds.
  public var wallTime: Double
  /// Whether the chain stopped early because its run was cancelled.
  public var wasCancelled: Bool

  /// Number of kept draws.
  public var drawCount: Int { statistics.count }

  /// The unconstrained position of kept draw `draw` (0-based).
  public func position(ofDraw draw: Int) -> ArraySlice<Double> {
    positions[draw * dimension..<(draw + 1) * dimension]
  }

  /// Kept draws whose tree hit `maxDepth` (treedepth__ >= maxDepth).
  public func maxDepthSaturations(maxDepth: Int) -> Int {
    statistics.treeDepth.reduce(0) { $0 + ($1 >= maxDepth ? 1 : 0) }
  }
}
