import CGSL

extension Prior {
  /// The quantile function F⁻¹(p): the x with P(X ≤ x) = p.
  ///
  /// Uses GSL's `gsl_cdf_*_Pinv` inverses: gaussian, lognormal, gamma (scale 1/rate), beta,
  /// exponential (mean 1/rate), tdist (then location + scale · t). The half families fold
  /// the symmetric one, F⁻¹(p) = scale · G⁻¹((1 + p)/2), using the upper-tail inverse
  /// G_Q⁻¹((1 − p)/2) for p ≥ 1/2 so that p near 1 keeps accuracy. The truncated normal is
  /// mean + sd · Φ⁻¹(Φ(α) + p Z), solved on the smaller tail (see
  /// `StandardNormalTruncation.quantile`).
  ///
  /// Edges: p = 0 and p = 1 give the ends of the support (possibly ±∞); p outside [0, 1]
  /// or NaN gives NaN. Accuracy is GSL's (about 1e-12 relative or better in the bulk).
  public func quantile(_ p: Double) -> Double {
    guard p >= 0 && p <= 1 else { return .nan }
    if p == 0 { return support.lowerBound }
    if p == 1 { return support.upperBound }
    switch family {
    case .normal(let mean, let sd):
      return mean + gsl_cdf_gaussian_Pinv(p, sd)
    case .halfNormal(let sd):
      return sd
        * (p < 0.5
          ? gsl_cdf_ugaussian_Pinv(0.5 + 0.5 * p) : gsl_cdf_ugaussian_Qinv(0.5 - 0.5 * p))
    case .logNormal(let mu, let sigma):
      return gsl_cdf_lognormal_Pinv(p, mu, sigma)
    case .gamma(let shape, let rate):
      return gsl_cdf_gamma_Pinv(p, shape, 1 / rate)
    case .beta(let alpha, let beta):
      return gsl_cdf_beta_Pinv(p, alpha, beta)
    case .exponential(let rate):
      return gsl_cdf_exponential_Pinv(p, 1 / rate)
    case .studentT(let nu, let location, let scale):
      return location + scale * gsl_cdf_tdist_Pinv(p, nu)
    case .halfStudentT(let nu, let scale):
      return scale
        * (p < 0.5
          ? gsl_cdf_tdist_Pinv(0.5 + 0.5 * p, nu) : gsl_cdf_tdist_Qinv(0.5 - 0.5 * p, nu))
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      guard let truncation else { return .nan }
      return min(max(mean + sd * truncation.quantile(p), lower), upper)
    }
  }
}
