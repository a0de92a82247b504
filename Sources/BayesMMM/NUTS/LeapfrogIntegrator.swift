/// The leapfrog (Störmer–Verlet) integrator of Hamilton's equations for a separable
/// Hamiltonian with a Euclidean metric: a half kick, a full drift, a half kick.
///
/// ```swift
/// LeapfrogIntegrator.step(z, stepSize: -0.1, hamiltonian: h)   // one step backwards in time
/// ```
///
/// With ε the signed step size:
///   p ← p + (ε/2) ∇log p(q);   q ← q + ε M⁻¹ p;   (re-evaluate log p and ∇log p at q);
///   p ← p + (ε/2) ∇log p(q).
/// It is symplectic and time reversible, with a global energy error O(ε²) on smooth targets.
/// Where log p(q) is not finite the gradient is unspecified, so p may become NaN: the energy is
/// then +inf and the tree builder reports a divergence.
/// - Complexity: one gradient evaluation and O(d) arithmetic; no allocation.
enum LeapfrogIntegrator {
  @inline(__always)
  static func step(_ point: PhasePoint, stepSize: Double, hamiltonian: Hamiltonian) {
    let dimension = point.dimension
    let halfStep = 0.5 * stepSize
    let position = point.position
    let momentum = point.momentum
    let gradient = point.gradient
    for i in 0..<dimension { momentum[i] += halfStep * gradient[i] }
    hamiltonian.metric.drift(position, momentum: momentum, stepSize: stepSize)
    hamiltonian.evaluate(point)
    for i in 0..<dimension { momentum[i] += halfStep * gradient[i] }
  }
}
