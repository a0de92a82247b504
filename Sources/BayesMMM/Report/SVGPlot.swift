#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small, dependency-free SVG chart: axes with ticks and labels, then layers (bands,
/// lines, points, reference lines) drawn in order, and a legend below the x-axis label.
///
/// ```swift
/// var plot = SVGPlot(title: "Revenue", xLabel: "week", yLabel: "currency",
///                    x: (1, 104), y: (1, 400_000), yKind: .log10)
/// plot.band(xs, lower, upper, colour: "#9ecae1")
/// plot.line(xs, median, colour: "#08519c")
/// let svg = plot.render()
/// ```
///
/// Layout invariants, which the report's tests pin: the plot area is the rectangle inside
/// `margin`; the legend lies below it (the SVG grows by `legendHeight`), so it never covers
/// data; every text is placed so that its estimated width (`SVGText`) stays inside the
/// view box. Non-finite values are skipped, never drawn at a made-up position; a chart
/// with no finite value to draw says so in the plot area. Everything is inline (no fonts
/// or scripts fetched), so a report opens from disk.
struct SVGPlot {
  let title: String
  let xLabel: String
  let yLabel: String
  let width: Double
  /// Height of the axes and plot area; the legend adds `legendHeight` below.
  let height: Double
  let xScale: PlotScale
  let yScale: PlotScale
  /// Tick labels for x, when the axis is categorical or dated (value -> label).
  var xTickLabels: [(Double, String)]?
  /// A note shown in the plot area when no layer drew a finite value.
  var emptyNote = "no finite values to plot"
  private var layers: [String] = []
  private var legend: [(label: String, colour: String)] = []
  private var drewData = false
  private var verticalNotes = 0

  static let margin = (left: 78.0, right: 16.0, top: 34.0, bottom: 46.0)
  static let legendFontSize = 11.0
  static let legendRowHeight = 16.0

  init(
    title: String, xLabel: String, yLabel: String, x: (Double, Double), y: (Double, Double),
    xKind: PlotScale.Kind = .linear, yKind: PlotScale.Kind = .linear,
    width: Double = 720, height: Double = 300
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.width = width
    self.height = height
    let m = Self.margin
    xScale = PlotScale(kind: xKind, domain: x, range: (m.left, width - m.right))
    yScale = PlotScale(kind: yKind, domain: y, range: (height - m.bottom, m.top))
  }

  /// The plot area (x, y, width, height) in pixels: where data are drawn.
  var plotArea: (x: Double, y: Double, width: Double, height: Double) {
    let m = Self.margin
    return (m.left, m.top, width - m.left - m.right, height - m.top - m.bottom)
  }

  /// A filled band between `lower` and `upper` at each x where all three are finite.
  mutating func band(
    _ xs: [Double], _ lower: [Double], _ upper: [Double], colour: String, opacity: Double = 0.35,
    label: String? = nil
  ) {
    let kept = zip(xs, zip(lower, upper)).compactMap { x, bounds -> (Double, Double, Double)? in
      let pixels = (xScale(x), yScale(bounds.0), yScale(bounds.1))
      guard pixels.0.isFinite, pixels.1.isFinite, pixels.2.isFinite else { return nil }
      return pixels
    }
    if let label { legend.append((label, colour)) }
    guard kept.count > 1 else { return }
    let top = kept.map { pixel($0.0, $0.2) }
    let bottom = kept.reversed().map { pixel($0.0, $0.1) }
    layers.append(
      "<polygon points=\"\((top + bottom).joined(separator: " "))\" fill=\"\(colour)\" "
        + "fill-opacity=\"\(opacity)\" stroke=\"none\"/>")
    drewData = true
  }

  /// A polyline through the finite points.
  mutating func line(
    _ xs: [Double], _ ys: [Double], colour: String, width: Double = 1.6, dashed: Bool = false,
    label: String? = nil
  ) {
    let points = finitePixels(xs, ys).map { pixel($0.0, $0.1) }
    if let label { legend.append((label, colour)) }
    guard points.count > 1 else { return }
    let dash = dashed ? " stroke-dasharray=\"5 4\"" : ""
    layers.append(
      "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" "
        + "stroke-width=\"\(fmt(width))\"\(dash)/>")
    drewData = true
  }

