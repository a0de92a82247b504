/// Text from a user's file made safe to echo in a message.
///
/// ```swift
/// MessageText.escapingControlCharacters("1\u{0}2")    // #"1\u{0}2"#
/// MessageText.escapingControlCharacters("a\tb")       // #"a\tb"#
/// ```
///
/// A value, a column name or a path can hold bytes a terminal would act on or hide (NUL,
/// ESC, carriage return): every data error passes its whole description through this one
/// function, so the user sees what is in the file. Tab, line feed and carriage return become
/// `\t`, `\n`, `\r`; every other control character (C0, DEL, C1) becomes Swift's `\u{XX}`
/// with upper-case hex. Everything else, backslashes included, is kept as is.
///
/// - Complexity: O(n) in the number of Unicode scalars.
enum MessageText {
  static func escapingControlCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var escaped = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t": escaped.append(contentsOf: #"\t"#.unicodeScalars)
      case "\n": escaped.append(contentsOf: #"\n"#.unicodeScalars)
      case "\r": escaped.append(contentsOf: #"\r"#.unicodeScalars)
      case _ where isControl(scalar):
        let hex = String(scalar.value, radix: 16, uppercase: true)
        escaped.append(contentsOf: "\\u{\(hex)}".unicodeScalars)
      default: escaped.append(scalar)
      }
    }
    return String(escaped)
  }

  /// C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F).
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
