#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Number formatting for messages and reports, independent of the machine's locale.
///
/// ```swift
/// NumberText.plain(5.0)                          // "5"
/// NumberText.plain(101.95)                       // "101.95"
/// NumberText.grouped(398_453.53, decimals: 2)    // "398,453.53"
/// NumberText.scientific(1.234e20, decimals: 2)   // "1.23e+20"
/// ```
///
/// No function here traps on any Double: NaN, ±infinity, ±1e300, subnormals and -0 all give
/// text (whole-number conversions are guarded, because `Int(_:)` of a Double out of range
/// stops the process).
public enum NumberText {
  /// Largest magnitude (exclusive) converted through a 64-bit integer; above it, numbers
  /// are written in Swift's shortest round-trip form ("1e+20").
  static let integerLimit = 9e18

  /// Shortest round-trip text, without a trailing ".0" for whole numbers.
  public static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  /// Fixed decimals with thousands separators (`,`), rounded half away from zero.
  ///
  /// `decimals` is clamped to 0...15. Non-finite values read as Swift writes them ("nan",
  /// "inf", "-inf"); values whose scaled magnitude reaches 9e18 in Swift's shortest form.
  public static func grouped(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    let decimals = min(max(decimals, 0), 15)
    let factor = Double(Array(repeating: 10, count: decimals).reduce(1, *))
    let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
    guard scaled < integerLimit else { return "\(value)" }
    let units = Int(scaled)
    let powerOfTen = Int(factor)
    let whole = String(units / powerOfTen)
    var groupedWhole = ""
    for (offset, digit) in whole.enumerated() {
      if offset > 0, (whole.count - offset) % 3 == 0 { groupedWhole.append(",") }
      groupedWhole.append(digit)
    }
    let sign = value < 0 && units != 0 ? "-" : ""
    guard decimals > 0 else { return sign + groupedWhole }
    let fraction = String(units % powerOfTen)
    let paddedFraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    return sign + groupedWhole + "." + paddedFraction
  }

  /// A value that is not finite, for messages and reports: "NaN", "inf" or "-inf".
  public static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf")
  }

  /// Scientific notation with `decimals` decimals in the mantissa and a signed exponent of
  /// at least two digits: 3.98e7 -> "3.98e+07", -5e-321 -> "-5.00e-321", 0 -> "0.00e+00".
  /// "NaN", "inf", "-inf" for non-finite values. `decimals` is clamped to 0...15.
  ///
  /// The mantissa is found by scaling with two powers of ten of half the exponent each, so
  /// neither factor over- or underflows for subnormals or values near the largest Double.
  public static func scientific(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let decimals = min(max(decimals, 0), 15)
    let magnitude = abs(value)
    // log10 of a finite positive Double lies in [-323.4, 308.3]: the conversion is safe.
    var exponent = magnitude == 0 ? 0 : Int(log10(magnitude).rounded(.down))
    var mantissa = scaledDown(magnitude, by: exponent)
    if mantissa != 0 && mantissa < 1 {
      exponent -= 1
      mantissa = scaledDown(magnitude, by: exponent)
    }
    let factor = pow(10, Double(decimals))
    if (mantissa * factor).rounded(.toNearestOrAwayFromZero) / factor >= 10 {
      exponent += 1
      mantissa = scaledDown(magnitude, by: exponent)
    }
    let digits = String(abs(exponent))
    let sign = value < 0 ? "-" : ""
    return sign + grouped(mantissa, decimals: decimals) + "e" + (exponent < 0 ? "-" : "+")
      + (digits.count < 2 ? "0" : "") + digits
  }

  /// magnitude / 10^exponent, in two partial scalings so neither factor over- or underflows.
  private static func scaledDown(_ magnitude: Double, by exponent: Int) -> Double {
    let half = exponent / 2
    return magnitude * pow(10, Double(-half)) * pow(10, Double(half - exponent))
  }
}
