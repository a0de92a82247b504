/// The generalised no-U-turn criterion (Betancourt 2017, §A.4.2) on sharp momenta, as Stan's
/// `base_nuts::compute_criterion`: a trajectory with summed momentum ρ = Σ p and sharp
/// momenta p♯₋, p♯₊ = M⁻¹p at its two ends keeps extending while both
///
///     p♯₋ · ρ > 0   and   p♯₊ · ρ > 0.
///
/// The test is symmetric in the two ends, so it does not matter in which direction of time a
/// subtree was built. A NaN product fails the test (the comparison is false).
///
/// ```swift
/// if !NoUTurnCriterion.continues(pSharpMinus, pSharpPlus, rho, count: d) { /* U-turn */ }
/// ```
enum NoUTurnCriterion {
  @inline(__always)
  static func continues(
    _ pSharpMinus: UnsafeMutablePointer<Double>,
    _ pSharpPlus: UnsafeMutablePointer<Double>,
    _ rho: UnsafeMutablePointer<Double>,
    count: Int
  ) -> Bool {
    VectorMath.dot(pSharpPlus, rho, count: count) > 0
      && VectorMath.dot(pSharpMinus, rho, count: count) > 0
  }

  /// The three checks Stan makes when two adjacent trajectories `first` and `second` (in
  /// order of time) are merged:
  ///
  /// 1. across the merged trajectory: ends p♯(first.start), p♯(second.end), ρ = `mergedRho`;
  /// 2. `first` extended by the first state of `second`: ρ_first + p(second.start);
  /// 3. `second` extended by the last state of `first`: ρ_second + p(first.end).
  ///
  /// The extra checks 2 and 3 catch U-turns that straddle the seam between the two halves,
  /// which check 1 alone misses on e.g. strongly correlated Gaussians.
  ///
  /// - Parameter scratch: a length-d buffer this function overwrites.
  @inline(__always)
  static func mergedContinues(
    first: SubtreeEnds, second: SubtreeEnds,
    mergedRho: UnsafeMutablePointer<Double>,
    scratch: UnsafeMutablePointer<Double>,
    count: Int
  ) -> Bool {
    var persists = continues(first.pSharpStart, second.pSharpEnd, mergedRho, count: count)
    VectorMath.sum(first.rho, second.pStart, into: scratch, count: count)
    persists = persists && continues(first.pSharpStart, second.pSharpStart, scratch, count: count)
    VectorMath.sum(second.rho, first.pEnd, into: scratch, count: count)
    persists = persists && continues(first.pSharpEnd, second.pSharpEnd, scratch, count: count)
    return persists
  }
}

/// Views of what the U-turn checks need from one (sub)trajectory, in order of time:
/// the summed momentum and the momentum and sharp momentum at its first and last states.
struct SubtreeEnds {
  let rho: UnsafeMutablePointer<Double>
  let pStart: UnsafeMutablePointer<Double>
  let pSharpStart: UnsafeMutablePointer<Double>
  let pEnd: UnsafeMutablePointer<Double>
  let pSharpEnd: UnsafeMutablePointer<Double>
}
