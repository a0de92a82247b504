extension HillSaturation {
  /// `valueAndDerivatives` of four adstock values at once, with `LaneMath`'s log and exp
  /// (each within 2 ulp of libm, so h and its derivatives agree with the scalar version to
  /// a few ulp). Lanes with a <= 0 give 0 for h and every derivative, as the scalar version.
  ///
  /// - Parameters:
  ///   - negativeShapeOverK: -n / K, precomputed by the caller (one division per series).
  @inline(__always)
  static func valueAndDerivatives(
    _ a: SIMD4<Double>, logHalfSaturation logK: Double, negativeShapeOverK: Double,
    shape: Double
  ) -> (
    value: SIMD4<Double>, dAdstock: SIMD4<Double>, dHalfSaturation: SIMD4<Double>,
    dShape: SIMD4<Double>
  ) {
    let positive = a .> 0
    let logRatio = LaneMath.log(a) - logK
    let u = shape * logRatio
    let e = LaneMath.exp(-LaneMath.magnitude(u))
    let big = 1 / (1 + e)  // logistic(|u|)
    let small = e * big  // logistic(-|u|)
    let slope = big * small  // h (1 - h), exact in both tails
    var value = small.replacing(with: big, where: u .>= 0)
    var dAdstock = slope * shape / a
    var dHalfSaturation = slope * negativeShapeOverK
    var dShape = slope * logRatio
    value.replace(with: 0, where: .!positive)
    dAdstock.replace(with: 0, where: .!positive)
    dHalfSaturation.replace(with: 0, where: .!positive)
    dShape.replace(with: 0, where: .!positive)
    return (value, dAdstock, dHalfSaturation, dShape)
  }
}
