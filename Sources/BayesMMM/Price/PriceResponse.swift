#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The price term of the revenue equation: g(x; theta), the contribution of the price to
/// log revenue at x = log(price / median price), for one `PriceResponseForm`, with its exact
/// derivatives in theta (for the gradient) and in x (the revenue elasticity).
///
/// ```swift
/// let response = PriceResponse(form: .linearDemand, logPrices: inputs.logPrice!)
/// response.logRevenue(at: log(1.05), [0.25])    // log revenue change at +5% price
/// response.elasticity(at: 0, [0.25])            // 1 - 1 / 0.25 = -3
/// ```
///
/// The forms (`PriceResponseForm`), with theta in layout order:
/// - `constantElasticity`, theta = (e): g = e x; g' = e.
/// - `linearDemand`, theta = (c), c > 0 the choke margin (choke price = (1 + c) x median
///   price): demand share z = 1 - (e^x - 1) / c, g = x + log m(z) with
///   m(z) = log(1 + e^(k z)) / k, a
///   smooth max(z, 0) of sharpness k = `chokeSharpness` (m(z) - max(z, 0) is at most
///   log(2) / k = 0.014 of the median week's demand, at the choke). Past the choke, log m(z)
///   = k z - log k: revenue keeps falling steeply but stays finite, so the density and its
///   gradient stay finite and exact (MODEL.md 8).
/// - `monotoneSpline`, theta = (b, w_1 ... w_K), b, w_k >= 0: g = (1 - b) x
///   - sum_k w_k H(x - kappa_k) with H(u) = delta log(1 + e^(u / delta)) a hinge smoothed
///   over delta = `hingeWidth` of log price. Demand (g - x) falls with price, and its
///   elasticity -(b + sum_k w_k logistic((x - kappa_k) / delta)) can only grow in magnitude
///   as price rises. The knots kappa_k are the k / (K + 1) quantiles of the fitted weeks'
///   log prices.
///
/// Invariant: `knots` is empty unless the form is `monotoneSpline`, ascending otherwise.
/// - Complexity: O(K) per evaluation.
public struct PriceResponse: Sendable, Equatable {
  public let form: PriceResponseForm
  /// Knots kappa_k in log(price / median price), ascending; spline only.
  public let knots: [Double]

  /// k of `linearDemand`'s smooth max, per unit of the median week's demand.
  public static let chokeSharpness = 50.0
  /// delta of `monotoneSpline`'s smooth hinge, in log price (about 1% of price).
  public static let hingeWidth = 0.01
  /// K of `monotoneSpline` unless the priors file sets `model.price_knots`.
  public static let defaultKnotCount = 4
  /// The knot counts a priors file may set.
  public static let knotCountLimits = 1...8

  /// - Parameters:
  ///   - logPrices: the fitted weeks' log(price / median price), for the spline's knots.
  ///   - knotCount: K, the spline's knots (ignored by the other forms).
  public init(
    form: PriceResponseForm, logPrices: [Double], knotCount: Int = defaultKnotCount
  ) {
    self.form = form
    if form == .monotoneSpline {
      let sorted = logPrices.filter(\.isFinite).sorted()
      knots = (1...max(knotCount, 1)).map { k in
        Diagnostics.quantile(sorted: sorted, probability: Double(k) / Double(knotCount + 1))
      }
    } else {
      knots = []
    }
  }

  /// The number of parameters theta: 1, 1, or 1 + K.
  public var parameterCount: Int { form == .monotoneSpline ? 1 + knots.count : 1 }

  /// g(x; theta). `theta` holds `parameterCount` values in layout order.
  public func logRevenue(at x: Double, _ theta: [Double]) -> Double {
    theta.withUnsafeBufferPointer { logRevenue(at: x, $0.baseAddress!, gradient: nil) }
  }

  /// g(x_t; theta) for each x_t.
  public func logRevenue(at x: [Double], _ theta: [Double]) -> [Double] {
    theta.withUnsafeBufferPointer { theta in
      x.map { logRevenue(at: $0, theta.baseAddress!, gradient: nil) }
    }
  }

  /// g'(x; theta) = d log revenue / d log price: the revenue elasticity at x.
  public func elasticity(at x: Double, _ theta: [Double]) -> Double {
    switch form {
    case .constantElasticity:
      return theta[0]
    case .linearDemand:
      let margin = theta[0]
      let z = 1 - expm1(x) / margin
      return 1 - Self.logSmoothMaxSlope(z) * exp(x) / margin
    case .monotoneSpline:
      var slope = 1 - theta[0]
      for (k, knot) in knots.enumerated() {
        slope -= theta[k + 1] * HillSaturation.logistic((x - knot) / Self.hingeWidth)
      }
      return slope
    }
  }

  /// g(x; theta), and when `gradient` is given, dg/dtheta_j written to gradient[j]
  /// (`parameterCount` slots). Allocates nothing: the density's hot path.
  @inline(__always)
  func logRevenue(
    at x: Double, _ theta: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>?
  ) -> Double {
    switch form {
    case .constantElasticity:
      gradient?[0] = x
      return theta[0] * x
    case .linearDemand:
      let margin = theta[0]
      let change = expm1(x)
      let z = 1 - change / margin
      if let gradient {
        gradient[0] = Self.logSmoothMaxSlope(z) * change / (margin * margin)
      }
      return x + Self.logSmoothMax(z)
    case .monotoneSpline:
      let width = Self.hingeWidth
      gradient?[0] = -x
      var value = (1 - theta[0]) * x
      for k in 0..<knots.count {
        let hinge = width * Self.softplus((x - knots[k]) / width)
        gradient?[k + 1] = -hinge
        value -= theta[k + 1] * hinge
      }
      return value
    }
  }

  /// log(1 + e^a), without overflow for large a or cancellation for very negative a.
  @inline(__always)
  static func softplus(_ a: Double) -> Double {
    a > 0 ? a + log1p(exp(-a)) : log1p(exp(a))
  }

  /// log m(z) with m(z) = softplus(k z) / k. Below k z = -30, softplus(a) = e^a to double
  /// precision, so log m = k z - log k exactly (and e^a may underflow, so it is not formed).
  @inline(__always)
  static func logSmoothMax(_ z: Double) -> Double {
    let k = chokeSharpness
    let a = k * z
    return a < -30 ? a - log(k) : log(softplus(a) / k)
  }

  /// d log m(z) / dz = k logistic(k z) / softplus(k z); k where both underflow alike.
  @inline(__always)
  static func logSmoothMaxSlope(_ z: Double) -> Double {
    let k = chokeSharpness
    let a = k * z
    return a < -30 ? k : k * HillSaturation.logistic(a) / softplus(a)
  }
}
