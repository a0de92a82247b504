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
  /// h_t is `prepared(values).signal(spend)` up to the last bit (the logistic is formed
  /// from the same exp, in the tail-exact way `HillSaturation.valueAndDerivatives` uses).
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
    let byHalfSaturation = sensitivities + k * stride
    let byShape = sensitivities + (k + 1) * stride
    // One loop per adstock form, so the geometric one (the default) carries no branch.
    if k == 1 {
      for t in 0..<spend.count {
        let hill = HillSaturation.valueAndDerivatives(
          adstock[t], logHalfSaturation: logHalfSaturation, halfSaturation: halfSaturation,
          shape: shape)
        signal[t] = hill.value
        sensitivities[t] = hill.dAdstock * adstockSensitivity.0[t]
        byHalfSaturation[t] = hill.dHalfSaturation
        byShape[t] = hill.dShape
      }
    } else {
      for t in 0..<spend.count {
        let hill = HillSaturation.valueAndDerivatives(
          adstock[t], logHalfSaturation: logHalfSaturation, halfSaturation: halfSaturation,
          shape: shape)
        signal[t] = hill.value
        sensitivities[t] = hill.dAdstock * adstockSensitivity.0[t]
        sensitivities[stride + t] = hill.dAdstock * adstockSensitivity.1[t]
        byHalfSaturation[t] = hill.dHalfSaturation
        byShape[t] = hill.dShape
      }
    }
  }
}
