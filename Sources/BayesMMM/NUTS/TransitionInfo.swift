/// What one NUTS transition reports: Stan's sampler parameters plus the log density.
///
/// Column names in Stan's CSV are given with each field. Divergence is data here: a
/// divergent transition is a normal return with `divergent == true`.
public struct TransitionInfo: Equatable, Sendable {
  /// `lp__`: log p(q) of the selected state (unconstrained space, Jacobian included).
  public var logDensity: Double
  /// `accept_stat__`: mean over every leapfrog step of the trajectory (including steps of
  /// rejected subtrees) of min(1, exp(H0 - H)); in [0, 1].
  public var acceptStat: Double
  /// `stepsize__`: the leapfrog step size ε used (unconstrained units).
  public var stepSize: Double
  /// `treedepth__`: number of successful trajectory doublings, 0 ... maxDepth.
  public var treeDepth: Int
  /// `n_leapfrog__`: leapfrog steps taken, including those of a rejected last subtree.
  public var leapfrogSteps: Int
  /// `divergent__`: whether some leapfrog step had H - H0 above the divergence threshold.
  public var divergent: Bool
  /// `energy__`: H(q, p) of the selected state with its momentum.
  public var energy: Double

  public init(
    logDensity: Double, acceptStat: Double, stepSize: Double, treeDepth: Int,
    leapfrogSteps: Int, divergent: Bool, energy: Double
  ) {
    self.logDensity = logDensity
    self.acceptStat = acceptStat
    self.stepSize = stepSize
    self.treeDepth = treeDepth
    self.leapfrogSteps = leapfrogSteps
    self.divergent = divergent
    self.energy = energy
  }
}
