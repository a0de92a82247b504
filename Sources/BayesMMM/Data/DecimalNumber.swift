/// Strict reading of a decimal number from a CSV field.
///
/// ```swift
/// DecimalNumber.parse(" 1.5e3 ")   // .number(1500)
/// DecimalNumber.parse("nan")       // .nonFinite
/// DecimalNumber.parse("1,234")     // .notANumber
/// ```
///
/// Accepts `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?` after trimming spaces
/// and tabs. `Double.init(_:)` alone would also take hexadecimal floats and `nan`/`inf`
/// spellings; those are rejected here so a data file means what it looks like. The spelled
/// non-finite values (`nan`, `inf`, `infinity`, any case and sign) and overflowing literals
/// such as `1e999` are reported apart, since the fix differs (missing data, not a typo).
enum DecimalNumber: Equatable, Sendable {
  case number(Double)
  case empty
  case nonFinite
  case notANumber

  static func parse(_ field: String) -> DecimalNumber {
    let text = trimmed(field)
    if text.isEmpty { return .empty }
    let lowered = text.lowercased()
    let unsigned = lowered.hasPrefix("+") || lowered.hasPrefix("-")
      ? String(lowered.dropFirst()) : lowered
    if ["nan", "inf", "infinity"].contains(unsigned) { return .nonFinite }
    guard isDecimalLiteral(Array(text.utf8)), let value = Double(text) else { return .notANumber }
    return value.isFinite ? .number(value) : .nonFinite
  }

  /// The field without leading and trailing spaces or tabs.
  static func trimmed(_ field: String) -> String {
    let blanks: Set<Character> = [" ", "\t"]
    var text = Substring(field)
    while let first = text.first, blanks.contains(first) { text = text.dropFirst() }
    while let last = text.last, blanks.contains(last) { text = text.dropLast() }
    return String(text)
  }

  private static func isDecimalLiteral(_ bytes: [UInt8]) -> Bool {
    var index = 0
    func isDigit(_ i: Int) -> Bool {
      i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
    }
    func skipDigits() -> Int {
      let start = index
      while isDigit(index) { index += 1 }
      return index - start
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      index += 1
    }
    var mantissaDigits = skipDigits()
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      mantissaDigits += skipDigits()
    }
    guard mantissaDigits > 0 else { return false }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count,
        bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard skipDigits() > 0 else { return false }
    }
    return index == bytes.count
  }
}
