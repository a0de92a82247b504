extension JSONValue {
  /// JSON text for this value, byte-for-byte deterministic.
  ///
  /// ```swift
  /// let value: JSONValue = ["rhat": 1.0032, "draws": [1, 2.5], "note": nil]
  /// value.serialized(pretty: false)   // {"rhat": 1.0032, "draws": [1, 2.5], "note": null}
  /// value.serialized()                // the same, one member per line, 2-space indent
  /// ```
  ///
  /// - Object members are written in stored order.
  /// - Numbers: see `formatNumber(_:)`; NaN and ±∞, which JSON cannot represent, are
  ///   written as `null` (diagnostics use NaN for "undefined").
  /// - Strings: `"` and `\` are escaped, control characters below U+0020 use `\n`, `\t`,
  ///   `\r`, `\b`, `\f` or `\u00XX`; everything else is written as UTF-8.
  /// - `pretty`: one element per line with two-space indentation, `"key": value`, and
  ///   empty containers as `[]` / `{}`; otherwise one line with `, ` and `: ` separators.
  ///   No trailing newline either way.
  ///
  /// - Complexity: O(size of the output).
  public func serialized(pretty: Bool = true) -> String {
    var output = ""
    write(into: &output, pretty: pretty, depth: 0)
    return output
  }

  /// The shortest text that reads back as exactly `value`, or nil for NaN and ±∞.
  ///
  /// Integral values below 10^15 in magnitude are written as integers ("3", "-0");
  /// everything else uses Swift's shortest round-trip form ("0.1", "1e-05",
  /// "1.2345678901234567e+19"), which is valid JSON.
  public static func formatNumber(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    if value == value.rounded(.towardZero) && abs(value) < 1e15 {
      if value == 0 && value.sign == .minus { return "-0" }
      return String(Int64(value))
    }
    return value.description
  }

  /// A number for messages: as `formatNumber(_:)` writes it, or "nan", "inf", "-inf".
  static func readableNumber(_ value: Double) -> String {
    if let text = formatNumber(value) { return text }
    return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }

  private func write(into output: inout String, pretty: Bool, depth: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += Self.formatNumber(value) ?? "null"
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let elements):
      writeContainer(
        elements, open: "[", close: "]", into: &output, pretty: pretty, depth: depth
      ) { element, output in
        element.write(into: &output, pretty: pretty, depth: depth + 1)
      }
    case .object(let members):
      writeContainer(
        members, open: "{", close: "}", into: &output, pretty: pretty, depth: depth
      ) { member, output in
        Self.writeString(member.key, into: &output)
        output += ": "
        member.value.write(into: &output, pretty: pretty, depth: depth + 1)
      }
    }
  }

  private func writeContainer<Element>(
    _ elements: [Element], open: String, close: String, into output: inout String,
    pretty: Bool, depth: Int, writeElement: (Element, inout String) -> Void
  ) {
    output += open
    guard !elements.isEmpty else {
      output += close
      return
    }
    let innerIndent = String(repeating: "  ", count: depth + 1)
    for (index, element) in elements.enumerated() {
      if index > 0 { output += pretty ? "," : ", " }
      if pretty { output += "\n" + innerIndent }
      writeElement(element, &output)
    }
    if pretty { output += "\n" + String(repeating: "  ", count: depth) }
    output += close
  }

  private static func writeString(_ string: String, into output: inout String) {
    output += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16, uppercase: false)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
