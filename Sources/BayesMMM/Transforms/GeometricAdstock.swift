/// Geometric adstock normalised so that its weights sum to one.
///
/// Definition (MODEL.md 3.1), for a spend series `x` (scaled, dimensionless) and a decay
/// `lambda` in (0, 1):
///
///     a_t = lambda * a_{t-1} + (1 - lambda) * x_t,   a_0 = 0,   t = 1 ... T
///
/// so a constant spend `c` converges to `a = c`, and `lambda` is the share of last week's
/// ad memory carried into this week (half-life `log 0.5 / log lambda` weeks).
///
/// The derivative `da_t / dlambda` follows the same recursion (forward-mode sensitivity):
///
///     s_t = a_{t-1} + lambda * s_{t-1} - x_t,   s_0 = 0
///
/// Edges: lambda -> 0 gives a = x; lambda -> 1 gives a -> 0 for finite T (all memory, no
/// new input). Zero spend keeps `a_t >= 0` exactly zero until the first positive spend.
///
/// - Complexity: O(T), no allocation (writes into the caller's buffers).
public enum GeometricAdstock {
  /// Writes `a_t` into `adstock` and `da_t / dlambda` into `decaySensitivity`.
  /// - Precondition: all three buffers have the same length T.
  @inline(__always)
  public static func apply(
    spend: UnsafeBufferPointer<Double>,
    decay lambda: Double,
    adstock: UnsafeMutableBufferPointer<Double>,
    decaySensitivity: UnsafeMutableBufferPointer<Double>
  ) {
    var previous = 0.0
    var previousSensitivity = 0.0
    let carry = 1 - lambda
    for t in 0..<spend.count {
      let x = spend[t]
      let sensitivity = previous + lambda * previousSensitivity - x
      let value = lambda * previous + carry * x
      adstock[t] = value
      decaySensitivity[t] = sensitivity
      previous = value
      previousSensitivity = sensitivity
    }
  }

  /// Adstock alone (no derivative), for simulation and counterfactuals.
  public static func apply(
    spend: UnsafeBufferPointer<Double>, decay lambda: Double,
    adstock: UnsafeMutableBufferPointer<Double>
  ) {
    var previous = 0.0
    let carry = 1 - lambda
    for t in 0..<spend.count {
      previous = lambda * previous + carry * spend[t]
      adstock[t] = previous
    }
  }
}
