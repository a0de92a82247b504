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
  ///
  /// Both recursions are taken two weeks at a step (the one-step forms substituted into
  /// themselves), so each value depends on the one two weeks back:
  ///
  ///     a_t = lambda^2 a_{t-2} + (1 - lambda) d_t,   d_t = lambda x_{t-1} + x_t
  ///     s_t = lambda^2 s_{t-2} + (a_{t-1} + lambda a_{t-2} - d_t)
  ///
  /// with a, s and x zero before week 0. Weeks t and t + 1 then form the two lanes of one
  /// `SIMD2` recursion with a multiply-add per two weeks on its critical path, where the
  /// one-step recursion has a chain of dependent multiply-adds every week that the
  /// processor cannot overlap. An odd last week takes one step of the one-step form.
  /// Values agree with the one-step recursion to a few ulp.
  /// - Precondition: all three buffers have the same length T.
  @inline(__always)
  public static func apply(
    spend: UnsafeBufferPointer<Double>,
    decay lambda: Double,
    adstock: UnsafeMutableBufferPointer<Double>,
    decaySensitivity: UnsafeMutableBufferPointer<Double>
  ) {
    let carry = 1 - lambda
    let lambdaSquared = lambda * lambda
    var previous = SIMD2<Double>.zero  // (a_{t-2}, a_{t-1})
    var previousSensitivity = SIMD2<Double>.zero  // (s_{t-2}, s_{t-1})
    var lastSpend = 0.0  // x_{t-1}
    var t = 0
    while t + 1 < spend.count {
      let x = SIMD2(spend[t], spend[t + 1])
      let drive = SIMD2(lambda * lastSpend, lambda * x[0]) + x
      let value = lambdaSquared * previous + carry * drive
      let lagged = SIMD2(previous[1], value[0])  // (a_{t-1}, a_t)
      let sensitivity =
        lambdaSquared * previousSensitivity + ((lagged + lambda * previous) - drive)
      adstock[t] = value[0]
      adstock[t + 1] = value[1]
      decaySensitivity[t] = sensitivity[0]
      decaySensitivity[t + 1] = sensitivity[1]
      previous = value
      previousSensitivity = sensitivity
      lastSpend = x[1]
      t += 2
    }
    if t < spend.count {
      let x = spend[t]
      adstock[t] = lambda * previous[1] + carry * x
      decaySensitivity[t] = previous[1] + lambda * previousSensitivity[1] - x
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
