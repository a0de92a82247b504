extension Diagnostics {
  /// Bulk effective sample size: the ESS of the rank-normalised split chains.
  ///
  /// Measures how well the centre of the distribution is explored; it is defined even
  /// when the target has no finite mean or variance (Vehtari et al. 2021, section 4.2;
  /// ArviZ `ess(method="bulk")`). At most S·log₁₀(S) for S split draws.
  ///
  /// NaN unless there is at least one chain of at least four draws, all chains equal in
  /// length, every draw finite and not all draws equal.
  public static func essBulk(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws) else { return .nan }
    return geyerEffectiveSampleSize(rankNormalized(splitChains(draws)))
  }

  /// Tail effective sample size: the smaller of the ESS of the 5% and 95% quantile
  /// indicators, I(x ≤ q₀.₀₅) and I(x ≤ q₀.₉₅), on split chains.
  ///
  /// Measures how well the tails that make the 90% interval are explored (Vehtari et al.
  /// 2021, section 4.3; ArviZ `ess(method="tail")`). NaN under the same conditions as
  /// ``essBulk(_:)``.
  public static func essTail(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws) else { return .nan }
    return essTail(diagnosable: draws, sortedPooled: draws.flatMap { $0 }.sorted())
  }

  /// ``essTail(_:)`` of draws that `isDiagnosable` accepts, given all their draws pooled
  /// and sorted (`draws.flatMap { $0 }.sorted()`), so that a caller that needs the sorted
  /// draws for other statistics sorts them once.
  static func essTail(diagnosable draws: [[Double]], sortedPooled: [Double]) -> Double {
    let lower = indicatorEffectiveSampleSize(draws, probability: 0.05, sortedPooled: sortedPooled)
    let upper = indicatorEffectiveSampleSize(draws, probability: 0.95, sortedPooled: sortedPooled)
    // Python's min(lower, upper): the second only when strictly smaller.
    return upper < lower ? upper : lower
  }

  /// The effective sample size for the `probability` quantile: the ESS of the indicator
  /// I(x ≤ q_p) on split chains, with q_p the type-7 quantile of all draws pooled
  /// (Vehtari et al. 2021, section 4.3; ArviZ `ess(method="quantile")`).
  ///
  /// NaN for `probability` outside [0, 1] and under the conditions of ``essBulk(_:)``.
  public static func essQuantile(_ draws: [[Double]], probability: Double) -> Double {
    guard isDiagnosable(draws), (0...1).contains(probability) else { return .nan }
    return indicatorEffectiveSampleSize(draws, probability: probability)
  }

  /// Effective sample size for the mean: the ESS of the split chains as they are, without
  /// rank normalisation (ArviZ `ess(method="mean")`, Stan's classic split ESS). Assumes a
  /// finite variance; prefer ``essBulk(_:)`` as a convergence check.
  ///
  /// NaN under the same conditions as ``essBulk(_:)``.
  public static func essMean(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws) else { return .nan }
    return geyerEffectiveSampleSize(splitChains(draws))
  }

  /// ESS of I(x ≤ q_p) on split chains, for draws already validated.
  static func indicatorEffectiveSampleSize(_ draws: [[Double]], probability: Double) -> Double {
    indicatorEffectiveSampleSize(
      draws, probability: probability, sortedPooled: draws.flatMap { $0 }.sorted())
  }

  /// The same, given the draws pooled and sorted.
  static func indicatorEffectiveSampleSize(
    _ draws: [[Double]], probability: Double, sortedPooled: [Double]
  ) -> Double {
    let threshold = typeSevenQuantile(sorted: sortedPooled, probability: probability)
    let indicators = draws.map { chain in chain.map { $0 <= threshold ? 1.0 : 0.0 } }
    return geyerEffectiveSampleSize(splitChains(indicators))
  }

  /// The type-7 quantile in the arithmetic of `scipy.stats.mstats.mquantiles(alphap=1,
  /// betap=1)`, which ArviZ uses for the quantile indicators: with a = n·p + 1 − p,
  /// k = ⌊clamp(a, 1, n − 1)⌋ and g = clamp(a − k, 0, 1), it is (1 − g)·x₍ₖ₋₁₎ + g·x₍ₖ₎.
  ///
  /// Mathematically this is ``quantile(_:probability:)``; it is kept separate because a
  /// last-bit difference in the threshold can flip an indicator for a draw that sits on it.
  static func typeSevenQuantile(_ values: [Double], probability: Double) -> Double {
    typeSevenQuantile(sorted: values.sorted(), probability: probability)
  }

  /// ``typeSevenQuantile(_:probability:)`` of values already sorted.
  static func typeSevenQuantile(sorted: [Double], probability: Double) -> Double {
    let count = sorted.count
    guard count > 1 else { return sorted.first ?? .nan }
    let position = Double(count) * probability + (1 - probability)
    let clamped = min(max(position, 1), Double(count - 1))
    let index = Int(clamped.rounded(.down))
    let weight = min(max(position - Double(index), 0), 1)
    return (1 - weight) * sorted[index - 1] + weight * sorted[index]
  }
}
