/// The Hamiltonian H(q, p) = V(q) + T(p) of a target density under a Euclidean metric, with
/// V = -log p(q) and T(p) = ½ pᵀ M⁻¹ p; it owns the count of gradient evaluations.
///
/// ```swift
/// let hamiltonian = Hamiltonian(target: target, metric: metric)
/// hamiltonian.evaluate(z)                 // fills z.logDensity and z.gradient at z.position
/// let h = hamiltonian.energy(z)           // +inf where log p is NaN or infinite
/// ```
///
/// This is Stan's `diag_e_metric` layer (`EuclideanMetric`, diagonal or diagonal plus low
/// rank): the integrator and tree builder above it only ask for energies, gradients, drifts
/// and sharp momenta.
final class Hamiltonian {
  let target: any LogDensity
  let metric: EuclideanMetric
  /// Number of coordinates d.
  let dimension: Int
  /// Calls to `target.logDensity(at:gradient:)` so far (kept in raw storage: a class `var`
  /// incremented per leapfrog step would pay a dynamic exclusivity check each time).
  var gradientEvaluations: Int { evaluationCount.pointee }
  private let evaluationCount: UnsafeMutablePointer<Int>

  init(target: any LogDensity, metric: EuclideanMetric) {
    precondition(target.dimension == metric.dimension, "metric and target dimensions differ")
    self.target = target
    self.metric = metric
    dimension = target.dimension
    evaluationCount = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    evaluationCount.initialize(to: 0)
  }

  deinit { evaluationCount.deallocate() }

  /// Computes log p and its gradient at `point.position` and stores them in `point`.
  @inline(__always)
  func evaluate(_ point: PhasePoint) {
    evaluationCount.pointee += 1
    point.logDensity = target.logDensity(
      at: UnsafeBufferPointer(start: point.position, count: dimension),
      gradient: UnsafeMutableBufferPointer(start: point.gradient, count: dimension))
  }

  /// H = V(q) + T(p); NaN energies are reported as +inf (Stan's convention), so a point
  /// outside the support always counts as a divergence and never as a proposal.
  @inline(__always)
  func energy(_ point: PhasePoint) -> Double {
    let value = point.potentialEnergy + metric.kineticEnergy(point.momentum)
    return value.isNaN ? .infinity : value
  }
}
