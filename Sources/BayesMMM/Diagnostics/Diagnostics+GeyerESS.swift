import Foundation

extension Diagnostics {
  /// The effective sample size of M chains of N draws each, taken as given (no splitting or
  /// normalisation), by Geyer's initial positive and initial monotone sequence estimators.
  ///
  /// With γ̄(t) the mean over chains of the chain autocovariances at lag t, W = γ̄(0)·N/(N−1)
  /// the mean within-chain variance and var⁺ = W·(N−1)/N + B/N the pooled variance
  /// estimate (B/N the variance of the chain means, for M > 1), the combined
  /// autocorrelation is ρ̂(t) = 1 − (W − γ̄(t)) / var⁺ (Vehtari et al. 2021, eq. 10).
  /// The sums P̂(k) = ρ̂(2k) + ρ̂(2k+1) are kept while positive (initial positive sequence)
  /// and then made non-increasing (initial monotone sequence, Geyer 1992). Then
  /// τ̂ = −1 + 2 Σ_{t≤K} ρ̂(t) + ρ̂(K+1), where the last term adds the first dropped even
  /// lag when it is positive, which improves the estimate for antithetic chains; τ̂ is
  /// bounded below by 1/log₁₀(MN), so the ESS is at most MN·log₁₀(MN). The result is
  /// MN/τ̂, as ArviZ's `_ess`.
  ///
  /// Values whose range is below 1e-15 (ArviZ's `finfo(float).resolution`) count as
  /// independent, and the ESS is MN: this arises for the quantile indicators of a tail
  /// without draws on one side. Returns NaN when any autocorrelation is NaN.
  ///
  /// - Complexity: O(M·N log N).
  static func geyerEffectiveSampleSize(_ chains: [[Double]]) -> Double {
    let chainCount = chains.count
    guard chainCount > 0, let drawCount = chains.first?.count, drawCount >= 2 else {
      return .nan
    }
    let pooled = chains.flatMap { $0 }
    guard pooled.allSatisfy({ !$0.isNaN }) else { return .nan }
    let totalCount = Double(chainCount * drawCount)
    if let low = pooled.min(), let high = pooled.max(), high - low < 1e-15 {
      return totalCount
    }

    let autocovariances = chains.map(autocovariance)
    let drawCountValue = Double(drawCount)
    func meanAutocovariance(atLag lag: Int) -> Double {
      autocovariances.reduce(0) { $0 + $1[lag] } / Double(chainCount)
    }
    let meanWithinVariance = meanAutocovariance(atLag: 0) * drawCountValue / (drawCountValue - 1)
    var pooledVariance = meanWithinVariance * (drawCountValue - 1) / drawCountValue
    if chainCount > 1 { pooledVariance += variance(chains.map(mean)) }
    func autocorrelation(atLag lag: Int) -> Double {
      1 - (meanWithinVariance - meanAutocovariance(atLag: lag)) / pooledVariance
    }

    var rho = [Double](repeating: 0, count: drawCount)
    var rhoEven = 1.0
    var rhoOdd = autocorrelation(atLag: 1)
    rho[0] = rhoEven
    rho[1] = rhoOdd

    // Initial positive sequence: keep lag pairs while their sum stays positive.
    var lag = 1
    while lag < drawCount - 3, rhoEven + rhoOdd > 0 {
      rhoEven = autocorrelation(atLag: lag + 1)
      rhoOdd = autocorrelation(atLag: lag + 2)
      if rhoEven + rhoOdd >= 0 {
        rho[lag + 1] = rhoEven
        rho[lag + 2] = rhoOdd
      }
      lag += 2
    }
    let lastLag = lag - 2
    // The first dropped even lag still carries information when positive (antithetic
    // chains); ArviZ adds it once, below, without the factor 2.
    if rhoEven > 0 { rho[lastLag + 1] = rhoEven }

    // Initial monotone sequence: no pair sum may exceed the one before it.
    lag = 1
    while lag <= lastLag - 2 {
      let pairSum = rho[lag + 1] + rho[lag + 2]
      let previousPairSum = rho[lag - 1] + rho[lag]
      if pairSum > previousPairSum {
        rho[lag + 1] = previousPairSum / 2
        rho[lag + 2] = rho[lag + 1]
      }
      lag += 2
    }

    guard rho.allSatisfy({ !$0.isNaN }) else { return .nan }
    let positiveSum = rho[0..<(lastLag + 1)].reduce(0, +)
    var tau = -1 + 2 * positiveSum + rho[lastLag + 1]
    tau = max(tau, 1 / log10(totalCount))
    return totalCount / tau
  }
}
