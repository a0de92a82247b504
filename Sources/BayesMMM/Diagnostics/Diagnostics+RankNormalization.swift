extension Diagnostics {
  /// Fractional ranks of `values`, 1-based, with tied values sharing the average of the
  /// ranks they occupy (`scipy.stats.rankdata(method="average")`).
  ///
  /// For example `[10, 30, 20, 30]` has ranks `[1, 3.5, 2, 3.5]`. NaN compares as
  /// unordered, so callers pass finite values only.
  ///
  /// - Complexity: O(n log n).
  public static func fractionalRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] {
        end += 1
      }
      // Sorted positions start...end (0-based) hold ranks start+1...end+1; their mean.
      let averageRank = Double(start + end + 2) / 2
      for position in start...end { ranks[order[position]] = averageRank }
      start = end + 1
    }
    return ranks
  }

  /// Rank-normalised draws: the fractional ranks of all S draws pooled over chains, mapped
  /// to standard-normal scores z = Φ⁻¹((r − 3/8) / (S + 1/4)), in the shape of the input.
  ///
  /// The offsets are Blom's (1958) and the transform is that of Vehtari et al. (2021,
  /// section 4.2), as ArviZ's `_z_scale`. The scores depend on the draws only through their
  /// order, which makes R-hat and bulk ESS defined for heavy-tailed targets without a
  /// finite mean or variance.
  ///
  /// Returns an empty array when the chains are not all of one length, and NaN scores when
  /// any draw is not finite.
  ///
  /// - Complexity: O(S log S).
  public static func rankNormalized(_ draws: [[Double]]) -> [[Double]] {
    guard isRectangular(draws) else { return [] }
    let pooled = draws.flatMap { $0 }
    guard pooled.allSatisfy(\.isFinite) else { return draws.map { $0.map { _ in .nan } } }
    let ranks = fractionalRanks(pooled)
    let blomOffset = 3.0 / 8.0
    let denominator = Double(pooled.count) - 2 * blomOffset + 1
    let scores = ranks.map { GSLSpecial.normalQuantile(($0 - blomOffset) / denominator) }
    let drawCount = draws.first?.count ?? 0
    return draws.indices.map { chain in
      Array(scores[(chain * drawCount)..<((chain + 1) * drawCount)])
    }
  }
}
