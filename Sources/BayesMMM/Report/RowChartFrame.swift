/// The frame shared by charts with one row per item along a horizontal value axis (the
/// forest plot, the waterfall): the `<svg>` element's opening, its title, vertical grid lines
/// with tick labels below the rows, and a line at 0.
///
/// The rows lie between `top` and `height - bottom`; the caller adds them, the axis label
/// and the closing `</svg>`.
struct RowChartFrame {
  let title: String
  let width: Double
  let height: Double
  let top: Double
  let bottom: Double
  /// Values to pixels along x.
  let scale: PlotScale

  /// The opening elements, in drawing order.
  var parts: [String] {
    let fitted = SVGText.fitted(title, width: width - 14, fontSize: 14, bold: true)
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
        + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
        + "height=\"\(fmt(height))\" font-family=\"sans-serif\">",
      "<title>\(escapeXML(title))</title>",
      "<text x=\"10\" y=\"20\" font-size=\"\(fmt(fitted.fontSize))\" font-weight=\"bold\">"
        + "\(escapeXML(fitted.text))</text>",
    ]
    let ticks = scale.ticks(count: 6)
    for (tick, label) in zip(ticks, scale.tickLabels(ticks)) {
      let x = scale(tick)
      parts.append(
        "<line x1=\"\(fmt(x))\" x2=\"\(fmt(x))\" y1=\"\(fmt(top))\" "
          + "y2=\"\(fmt(height - bottom))\" stroke=\"#e6e6e6\"/>")
      parts.append(
        "<text x=\"\(fmt(x))\" y=\"\(fmt(height - bottom + 15))\" font-size=\"11\" "
          + "text-anchor=\"middle\">\(escapeXML(label))</text>")
    }
    parts.append(
      "<line x1=\"\(fmt(scale(0)))\" x2=\"\(fmt(scale(0)))\" y1=\"\(fmt(top))\" "
        + "y2=\"\(fmt(height - bottom))\" stroke=\"#555\"/>")
    return parts
  }
}
