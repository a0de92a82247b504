/// exp, log and log1p on eight lanes of `Double` at once (`Lanes`), for the log density's
/// hot loops.
///
/// ```swift
/// let x = LaneMath.Lanes(-1, 0, 0.5, 700, 1, 2, 3, 4)
/// LaneMath.exp(x)     // [exp(-1), 1, exp(0.5), exp(700), ...], each within 2 ulp of libm
/// ```
///
/// Algorithms (the classic Cody–Waite + polynomial scheme of Cephes / fdlibm; written
/// here from the mathematics, coefficients fitted for this file with mpmath's `chebyfit`):
///
/// - exp: x = n ln 2 + r with n = round(x / ln 2), |r| <= ln 2 / 2, ln 2 split in a
///   21-bit head (so n * head is exact for |n| <= 1075) and a tail; exp(r) by a degree-11
///   near-minimax polynomial (truncation error 3.2e-18 on the interval); then 2^n in two
///   exact power-of-two factors, so results that are subnormal are rounded once.
/// - log: x = 2^k m with m in [sqrt(1/2), sqrt(2)), f = m - 1, s = f / (2 + f);
///   log(1 + f) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R(s^2)), with R(z) = z g(z) and g a
///   degree-7 near-minimax polynomial on [0, 0.02944] (error 2.1e-18); the f - f^2/2 form
///   keeps the large terms exact. Subnormal x is first scaled by 2^54.
/// - log1p: u = 1 + x rounded, and log1p(x) = log(u) + c / u where c = (1 + x) - u is the
///   rounding error of the sum, recovered exactly (Sterbenz) as x - (u - 1) for u < 2 and
///   1 - (u - x) for u >= 2; |x| < 2^-54 returns x.
///
/// Accuracy: relative error against glibc's exp, log and log1p at most 2 x 2^-52 = 4.4e-16
/// (asserted by `LaneMathTests` on 200,000 uniform or log-uniform points per range: the
/// ranges the density uses, the whole normal range, subnormal log arguments). Measured
/// maxima on those points: exp 2.22e-16, log 2.22e-16, log1p 2.22e-16 (about 1 ulp; the
/// polynomials' own errors, 3e-18 and 2e-18, are far below rounding). Subnormal exp results
/// (x < -708.4) are within one subnormal step (4.9e-324) of glibc.
///
/// Edges (all as C99 / glibc): exp(NaN) = NaN, exp(+inf) = +inf, exp(-inf) = 0, x >
/// 709.782712893384 overflows to +inf, x < -745.1332191019412 underflows to 0. log(NaN)
/// = NaN, log(+inf) = +inf, log(+-0) = -inf, log(x < 0) = NaN, subnormal x exact-ish as
/// above. log1p(NaN) = NaN, log1p(+inf) = +inf, log1p(-1) = -inf, log1p(x < -1) = NaN,
/// log1p(+-0) = +-0.
///
/// Each lane's result depends on that lane's input only, so the results do not depend on
/// how a series is cut into lane groups.
///
/// - Complexity: O(1) per lane; no tables, no branches (edges by lane selects). exp costs
///   about 15 multiply-adds per lane, log and log1p one division and about 12.
public enum LaneMath {
  /// The lane group every vector loop of the density uses. Eight lanes: one AVX-512
  /// register in the Makefile's native builds (two AVX2 registers, four SSE2 ones in the
  /// toolchain's portable default, which still leaves enough independent work to hide the
  /// polynomials' dependency chains: with SSE2 the density measured 1.28x faster than with
  /// four lanes).
  public typealias Lanes = SIMD8<Double>
  /// Bit patterns of the lanes, unsigned so that shifts are logical (SSE2 has no 64-bit
  /// arithmetic shift).
  typealias Bits = SIMD8<UInt64>

  // MARK: exp

