#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Euclidean metric of HMC: the momentum p ~ N(0, M) and the kinetic energy
/// T(p) = ½ pᵀ M⁻¹ p, for M⁻¹ diagonal or diagonal plus low rank (`InverseMetric`).
///
/// ```swift
/// let metric = EuclideanMetric(dimension: 3)          // M = I
/// metric.setInverseMass([0.5, 1, 4])                  // M⁻¹ = diag(0.5, 1, 4)
/// metric.set(InverseMetric(diagonal: d, directions: [v], eigenvalues: [9]))
/// metric.drawMomentum(into: p, using: rng)
/// let t = metric.kineticEnergy(p)
/// ```
///
/// With M⁻¹ = S (I + V (Λ - I) Vᵀ) S and a = S p, c = Vᵀ a:
///   M⁻¹ p = S (a + V ((Λ - I) c)),   T(p) = ½ (|a|² + sum_j (λ_j - 1) c_j²),
///   p = S⁻¹ (z + V ((Λ^-½ - I) Vᵀ z)) with z ~ N(0, I) has covariance
///   S⁻¹ (I + V (Λ⁻¹ - I) Vᵀ) S⁻¹ = M.
/// With no low-rank part every operation is the diagonal one, M⁻¹_i p_i, exactly as before
/// the low-rank option existed (the same floating-point operations, so diagonal runs keep
/// their bytes).
///
/// Invariant: as `InverseMetric`'s. - Complexity: O(d) diagonal, O(d k) with rank k; no
/// allocation after `set`.
final class EuclideanMetric {
  /// Number of coordinates d.
  let dimension: Int
  private let arena: VectorArena
  /// diag(S²), length d: the whole M⁻¹ when `rank` is 0.
  let inverseMass: UnsafeMutablePointer<Double>
  /// 1 / sqrt(diag(S²)): the momentum's standard deviation in the diagonal case, length d.
  private let momentumScale: UnsafeMutablePointer<Double>
  /// sqrt(diag(S²)), length d.
  private let scale: UnsafeMutablePointer<Double>
  /// Scratch of length d for the low-rank products (kinetic energy, drift).
  private let scratch: UnsafeMutablePointer<Double>
  private let velocity: UnsafeMutablePointer<Double>
  /// The low-rank part: directions (k x d, row-major), λ_j - 1 and λ_j^-½ - 1.
  private var directions: [Double] = []
  private var eigenvalueExcess: [Double] = []
  private var draftFactor: [Double] = []
  private var projections: [Double] = []
  /// k, the number of low-rank directions (0: diagonal).
  private(set) var rank = 0
  private(set) var current: InverseMetric

  /// The unit metric M = I.
  init(dimension: Int) {
    self.dimension = dimension
    arena = VectorArena(capacity: 5 * dimension)
    inverseMass = arena.vector(dimension)
    momentumScale = arena.vector(dimension)
    scale = arena.vector(dimension)
    scratch = arena.vector(dimension)
    velocity = arena.vector(dimension)
    inverseMass.update(repeating: 1, count: dimension)
    momentumScale.update(repeating: 1, count: dimension)
    scale.update(repeating: 1, count: dimension)
    current = InverseMetric(diagonal: [Double](repeating: 1, count: dimension))
  }

  /// Replaces M⁻¹ by diag(values); every value must be finite and > 0.
  func setInverseMass(_ values: [Double]) {
    set(InverseMetric(diagonal: values))
  }

  /// Replaces M⁻¹.
  func set(_ metric: InverseMetric) {
    precondition(metric.dimension == dimension, "inverse metric has the wrong length")
    let values = metric.diagonal
    for i in 0..<dimension {
      assert(values[i].isFinite && values[i] > 0, "inverse metric entries must be finite, > 0")
      inverseMass[i] = values[i]
      momentumScale[i] = 1 / values[i].squareRoot()
      scale[i] = values[i].squareRoot()
    }
    assert(metric.eigenvalues.allSatisfy { $0.isFinite && $0 > 0 }, "eigenvalues finite, > 0")
    rank = metric.rank
    directions = metric.directions.flatMap { $0 }
    eigenvalueExcess = metric.eigenvalues.map { $0 - 1 }
    draftFactor = metric.eigenvalues.map { 1 / $0.squareRoot() - 1 }
    projections = [Double](repeating: 0, count: rank)
    current = metric
  }

