/// A distribution family with its parameters, as written in a priors file.
///
/// Parameterisations (densities on the support; all scales are standard deviations or
/// their analogues, in the units of the parameter):
/// - `normal(mean, sd)`: N(mean, sd²) on ℝ.
/// - `halfNormal(sd)`: |N(0, sd²)| on (0, ∞); density 2 φ(x / sd) / sd.
/// - `logNormal(mu, sigma)`: exp(N(mu, sigma²)) on (0, ∞); mu and sigma on the log scale.
/// - `gamma(shape, rate)`: density rate^shape x^(shape−1) e^(−rate x) / Γ(shape); mean
///   shape / rate.
/// - `beta(alpha, beta)`: density x^(α−1) (1 − x)^(β−1) / B(α, β) on (0, 1).
/// - `exponential(rate)`: density rate e^(−rate x) on (0, ∞); mean 1 / rate.
/// - `studentT(nu, location, scale)`: location + scale · t_nu on ℝ.
/// - `halfStudentT(nu, scale)`: |scale · t_nu| on (0, ∞); density twice the Student-t's.
/// - `truncatedNormal(mean, sd, lower, upper)`: N(mean, sd²) restricted to (lower, upper)
///   and renormalised; either bound may be infinite, not both.
///
/// Validity (scales, shapes, rates and degrees of freedom > 0 and finite; locations
/// finite) is checked when a `Prior` is made, not here.
public enum PriorFamily: Equatable, Sendable {
  case normal(mean: Double, sd: Double)
  case halfNormal(sd: Double)
  case logNormal(mu: Double, sigma: Double)
  case gamma(shape: Double, rate: Double)
  case beta(alpha: Double, beta: Double)
  case exponential(rate: Double)
  case studentT(nu: Double, location: Double, scale: Double)
  case halfStudentT(nu: Double, scale: Double)
  /// Either bound may be infinite (−∞ for `lower`, +∞ for `upper`), but not both.
  case truncatedNormal(mean: Double, sd: Double, lower: Double, upper: Double)

  /// Every family's name in a priors file, in declaration order.
  public static let names = [
    "normal", "half_normal", "lognormal", "gamma", "beta", "exponential", "student_t",
    "half_student_t", "truncated_normal",
  ]

  /// The family's name in a priors file, e.g. "half_student_t".
  public var name: String {
    switch self {
    case .normal: return "normal"
    case .halfNormal: return "half_normal"
    case .logNormal: return "lognormal"
    case .gamma: return "gamma"
    case .beta: return "beta"
    case .exponential: return "exponential"
    case .studentT: return "student_t"
    case .halfStudentT: return "half_student_t"
    case .truncatedNormal: return "truncated_normal"
    }
  }

  /// The parameters by their priors-file names, in canonical order. Infinite truncation
  /// bounds are left out (they are written by omission).
  public var parameters: [(name: String, value: Double)] {
    switch self {
    case .normal(let mean, let sd): return [("mean", mean), ("sd", sd)]
    case .halfNormal(let sd): return [("sd", sd)]
    case .logNormal(let mu, let sigma): return [("mu", mu), ("sigma", sigma)]
    case .gamma(let shape, let rate): return [("shape", shape), ("rate", rate)]
    case .beta(let alpha, let beta): return [("alpha", alpha), ("beta", beta)]
    case .exponential(let rate): return [("rate", rate)]
    case .studentT(let nu, let location, let scale):
      return [("nu", nu), ("location", location), ("scale", scale)]
    case .halfStudentT(let nu, let scale): return [("nu", nu), ("scale", scale)]
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      var list: [(name: String, value: Double)] = [("mean", mean), ("sd", sd)]
      if lower > -.infinity { list.append(("lower", lower)) }
      if upper < .infinity { list.append(("upper", upper)) }
      return list
    }
  }

  /// The open set on which the density is positive; also the parameter's support, hence
  /// its unconstraining transform.
  public var support: ParameterSupport {
    switch self {
    case .normal, .studentT: return .real
    case .halfNormal, .logNormal, .gamma, .exponential, .halfStudentT: return .positive
    case .beta: return .unitInterval
    case .truncatedNormal(_, _, let lower, let upper):
      switch (lower > -.infinity, upper < .infinity) {
      case (true, true): return .interval(lower, upper)
      case (true, false): return .lowerBounded(lower)
      case (false, true): return .upperBounded(upper)
      case (false, false): return .real
      }
    }
  }
}