  /// e^x per lane.
  @inline(__always)
  public static func exp(_ x: Lanes) -> Lanes {
    // Clamp first so the reduction sees finite arguments (NaN and -inf go to the lower
    // clamp). The clamps alone give the overflow to +inf (709.79 > log of the largest
    // double) and the underflow to 0 (2^-1075 x exp(r) rounds to 0 below -745.1332);
    // NaN is put back at the end.
    var clamped = x.lanesReplacing(with: 709.79, where: x .> 709.79)
    clamped = clamped.lanesReplacing(with: -745.2, where: .!(clamped .>= -745.2))
    // Adding 1.5 x 2^52 rounds to the nearest integer (ties to even) and leaves n in the
    // low bits of the sum.
    let shifted = clamped * log2e + roundingShift
    let n = shifted - roundingShift
    let r = (clamped - n * ln2Head) - n * ln2Tail
    var p = Lanes(repeating: expCoefficients.11)
    p = multiplyAdd(p, r, expCoefficients.10)
    p = multiplyAdd(p, r, expCoefficients.9)
    p = multiplyAdd(p, r, expCoefficients.8)
    p = multiplyAdd(p, r, expCoefficients.7)
    p = multiplyAdd(p, r, expCoefficients.6)
    p = multiplyAdd(p, r, expCoefficients.5)
    p = multiplyAdd(p, r, expCoefficients.4)
    p = multiplyAdd(p, r, expCoefficients.3)
    p = multiplyAdd(p, r, expCoefficients.2)
    p = multiplyAdd(p, r, 1)
    p = multiplyAdd(p, r, 1)
    // 2^n as 2^h x 2^(n - h), h = floor(n / 2): both factors normal for n in [-1075, 1024].
    // With the bias b = n + 2048 >= 0 the halving is a logical shift: h + 1023 = b / 2 - 1
    // and n - h + 1023 = b - b / 2 - 1 are the two exponent fields.
    let biased = unsafeBitCast(shifted, to: Bits.self) &- roundingShiftBits &+ 2048
    let halfBiased = biased &>> 1
    let first = unsafeBitCast((halfBiased &- 1) &<< 52, to: Lanes.self)
    let second = unsafeBitCast((biased &- halfBiased &- 1) &<< 52, to: Lanes.self)
    return (p * first * second).lanesReplacing(with: x, where: x .!= x)
  }

  // MARK: log

  /// Natural log per lane.
  @inline(__always)
  public static func log(_ x: Lanes) -> Lanes {
    let subnormal = x .< 0x1p-1022
    let scaled = x.lanesReplacing(with: x * 0x1p54, where: subnormal)
    let exponentShift = Lanes.zero.lanesReplacing(with: -54, where: subnormal)
    var y = logOfPositive(scaled, exponentShift: exponentShift, correction: .zero)
    y = y.lanesReplacing(with: .nan, where: x .< 0)
    y = y.lanesReplacing(with: -.infinity, where: x .== 0)
    y = y.lanesReplacing(with: x, where: .!(x .< .infinity))
    return y
  }

  /// log(1 + x) per lane, accurate for small |x|.
  @inline(__always)
  public static func log1p(_ x: Lanes) -> Lanes {
    // The core, which also returns NaN and +inf lanes as they are; then the edges of
    // negative and tiny arguments (none of which is NaN or +inf, so the order holds).
    var y = log1pOfNonNegative(x)
    y = y.lanesReplacing(with: x, where: magnitude(x) .< 0x1p-54)
    y = y.lanesReplacing(with: .nan, where: x .< -1)
    y = y.lanesReplacing(with: -.infinity, where: x .== -1)
    return y
  }

  /// log1p(x) for x >= 0 or NaN or +inf (what the density's arguments are: exp(-|eta|) and
  /// z^2 / nu): the general version without the selects that only negative or tiny
  /// arguments need (for tiny x >= 0 the formula already returns x exactly). Negative
  /// lanes give unspecified values.
  @inline(__always)
  static func log1pOfNonNegative(_ x: Lanes) -> Lanes {
    let u = 1 + x
    let error = (x - (u - 1)).lanesReplacing(with: 1 - (u - x), where: u .>= 2)
    return logOfPositive(u, exponentShift: .zero, correction: error / u)
      .lanesReplacing(with: x, where: .!(x .< .infinity))
  }

  /// log(x) for positive normal finite x without any edge select; other lanes give
  /// unspecified (finite or not) values that the caller must replace.
  @inline(__always)
  static func logOfPositiveNormal(_ x: Lanes) -> Lanes {
    logOfPositive(x, exponentShift: .zero, correction: .zero)
  }

