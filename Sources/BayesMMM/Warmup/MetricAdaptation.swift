/// How warm-up estimates the inverse metric M⁻¹ at the end of each metric window.
public enum MetricAdaptation: String, Equatable, Sendable, CaseIterable {
  /// Stan's default: the regularised sample variance of the window's draws,
  /// M⁻¹_i = (n / (n + 5)) var_i + 1e-3 (5 / (n + 5)).
  case stanWindowedVariance
  /// nutpie's estimate from draws and gradients (Seyboldt et al.; nuts-rs):
  /// M⁻¹_i = sqrt(var(draws_i) / var(gradients_i)), clamped to [1e-20, 1e20]. It is exact
  /// for Gaussian targets and needs fewer draws than the variance alone. A coordinate whose
  /// draws are constant over the window (ratio 0 or NaN) falls back to 1. It uses Stan's
  /// windows; nutpie's own schedule and its 1/|gradient| initial metric are not implemented.
  case drawsAndGradients
  /// nutpie's low-rank metric (`LowRankMetricEstimate`): the drawsAndGradients diagonal
  /// times I + U (Lambda - I) Uᵀ, with up to 10 directions where the scaled posterior's
  /// covariance (the geometric mean of the draws' covariance and the inverse of the
  /// gradients') has an eigenvalue >= 2 or <= 1/2. Stan's windows.
  case lowRank
}

/// Accumulates one metric window's draws (and gradients) and turns them into M⁻¹.
///
/// ```swift
/// var estimator = MetricEstimator(method: .stanWindowedVariance, dimension: d)
/// estimator.add(position: q, gradient: g)          // once per iteration in the window
/// let inverseMetric = estimator.inverseMetric()     // then `restart()` for the next window
/// ```
struct MetricEstimator {
  let method: MetricAdaptation
  private var draws: WelfordVariance
  private var gradients: WelfordVariance
  /// The window's draws and gradients, n x d row-major (low rank only).
  private var windowDraws: [Double] = []
  private var windowGradients: [Double] = []
  private let dimension: Int

  init(method: MetricAdaptation, dimension: Int) {
    self.method = method
    self.dimension = dimension
    draws = WelfordVariance(dimension: dimension)
    gradients = WelfordVariance(dimension: method == .drawsAndGradients ? dimension : 0)
  }

  /// Number of draws in the current window.
  var count: Int { draws.count }

  mutating func add(
    position: UnsafeMutablePointer<Double>, gradient: UnsafeMutablePointer<Double>
  ) {
    draws.add(position)
    if method == .drawsAndGradients { gradients.add(gradient) }
    if method == .lowRank {
      windowDraws.append(contentsOf: UnsafeBufferPointer(start: position, count: dimension))
      windowGradients.append(contentsOf: UnsafeBufferPointer(start: gradient, count: dimension))
    }
  }

  /// The window's estimate of M⁻¹; every entry finite and > 0.
  func inverseMetric() -> InverseMetric {
    switch method {
    case .stanWindowedVariance:
      // Shrink towards 1e-3 so a short window cannot produce a zero or tiny variance.
      let n = Double(draws.count)
      return InverseMetric(
        diagonal: draws.sampleVariance().map { variance in
          let regularised = (n / (n + 5)) * variance + 1e-3 * (5 / (n + 5))
          return regularised.isFinite && regularised > 0 ? regularised : 1
        })
    case .drawsAndGradients:
      return InverseMetric(
        diagonal: zip(draws.sampleVariance(), gradients.sampleVariance()).map {
          Self.drawsAndGradientsVariance(drawVariance: $0, gradientVariance: $1)
        })
    case .lowRank:
      return LowRankMetricEstimate.inverseMetric(
        draws: windowDraws, gradients: windowGradients, dimension: dimension)
    }
  }

  /// nutpie's diagonal entry sqrt(var(draws) / var(gradients)), clamped to [1e-20, 1e20]; 1
  /// where the draws are constant (ratio 0 or NaN), 1e20 where the gradients are. The two
  /// variances may be sample or population variances alike (the ratio is the same).
  static func drawsAndGradientsVariance(drawVariance: Double, gradientVariance: Double)
    -> Double
  {
    let ratio = (drawVariance / gradientVariance).squareRoot()
    guard ratio.isFinite, ratio > 0 else { return ratio == .infinity ? 1e20 : 1 }
    return min(max(ratio, 1e-20), 1e20)
  }

  mutating func restart() {
    draws.restart()
    gradients.restart()
    windowDraws.removeAll(keepingCapacity: true)
    windowGradients.removeAll(keepingCapacity: true)
  }
}
