/// `value` with `digits` decimals (clamped to 0...15), for messages: "NaN", "inf", "-inf"
/// for non-finite values, and Swift's shortest round-trip form ("1e+20") once the scaled
/// value reaches 9e18, where a 64-bit integer conversion would trap.
func formatted(_ value: Double, _ digits: Int) -> String {
  guard value.isFinite else { return NumberText.nonFinite(value) }
  let digits = min(max(digits, 0), 15)
  let scaled = (value * pow10(digits)).rounded()
  guard abs(scaled) < NumberText.integerLimit else { return "\(value)" }
  var text = String(Int64(scaled))
  if digits > 0 {
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    while text.count <= digits { text = "0" + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    if negative { text = "-" + text }
  }
  return text
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