  /// log(x) + correction for positive normal finite x (other lanes give garbage that the
  /// callers replace); `exponentShift` is added to the binary exponent.
  @inline(__always)
  static func logOfPositive(_ x: Lanes, exponentShift: Lanes, correction: Lanes) -> Lanes {
    // Moving the high word by 0x3ff00000 - 0x3fe6a09e puts the exponent step at
    // sqrt(2) instead of 2, so m lands in [sqrt(1/2), sqrt(2)).
    let bits = unsafeBitCast(x, to: Bits.self) &+ logExponentOffset
    let k = (bits &>> 52) &- 1023  // wraps below 0; the conversion below undoes it
    let mantissa = (bits & 0x000f_ffff_ffff_ffff) &+ logMantissaBase
    let f = unsafeBitCast(mantissa, to: Lanes.self) - 1
    let exponent =
      unsafeBitCast(k &+ roundingShiftBits, to: Lanes.self) - roundingShift + exponentShift
    let s = f / (2 + f)
    let z = s * s
    var g = Lanes(repeating: logCoefficients.7)
    g = multiplyAdd(g, z, logCoefficients.6)
    g = multiplyAdd(g, z, logCoefficients.5)
    g = multiplyAdd(g, z, logCoefficients.4)
    g = multiplyAdd(g, z, logCoefficients.3)
    g = multiplyAdd(g, z, logCoefficients.2)
    g = multiplyAdd(g, z, logCoefficients.1)
    g = multiplyAdd(g, z, logCoefficients.0)
    let tailSum = z * g
    let halfSquare = 0.5 * f * f
    return exponent * ln2Head
      - ((halfSquare - (s * (halfSquare + tailSum) + (exponent * ln2Tail + correction))) - f)
  }

  /// a x b + c per lane: one fused multiply-add (one rounding) in builds with
  /// `BAYES_MMM_FMA` (the Makefile sets it when the processor built for has FMA) and on
  /// arm64, which always has it; a product and a sum (two roundings) elsewhere, because
  /// without the instruction each lane would call libm's software fma (about 20 times
  /// slower). Used in the polynomials' Horner steps only: fused steps are at least as
  /// accurate, so the bounds above hold either way, but the two kinds of build differ in
  /// the last bits of their results (each is deterministic).
  @inline(__always)
  static func multiplyAdd(_ a: Lanes, _ b: Lanes, _ c: Double) -> Lanes {
    #if BAYES_MMM_FMA || arch(arm64)
      return Lanes(repeating: c).addingProduct(a, b)
    #else
      return a * b + c
    #endif
  }

  /// |x| per lane (clears the sign bit).
  @inline(__always)
  static func magnitude(_ x: Lanes) -> Lanes {
    unsafeBitCast(unsafeBitCast(x, to: Bits.self) & UInt64(Int64.max), to: Lanes.self)
  }

  // MARK: constants

  /// 1 / ln 2.
  @inline(__always) static var log2e: Double { 1.4426950408889634 }
  /// 1.5 x 2^52 and its bit pattern.
  @inline(__always) static var roundingShift: Double { 0x1.8p52 }
  @inline(__always) static var roundingShiftBits: UInt64 { 0x4338_0000_0000_0000 }
  /// ln 2 = head + tail; the head has 21 significant bits (n x head is exact for |n| < 2^32).
  @inline(__always) static var ln2Head: Double { 0x1.62e42p-1 }
  @inline(__always) static var ln2Tail: Double { 4.7493250390316726e-07 }
  @inline(__always) static var logExponentOffset: UInt64 { UInt64(0x3ff0_0000 - 0x3fe6_a09e) << 32 }
  @inline(__always) static var logMantissaBase: UInt64 { UInt64(0x3fe6_a09e) << 32 }

  /// exp(r) ~ sum c_i r^i on |r| <= ln 2 / 2 (c_0 = c_1 = 1), max error 3.2e-18.
  @inline(__always) static var expCoefficients:
    (
      Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
      Double
    )
  {
    (
      1.0, 1.0, 0.5000000000000019, 0.1666666666666668, 0.0416666666664881,
      0.008333333333319601, 0.0013888888952314775, 0.00019841269890047113,
      2.4801485482328494e-05, 2.755724091857897e-06, 2.763263963904103e-07,
      2.5110037605963777e-08
    )
  }

  /// g(z) ~ (2 atanh(s) - 2 s) / (s z), z = s^2 in [0, (3 - 2 sqrt 2)^2], max error 2.1e-18.
  @inline(__always) static var logCoefficients:
    (Double, Double, Double, Double, Double, Double, Double, Double)
  {
    (
      0.6666666666666666, 0.4000000000000088, 0.28571428570803614, 0.22222222391713917,
      0.18181795640132906, 0.15386239702814658, 0.13268773138656886, 0.13086626147840102
    )
  }
}
