#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PriceResponse {
  /// The `linear_demand` term of a lane group of weeks and its derivative in the choke
  /// margin c: what `logRevenue(at:_:gradient:)` computes one week at a time, with
  /// `LaneMath`'s exp, log1p and log (so values agree with it to a few ulp).
  ///
  /// g = x + log m(z), z = 1 - (e^x - 1) / c, m(z) = softplus(k z) / k, and
  /// dg/dc = (d log m / dz) (e^x - 1) / c^2, with the same branch at k z = -30 as the
  /// scalar version (below it log m = k z - log k and d log m / dz = k exactly).
  ///
  /// - Parameters:
  ///   - logPrice: x per lane; `priceChange`: e^x - 1 per lane (data, so the caller keeps
  ///     it from `expm1` once).
  ///   - inverseMargin: 1 / c; `logSharpness`: log k. Computed once per evaluation by the
  ///     caller: the loop over lane groups then has no scalar libm call and no division by
  ///     c (two roundings more than dividing, within the few ulp above).
  /// One division per lane serves both 1 / (1 + e) and 1 / softplus: 1 + e is in [1, 2]
  /// and softplus(a) > e^-30 in every lane whose result is kept (below a = -30 both
  /// results are replaced), so the product neither overflows nor underflows.
  @inline(__always)
  static func linearDemand(
    logPrice: LaneMath.Lanes, priceChange: LaneMath.Lanes, inverseMargin: Double,
    logSharpness logK: Double
  ) -> (value: LaneMath.Lanes, dMargin: LaneMath.Lanes) {
    let k = chokeSharpness
    let a = k * (1 - priceChange * inverseMargin)
    // softplus(a) = max(a, 0) + log1p(e^-|a|); logistic(a) from the same exponential.
    let e = LaneMath.exp(-LaneMath.magnitude(a))
    let softplus = a.lanesReplacing(with: 0, where: a .< 0) + LaneMath.log1pOfNonNegative(e)
    let onePlusE = 1 + e
    let reciprocal = 1 / (onePlusE * softplus)
    let big = reciprocal * softplus  // 1 / (1 + e)
    let logistic = (e * big).lanesReplacing(with: big, where: a .>= 0)
    let deepBelow = a .< -30
    let logSmoothMax = (LaneMath.log(softplus) - logK).lanesReplacing(
      with: a - logK, where: deepBelow)
    let slope = (k * logistic * (reciprocal * onePlusE)).lanesReplacing(with: k, where: deepBelow)
    return (logPrice + logSmoothMax, slope * priceChange * (inverseMargin * inverseMargin))
  }
}
