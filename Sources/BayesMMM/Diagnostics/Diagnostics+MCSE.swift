import CGSL

extension Diagnostics {
  /// Monte Carlo standard error of the posterior mean: sd / √ESS_mean, with sd the sample
  /// standard deviation of all draws pooled (n − 1 denominator) and ESS_mean from
  /// ``essMean(_:)`` (ArviZ `mcse(method="mean")`; Vehtari et al. 2021, section 3.2).
  ///
  /// NaN unless there is at least one chain of at least four draws, all chains equal in
  /// length, every draw finite and not all draws equal.
  public static func mcseMean(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws) else { return .nan }
    let effectiveSize = geyerEffectiveSampleSize(splitChains(draws))
    return standardDeviation(draws.flatMap { $0 }) / effectiveSize.squareRoot()
  }

  /// Monte Carlo standard error of the posterior standard deviation, by the delta method
  /// on the mean of the squared deviations c = (x − x̄)² (ArviZ 0.23 `mcse(method="sd")`,
  /// following the R package posterior):
  ///
  ///     Var(σ̂²) ≈ (mean(c²) − mean(c)²) / ESS_mean(c),   MCSE(σ̂) = √(Var(σ̂²) / mean(c) / 4),
  ///
  /// where x̄ and the means run over all draws pooled and ESS_mean(c) is the split-chain ESS
  /// of c. NaN under the same conditions as ``mcseMean(_:)``.
  public static func mcseSD(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws) else { return .nan }
    let pooledMean = mean(draws.flatMap { $0 })
    let squaredDeviations = draws.map { chain in
      chain.map { ($0 - pooledMean) * ($0 - pooledMean) }
    }
    let effectiveSize = geyerEffectiveSampleSize(splitChains(squaredDeviations))
    let pooledSquares = squaredDeviations.flatMap { $0 }
    let meanSquare = mean(pooledSquares)
    let meanFourthPower = mean(pooledSquares.map { $0 * $0 })
    let varianceOfVariance = (meanFourthPower - meanSquare * meanSquare) / effectiveSize
    return (varianceOfVariance / meanSquare / 4).squareRoot()
  }

  /// Monte Carlo standard error of the `probability` quantile (ArviZ
  /// `mcse(method="quantile")`; Vehtari et al. 2021, section 4.4).
  ///
  /// With E the quantile ESS from ``essQuantile(_:probability:)``, the 15.87% and 84.13%
  /// quantiles (±1 sd of a normal) of Beta(E·p + 1, E·(1 − p) + 1) give positions a and b
  /// in the S pooled draws; the MCSE is half the distance between the sorted draws at
  /// ⌊a·S − 1⌋ and ⌈b·S − 1⌉, clamped to the sample.
  ///
  /// NaN for `probability` outside [0, 1] and under the conditions of ``mcseMean(_:)``.
  public static func mcseQuantile(_ draws: [[Double]], probability: Double) -> Double {
    guard isDiagnosable(draws), (0...1).contains(probability) else { return .nan }
    let effectiveSize = indicatorEffectiveSampleSize(draws, probability: probability)
    let sorted = draws.flatMap { $0 }.sorted()
    let count = Double(sorted.count)
    let alpha = effectiveSize * probability + 1
    let beta = effectiveSize * (1 - probability) + 1
    let lowerPosition = betaQuantile(0.1586553, alpha: alpha, beta: beta) * count - 1
    let upperPosition = betaQuantile(0.8413447, alpha: alpha, beta: beta) * count - 1
    // NumPy's nanmax / nanmin: a NaN position falls back to the end of the sample.
    let lowerIndex = lowerPosition.isNaN ? 0 : max(lowerPosition, 0).rounded(.down)
    let upperIndex = upperPosition.isNaN ? count - 1 : min(upperPosition, count - 1).rounded(.up)
    return (sorted[Int(upperIndex)] - sorted[Int(lowerIndex)]) / 2
  }

  /// The `probability` quantile of Beta(alpha, beta), by bisection on GSL's beta CDF until
  /// the bracket cannot shrink further, so to within the CDF's own accuracy.
  ///
  /// GSL's `gsl_cdf_beta_Pinv` is not used: its Newton iteration fails to converge (and
  /// returns NaN) for shapes this function meets, such as Beta(2046, 108.6) at 0.1587.
  /// Bisection is slower, about 60 CDF evaluations for a quantile away from 0, but cannot
  /// fail on a monotone CDF.
  private static func betaQuantile(_ probability: Double, alpha: Double, beta: Double) -> Double {
    guard alpha.isFinite, beta.isFinite, alpha > 0, beta > 0, (0...1).contains(probability)
    else { return .nan }
    GSLRuntime.prepare()
    var lower = 0.0
    var upper = 1.0
    for _ in 0..<1_100 {
      let middle = (lower + upper) / 2
      if middle <= lower || middle >= upper { break }
      let cumulative = gsl_cdf_beta_P(middle, alpha, beta)
      guard !cumulative.isNaN else { return .nan }
      if cumulative < probability { lower = middle } else { upper = middle }
    }
    return (lower + upper) / 2
  }
}
