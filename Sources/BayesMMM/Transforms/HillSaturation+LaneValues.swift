extension HillSaturation {
  /// h(a) of a lane group of adstock values (`LaneMath.Lanes`), value only: the mediator
  /// paths' and counterfactual signals' form of `value(_:halfSaturation:shape:)`.
  ///
  /// With u = n (log a - log K) and e = e^-|u| (`LaneMath`, within 2 ulp of libm), h is
  /// 1 / (1 + e) for u >= 0 and e / (1 + e) otherwise, the scalar `logistic`'s own
  /// divisions, so the two forms differ only by the rounding of log and exp: relative
  /// error about (2 + |u|) ulp (the rounding of u is carried |u|-fold into e^-|u|).
  ///
  /// Edges: a <= 0 and NaN give 0, as the scalar form; so do subnormal a (< 2^-1022, where
  /// h < 1e-300 K^-n), which the scalar form gives tiny values; a = +inf gives 1.
  @inline(__always)
  static func values(
    _ a: LaneMath.Lanes, logHalfSaturation logK: Double, shape: Double
  ) -> LaneMath.Lanes {
    logistic(logit(a, logHalfSaturation: logK, shape: shape))
  }

  /// The Hill logit u = n (log a - log K) per lane, with the edges of `values` folded in:
  /// -inf where a is below 2^-1022 (zero, negative, subnormal) or NaN, +inf at a = +inf,
  /// so that `logistic(logit(a))` is `values(a)`. The first of two passes a caller may run
  /// over a whole series (short loop bodies let the processor overlap the weeks' long
  /// dependency chains).
  @inline(__always)
  static func logit(
    _ a: LaneMath.Lanes, logHalfSaturation logK: Double, shape: Double
  ) -> LaneMath.Lanes {
    (shape * logRatio(a, logHalfSaturation: logK))
      .lanesReplacing(with: .infinity, where: a .== .infinity)
      .lanesReplacing(with: -.infinity, where: .!(a .>= 0x1p-1022))
  }

  /// `logistic(_:)` per lane: 1 / (1 + e^-u) for u >= 0, e^u / (1 + e^u) otherwise, both
  /// from e = e^-|u| with the scalar form's division, so within about (2 + |u|) ulp of it
  /// (exactly the scalar value whenever `LaneMath.exp` rounds as libm). +-inf give 1 and 0,
  /// NaN gives NaN.
  @inline(__always)
  static func logistic(_ u: LaneMath.Lanes) -> LaneMath.Lanes {
    let e = LaneMath.exp(-LaneMath.magnitude(u))
    return e.lanesReplacing(with: 1, where: u .>= 0) / (1 + e)
  }
}
