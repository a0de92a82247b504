/// Numbers as the prior-predictive reports print them.
enum PriorPredictiveNumbers {
  /// A share in [0, 1] as a percentage with no decimals, "57%" (one decimal under 10%
  /// unless whole: "5%", "2.5%").
  static func percent(_ share: Double) -> String {
    let value = 100 * share
    let whole = value == value.rounded()
    return formatted(value, abs(value) < 10 && !whole ? 1 : 0) + "%"
  }

  /// A currency amount or any magnitude for reports: grouped digits below a million
  /// ("49,054", "12.34"), three significant digits in scientific form above ("3.98e+07"),
  /// "inf" / "-inf" / "NaN" for non-finite values.
  static func amount(_ value: Double) -> String {
    guard value.isFinite else { return formatted(value, 0) }
    let magnitude = abs(value)
    if magnitude >= 1e6 || (magnitude < 0.01 && magnitude > 0) {
      return NumberText.scientific(value, decimals: 2)
    }
    let decimals = magnitude >= 100 ? 0 : 2
    let text = formatted(value, decimals)
    return groupThousands(text)
  }

  /// "1234567.5" -> "1,234,567.5".
  private static func groupThousands(_ text: String) -> String {
    var sign = ""
    var body = Substring(text)
    if body.hasPrefix("-") {
      sign = "-"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = Array(parts[0])
    var grouped = ""
    for (index, digit) in integer.enumerated() {
      if index > 0 && (integer.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
  }
}