  /// Circles at the finite points.
  mutating func points(
    _ xs: [Double], _ ys: [Double], colour: String, radius: Double = 2.6, label: String? = nil
  ) {
    for (x, y) in finitePixels(xs, ys) {
      layers.append(
        "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"\(fmt(radius))\" fill=\"\(colour)\"/>")
      drewData = true
    }
    if let label { legend.append((label, colour)) }
  }

  /// A horizontal reference line at y (nothing when y is not finite).
  mutating func horizontalRule(at y: Double, colour: String = "#888", label: String? = nil) {
    let m = Self.margin
    let position = yScale(y)
    guard position.isFinite else { return }
    layers.append(
      "<line x1=\"\(fmt(m.left))\" x2=\"\(fmt(width - m.right))\" y1=\"\(fmt(position))\" "
        + "y2=\"\(fmt(position))\" stroke=\"\(colour)\" stroke-dasharray=\"3 3\"/>")
    if let label { legend.append((label, colour)) }
  }

  /// A vertical reference line at x, with an optional note at the top: to the right of the
  /// line, or to its left when it would pass the plot's right edge. Successive notes go on
  /// successive rows, so two rules close together do not print over each other.
  mutating func verticalRule(at x: Double, colour: String = "#888", note: String? = nil) {
    let m = Self.margin
    let position = xScale(x)
    guard position.isFinite else { return }
    layers.append(
      "<line x1=\"\(fmt(position))\" x2=\"\(fmt(position))\" y1=\"\(fmt(m.top))\" "
        + "y2=\"\(fmt(height - m.bottom))\" stroke=\"\(colour)\" stroke-dasharray=\"4 3\"/>")
    guard let note else { return }
    let noteWidth = SVGText.width(note, fontSize: 11)
    let fitsRight = position + 4 + noteWidth <= width - m.right
    let y = m.top + 12 + 13 * Double(verticalNotes % 3)
    verticalNotes += 1
    layers.append(
      "<text x=\"\(fmt(fitsRight ? position + 4 : position - 4))\" y=\"\(fmt(y))\" "
        + "font-size=\"11\" text-anchor=\"\(fitsRight ? "start" : "end")\" fill=\"\(colour)\">"
        + "\(escapeXML(note))</text>")
  }

  /// Vertical bars from y = 0 (or the axis floor) to each value, centred on x.
  mutating func bars(
    _ xs: [Double], _ ys: [Double], barWidth: Double, colour: String, label: String? = nil
  ) {
    let base = yScale.kind == .linear ? Swift.max(yScale.lower, 0) : yScale.lower
    for (x, y) in zip(xs, ys) {
      let left = xScale(x - barWidth / 2)
      let right = xScale(x + barWidth / 2)
      let top = yScale(y)
      let bottom = yScale(base)
      guard left.isFinite, right.isFinite, top.isFinite, bottom.isFinite else { continue }
      layers.append(
        "<rect x=\"\(fmt(Swift.min(left, right)))\" y=\"\(fmt(Swift.min(top, bottom)))\" "
          + "width=\"\(fmt(abs(right - left)))\" height=\"\(fmt(abs(bottom - top)))\" "
          + "fill=\"\(colour)\" fill-opacity=\"0.75\"/>")
      drewData = true
    }
    if let label { legend.append((label, colour)) }
  }

  /// Vertical whiskers from `lower` to `upper` at each x, with short caps (an interval).
  mutating func whiskers(
    _ xs: [Double], _ lower: [Double], _ upper: [Double], colour: String = "#333",
    capWidth: Double = 8, label: String? = nil
  ) {
    for (x, bounds) in zip(xs, zip(lower, upper)) {
      let position = xScale(x)
      let (low, high) = (yScale(bounds.0), yScale(bounds.1))
      guard position.isFinite, low.isFinite, high.isFinite else { continue }
      let (left, right) = (position - capWidth / 2, position + capWidth / 2)
      layers.append(
        "<path d=\"M\(fmt(position)) \(fmt(low))V\(fmt(high))M\(fmt(left)) \(fmt(low))"
          + "H\(fmt(right))M\(fmt(left)) \(fmt(high))H\(fmt(right))\" stroke=\"\(colour)\" "
          + "stroke-width=\"1.4\" fill=\"none\"/>")
      drewData = true
    }
    if let label { legend.append((label, colour)) }
  }

