import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A standard normal restricted to (lower, upper): the tail masses and the mass inside,
/// each computed without cancellation where the formula allows.
///
/// For N(mean, sd²) truncated to (a, b), lower = (a − mean)/sd and upper = (b − mean)/sd.
///
/// The mass Z = Φ(upper) − Φ(lower) is formed from upper tails Q when the interval lies
/// above 0, from lower tails Φ when it lies below 0, and as (erf(upper/√2) +
/// erf(−lower/√2)) / 2 — a sum of two non-negative terms — when it straddles 0. It
/// underflows to 0 only for intervals beyond about 37.5 sd from the mean, which `Prior`
/// rejects. Relative accuracy of Z degrades like ε · Q(lower) / Z for a narrow interval on
/// one side of 0 (two close tail probabilities are subtracted).
struct StandardNormalTruncation: Sendable {
  /// Standardised bounds (−∞ / +∞ allowed).
  let lower: Double
  let upper: Double
  /// Φ(lower), the mass below the interval.
  let lowerTail: Double
  /// Q(upper) = 1 − Φ(upper), the mass above the interval.
  let upperTail: Double
  /// Z = Φ(upper) − Φ(lower), the mass inside.
  let mass: Double

  init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
    lowerTail = GSLSpecial.normalCDF(lower)
    upperTail = GSLSpecial.normalUpperTail(upper)
    if lower >= 0 {
      mass = GSLSpecial.normalUpperTail(lower) - upperTail
    } else if upper <= 0 {
      mass = GSLSpecial.normalCDF(upper) - lowerTail
    } else {
      let inverseSqrtTwo = 0.5.squareRoot()
      mass = 0.5 * (erf(upper * inverseSqrtTwo) + erf(-lower * inverseSqrtTwo))
    }
  }

  /// The standardised quantile: z with P(lower < Z ≤ z | inside) = p, p in [0, 1].
  ///
  /// Solves Φ(z) = Φ(lower) + p Z when that mass is at most 1/2, else
  /// Q(z) = Q(upper) + (1 − p) Z; both right-hand sides are sums of non-negative terms, and
  /// inverting the smaller tail keeps accuracy far from 0. The result is clamped to
  /// [lower, upper] against rounding.
  func quantile(_ p: Double) -> Double {
    let massBelow = lowerTail + p * mass
    let massAbove = upperTail + (1 - p) * mass
    let z =
      massBelow <= massAbove
      ? gsl_cdf_ugaussian_Pinv(massBelow) : gsl_cdf_ugaussian_Qinv(massAbove)
    return min(max(z, lower), upper)
  }

  /// φ(z) = exp(−z²/2)/√(2π), with φ(±∞) = 0.
  static func density(_ z: Double) -> Double {
    z.isFinite ? exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() : 0
  }
}
