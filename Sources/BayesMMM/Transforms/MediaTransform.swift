#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A media channel's transform, spend -> signal: an adstock (`AdstockForm`) followed by
/// Hill saturation (MODEL.md 3.1). It is the one definition of a channel's signal: the log
/// density (with sensitivities), the forward model, the mediator paths and every
/// counterfactual use it.
///
/// ```swift
/// let transform = MediaTransform(adstock: .delayed, window: 8)
/// transform.parameters               // [.decay, .peakDelay, .halfSaturation, .shape]
/// let prepared = transform.prepared([0.6, 2.0, 0.8, 1.5])   // one draw's values
/// let h = prepared.signal(scaledSpend)                       // [T], in [0, 1)
/// ```
///
/// The transform's parameters, in this order, are the channel's entries in the parameter
/// layout (`ChannelBlock.transformParameters`): the adstock's (decay; decay and peak delay)
/// then Hill's half-saturation K (scaled spend units) and shape n.
public struct MediaTransform: Sendable, Equatable {
  /// What a transform parameter is, in the order the transform reads them.
  public enum Parameter: Sendable, Equatable, CaseIterable {
    /// lambda of geometric adstock or alpha of delayed adstock, in (0, 1).
    case decay
    /// theta of delayed adstock, weeks in (0, L - 1).
    case peakDelay
    /// Hill K > 0, scaled spend units.
    case halfSaturation
    /// Hill n > 0.
    case shape
  }

  public let adstock: AdstockForm
  /// Window L of delayed adstock, weeks (unused by geometric adstock).
  public let window: Int

  public init(adstock: AdstockForm = .geometric, window: Int = DelayedAdstock.defaultWindow) {
    self.adstock = adstock
    self.window = window
  }

  /// The default transform: geometric adstock and Hill.
  public static let geometric = MediaTransform()

  /// The parameters in the order the transform reads them.
  public var parameters: [Parameter] {
    switch adstock {
    case .geometric: return [.decay, .halfSaturation, .shape]
    case .delayed: return [.decay, .peakDelay, .halfSaturation, .shape]
    }
  }

  /// Number of parameters of the adstock (they come first).
  public var adstockParameterCount: Int { adstock == .geometric ? 1 : 2 }

  /// The transform at one draw's parameter values (in `parameters` order).
  public func prepared<Values: RandomAccessCollection>(_ values: Values) -> Prepared
  where Values.Element == Double, Values.Index == Int {
    let start = values.startIndex
    let carryOver: Prepared.CarryOver
    switch adstock {
    case .geometric:
      carryOver = .geometric(decay: values[start])
    case .delayed:
      carryOver = .delayed(
        DelayedAdstock.Kernel(
          decay: values[start], peakDelay: values[start + 1], window: window))
    }
    let k = adstockParameterCount
    return Prepared(
      carryOver: carryOver, halfSaturation: values[start + k], shape: values[start + k + 1])
  }

  /// A transform at fixed parameter values, applied to any number of series.
  public struct Prepared: Sendable {
    enum CarryOver: Sendable {
      case geometric(decay: Double)
      case delayed(DelayedAdstock.Kernel)
    }
    let carryOver: CarryOver
    /// Hill K (scaled units) and its log, and n.
    public let halfSaturation: Double
    public let logHalfSaturation: Double
    public let shape: Double

    init(carryOver: CarryOver, halfSaturation: Double, shape: Double) {
      self.carryOver = carryOver
      self.halfSaturation = halfSaturation
      self.logHalfSaturation = log(halfSaturation)
      self.shape = shape
    }

    /// Writes the adstock of `spend` into `adstock` (same length).
    @inline(__always)
    public func adstock(
      spend: UnsafeBufferPointer<Double>, into adstock: UnsafeMutableBufferPointer<Double>
    ) {
      switch carryOver {
      case .geometric(let decay):
        GeometricAdstock.apply(spend: spend, decay: decay, adstock: adstock)
      case .delayed(let kernel):
        DelayedAdstock.apply(spend: spend, kernel: kernel, adstock: adstock)
      }
    }

    /// Hill of one adstock value: logistic(n (log a - log K)), 0 at a = 0.
    @inline(__always)
    public func saturation(_ a: Double) -> Double {
      a > 0 ? HillSaturation.logistic(shape * (log(a) - logHalfSaturation)) : 0
    }

    /// Writes the signal h_t = Hill(adstock_t) of `spend` into `signal` (same length; the
    /// two may not overlap).
    @inline(__always)
    public func signal(
      spend: UnsafeBufferPointer<Double>, into signal: UnsafeMutableBufferPointer<Double>
    ) {
      adstock(spend: spend, into: signal)
      for t in 0..<signal.count { signal[t] = saturation(signal[t]) }
    }

    /// The signal of a whole series, [T].
    public func signal(_ spend: [Double]) -> [Double] {
      var out = [Double](repeating: 0, count: spend.count)
      spend.withUnsafeBufferPointer { x in
        out.withUnsafeMutableBufferPointer { signal(spend: x, into: $0) }
      }
      return out
    }
  }
}
