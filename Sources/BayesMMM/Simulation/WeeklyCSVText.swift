/// Writes weekly series as CSV text in the bundled file's schema (MODEL.md 1).
enum WeeklyCSVText {
  /// The bundled file's column order.
  static let columns = [
    "week", "facebook_spend", "google_spend", "tiktok_spend", "instagram_spend",
    "snapchat_spend", "social_followers", "average_price", "promotions", "emails_send",
    "sms_send", "revenue",
  ]

  /// One header line and one line per week, `\n`-terminated. `series` maps every column
  /// but `week` to its values; columns absent from `columns` are appended in the given
  /// order after them (e.g. social channels with other names).
  static func text(
    dates: [ISODate], series: [(name: String, values: [Double], decimals: Int)]
  ) -> String {
    let known = columns.dropFirst().compactMap { name in series.first { $0.name == name } }
    let extra = series.filter { !columns.contains($0.name) }
    let ordered = known + extra
    var lines = [(["week"] + ordered.map(\.name)).joined(separator: ",")]
    for (t, date) in dates.enumerated() {
      let fields = ordered.map { fixed($0.values[t], decimals: $0.decimals) }
      lines.append(([date.description] + fields).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `value` with exactly `decimals` decimals, rounded half away from zero, no grouping,
  /// locale-independent ("1234.50").
  static func fixed(_ value: Double, decimals: Int) -> String {
    let factor = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
    let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
    guard value.isFinite, scaled < 9e18 else { return "\(value)" }
    let units = Int64(scaled)
    let power = Int64(factor)
    let sign = value < 0 && units != 0 ? "-" : ""
    let whole = String(units / power)
    guard decimals > 0 else { return sign + whole }
    let fraction = String(units % power)
    return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  /// `value` rounded to `decimals` decimals (what `fixed` writes), as a number.
  static func rounded(_ value: Double, decimals: Int) -> Double {
    let factor = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
    return (value * factor).rounded(.toNearestOrAwayFromZero) / factor
  }
}
