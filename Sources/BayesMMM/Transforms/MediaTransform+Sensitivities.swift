#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MediaTransform {
  /// Doubles of scratch `signalWithSensitivities` needs (delayed adstock's weights).
  public var sensitivityScratchCount: Int {
    adstock == .delayed ? DelayedAdstock.scratchCount(window: window) : 0
  }

  /// The signal h_t of `spend` and its partial derivatives with respect to each transform
  /// parameter, for the log density's gradient (forward mode, O(T) or O(T L)).
  ///
  /// - Parameters:
  ///   - values: the transform's parameter values, `parameters` order (a view of the
  ///     constrained vector is fine: `values[indices[p]]`).
  ///   - adstock, adstockSensitivity: scratch series of length T (a_t, and da_t/dp of the
  ///     adstock's parameters; the second is used by delayed adstock only).
  ///   - signal: receives h_t, length T.
  ///   - sensitivities: dh_t/dp for parameter p is written at `sensitivities[p * stride + t]`.
  ///   - scratch: at least `sensitivityScratchCount` doubles.
  ///
  /// h_t agrees with `prepared(values).signal(spend)` to a few ulp (the same tail-exact
  /// logistic, with `LaneMath`'s exp and log a lane group of weeks at a time instead of libm's).
  /// Allocates nothing.
  @inline(__always)
  public func signalWithSensitivities(
    spend: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
    indices: UnsafeBufferPointer<Int>, adstock: UnsafeMutableBufferPointer<Double>,
    adstockSensitivity: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>),
    signal: UnsafeMutableBufferPointer<Double>, sensitivities: UnsafeMutablePointer<Double>,
    stride: Int, scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let decay = values[indices[0]]
    switch self.adstock {
    case .geometric:
      GeometricAdstock.apply(
        spend: spend, decay: decay, adstock: adstock, decaySensitivity: adstockSensitivity.0)
    case .delayed:
      DelayedAdstock.apply(
        spend: spend, decay: decay, peakDelay: values[indices[1]], window: window,
        adstock: adstock, decaySensitivity: adstockSensitivity.0,
        delaySensitivity: adstockSensitivity.1, scratch: scratch)
    }
    let k = adstockParameterCount
    let halfSaturation = values[indices[k]]
    let logHalfSaturation = log(halfSaturation)
    let shape = values[indices[k + 1]]
    let negativeShapeOverK = -shape / halfSaturation
    let byHalfSaturation = sensitivities + k * stride
    let byShape = sensitivities + (k + 1) * stride
    guard let a = adstock.baseAddress, let h = signal.baseAddress,
      let byDecay = adstockSensitivity.0.baseAddress
    else { return }
    let count = spend.count
    // A lane group of weeks at a time (the exp and log in vector form); one loop per adstock form, so
    // the geometric one (the default) carries no branch.
    if k == 1 {
      for t in Swift.stride(from: 0, to: count, by: LaneMath.Lanes.scalarCount) {
        let hill = HillSaturation.valueAndDerivatives(
          LaneMath.Lanes(a, at: t, count: count), logHalfSaturation: logHalfSaturation,
          negativeShapeOverK: negativeShapeOverK, shape: shape)
        hill.value.store(to: h, at: t, count: count)
        (hill.dAdstock * LaneMath.Lanes(byDecay, at: t, count: count)).store(
          to: sensitivities, at: t, count: count)
        hill.dHalfSaturation.store(to: byHalfSaturation, at: t, count: count)
        hill.dShape.store(to: byShape, at: t, count: count)
      }
    } else if let byDelay = adstockSensitivity.1.baseAddress {
      for t in Swift.stride(from: 0, to: count, by: LaneMath.Lanes.scalarCount) {
        let hill = HillSaturation.valueAndDerivatives(
          LaneMath.Lanes(a, at: t, count: count), logHalfSaturation: logHalfSaturation,
          negativeShapeOverK: negativeShapeOverK, shape: shape)
        hill.value.store(to: h, at: t, count: count)
        (hill.dAdstock * LaneMath.Lanes(byDecay, at: t, count: count)).store(
          to: sensitivities, at: t, count: count)
        (hill.dAdstock * LaneMath.Lanes(byDelay, at: t, count: count)).store(
          to: sensitivities + stride, at: t, count: count)
        hill.dHalfSaturation.store(to: byHalfSaturation, at: t, count: count)
        hill.dShape.store(to: byShape, at: t, count: count)
      }
    }
  }
}
