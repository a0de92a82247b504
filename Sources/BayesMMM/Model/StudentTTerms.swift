#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Student-t log density and left-censored log CDF on a location-scale family, with
/// derivatives in the location mu and the scale sigma. nu is fixed.
///
/// Density term, z = (y - mu) / sigma:
///
///     log p = c(nu) - log sigma - (nu + 1) / 2 * log(1 + z^2 / nu)
///     d/dmu = (nu + 1) z / (sigma (nu + z^2)),   d/dsigma = (d/dmu) z - 1 / sigma
///
/// Censored term (observation at or below the floor y_f), z_f = (y_f - mu) / sigma:
///
///     log F(z_f),   d/dmu = -f(z_f) / (sigma F(z_f)),   d/dsigma = z_f * d/dmu
///
/// where F and f are the standard Student-t CDF and density. log F comes from
/// `StudentTLogCDF` (a short series or closed form for integer nu <= 10, GSL's
/// `gsl_cdf_tdist_P` otherwise); its ratio with f is formed in log space so it stays finite
/// deep in the lower tail.
struct StudentTTerms {
  let nu: Double
  /// c(nu) = log Gamma((nu + 1) / 2) - log Gamma(nu / 2) - log(nu pi) / 2.
  let logNormaliser: Double
  let logCDF: StudentTLogCDF

  init(nu: Double) {
    self.nu = nu
    logCDF = StudentTLogCDF(nu: nu)
    logNormaliser =
      GSLSpecial.logGamma((nu + 1) / 2) - GSLSpecial.logGamma(nu / 2) - 0.5 * log(nu * Double.pi)
  }

  /// log density and its derivatives (dmu, dsigma) at y.
  @inline(__always)
  func density(_ y: Double, mu: Double, sigma: Double) -> (Double, Double, Double) {
    density(y, mu: mu, sigma: sigma, logSigma: log(sigma))
  }

  /// As `density(_:mu:sigma:)` with log sigma supplied by a caller that reuses it.
  @inline(__always)
  func density(_ y: Double, mu: Double, sigma: Double, logSigma: Double) -> (Double, Double, Double)
  {
    let z = (y - mu) / sigma
    let q = nu + z * z
    let logDensity = logNormaliser - logSigma - 0.5 * (nu + 1) * log1p(z * z / nu)
    let dMu = (nu + 1) * z / (sigma * q)
    return (logDensity, dMu, dMu * z - 1 / sigma)
  }

  /// log P(Y <= floor) and its derivatives (dmu, dsigma).
  @inline(__always)
  func censoredBelow(_ floor: Double, mu: Double, sigma: Double) -> (Double, Double, Double) {
    let z = (floor - mu) / sigma
    let logCDF = self.logCDF(z)
    let logPDF = logNormaliser - 0.5 * (nu + 1) * log1p(z * z / nu)
    let hazard = exp(logPDF - logCDF)  // f / F
    let dMu = -hazard / sigma
    return (logCDF, dMu, dMu * z)
  }
}
