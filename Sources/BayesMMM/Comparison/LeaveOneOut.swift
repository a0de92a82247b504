#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// PSIS-LOO (Vehtari, Gelman and Gabry 2017) from a pointwise log likelihood, with ArviZ's
/// `az.loo` definitions (log scale):
///
///     elpd_i  = log sum_s w_i,s p(y_i | theta_s)   (w: PSIS weights of 1 / p(y_i | theta_s))
///     elpd    = sum_i elpd_i,   se = sqrt(n var(elpd_i))   (variance with divisor n)
///     p_loo   = sum_i log mean_s p(y_i | theta_s) - elpd,   looic = -2 elpd
///
/// ```swift
/// let loo = LeaveOneOut(logLikelihood: perWeek, relativeEfficiency: 0.8)
/// loo.elpd; loo.paretoK[12]; loo.counts.bad
/// ```
public struct LeaveOneOut: Sendable, Equatable {
  /// Expected log pointwise predictive density, its standard error, the effective number of
  /// parameters and the LOO information criterion (-2 elpd).
  public let elpd: Double
  public let standardError: Double
  public let effectiveParameters: Double
  public var informationCriterion: Double { -2 * elpd }
  /// elpd_i and the Pareto k of each observation, in input order.
  public let pointwise: [Double]
  public let paretoK: [Double]
  /// The k above which an observation's estimate is unreliable: min(1 - 1 / log10 S, 0.7).
  public let goodKThreshold: Double
  /// Draws S per observation.
  public let draws: Int

  /// Observations by ArviZ's Pareto-k bins: good (k <= threshold), bad (threshold < k <=
  /// 1), very bad (k > 1).
  public var counts: (good: Int, bad: Int, veryBad: Int) {
    var counts = (good: 0, bad: 0, veryBad: 0)
    for k in paretoK {
      if k <= goodKThreshold {
        counts.good += 1
      } else if k <= 1 {
        counts.bad += 1
      } else {
        counts.veryBad += 1
      }
    }
    return counts
  }

  /// - Parameters:
  ///   - logLikelihood: `[n][S]`, observation i's log likelihood at each pooled draw.
  ///   - relativeEfficiency: r_eff in (0, 1] (`relativeEfficiency(of:)`); 1 for
  ///     independent draws.
  public init(logLikelihood: [[Double]], relativeEfficiency: Double) {
    let draws = logLikelihood.first?.count ?? 0
    var pointwise: [Double] = []
    var shapes: [Double] = []
    var lppd = 0.0
    for values in logLikelihood {
      let smoothed = ParetoSmoothedImportanceSampling.smooth(
        logRatios: values.map { -$0 }, relativeEfficiency: relativeEfficiency)
      let weighted = zip(smoothed.logWeights, values).map { $0 + $1 }
      pointwise.append(ParetoSmoothedImportanceSampling.logSumExp(weighted))
      shapes.append(smoothed.shape)
      lppd += ParetoSmoothedImportanceSampling.logSumExp(values) - log(Double(draws))
    }
    let n = Double(pointwise.count)
    let elpd = pointwise.reduce(0, +)
    let mean = elpd / n
    let variance = pointwise.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    self.elpd = elpd
    standardError = (n * variance).squareRoot()
    effectiveParameters = lppd - elpd
    self.pointwise = pointwise
    paretoK = shapes
    goodKThreshold = min(1 - 1 / log10(Double(draws)), 0.7)
    self.draws = draws
  }

  /// ArviZ's r_eff for `az.loo`: the mean over `parameters` (each `[chains][draws]`) of the
  /// split-chain ESS of the mean, divided by the pooled draw count; 1 for a single chain.
  public static func relativeEfficiency(of parameters: [[[Double]]]) -> Double {
    guard let first = parameters.first, first.count > 1 else { return 1 }
    let total = Double(first.reduce(0) { $0 + $1.count })
    let ess = parameters.map { Diagnostics.essMean($0) }
    return ess.reduce(0, +) / Double(ess.count) / total
  }

  public static func == (lhs: LeaveOneOut, rhs: LeaveOneOut) -> Bool {
    lhs.pointwise == rhs.pointwise && lhs.paretoK == rhs.paretoK && lhs.draws == rhs.draws
  }
}
