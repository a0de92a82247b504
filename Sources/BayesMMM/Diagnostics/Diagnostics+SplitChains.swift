extension Diagnostics {
  /// Splits every chain into its first and second half and returns the 2M half-chains:
  /// first the M first halves in chain order, then the M second halves.
  ///
  /// With N draws per chain each half holds ⌊N/2⌋ draws: the first half is draws
  /// `0..<N/2`, the second the last ⌊N/2⌋ draws. For odd N the middle draw belongs to
  /// neither half, as in ArviZ's `_split_chains` (`ary[:, :half]` stacked on
  /// `ary[:, -half:]`). Splitting lets R-hat and ESS detect a trend within one chain
  /// (Vehtari et al. 2021, section 4.1).
  ///
  /// Returns an empty array when the chains are not all of one length.
  ///
  /// - Complexity: O(M·N).
  public static func splitChains(_ draws: [[Double]]) -> [[Double]] {
    guard isRectangular(draws), let drawCount = draws.first?.count else { return [] }
    let half = drawCount / 2
    let firstHalves = draws.map { Array($0[0..<half]) }
    let secondHalves = draws.map { Array($0[(drawCount - half)..<drawCount]) }
    return firstHalves + secondHalves
  }
}
