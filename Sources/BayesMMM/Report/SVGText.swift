/// Text sizes for laying out SVG charts without a font engine.
///
/// ```swift
/// SVGText.width("revenue", fontSize: 12)                       // 40.6 px (estimate)
/// SVGText.fitted("a long title", width: 300, fontSize: 14)     // same text and size, or
///                                                               // smaller, or cut with "…"
/// ```
///
/// The estimate is deliberately generous: 0.55 em per character (0.58 em bold), where the
/// sans-serif faces browsers use average about 0.5 em for lowercase text and digits. Text
/// laid out to fit this estimate fits on screen.
enum SVGText {
  /// Estimated advance width of `text` in pixels.
  static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
    Double(text.count) * fontSize * (bold ? 0.58 : 0.55)
  }

  /// `text` at `fontSize` if it fits in `width`; otherwise at the largest size down to
  /// `smallestFontSize` that fits; otherwise cut to fit at that size and ended with "…".
  static func fitted(
    _ text: String, width: Double, fontSize: Double, smallestFontSize: Double = 9,
    bold: Bool = false
  ) -> (text: String, fontSize: Double) {
    let full = Self.width(text, fontSize: fontSize, bold: bold)
    if full <= width || text.isEmpty { return (text, fontSize) }
    let shrunk = fontSize * width / full
    if shrunk >= smallestFontSize { return (text, (shrunk * 2).rounded(.down) / 2) }
    let perCharacter = Self.width("x", fontSize: smallestFontSize, bold: bold)
    let room = width.isFinite ? max(width, 0) : 0
    let keep = max(Int(room / perCharacter) - 1, 0)
    return (String(text.prefix(keep)) + "…", smallestFontSize)
  }
}
