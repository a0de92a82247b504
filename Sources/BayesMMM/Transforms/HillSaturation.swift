#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Hill saturation of an adstocked signal, safe at zero spend.
///
/// Definition (MODEL.md 3.1), for adstock `a >= 0`, half-saturation `K > 0` (same scaled
/// units as `a`) and shape `n > 0`:
///
///     h(a) = a^n / (a^n + K^n)  in [0, 1)
///
/// computed as `logistic(n * (log a - log K))` for `a > 0`, which neither overflows for
/// large `a^n` nor loses precision for small `h` (MODEL.md 3.3a); `h = 0` and all of its
/// derivatives are taken as 0 at `a = 0` (no NaN escapes from `log 0`).
///
/// With `u = n (log a - log K)` and `h' = h (1 - h)`:
///
///     dh/da = h' n / a,   dh/dK = -h' n / K,   dh/dn = h' (log a - log K)
///
/// `h(1 - h)` is formed as `logistic(u) * logistic(-u)`, exact in both tails.
public enum HillSaturation {
  /// h(a) only.
  @inline(__always)
  public static func value(_ a: Double, halfSaturation: Double, shape: Double) -> Double {
    guard a > 0 else { return 0 }
    return logistic(shape * (log(a) - log(halfSaturation)))
  }

  /// h and its partial derivatives with respect to a, K and n (all 0 at a = 0).
  @inline(__always)
  public static func valueAndDerivatives(
    _ a: Double, logHalfSaturation logK: Double, halfSaturation: Double, shape: Double
  ) -> (value: Double, dAdstock: Double, dHalfSaturation: Double, dShape: Double) {
    guard a > 0 else { return (0, 0, 0, 0) }
    let logRatio = log(a) - logK
    let u = shape * logRatio
    let e = exp(-abs(u))
    let big = 1 / (1 + e)  // logistic(|u|)
    let small = e * big  // logistic(-|u|)
    let h = u >= 0 ? big : small
    let slope = big * small  // h (1 - h)
    return (h, slope * shape / a, -slope * shape / halfSaturation, slope * logRatio)
  }

  /// Numerically stable logistic 1 / (1 + exp(-u)).
  @inline(__always)
  public static func logistic(_ u: Double) -> Double {
    if u >= 0 { return 1 / (1 + exp(-u)) }
    let e = exp(u)
    return e / (1 + e)
  }
}