  /// diag(M⁻¹) as an array (allocates: for results, not the hot path).
  var inverseMassDiagonal: [Double] { current.fullDiagonal }

  /// T(p) = ½ pᵀ M⁻¹ p.
  @inline(__always)
  func kineticEnergy(_ momentum: UnsafeMutablePointer<Double>) -> Double {
    var sum = 0.0
    guard rank > 0 else {
      for i in 0..<dimension { sum += inverseMass[i] * momentum[i] * momentum[i] }
      return 0.5 * sum
    }
    for i in 0..<dimension {
      scratch[i] = scale[i] * momentum[i]
      sum += scratch[i] * scratch[i]
    }
    for j in 0..<rank {
      let c = project(scratch, onto: j)
      sum += eigenvalueExcess[j] * c * c
    }
    return 0.5 * sum
  }

  /// The sharp momentum (velocity) p♯ = ∂T/∂p = M⁻¹ p, written into `velocity` (which may
  /// not be `momentum`).
  @inline(__always)
  func sharpMomentum(
    _ momentum: UnsafeMutablePointer<Double>, into velocity: UnsafeMutablePointer<Double>
  ) {
    guard rank > 0 else {
      for i in 0..<dimension { velocity[i] = inverseMass[i] * momentum[i] }
      return
    }
    for i in 0..<dimension { velocity[i] = scale[i] * momentum[i] }
    for j in 0..<rank { projections[j] = eigenvalueExcess[j] * project(velocity, onto: j) }
    addDirections(projections, to: velocity)
    for i in 0..<dimension { velocity[i] *= scale[i] }
  }

  /// The leapfrog's drift q ← q + ε M⁻¹ p.
  @inline(__always)
  func drift(
    _ position: UnsafeMutablePointer<Double>, momentum: UnsafeMutablePointer<Double>,
    stepSize: Double
  ) {
    guard rank > 0 else {
      for i in 0..<dimension { position[i] += stepSize * inverseMass[i] * momentum[i] }
      return
    }
    sharpMomentum(momentum, into: velocity)
    for i in 0..<dimension { position[i] += stepSize * velocity[i] }
  }

  /// Draws p ~ N(0, M): z_i standard normal drawn in coordinate order, then
  /// p_i = z_i sqrt(m_i) (diagonal), or p = S⁻¹ (z + V ((Λ^-½ - I) Vᵀ z)).
  func drawMomentum(into momentum: UnsafeMutablePointer<Double>, using random: GSLRandom) {
    guard rank > 0 else {
      for i in 0..<dimension { momentum[i] = random.standardNormal() * momentumScale[i] }
      return
    }
    for i in 0..<dimension { momentum[i] = random.standardNormal() }
    for j in 0..<rank { projections[j] = draftFactor[j] * project(momentum, onto: j) }
    addDirections(projections, to: momentum)
    for i in 0..<dimension { momentum[i] *= momentumScale[i] }
  }

  /// v_jᵀ x.
  @inline(__always)
  private func project(_ x: UnsafeMutablePointer<Double>, onto j: Int) -> Double {
    var sum = 0.0
    directions.withUnsafeBufferPointer { v in
      let row = j * dimension
      for i in 0..<dimension { sum += v[row + i] * x[i] }
    }
    return sum
  }

  /// x += sum_j coefficients_j v_j.
  @inline(__always)
  private func addDirections(_ coefficients: [Double], to x: UnsafeMutablePointer<Double>) {
    directions.withUnsafeBufferPointer { v in
      for j in 0..<rank {
        let row = j * dimension
        let c = coefficients[j]
        for i in 0..<dimension { x[i] += c * v[row + i] }
      }
    }
  }
}
