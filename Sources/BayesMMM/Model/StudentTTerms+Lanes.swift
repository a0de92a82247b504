extension StudentTTerms {
  /// `density(_:mu:sigma:logSigma:)` of a lane group of weeks at once, with `LaneMath`'s
  /// log1p: the log density and its derivatives in mu and sigma, per lane. z is formed as
  /// (y - mu) x (1 / sigma), so values agree with the scalar version to a few ulp.
  @inline(__always)
  func density(
    _ y: LaneMath.Lanes, mu: LaneMath.Lanes, sigma: Double, inverseSigma: Double,
    logSigma: Double
  ) -> (logDensity: LaneMath.Lanes, dMu: LaneMath.Lanes, dSigma: LaneMath.Lanes) {
    let z = (y - mu) * inverseSigma
    let zSquared = z * z
    let logDensity =
      (logNormaliser - logSigma) - (0.5 * (nu + 1))
      * LaneMath.log1pOfNonNegative(zSquared * (1 / nu))
    let dMu = (nu + 1) * z / (sigma * (nu + zSquared))
    return (logDensity, dMu, dMu * z - inverseSigma)
  }
}
