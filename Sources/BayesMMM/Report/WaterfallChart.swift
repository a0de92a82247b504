/// A horizontal waterfall: a running total built from a start bar through signed steps to
/// an end bar, one row per step, labels on the left (so long channel names never collide).
///
/// ```swift
/// let svg = WaterfallChart(title: "Revenue over the window", unit: "currency",
///                          steps: [("baseline", 20_000), ("facebook", 3e6), ("price", -1e6)],
///                          totalLabel: "observed revenue").render()
/// ```
///
/// Row k's bar spans [S_k-1, S_k] with S_0 = 0 and S_k = S_k-1 + value_k: blue for a rise,
/// red for a fall; the last row is the total, a grey bar from 0 to the final sum. Steps with
/// a non-finite value get their label only (and do not move the running total).
struct WaterfallChart {
  let title: String
  let unit: String
  let steps: [(label: String, value: Double)]
  let totalLabel: String
  var width = 720.0

  /// [(label, start, end, colour)] of every row, the total last.
  var rows: [(label: String, start: Double, end: Double, colour: String)] {
    var running = 0.0
    var rows: [(label: String, start: Double, end: Double, colour: String)] = []
    for step in steps {
      guard step.value.isFinite else {
        rows.append((step.label, .nan, .nan, "#999"))
        continue
      }
      rows.append(
        (step.label, running, running + step.value, step.value >= 0 ? "#3182bd" : "#de2d26"))
      running += step.value
    }
    rows.append((totalLabel, 0, running, "#737373"))
    return rows
  }

  func render() -> String {
    let rows = self.rows
    let rowHeight = 22.0
    let labelWidth = 230.0
    let top = 34.0
    let bottom = 40.0
    let height = top + bottom + rowHeight * Double(rows.count)
    let extent = PlotScale.finiteExtent(rows.flatMap { [$0.start, $0.end] }, [0])
    let scale = PlotScale(
      domain: (extent?.lower ?? -1, extent?.upper ?? 1), range: (labelWidth, width - 20))
    let fittedUnit = SVGText.fitted(unit, width: width - labelWidth, fontSize: 12)
    var parts = RowChartFrame(
      title: title, width: width, height: height, top: top, bottom: bottom, scale: scale
    ).parts
    for (k, row) in rows.enumerated() {
      let y = top + rowHeight * Double(k)
      let label = SVGText.fitted(row.label, width: labelWidth - 14, fontSize: 12)
      parts.append(
        "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + 15))\" font-size=\"\(fmt(label.fontSize))\" "
          + "text-anchor=\"end\">\(escapeXML(label.text))</text>")
      let (a, b) = (scale(row.start), scale(row.end))
      guard a.isFinite, b.isFinite else { continue }
      parts.append(
        "<rect x=\"\(fmt(min(a, b)))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(max(abs(b - a), 1)))\" "
          + "height=\"\(fmt(rowHeight - 8))\" fill=\"\(row.colour)\" fill-opacity=\"0.8\"/>")
    }
    parts.append(
      "<text x=\"\(fmt((labelWidth + width - 20) / 2))\" y=\"\(fmt(height - 8))\" "
        + "font-size=\"\(fmt(fittedUnit.fontSize))\" text-anchor=\"middle\">"
        + "\(escapeXML(fittedUnit.text))</text>")
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }
}
