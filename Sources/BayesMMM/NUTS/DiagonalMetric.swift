/// The diagonal Euclidean metric of HMC: the momentum p ~ N(0, M) with M = diag(m_i), and the
/// kinetic energy T(p) = ½ Σ_i p_i² / m_i.
///
/// ```swift
/// let metric = DiagonalMetric(dimension: 3)          // M = I
/// metric.setInverseMass([0.5, 1, 4])                 // M⁻¹ = diag(0.5, 1, 4)
/// metric.drawMomentum(into: p, using: rng)
/// let t = metric.kineticEnergy(p)
/// ```
///
/// The inverse mass M⁻¹ is what warm-up estimates: its diagonal approximates the posterior
/// variances of the unconstrained coordinates (units: coordinate²).
/// Invariant: every entry of M⁻¹ is finite and > 0.
/// - Complexity: every operation is O(d) and allocation-free.
final class DiagonalMetric {
  /// Number of coordinates d.
  let dimension: Int
  private let arena: VectorArena
  /// diag(M⁻¹), length d.
  let inverseMass: UnsafeMutablePointer<Double>
  /// sqrt(m_i) = 1 / sqrt(M⁻¹_i): the standard deviation of the momentum, length d.
  private let momentumScale: UnsafeMutablePointer<Double>

  /// The unit metric M = I.
  init(dimension: Int) {
    self.dimension = dimension
    arena = VectorArena(capacity: 2 * dimension)
    inverseMass = arena.vector(dimension)
    momentumScale = arena.vector(dimension)
    inverseMass.update(repeating: 1, count: dimension)
    momentumScale.update(repeating: 1, count: dimension)
  }

  /// Replaces diag(M⁻¹); every value must be finite and > 0.
  func setInverseMass(_ values: [Double]) {
    precondition(values.count == dimension, "inverse metric has the wrong length")
    for i in 0..<dimension {
      assert(values[i].isFinite && values[i] > 0, "inverse metric entries must be finite, > 0")
      inverseMass[i] = values[i]
      momentumScale[i] = 1 / values[i].squareRoot()
    }
  }

  /// diag(M⁻¹) as an array (allocates: for results, not the hot path).
  var inverseMassDiagonal: [Double] {
    Array(UnsafeBufferPointer(start: inverseMass, count: dimension))
  }

  /// T(p) = ½ Σ_i M⁻¹_i p_i².
  @inline(__always)
  func kineticEnergy(_ momentum: UnsafeMutablePointer<Double>) -> Double {
    var sum = 0.0
    for i in 0..<dimension { sum += inverseMass[i] * momentum[i] * momentum[i] }
    return 0.5 * sum
  }

  /// The sharp momentum (velocity) p♯ = ∂T/∂p = M⁻¹ p, written into `velocity`.
  @inline(__always)
  func sharpMomentum(
    _ momentum: UnsafeMutablePointer<Double>, into velocity: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<dimension { velocity[i] = inverseMass[i] * momentum[i] }
  }

  /// Draws p ~ N(0, M): p_i = z_i sqrt(m_i), z_i standard normal drawn in coordinate order.
  func drawMomentum(into momentum: UnsafeMutablePointer<Double>, using random: GSLRandom) {
    for i in 0..<dimension { momentum[i] = random.standardNormal() * momentumScale[i] }
  }
}
