/// A forest plot: one row per estimate with its median, a thick 90% and a thin 95% interval,
/// and a zero line.
///
/// ```swift
/// let svg = ForestPlot(title: "Effects", unit: "currency", rows: rows).render()
/// ```
struct ForestPlot {
  struct Row {
    let label: String
    let median: Double
    let lower90: Double
    let upper90: Double
    let lower95: Double
    let upper95: Double
    let colour: String
    /// Drawn hollow with a note, e.g. for extrapolated contrasts.
    let flagged: Bool
  }

  let title: String
  let unit: String
  let rows: [Row]
  var width = 720.0

  func render() -> String {
    let rowHeight = 22.0
    let labelWidth = 250.0
    let top = 34.0
    let bottom = 40.0
    let height = top + bottom + rowHeight * Double(max(rows.count, 1))
    let values = rows.flatMap { [$0.lower95, $0.upper95, $0.median] }.filter(\.isFinite) + [0]
    let scale = PlotScale(
      domain: (values.min() ?? -1, values.max() ?? 1), range: (labelWidth, width - 20))
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
        + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
        + "height=\"\(fmt(height))\" font-family=\"sans-serif\">",
      "<title>\(escapeXML(title))</title>",
      "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(escapeXML(title))</text>",
    ]
    for tick in scale.ticks(count: 6) {
      let x = scale(tick)
      parts.append(
        "<line x1=\"\(fmt(x))\" x2=\"\(fmt(x))\" y1=\"\(fmt(top))\" "
          + "y2=\"\(fmt(height - bottom))\" stroke=\"#e6e6e6\"/>")
      parts.append(
        "<text x=\"\(fmt(x))\" y=\"\(fmt(height - bottom + 15))\" font-size=\"11\" "
          + "text-anchor=\"middle\">\(escapeXML(compactNumber(tick)))</text>")
    }
    parts.append(
      "<line x1=\"\(fmt(scale(0)))\" x2=\"\(fmt(scale(0)))\" y1=\"\(fmt(top))\" "
        + "y2=\"\(fmt(height - bottom))\" stroke=\"#555\"/>")
    parts.append(
      "<text x=\"\(fmt((labelWidth + width - 20) / 2))\" y=\"\(fmt(height - 8))\" "
        + "font-size=\"12\" text-anchor=\"middle\">\(escapeXML(unit))</text>")
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * (Double(index) + 0.5)
      parts.append(
        "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + 4))\" font-size=\"11\" "
          + "text-anchor=\"end\">\(escapeXML(row.label + (row.flagged ? " *" : "")))</text>")
      guard row.median.isFinite else { continue }
      parts.append(
        "<line x1=\"\(fmt(scale(row.lower95)))\" x2=\"\(fmt(scale(row.upper95)))\" "
          + "y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"\(row.colour)\" stroke-width=\"1.2\"/>")
      parts.append(
        "<line x1=\"\(fmt(scale(row.lower90)))\" x2=\"\(fmt(scale(row.upper90)))\" "
          + "y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"\(row.colour)\" stroke-width=\"4\"/>")
      let fill = row.flagged ? "white" : row.colour
      parts.append(
        "<circle cx=\"\(fmt(scale(row.median)))\" cy=\"\(fmt(y))\" r=\"4\" fill=\"\(fill)\" "
          + "stroke=\"\(row.colour)\" stroke-width=\"1.5\"/>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }
}
