extension HillSaturation {
  /// `valueAndDerivatives` of a lane group of adstock values at once, with `LaneMath`'s log
  /// and exp (each within 2 ulp of libm, so h and its derivatives agree with the scalar
  /// version to a few ulp). Lanes with a <= 0 give 0 for h and every derivative, as the
  /// scalar version; so do subnormal a (< 2^-1022, where h < 1e-300 K^-n), which the
  /// scalar version would give tiny values.
  ///
  /// - Parameters:
  ///   - negativeShapeOverK: -n / K, precomputed by the caller (one division per series).
  @inline(__always)
  static func valueAndDerivatives(
    _ a: LaneMath.Lanes, logHalfSaturation logK: Double, negativeShapeOverK: Double,
    shape: Double
  ) -> (
    value: LaneMath.Lanes, dAdstock: LaneMath.Lanes, dHalfSaturation: LaneMath.Lanes,
    dShape: LaneMath.Lanes
  ) {
    let positive = a .>= 0x1p-1022
    let logRatio = LaneMath.logOfPositiveNormal(a) - logK
    let u = shape * logRatio
    let e = LaneMath.exp(-LaneMath.magnitude(u))
    let big = 1 / (1 + e)  // logistic(|u|)
    let small = e * big  // logistic(-|u|)
    let slope = big * small  // h (1 - h), exact in both tails
    var value = small.lanesReplacing(with: big, where: u .>= 0)
    var dAdstock = slope * shape / a
    var dHalfSaturation = slope * negativeShapeOverK
    var dShape = slope * logRatio
    value = value.lanesReplacing(with: 0, where: .!positive)
    dAdstock = dAdstock.lanesReplacing(with: 0, where: .!positive)
    dHalfSaturation = dHalfSaturation.lanesReplacing(with: 0, where: .!positive)
    dShape = dShape.lanesReplacing(with: 0, where: .!positive)
    return (value, dAdstock, dHalfSaturation, dShape)
  }
}
