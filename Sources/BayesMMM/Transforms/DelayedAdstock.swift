#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Delayed adstock (Jin, Wang, Sun, Chan and Koehler 2017, eq. 1): a normalised
/// convolution whose weights peak `theta` weeks after the spend.
///
/// For a spend series `x` (scaled, dimensionless), decay `alpha` in (0, 1), peak delay
/// `theta` in [0, L - 1] weeks and a window of L weeks:
///
///     w_l = alpha^((l - theta)^2),  l = 0 ... L - 1,     W = sum_l w_l
///     a_t = sum_{l = 0}^{min(t, L - 1)} w_l x_{t-l} / W,  t = 0 ... T - 1
///
/// Spend before the first week is taken as zero (as `GeometricAdstock` starts from a_0 = 0),
/// so a constant spend `c` reaches `a = c` once t >= L - 1. With theta = 0 the weights
/// decay like alpha^(l^2) from the week of spend.
///
/// Sensitivities, with `dw_l/dalpha = (l - theta)^2 w_l / alpha` and
/// `dw_l/dtheta = -2 (l - theta) log(alpha) w_l`, for p in {alpha, theta}:
///
///     da_t/dp = (sum_l dw_l/dp x_{t-l} - a_t sum_l dw_l/dp) / W
///
/// Edges: alpha -> 1 gives equal weights (a moving average over L weeks); alpha -> 0 puts
/// all weight on the lags nearest theta. Zero spend keeps a_t exactly 0.
///
/// - Complexity: O(T L); the sensitivity pass allocates nothing (the caller passes scratch).
public enum DelayedAdstock {
  /// The default window L, in weeks.
  public static let defaultWindow = 8
  /// The window lengths a priors file may choose (`model.adstock_window`).
  public static let windowLimits = 1...52

  /// The raw weights w_l (l = 0 ..< window) and their sum W at one (alpha, theta): what
  /// `apply(spend:kernel:adstock:)` convolves with. Made once per draw, reused per series.
  public struct Kernel: Sendable, Equatable {
    public let weights: [Double]
    public let sum: Double

    public init(decay alpha: Double, peakDelay theta: Double, window: Int) {
      let logAlpha = log(alpha)
      var weights = [Double](repeating: 0, count: window)
      var sum = 0.0
      for l in 0..<window {
        let distance = Double(l) - theta
        weights[l] = exp(distance * distance * logAlpha)
        sum += weights[l]
      }
      self.weights = weights
      self.sum = sum
    }
  }

  /// Writes a_t into `adstock`.
  /// - Precondition: `adstock.count == spend.count`.
  public static func apply(
    spend: UnsafeBufferPointer<Double>, kernel: Kernel, adstock: UnsafeMutableBufferPointer<Double>
  ) {
    let window = kernel.weights.count
    kernel.weights.withUnsafeBufferPointer { w in
      for t in 0..<spend.count {
        var numerator = 0.0
        for l in 0...min(t, window - 1) { numerator += w[l] * spend[t - l] }
        adstock[t] = numerator / kernel.sum
      }
    }
  }

  /// Number of doubles of scratch `apply(..., scratch:)` needs for a window of L weeks.
  public static func scratchCount(window: Int) -> Int { 3 * window }

  /// Writes a_t, da_t/dalpha and da_t/dtheta, using `scratch` (at least
  /// `scratchCount(window:)` doubles) for the weights and their derivatives; allocates
  /// nothing. a_t is the same number `apply(spend:kernel:adstock:)` gives.
  /// - Precondition: the four series buffers have the same length T; `window >= 1`.
  public static func apply(
    spend: UnsafeBufferPointer<Double>, decay alpha: Double, peakDelay theta: Double,
    window: Int, adstock: UnsafeMutableBufferPointer<Double>,
    decaySensitivity: UnsafeMutableBufferPointer<Double>,
    delaySensitivity: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let logAlpha = log(alpha)
    var sum = 0.0
    var sumByDecay = 0.0
    var sumByDelay = 0.0
    for l in 0..<window {
      let distance = Double(l) - theta
      let w = exp(distance * distance * logAlpha)
      scratch[l] = w
      scratch[window + l] = distance * distance * w / alpha
      scratch[2 * window + l] = -2 * distance * logAlpha * w
      sum += w
      sumByDecay += scratch[window + l]
      sumByDelay += scratch[2 * window + l]
    }
    for t in 0..<spend.count {
      var numerator = 0.0
      var numeratorByDecay = 0.0
      var numeratorByDelay = 0.0
      for l in 0...min(t, window - 1) {
        let x = spend[t - l]
        numerator += scratch[l] * x
        numeratorByDecay += scratch[window + l] * x
        numeratorByDelay += scratch[2 * window + l] * x
      }
      let value = numerator / sum
      adstock[t] = value
      decaySensitivity[t] = (numeratorByDecay - value * sumByDecay) / sum
      delaySensitivity[t] = (numeratorByDelay - value * sumByDelay) / sum
    }
  }
}
