#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Prior {
  /// E[X]; nil where it does not exist (Student-t and half-Student-t with ν ≤ 1).
  ///
  /// | family        | mean                                                           |
  /// | ------------- | -------------------------------------------------------------- |
  /// | normal        | mean                                                           |
  /// | half-normal   | sd √(2/π)                                                      |
  /// | lognormal     | exp(mu + σ²/2) (overflows to +∞ for huge σ)                    |
  /// | gamma         | shape / rate                                                   |
  /// | beta          | α / (α + β)                                                    |
  /// | exponential   | 1 / rate                                                       |
  /// | Student-t     | location (ν > 1)                                               |
  /// | half-t        | 2 scale √ν Γ((ν+1)/2) / (√π (ν − 1) Γ(ν/2)) (ν > 1)            |
  /// | truncated     | mean + sd (φ(α) − φ(β)) / Z, α, β the standardised bounds      |
  public var mean: Double? {
    switch family {
    case .normal(let mean, _): return mean
    case .halfNormal(let sd): return sd * (2 / Double.pi).squareRoot()
    case .logNormal(let mu, let sigma): return exp(mu + 0.5 * sigma * sigma)
    case .gamma(let shape, let rate): return shape / rate
    case .beta(let alpha, let beta): return alpha / (alpha + beta)
    case .exponential(let rate): return 1 / rate
    case .studentT(let nu, let location, _): return nu > 1 ? location : nil
    case .halfStudentT(let nu, let scale):
      guard nu > 1 else { return nil }
      return scale * Self.halfStudentTStandardMean(nu: nu)
    case .truncatedNormal(let mean, let sd, _, _):
      guard let truncation else { return nil }
      return mean + sd * Self.truncatedMoments(truncation).meanShift
    }
  }

  /// The standard deviation √Var[X]; nil where the variance is not finite (Student-t and
  /// half-Student-t with ν ≤ 2).
  ///
  /// | family        | standard deviation                                            |
  /// | ------------- | ------------------------------------------------------------- |
  /// | normal        | sd                                                            |
  /// | half-normal   | sd √(1 − 2/π)                                                 |
  /// | lognormal     | exp(mu + σ²/2) √(exp(σ²) − 1), with expm1                     |
  /// | gamma         | √shape / rate                                                 |
  /// | beta          | √(αβ / ((α + β)² (α + β + 1)))                                |
  /// | exponential   | 1 / rate                                                      |
  /// | Student-t     | scale √(ν / (ν − 2))                                          |
  /// | half-t        | scale √(ν / (ν − 2) − m²), m the standard half-t mean         |
  /// | truncated     | sd √(1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²)              |
  ///
  /// The truncated-normal formula cancels in the far tail: relative accuracy is about
  /// ε α⁴ for a one-sided truncation α sd above the mean (1e-12 at α = 10).
  public var standardDeviation: Double? {
    switch family {
    case .normal(_, let sd): return sd
    case .halfNormal(let sd): return sd * (1 - 2 / Double.pi).squareRoot()
    case .logNormal(let mu, let sigma):
      let variance = sigma * sigma
      return exp(mu + 0.5 * variance) * expm1(variance).squareRoot()
    case .gamma(let shape, let rate): return shape.squareRoot() / rate
    case .beta(let alpha, let beta):
      let total = alpha + beta
      return (alpha * beta / (total * total * (total + 1))).squareRoot()
    case .exponential(let rate): return 1 / rate
    case .studentT(let nu, _, let scale):
      return nu > 2 ? scale * (nu / (nu - 2)).squareRoot() : nil
    case .halfStudentT(let nu, let scale):
      guard nu > 2 else { return nil }
      let standardMean = Self.halfStudentTStandardMean(nu: nu)
      return scale * (nu / (nu - 2) - standardMean * standardMean).squareRoot()
    case .truncatedNormal(_, let sd, _, _):
      guard let truncation else { return nil }
      return sd * Self.truncatedMoments(truncation).varianceFactor.squareRoot()
    }
  }

  /// E|T| for T ~ t_ν (ν > 1): 2 √ν Γ((ν + 1)/2) / (√π (ν − 1) Γ(ν/2)), through log Γ.
  private static func halfStudentTStandardMean(nu: Double) -> Double {
    let logRatio = GSLSpecial.logGamma(0.5 * (nu + 1)) - GSLSpecial.logGamma(0.5 * nu)
    return 2 * (nu / Double.pi).squareRoot() * exp(logRatio) / (nu - 1)
  }

  /// For a standard normal truncated to (α, β): E[Z] and Var[Z].
  private static func truncatedMoments(
    _ truncation: StandardNormalTruncation
  ) -> (meanShift: Double, varianceFactor: Double) {
    let densityAtLower = StandardNormalTruncation.density(truncation.lower) / truncation.mass
    let densityAtUpper = StandardNormalTruncation.density(truncation.upper) / truncation.mass
    // z φ(z) → 0 at an infinite bound; guard the 0 · ∞ product.
    let lowerTerm = truncation.lower.isFinite ? truncation.lower * densityAtLower : 0
    let upperTerm = truncation.upper.isFinite ? truncation.upper * densityAtUpper : 0
    let meanShift = densityAtLower - densityAtUpper
    return (meanShift, 1 + lowerTerm - upperTerm - meanShift * meanShift)
  }
}
