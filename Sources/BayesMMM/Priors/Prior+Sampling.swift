extension Prior {
  /// One draw from the prior, using `rng` (the caller's per-chain or per-task generator).
  ///
  /// Normal, lognormal, gamma, beta, exponential and Student-t use GSL's samplers through
  /// `GSLRandom`; the half families take the absolute value of the symmetric draw; the
  /// truncated normal inverts its CDF at one uniform draw (`quantile`), so it costs one
  /// uniform whatever the truncation and never loops.
  ///
  /// Deterministic: the same generator state gives the same draw.
  public func sample(using rng: GSLRandom) -> Double {
    switch family {
    case .normal(let mean, let sd): return rng.normal(mean: mean, sd: sd)
    case .halfNormal(let sd): return abs(rng.normal(mean: 0, sd: sd))
    case .logNormal(let mu, let sigma): return rng.logNormal(mu: mu, sigma: sigma)
    case .gamma(let shape, let rate): return rng.gamma(shape: shape, rate: rate)
    case .beta(let alpha, let beta): return rng.beta(alpha, beta)
    case .exponential(let rate): return rng.exponential(rate: rate)
    case .studentT(let nu, let location, let scale):
      return location + scale * rng.studentT(nu: nu)
    case .halfStudentT(let nu, let scale): return scale * abs(rng.studentT(nu: nu))
    case .truncatedNormal: return quantile(rng.uniform())
    }
  }
}
