#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Prior {
  /// The normalised log density log p(x) and its derivative d log p / dx.
  ///
  /// With z the standardised value and C the cached constant (`logNormalizer`):
  /// | family            | log p(x) − log C                  | d log p / dx                  |
  /// | ----------------- | --------------------------------- | ----------------------------- |
  /// | normal, half-normal, truncated normal | −z²/2, z = (x − mean)/sd | −z / sd            |
  /// | lognormal         | −log x − (log x − mu)² / (2σ²)     | −(1 + (log x − mu)/σ²) / x    |
  /// | gamma             | (shape − 1) log x − rate x         | (shape − 1)/x − rate          |
  /// | beta              | (α − 1) log x + (β − 1) log(1 − x) | (α − 1)/x − (β − 1)/(1 − x)   |
  /// | exponential       | −rate x                            | −rate                         |
  /// | Student-t, half-t | −(ν + 1)/2 · log(1 + z²/ν)         | −(ν + 1) z / (scale (ν + z²)) |
  ///
  /// Edges: outside the open support (see `support`; boundary points included, e.g. x = 0
  /// for the half-normal, and NaN) the result is (−∞, 0). For the Student-t families
  /// |z| large enough for z² to overflow uses log(1 + z²/ν) ≈ 2 log|z| − log ν.
  ///
  /// Accuracy: a few ulps of the terms above; the constants were computed by GSL's
  /// `lngamma` / `lnbeta` (about 1e-15 relative).
  ///
  /// - Complexity: O(1), at most two `log` calls; no allocation and no special functions
  ///   (hot path of the model's log density).
  @inline(__always)
  public func logDensityWithDerivative(at x: Double) -> (logDensity: Double, derivative: Double) {
    let outside = (logDensity: -Double.infinity, derivative: 0.0)
    switch family {
    case .normal(let mean, let sd):
      guard x.isFinite else { return outside }
      return Self.gaussianKernel(x, mean: mean, sd: sd, logNormalizer: logNormalizer)
    case .halfNormal(let sd):
      guard x > 0 && x < .infinity else { return outside }
      return Self.gaussianKernel(x, mean: 0, sd: sd, logNormalizer: logNormalizer)
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      guard x > lower && x < upper else { return outside }
      return Self.gaussianKernel(x, mean: mean, sd: sd, logNormalizer: logNormalizer)
    case .logNormal(let mu, let sigma):
      guard x > 0 && x < .infinity else { return outside }
      let logX = log(x)
      let standardised = (logX - mu) / sigma
      return (
        logNormalizer - logX - 0.5 * standardised * standardised,
        -(1 + standardised / sigma) / x
      )
    case .gamma(let shape, let rate):
      guard x > 0 && x < .infinity else { return outside }
      return (logNormalizer + (shape - 1) * log(x) - rate * x, (shape - 1) / x - rate)
    case .beta(let alpha, let beta):
      guard x > 0 && x < 1 else { return outside }
      // log1p(−x) keeps accuracy for small x; 1 − x is exact for x ≥ 1/2 (Sterbenz).
      return (
        logNormalizer + (alpha - 1) * log(x) + (beta - 1) * log1p(-x),
        (alpha - 1) / x - (beta - 1) / (1 - x)
      )
    case .exponential(let rate):
      guard x > 0 && x < .infinity else { return outside }
      return (logNormalizer - rate * x, -rate)
    case .studentT(let nu, let location, let scale):
      guard x.isFinite else { return outside }
      return Self.studentTKernel(
        (x - location) / scale, nu: nu, scale: scale, logNormalizer: logNormalizer)
    case .halfStudentT(let nu, let scale):
      guard x > 0 && x < .infinity else { return outside }
      return Self.studentTKernel(x / scale, nu: nu, scale: scale, logNormalizer: logNormalizer)
    }
  }

  /// The normalised log density log p(x); −∞ outside the support. See
  /// `logDensityWithDerivative(at:)`.
  public func logDensity(at x: Double) -> Double {
    logDensityWithDerivative(at: x).logDensity
  }

  @inline(__always)
  private static func gaussianKernel(
    _ x: Double, mean: Double, sd: Double, logNormalizer: Double
  ) -> (logDensity: Double, derivative: Double) {
    let z = (x - mean) / sd
    return (logNormalizer - 0.5 * z * z, -z / sd)
  }

  @inline(__always)
  private static func studentTKernel(
    _ z: Double, nu: Double, scale: Double, logNormalizer: Double
  ) -> (logDensity: Double, derivative: Double) {
    let ratio = z * z / nu
    guard ratio.isFinite else {
      // z² overflowed: log(1 + z²/ν) = 2 log|z| − log ν to double precision, and the
      // derivative −(ν + 1) z / (scale (ν + z²)) = −(ν + 1) / (scale z).
      let logKernel = 2 * log(abs(z)) - log(nu)
      return (logNormalizer - 0.5 * (nu + 1) * logKernel, -(nu + 1) / (scale * z))
    }
    return (
      logNormalizer - 0.5 * (nu + 1) * log1p(ratio),
      -(nu + 1) * z / (scale * nu * (1 + ratio))
    )
  }

  /// log C for `family` (see `logDensityWithDerivative(at:)`), computed once per prior.
  static func logNormalizer(
    of family: PriorFamily, truncation: StandardNormalTruncation?
  ) -> Double {
    let logSqrtTwoPi = 0.5 * log(2 * Double.pi)
    switch family {
    case .normal(_, let sd):
      return -log(sd) - logSqrtTwoPi
    case .halfNormal(let sd):
      return log(2.0) - log(sd) - logSqrtTwoPi
    case .truncatedNormal(_, let sd, _, _):
      return -log(sd) - logSqrtTwoPi - log(truncation?.mass ?? 1)
    case .logNormal(_, let sigma):
      return -log(sigma) - logSqrtTwoPi
    case .gamma(let shape, let rate):
      return shape * log(rate) - GSLSpecial.logGamma(shape)
    case .beta(let alpha, let beta):
      return -GSLSpecial.logBeta(alpha, beta)
    case .exponential(let rate):
      return log(rate)
    case .studentT(let nu, _, let scale):
      return studentTLogNormalizer(nu: nu, scale: scale)
    case .halfStudentT(let nu, let scale):
      return log(2.0) + studentTLogNormalizer(nu: nu, scale: scale)
    }
  }

  /// log Γ((ν + 1)/2) − log Γ(ν/2) − log(νπ)/2 − log scale.
  private static func studentTLogNormalizer(nu: Double, scale: Double) -> Double {
    GSLSpecial.logGamma(0.5 * (nu + 1)) - GSLSpecial.logGamma(0.5 * nu)
      - 0.5 * log(nu * Double.pi) - log(scale)
  }
}
