extension HillSaturation {
  /// `valueAndDerivatives` of a lane group of adstock values at once, with `LaneMath`'s log
  /// and exp (each within 2 ulp of libm) and one shared division, so h and its derivatives
  /// agree with the scalar version to a few ulp. Lanes with a <= 0 give 0 for h and every
  /// derivative, as the scalar version; so do subnormal a (< 2^-1022, where h < 1e-300
  /// K^-n), which the scalar version would give tiny values.
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
    let ratio = logRatio(a, logHalfSaturation: logK)
    return fromLogRatio(
      a, logRatio: ratio, exponential: exponential(ratio, shape: shape),
      negativeShapeOverK: negativeShapeOverK, shape: shape)
  }

  /// log a - log K per lane; unspecified for a < 2^-1022 (`fromLogRatio` zeroes those).
  /// The first of the three passes a caller may run over a whole series (each pass is a
  /// short loop, so the processor overlaps its long-latency divisions across weeks).
  @inline(__always)
  static func logRatio(_ a: LaneMath.Lanes, logHalfSaturation logK: Double) -> LaneMath.Lanes {
    LaneMath.logOfPositiveNormal(a) - logK
  }

  /// e^-|u| with u = n (log a - log K): the second pass.
  @inline(__always)
  static func exponential(_ logRatio: LaneMath.Lanes, shape: Double) -> LaneMath.Lanes {
    LaneMath.exp(-LaneMath.magnitude(shape * logRatio))
  }

  /// h and its derivatives from a, log a - log K and e^-|u|: the third pass.
  @inline(__always)
  static func fromLogRatio(
    _ a: LaneMath.Lanes, logRatio: LaneMath.Lanes, exponential e: LaneMath.Lanes,
    negativeShapeOverK: Double, shape: Double
  ) -> (
    value: LaneMath.Lanes, dAdstock: LaneMath.Lanes, dHalfSaturation: LaneMath.Lanes,
    dShape: LaneMath.Lanes
  ) {
    let positive = a .>= 0x1p-1022
    // One division for both reciprocals 1 / (1 + e) and 1 / a (a is normal and 1 + e is in
    // [1, 2], so the product neither overflows nor underflows): two roundings more, one
    // division less per lane.
    let onePlusE = 1 + e
    let reciprocal = 1 / (onePlusE * a)
    let big = reciprocal * a  // logistic(|u|)
    let small = e * big  // logistic(-|u|)
    let slope = big * small  // h (1 - h), exact in both tails
    var value = small.lanesReplacing(with: big, where: logRatio .>= 0)
    var dAdstock = slope * shape * (reciprocal * onePlusE)
    var dHalfSaturation = slope * negativeShapeOverK
    var dShape = slope * logRatio
    value = value.lanesReplacing(with: 0, where: .!positive)
    dAdstock = dAdstock.lanesReplacing(with: 0, where: .!positive)
    dHalfSaturation = dHalfSaturation.lanesReplacing(with: 0, where: .!positive)
    dShape = dShape.lanesReplacing(with: 0, where: .!positive)
    return (value, dAdstock, dHalfSaturation, dShape)
  }
}
