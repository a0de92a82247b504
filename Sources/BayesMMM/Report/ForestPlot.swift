/// A forest plot: one row per estimate with its median, a thick 90% and a thin 95% interval,
/// and a zero line.
///
/// ```swift
/// let svg = ForestPlot(title: "Effects", unit: "currency", rows: rows).render()
/// ```
///
/// Rows with a non-finite median get their label only; interval ends that are not finite
/// are left out; with no finite value at all the plot area says so. Labels and title are
/// fitted (`SVGText`) inside the view box.
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
    let extent = PlotScale.finiteExtent(rows.flatMap { [$0.lower95, $0.upper95, $0.median] }, [0])
    let scale = PlotScale(
      domain: (extent?.lower ?? -1, extent?.upper ?? 1), range: (labelWidth, width - 20))
    let unit = SVGText.fitted(self.unit, width: width - labelWidth, fontSize: 12)
    var parts = RowChartFrame(
      title: self.title, width: width, height: height, top: top, bottom: bottom, scale: scale
    ).parts
    parts.append(
      "<text x=\"\(fmt((labelWidth + width - 20) / 2))\" y=\"\(fmt(height - 8))\" "
        + "font-size=\"\(fmt(unit.fontSize))\" text-anchor=\"middle\">"
        + "\(escapeXML(unit.text))</text>")
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * (Double(index) + 0.5)
      let label = SVGText.fitted(
        row.label + (row.flagged ? " *" : ""), width: labelWidth - 14, fontSize: 11)
      parts.append(
        "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + 4))\" "
          + "font-size=\"\(fmt(label.fontSize))\" text-anchor=\"end\">"
          + "\(escapeXML(label.text))</text>")
      guard row.median.isFinite else { continue }
      for (lower, upper, stroke) in [
        (row.lower95, row.upper95, 1.2), (row.lower90, row.upper90, 4),
      ]
      where lower.isFinite && upper.isFinite {
        parts.append(
          "<line x1=\"\(fmt(scale(lower)))\" x2=\"\(fmt(scale(upper)))\" "
            + "y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"\(row.colour)\" "
            + "stroke-width=\"\(fmt(stroke))\"/>")
      }
      let fill = row.flagged ? "white" : row.colour
      parts.append(
        "<circle cx=\"\(fmt(scale(row.median)))\" cy=\"\(fmt(y))\" r=\"4\" fill=\"\(fill)\" "
          + "stroke=\"\(row.colour)\" stroke-width=\"1.5\"/>")
    }
    if !rows.contains(where: { $0.median.isFinite }) {
      parts.append(
        "<text x=\"\(fmt((labelWidth + width - 20) / 2))\" y=\"\(fmt(top + 14))\" "
          + "font-size=\"12\" fill=\"#777\" text-anchor=\"middle\">no finite values to plot</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }
}
