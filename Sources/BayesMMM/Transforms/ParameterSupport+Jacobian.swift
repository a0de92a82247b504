#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ParameterSupport {
  /// The constraining map with everything the log density on the unconstrained space
  /// needs, in one pass.
  ///
  /// For x = f(u) (see the type's table) returns
  /// - `value`: x = f(u);
  /// - `derivative`: dx/du (negative for `upperBounded`);
  /// - `logJacobian`: log |dx/du|, the term added to the log density so that the sampler
  ///   targets the density of u;
  /// - `logJacobianDerivative`: d log |dx/du| / du.
  ///
  /// By support, as (dx/du; log |dx/du|; its derivative):
  /// - `real`: 1; 0; 0.
  /// - `positive`, `lowerBounded(lo)`: exp(u); u; 1.
  /// - `upperBounded(hi)`: −exp(u); u; 1.
  /// - `unitInterval`: σ(u) σ(−u); −|u| − 2 log1p(e); 1 − 2σ(u).
  /// - `interval(lo, hi)`: (hi − lo) σ(u) σ(−u); log(hi − lo) − |u| − 2 log1p(e); 1 − 2σ(u).
  ///
  /// where σ(u) = 1 / (1 + exp(−u)) and e = exp(−|u|).
  ///
  /// Numerical stability: the logistic function σ is evaluated through e = exp(−|u|) in
  /// (0, 1], so nothing overflows; log σ(u) σ(−u) is formed from |u| and log1p(e) instead of
  /// the log of a product that underflows. All four outputs are finite for |u| ≤ 700 (the
  /// exponential maps overflow past u ≈ 709.78, as exp does). 1 − 2σ(u) is formed as
  /// σ(−u) − σ(u), accurate to ~1e-16 absolute.
  ///
  /// - Complexity: O(1), at most one `exp` and one `log1p`; no allocation (hot path).
  @inline(__always)
  public func constrainWithJacobian(_ u: Double) -> (
    value: Double, derivative: Double, logJacobian: Double, logJacobianDerivative: Double
  ) {
    assertValidBounds()
    switch self {
    case .real:
      return (u, 1, 0, 0)
    case .positive:
      let e = exp(u)
      return (e, e, u, 1)
    case .lowerBounded(let lower):
      let e = exp(u)
      return (lower + e, e, u, 1)
    case .upperBounded(let upper):
      let e = exp(u)
      return (upper - e, -e, u, 1)
    case .unitInterval:
      let logistic = StableLogistic(u)
      return (
        logistic.value, logistic.derivative, logistic.logDerivative,
        logistic.logDerivativeSlope
      )
    case .interval(let lower, let upper):
      let width = upper - lower
      let logistic = StableLogistic(u)
      // Start from the nearer bound so values close to `upper` keep relative accuracy.
      let value = u > 0 ? upper - width * logistic.complement : lower + width * logistic.value
      return (
        value, width * logistic.derivative, log(width) + logistic.logDerivative,
        logistic.logDerivativeSlope
      )
    }
  }
}

/// σ(u) = 1 / (1 + exp(−u)) and the pieces of its Jacobian, evaluated without overflow.
///
/// With e = exp(−|u|) ∈ (0, 1]: σ(|u|) = 1 / (1 + e) and σ(−|u|) = e / (1 + e), both with
/// full relative accuracy, whatever the size of u.
struct StableLogistic {
  /// σ(u).
  let value: Double
  /// σ(−u) = 1 − σ(u), accurate even when σ(u) rounds to 1.
  let complement: Double
  /// dσ/du = σ(u) σ(−u).
  let derivative: Double
  /// log σ(u) σ(−u) = −|u| − 2 log1p(exp(−|u|)).
  let logDerivative: Double
  /// d/du log σ(u) σ(−u) = σ(−u) − σ(u).
  let logDerivativeSlope: Double

  @inline(__always)
  init(_ u: Double) {
    let magnitude = abs(u)
    let e = exp(-magnitude)
    let onePlus = 1 + e
    let large = 1 / onePlus
    let small = e / onePlus
    value = u >= 0 ? large : small
    complement = u >= 0 ? small : large
    derivative = large * small
    logDerivative = -magnitude - 2 * log1p(e)
    logDerivativeSlope = complement - value
  }
}
