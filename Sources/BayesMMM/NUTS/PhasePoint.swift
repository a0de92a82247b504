/// A point z = (q, p) of phase space together with the log density and its gradient at q,
/// stored in one contiguous run of 3d + 1 `Double`s: q, p, ∇ log p(q), log p(q).
///
/// ```swift
/// let z = PhasePoint(arena: arena, dimension: d)
/// zSample.assign(from: z)       // one memcpy of 3d + 1 values
/// ```
///
/// A `PhasePoint` is a view (four pointers) into a `VectorArena` owned by the chain's
/// workspace: copying the struct aliases the storage, `assign(from:)` copies the values.
struct PhasePoint {
  /// Number of coordinates d.
  let dimension: Int
  /// Start of the block: the position q (length d).
  let position: UnsafeMutablePointer<Double>
  /// The momentum p (length d).
  let momentum: UnsafeMutablePointer<Double>
  /// ∇_q log p(q) (length d); unspecified where `logDensity` is not finite.
  let gradient: UnsafeMutablePointer<Double>
  private let logDensityCell: UnsafeMutablePointer<Double>

  /// Number of `Double`s one phase point occupies in an arena.
  static func storageCount(dimension: Int) -> Int { 3 * dimension + 1 }

  init(arena: VectorArena, dimension: Int) {
    self.dimension = dimension
    position = arena.vector(Self.storageCount(dimension: dimension))
    momentum = position + dimension
    gradient = position + 2 * dimension
    logDensityCell = position + 3 * dimension
  }

  /// log p(q) up to a constant; non-finite outside the support.
  var logDensity: Double {
    get { logDensityCell.pointee }
    nonmutating set { logDensityCell.pointee = newValue }
  }

  /// The potential energy V(q) = -log p(q), with every non-finite log density (NaN, ±inf)
  /// mapped to V = +inf so that such a point has zero multinomial weight and diverges.
  var potentialEnergy: Double {
    let value = logDensityCell.pointee
    return value.isFinite ? -value : .infinity
  }

  /// Copies q, p, the gradient and the log density of `other` into this point.
  @inline(__always)
  func assign(from other: PhasePoint) {
    position.update(from: other.position, count: Self.storageCount(dimension: dimension))
  }
}