  /// Legend entries laid out left to right from the plot's left edge, wrapping at the
  /// right margin: (x of the swatch, baseline y, label, colour).
  var legendLayout: [(x: Double, y: Double, label: String, colour: String)] {
    let m = Self.margin
    var x = m.left
    var row = 0
    var placed: [(x: Double, y: Double, label: String, colour: String)] = []
    for entry in legend {
      let entryWidth = 17 + SVGText.width(entry.label, fontSize: Self.legendFontSize)
      if x > m.left && x + entryWidth > width - m.right {
        x = m.left
        row += 1
      }
      placed.append((x, height + 8 + Self.legendRowHeight * Double(row), entry.label, entry.colour))
      x += entryWidth + 16
    }
    return placed
  }

  /// Extra height below `height` taken by the legend (0 without one).
  var legendHeight: Double {
    guard let last = legendLayout.last else { return 0 }
    return last.y - height + 8
  }

  /// The complete `<svg>` element.
  func render() -> String {
    let m = Self.margin
    let totalHeight = height + legendHeight
    var parts: [String] = []
    parts.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
        + "viewBox=\"0 0 \(fmt(width)) \(fmt(totalHeight))\" width=\"\(fmt(width))\" "
        + "height=\"\(fmt(totalHeight))\" font-family=\"sans-serif\">")
    parts.append("<title>\(escapeXML(title))</title>")
    parts.append(titleText())
    parts.append(
      "<rect x=\"\(fmt(m.left))\" y=\"\(fmt(m.top))\" width=\"\(fmt(width - m.left - m.right))\" "
        + "height=\"\(fmt(height - m.top - m.bottom))\" fill=\"#fbfbfb\" stroke=\"#ccc\"/>")
    let yTicks = yScale.ticks()
    for (tick, label) in zip(yTicks, yScale.tickLabels(yTicks)) {
      let y = yScale(tick)
      parts.append(
        "<line x1=\"\(fmt(m.left - 4))\" x2=\"\(fmt(width - m.right))\" y1=\"\(fmt(y))\" "
          + "y2=\"\(fmt(y))\" stroke=\"#e3e3e3\"/>")
      let fitted = SVGText.fitted(label, width: m.left - 9, fontSize: 11)
      parts.append(
        "<text x=\"\(fmt(m.left - 7))\" y=\"\(fmt(y + 4))\" font-size=\"\(fmt(fitted.fontSize))\" "
          + "text-anchor=\"end\">\(escapeXML(fitted.text))</text>")
    }
    let xTicks =
      xTickLabels
      ?? {
        let ticks = xScale.ticks(count: 8)
        return Array(zip(ticks, xScale.tickLabels(ticks)))
      }()
    for (value, label) in xTicks {
      let x = xScale(value)
      guard x.isFinite else { continue }
      parts.append(
        "<line x1=\"\(fmt(x))\" x2=\"\(fmt(x))\" y1=\"\(fmt(height - m.bottom))\" "
          + "y2=\"\(fmt(height - m.bottom + 4))\" stroke=\"#666\"/>")
      let half = SVGText.width(label, fontSize: 11) / 2
      let centre = Swift.min(Swift.max(x, half + 2), width - half - 2)
      parts.append(
        "<text x=\"\(fmt(centre))\" y=\"\(fmt(height - m.bottom + 16))\" font-size=\"11\" "
          + "text-anchor=\"middle\">\(escapeXML(label))</text>")
    }
    let xAxis = SVGText.fitted(xLabel, width: width - 8, fontSize: 12)
    parts.append(
      "<text x=\"\(fmt(width / 2))\" y=\"\(fmt(height - 8))\" "
        + "font-size=\"\(fmt(xAxis.fontSize))\" text-anchor=\"middle\">"
        + "\(escapeXML(xAxis.text))</text>")
    let yAxis = SVGText.fitted(yLabel, width: height - 8, fontSize: 12)
    parts.append(
      "<text transform=\"translate(14 \(fmt(height / 2))) rotate(-90)\" "
        + "font-size=\"\(fmt(yAxis.fontSize))\" text-anchor=\"middle\">"
        + "\(escapeXML(yAxis.text))</text>")
    parts += layers
    if !drewData {
      let area = plotArea
      parts.append(
        "<text x=\"\(fmt(area.x + area.width / 2))\" y=\"\(fmt(area.y + area.height / 2))\" "
          + "font-size=\"12\" fill=\"#777\" text-anchor=\"middle\">\(escapeXML(emptyNote))</text>")
    }
    for entry in legendLayout {
      parts.append(
        "<rect x=\"\(fmt(entry.x))\" y=\"\(fmt(entry.y - 9))\" width=\"12\" height=\"10\" "
          + "fill=\"\(entry.colour)\"/>")
      parts.append(
        "<text x=\"\(fmt(entry.x + 17))\" y=\"\(fmt(entry.y))\" "
          + "font-size=\"\(fmt(Self.legendFontSize))\">\(escapeXML(entry.label))</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  /// The title, above the plot area from its left edge; moved left, shrunk or cut to fit.
  private func titleText() -> String {
    let m = Self.margin
    let fromPlot = SVGText.width(title, fontSize: 14, bold: true) <= width - m.left - 4
    let x = fromPlot ? m.left : 6
    let fitted = SVGText.fitted(title, width: width - x - 4, fontSize: 14, bold: true)
    return "<text x=\"\(fmt(x))\" y=\"20\" font-size=\"\(fmt(fitted.fontSize))\" "
      + "font-weight=\"bold\">\(escapeXML(fitted.text))</text>"
  }

  /// Pixel positions of the pairs whose positions are both finite.
  private func finitePixels(_ xs: [Double], _ ys: [Double]) -> [(Double, Double)] {
    zip(xs, ys).compactMap { x, y in
      let pixels = (xScale(x), yScale(y))
      return pixels.0.isFinite && pixels.1.isFinite ? pixels : nil
    }
  }

  private func pixel(_ x: Double, _ y: Double) -> String { "\(fmt(x)),\(fmt(y))" }
}

/// Two decimals at most, for SVG coordinates. Non-finite values give "0" and magnitudes
/// are clamped to 1e7 px (far outside any chart), so the integer conversion cannot trap.
func fmt(_ value: Double) -> String {
  guard value.isFinite else { return "0" }
  let clamped = min(max(value, -1e7), 1e7)
  let rounded = (clamped * 100).rounded() / 100
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

/// 1234567 -> "1.2M", 25000 -> "25k", 0.05 -> "0.05", 1e20 -> "1e+20": for tick labels.
/// Magnitudes from 1e15 and below 1e-4 (except 0) are in scientific form; "NaN", "inf",
/// "-inf" for non-finite values. Never traps.
func compactNumber(_ value: Double) -> String {
  guard value.isFinite else { return NumberText.nonFinite(value) }
  let magnitude = abs(value)
  if magnitude >= 1e15 || (magnitude < 1e-4 && magnitude > 0) {
    let parts = NumberText.scientific(value, decimals: 1).split(separator: "e")
    let mantissa = parts[0].hasSuffix(".0") ? parts[0].dropLast(2) : parts[0]
    return mantissa + "e" + (parts.count > 1 ? parts[1] : "")
  }
  func trimmed(_ x: Double, _ suffix: String) -> String {
    let text = x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
    return text + suffix
  }
  if magnitude >= 1e6 { return trimmed(value / 1e6, "M") }
  if magnitude >= 1e3 { return trimmed(value / 1e3, "k") }
  if magnitude >= 1 || magnitude == 0 { return trimmed(value == 0 ? 0 : value, "") }
  let digits = Int(ceil(-log10(magnitude))) + 1
  let scale = pow(10, Double(digits))
  return String((value * scale).rounded() / scale)
}

/// Escapes &, <, >, " and ' for XML text and attributes.
func escapeXML(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.count)
  for character in text {
    switch character {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.append(character)
    }
  }
  return out
}
