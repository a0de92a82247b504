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
  /// parameter, for the log density's gradient (forward mode, O(T) or O(T L)):
  /// `adstockWithSensitivities` then `saturationWithSensitivities`.
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
    adstockWithSensitivities(
      spend: spend, values: values, indices: indices, adstock: adstock,
      adstockSensitivity: adstockSensitivity, scratch: scratch)
    saturationWithSensitivities(
      adstock: UnsafeBufferPointer(adstock), values: values, indices: indices,
      adstockSensitivity: (
        UnsafeBufferPointer(adstockSensitivity.0), UnsafeBufferPointer(adstockSensitivity.1)
      ),
      signal: signal, sensitivities: sensitivities, stride: stride)
  }

  /// The adstock a_t of `spend` and da_t/dp of the adstock's one (geometric: lambda) or two
  /// (delayed: lambda, delay) parameters, into `adstockSensitivity.0` and `.1`; arguments
  /// as in `signalWithSensitivities`. Geometric adstock uses the two-week recursion
  /// (`GeometricAdstock.apply(spend:decay:adstock:decaySensitivity:)`).
  @inline(__always)
  public func adstockWithSensitivities(
    spend: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
    indices: UnsafeBufferPointer<Int>, adstock: UnsafeMutableBufferPointer<Double>,
    adstockSensitivity: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>),
    scratch: UnsafeMutableBufferPointer<Double>
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
  }

  /// h_t = Hill(a_t) of an adstock already computed, and dh_t/dp of every transform
  /// parameter: the adstock's by the chain rule through `adstockSensitivity` (`.1` read
  /// by delayed adstock only), then the half saturation K and the shape n. Writes h into
  /// `signal` (length T = `adstock.count`) and dh/dp into `sensitivities[p * stride + t]`.
  @inline(__always)
  public func saturationWithSensitivities(
    adstock: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
    indices: UnsafeBufferPointer<Int>,
    adstockSensitivity: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>),
    signal: UnsafeMutableBufferPointer<Double>, sensitivities: UnsafeMutablePointer<Double>,
    stride: Int
  ) {
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
    let count = adstock.count
    let lanes = LaneMath.Lanes.scalarCount
    // Three short passes over the weeks, a lane group at a time: log a - log K (kept in
    // the dn row), e^-|u| (kept in the dK row), then h and the derivatives, which overwrite
    // both. Short loops let the processor overlap the divisions of successive weeks, which
    // one long loop body does not (about 9% more evaluations per CPU second). One final
    // loop per adstock form, so the geometric one (the default) carries no branch.
    for t in Swift.stride(from: 0, to: count, by: lanes) {
      HillSaturation.logRatio(
        LaneMath.Lanes(a, at: t, count: count), logHalfSaturation: logHalfSaturation
      ).store(to: byShape, at: t, count: count)
    }
    for t in Swift.stride(from: 0, to: count, by: lanes) {
      HillSaturation.exponential(LaneMath.Lanes(byShape, at: t, count: count), shape: shape)
        .store(to: byHalfSaturation, at: t, count: count)
    }
    @inline(__always) func hill(_ t: Int) -> (
      value: LaneMath.Lanes, dAdstock: LaneMath.Lanes, dHalfSaturation: LaneMath.Lanes,
      dShape: LaneMath.Lanes
    ) {
      HillSaturation.fromLogRatio(
        LaneMath.Lanes(a, at: t, count: count),
        logRatio: LaneMath.Lanes(byShape, at: t, count: count),
        exponential: LaneMath.Lanes(byHalfSaturation, at: t, count: count),
        negativeShapeOverK: negativeShapeOverK, shape: shape)
    }
    if k == 1 {
      for t in Swift.stride(from: 0, to: count, by: lanes) {
        let hill = hill(t)
        hill.value.store(to: h, at: t, count: count)
        (hill.dAdstock * LaneMath.Lanes(byDecay, at: t, count: count)).store(
          to: sensitivities, at: t, count: count)
        hill.dHalfSaturation.store(to: byHalfSaturation, at: t, count: count)
        hill.dShape.store(to: byShape, at: t, count: count)
      }
    } else if let byDelay = adstockSensitivity.1.baseAddress {
      for t in Swift.stride(from: 0, to: count, by: lanes) {
        let hill = hill(t)
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
