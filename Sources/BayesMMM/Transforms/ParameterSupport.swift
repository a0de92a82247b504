#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The set of values a scalar parameter may take, and the smooth bijection between that
/// set and the real line on which the sampler moves.
///
/// ```swift
/// let decay = ParameterSupport.unitInterval
/// let u = decay.unconstrain(0.7)          // logit(0.7) ≈ 0.847
/// let x = decay.constrain(u)              // 0.7
/// ```
///
/// The maps are Stan's (Stan Reference Manual, "Constraint transforms"), with u the
/// unconstrained coordinate and x the parameter:
///
/// | support              | x = constrain(u)            | u = unconstrain(x)         |
/// | -------------------- | --------------------------- | -------------------------- |
/// | `real`               | u                           | x                          |
/// | `positive`           | exp(u)                      | log x                      |
/// | `unitInterval`       | logistic(u)                 | log x − log(1 − x)         |
/// | `lowerBounded(lo)`   | lo + exp(u)                 | log(x − lo)                |
/// | `upperBounded(hi)`   | hi − exp(u)                 | log(hi − x)                |
/// | `interval(lo, hi)`   | lo + (hi − lo) logistic(u)  | log(x − lo) − log(hi − x)  |
///
/// Every support is an open set: boundary points are excluded because their
/// unconstrained images are infinite. In floating point, `constrain` may still round to a
/// boundary for extreme u (logistic(40) == 1 in double precision, exp(−746) == 0); the
/// log-Jacobian stays finite there (see `constrainWithJacobian`).
///
/// Invariant: for `interval(lo, hi)`, lo < hi, and bounds are finite; for the one-sided
/// cases the bound is finite (use `real` for no bound). Checked in debug builds.
public enum ParameterSupport: Equatable, Sendable {
  /// The whole real line (−∞, ∞); identity transform.
  case real
  /// (0, ∞); log transform.
  case positive
  /// (0, 1); logit transform.
  case unitInterval
  /// (lower, ∞); x = lower + exp(u).
  case lowerBounded(Double)
  /// (−∞, upper); x = upper − exp(u).
  case upperBounded(Double)
  /// (lower, upper), lower < upper; scaled and shifted logit transform.
  case interval(Double, Double)

  /// Whether `x` lies in the open support. Infinite values and NaN are never contained
  /// (their unconstrained images are not finite).
  public func contains(_ x: Double) -> Bool {
    switch self {
    case .real: return x.isFinite
    case .positive: return x > 0 && x < .infinity
    case .unitInterval: return x > 0 && x < 1
    case .lowerBounded(let lower): return x > lower && x < .infinity
    case .upperBounded(let upper): return x < upper && x > -.infinity
    case .interval(let lower, let upper): return x > lower && x < upper
    }
  }

  /// The lower end of the support's closure (−∞ when unbounded below).
  public var lowerBound: Double {
    switch self {
    case .real, .upperBounded: return -.infinity
    case .positive, .unitInterval: return 0
    case .lowerBounded(let lower), .interval(let lower, _): return lower
    }
  }

  /// The upper end of the support's closure (+∞ when unbounded above).
  public var upperBound: Double {
    switch self {
    case .real, .positive, .lowerBounded: return .infinity
    case .unitInterval: return 1
    case .upperBounded(let upper), .interval(_, let upper): return upper
    }
  }

  /// x = constrain(u), the parameter value for the unconstrained coordinate `u`.
  ///
  /// Total on the real line: never NaN for finite u (see the type's table). For the logistic
  /// maps the side nearer the result is computed from the bound it is near, so values close
  /// to `upper` keep their relative accuracy.
  public func constrain(_ u: Double) -> Double {
    constrainWithJacobian(u).value
  }

  /// u = unconstrain(x), the inverse of `constrain`.
  ///
  /// Returns ±∞ at a boundary of the support and NaN outside it. The interval map is
  /// computed as log(x − lo) − log(hi − x), which keeps full relative accuracy near both
  /// bounds (unlike logit((x − lo) / (hi − lo))).
  public func unconstrain(_ x: Double) -> Double {
    switch self {
    case .real: return x
    case .positive: return log(x)
    case .unitInterval: return log(x) - log1p(-x)
    case .lowerBounded(let lower): return log(x - lower)
    case .upperBounded(let upper): return log(upper - x)
    case .interval(let lower, let upper): return log(x - lower) - log(upper - x)
    }
  }

  /// Debug-build check of the invariant on the bounds.
  func assertValidBounds() {
    switch self {
    case .real, .positive, .unitInterval: break
    case .lowerBounded(let bound), .upperBounded(let bound):
      assert(bound.isFinite, "ParameterSupport: one-sided bound must be finite, got \(bound)")
    case .interval(let lower, let upper):
      assert(
        lower.isFinite && upper.isFinite && lower < upper,
        "ParameterSupport: interval needs finite lower < upper, got (\(lower), \(upper))")
    }
  }
}

extension ParameterSupport: CustomStringConvertible {
  /// Interval notation, e.g. `(0, inf)` or `(-inf, 2.5)`.
  public var description: String {
    "(\(JSONValue.readableNumber(lowerBound)), \(JSONValue.readableNumber(upperBound)))"
  }
}
