/// Number formatting for messages and reports, independent of the machine's locale.
///
/// ```swift
/// NumberText.plain(5.0)                          // "5"
/// NumberText.plain(101.95)                       // "101.95"
/// NumberText.grouped(398_453.53, decimals: 2)    // "398,453.53"
/// ```
public enum NumberText {
  /// Shortest round-trip text, without a trailing ".0" for whole numbers.
  public static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  /// Fixed decimals with thousands separators (`,`), rounded half away from zero.
  public static func grouped(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    let factor = Double(Array(repeating: 10, count: decimals).reduce(1, *))
    let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return "\(value)" }
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
}
