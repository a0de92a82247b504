/// The inverse metric M⁻¹ of Euclidean HMC, diagonal plus an optional low-rank correction:
///
///     M⁻¹ = S (I + V (Λ - I) Vᵀ) S,    S = diag(sqrt(diagonal_i))
///
/// with V = [v_1 ... v_k] orthonormal (d x k) and Λ = diag(λ_1 ... λ_k), λ_j > 0. With k = 0
/// it is diag(diagonal), Stan's `diag_e`; with k > 0 it is nutpie's low-rank metric
/// (`LowRankMetricEstimate`): the posterior covariance in the diagonally scaled space
/// estimated along the k directions where it differs most from the identity, and the
/// identity elsewhere. Units: coordinate², like a covariance.
///
/// Invariants: every diagonal entry finite and > 0; every λ_j finite and > 0; the directions
/// orthonormal (to rounding), each of length d.
public struct InverseMetric: Sendable, Equatable {
  /// diag(S²), `[d]`.
  public let diagonal: [Double]
  /// v_1 ... v_k, each `[d]`.
  public let directions: [[Double]]
  /// λ_1 ... λ_k.
  public let eigenvalues: [Double]

  public init(diagonal: [Double], directions: [[Double]] = [], eigenvalues: [Double] = []) {
    precondition(directions.count == eigenvalues.count, "one eigenvalue per direction")
    precondition(directions.allSatisfy { $0.count == diagonal.count }, "directions of length d")
    self.diagonal = diagonal
    self.directions = directions
    self.eigenvalues = eigenvalues
  }

  public var dimension: Int { diagonal.count }
  /// k, the number of low-rank directions.
  public var rank: Int { directions.count }

  /// diag(M⁻¹)_i = diagonal_i (1 + sum_j (λ_j - 1) v_j,i²): each coordinate's variance
  /// under the metric, what CmdStan's "Diagonal elements of inverse mass matrix" report.
  public var fullDiagonal: [Double] {
    diagonal.indices.map { i in
      var factor = 1.0
      for (v, lambda) in zip(directions, eigenvalues) { factor += (lambda - 1) * v[i] * v[i] }
      return diagonal[i] * factor
    }
  }
}
