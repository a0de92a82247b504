extension Diagnostics {
  /// Rank-normalised split R-hat: the larger of the bulk R-hat (split R-hat of the
  /// rank-normalised draws) and the tail R-hat (split R-hat of the rank-normalised draws
  /// folded about their median, |x − median|).
  ///
  /// The statistic recommended by Vehtari et al. (2021, section 4.2) and computed by ArviZ
  /// `rhat(method="rank")`; values above 1.01 signal chains that have not mixed. Ranking
  /// makes it defined for heavy tails, folding makes it see chains that differ in scale
  /// only.
  ///
  /// NaN unless there are at least two chains of at least four draws, all equal in length,
  /// every draw finite and not all draws equal.
  ///
  /// - Complexity: O(S log S) for S draws.
  public static func rHat(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws, minimumChains: 2) else { return .nan }
    let split = splitChains(draws)
    return rHat(split: split, rankNormalizedSplit: rankNormalized(split))
  }

  /// ``rHat(_:)`` from the split chains and their rank normalisation (for a caller that
  /// also needs the latter): the larger of the bulk R-hat and that of the folded draws
  /// |x - median|.
  static func rHat(split: [[Double]], rankNormalizedSplit: [[Double]]) -> Double {
    let bulk = potentialScaleReduction(rankNormalizedSplit)
    let center = median(split.flatMap { $0 })
    let folded = split.map { chain in chain.map { abs($0 - center) } }
    let tail = potentialScaleReduction(rankNormalized(folded))
    // Python's max(bulk, tail): the second only when strictly larger.
    return tail > bulk ? tail : bulk
  }

  /// Split R-hat of the draws as they are (ArviZ `rhat(method="split")`, Gelman et al. BDA3
  /// eq. 11.4 on split chains). Assumes a finite variance; prefer ``rHat(_:)``.
  ///
  /// NaN under the same conditions as ``rHat(_:)``.
  public static func splitRHat(_ draws: [[Double]]) -> Double {
    guard isDiagnosable(draws, minimumChains: 2) else { return .nan }
    return potentialScaleReduction(splitChains(draws))
  }

  /// The potential scale reduction factor √((B/W + N − 1) / N) of M chains of N draws,
  /// with B = N · Var(chain means) and W the mean within-chain variance, both with
  /// denominators M − 1 and N − 1. NaN when W is zero (a constant series).
  static func potentialScaleReduction(_ chains: [[Double]]) -> Double {
    guard let drawCount = chains.first?.count, drawCount >= 2, chains.count >= 2 else {
      return .nan
    }
    let samples = Double(drawCount)
    let betweenChain = samples * variance(chains.map(mean))
    let withinChain = mean(chains.map(variance))
    guard withinChain > 0 else { return .nan }
    return ((betweenChain / withinChain + samples - 1) / samples).squareRoot()
  }
}
