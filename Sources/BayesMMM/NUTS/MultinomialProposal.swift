import Foundation

/// Multinomial sampling of a NUTS proposal with weights w(z) = exp(H0 - H(z)) kept in log
/// space (Betancourt 2017, §A.3), as Stan's `base_nuts`:
///
/// - inside a subtree, *uniform* progressive sampling: when the new half with log weight
///   `logWeightNew` joins the old half (`logWeightOld`), the new half's proposal wins with
///   probability w_new / (w_old + w_new);
/// - at the top level, *biased* progressive sampling: a freshly built subtree's proposal
///   replaces the current sample with probability min(1, w_subtree / w_trajectory), which
///   favours states far from the start and so lowers autocorrelation.
///
/// Every function is pure except for the one uniform draw it may make.
enum MultinomialProposal {
  /// log(exp(a) + exp(b)) without overflow; -inf is the identity, so empty weights compose.
  @inline(__always)
  static func logSumExp(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    let larger = Swift.max(a, b)
    return larger + log1p(exp(-abs(a - b)))
  }

  /// Uniform progressive sampling within a subtree: true when the new half's proposal should
  /// replace the old half's. Draws one uniform only when the new half is not certain to win.
  @inline(__always)
  static func newHalfWins(
    logWeightNew: Double, logWeightMerged: Double, random: GSLRandom
  ) -> Bool {
    if logWeightNew > logWeightMerged { return true }
    return random.uniform() < exp(logWeightNew - logWeightMerged)
  }

  /// Biased progressive sampling at the top level: true when the new subtree's proposal
  /// should replace the current sample. Draws one uniform only when w_subtree < w_trajectory.
  @inline(__always)
  static func subtreeReplacesSample(
    logWeightSubtree: Double, logWeightTrajectory: Double, random: GSLRandom
  ) -> Bool {
    if logWeightSubtree > logWeightTrajectory { return true }
    return random.uniform() < exp(logWeightSubtree - logWeightTrajectory)
  }
}
