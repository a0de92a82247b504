extension Diagnostics {
  /// ``essBulk(_:)`` and ``rHat(_:)`` of the same draws, sharing their rank normalisation
  /// of the split chains (one sort and S normal quantiles fewer per column).
  ///
  /// Each value is the one the single function returns, bit for bit: the same steps on the
  /// same arrays, computed once. NaN under the conditions of each function (R-hat also
  /// needs two chains).
  ///
  /// - Complexity: O(S log S) for S draws.
  public static func essBulkAndRHat(_ draws: [[Double]]) -> (essBulk: Double, rHat: Double) {
    guard isDiagnosable(draws) else { return (.nan, .nan) }
    let split = splitChains(draws)
    let rankedSplit = rankNormalized(split)
    let essBulk = geyerEffectiveSampleSize(rankedSplit)
    // rHat's `isDiagnosable(draws, minimumChains: 2)`: the checks above and two chains.
    guard draws.count >= 2 else { return (essBulk, .nan) }
    return (essBulk, rHat(split: split, rankNormalizedSplit: rankedSplit))
  }
}
