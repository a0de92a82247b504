#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small, dependency-free SVG chart: axes with ticks and labels, then layers (bands,
/// lines, points, reference lines) drawn in order.
///
/// ```swift
/// var plot = SVGPlot(title: "Revenue", xLabel: "week", yLabel: "currency",
///                    x: (1, 104), y: (1, 400_000), yKind: .log10)
/// plot.band(xs, lower, upper, colour: "#9ecae1")
/// plot.line(xs, median, colour: "#08519c")
/// let svg = plot.render()
/// ```
///
/// Everything is inline (no fonts or scripts fetched), so a report opens from disk.
struct SVGPlot {
  let title: String
  let xLabel: String
  let yLabel: String
  let width: Double
  let height: Double
  let xScale: PlotScale
  let yScale: PlotScale
  /// Tick labels for x, when the axis is categorical or dated (value -> label).
  var xTickLabels: [(Double, String)]?
  private var layers: [String] = []
  private var legend: [(String, String)] = []

  static let margin = (left: 78.0, right: 16.0, top: 34.0, bottom: 46.0)

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

  /// A filled band between `lower` and `upper` at each x.
  mutating func band(
    _ xs: [Double], _ lower: [Double], _ upper: [Double], colour: String, opacity: Double = 0.35,
    label: String? = nil
  ) {
    guard !xs.isEmpty else { return }
    let top = zip(xs, upper).map { point($0, $1) }
    let bottom = zip(xs, lower).reversed().map { point($0, $1) }
    layers.append(
      "<polygon points=\"\((top + bottom).joined(separator: " "))\" fill=\"\(colour)\" "
        + "fill-opacity=\"\(opacity)\" stroke=\"none\"/>")
    if let label { legend.append((label, colour)) }
  }

  /// A polyline through the finite points.
  mutating func line(
    _ xs: [Double], _ ys: [Double], colour: String, width: Double = 1.6, dashed: Bool = false,
    label: String? = nil
  ) {
    let points = zip(xs, ys).filter { $0.1.isFinite }.map { point($0, $1) }
    guard points.count > 1 else { return }
    let dash = dashed ? " stroke-dasharray=\"5 4\"" : ""
    layers.append(
      "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" "
        + "stroke-width=\"\(fmt(width))\"\(dash)/>")
    if let label { legend.append((label, colour)) }
  }

  /// Circles at the finite points.
  mutating func points(
    _ xs: [Double], _ ys: [Double], colour: String, radius: Double = 2.6, label: String? = nil
  ) {
    for (x, y) in zip(xs, ys) where y.isFinite {
      layers.append(
        "<circle cx=\"\(fmt(xScale(x)))\" cy=\"\(fmt(yScale(y)))\" r=\"\(fmt(radius))\" "
          + "fill=\"\(colour)\"/>")
    }
    if let label { legend.append((label, colour)) }
  }

  /// A horizontal reference line at y.
  mutating func horizontalRule(at y: Double, colour: String = "#888", label: String? = nil) {
    let m = Self.margin
    layers.append(
      "<line x1=\"\(fmt(m.left))\" x2=\"\(fmt(width - m.right))\" y1=\"\(fmt(yScale(y)))\" "
        + "y2=\"\(fmt(yScale(y)))\" stroke=\"\(colour)\" stroke-dasharray=\"3 3\"/>")
    if let label { legend.append((label, colour)) }
  }

  /// A vertical reference line at x, with an optional note at the top.
  mutating func verticalRule(at x: Double, colour: String = "#888", note: String? = nil) {
    let m = Self.margin
    layers.append(
      "<line x1=\"\(fmt(xScale(x)))\" x2=\"\(fmt(xScale(x)))\" y1=\"\(fmt(m.top))\" "
        + "y2=\"\(fmt(height - m.bottom))\" stroke=\"\(colour)\" stroke-dasharray=\"4 3\"/>")
    if let note {
      layers.append(
        "<text x=\"\(fmt(xScale(x) + 4))\" y=\"\(fmt(m.top + 12))\" font-size=\"11\" "
          + "fill=\"\(colour)\">\(escapeXML(note))</text>")
    }
  }

  /// Vertical bars from y = 0 (or the axis floor) to each value, centred on x.
  mutating func bars(
    _ xs: [Double], _ ys: [Double], barWidth: Double, colour: String, label: String? = nil
  ) {
    let base = yScale.kind == .linear ? Swift.max(yScale.lower, 0) : yScale.lower
    for (x, y) in zip(xs, ys) where y.isFinite {
      let left = xScale(x - barWidth / 2)
      let right = xScale(x + barWidth / 2)
      let top = yScale(y)
      let bottom = yScale(base)
      layers.append(
        "<rect x=\"\(fmt(Swift.min(left, right)))\" y=\"\(fmt(Swift.min(top, bottom)))\" "
          + "width=\"\(fmt(abs(right - left)))\" height=\"\(fmt(abs(bottom - top)))\" "
          + "fill=\"\(colour)\" fill-opacity=\"0.75\"/>")
    }
    if let label { legend.append((label, colour)) }
  }

  /// The complete `<svg>` element.
  func render() -> String {
    let m = Self.margin
    var parts: [String] = []
    parts.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
        + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
        + "height=\"\(fmt(height))\" font-family=\"sans-serif\">")
    parts.append("<title>\(escapeXML(title))</title>")
    parts.append(
      "<text x=\"\(fmt(m.left))\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
        + "\(escapeXML(title))</text>")
    parts.append(
      "<rect x=\"\(fmt(m.left))\" y=\"\(fmt(m.top))\" width=\"\(fmt(width - m.left - m.right))\" "
        + "height=\"\(fmt(height - m.top - m.bottom))\" fill=\"#fbfbfb\" stroke=\"#ccc\"/>")
    for tick in yScale.ticks() {
      let y = yScale(tick)
      parts.append(
        "<line x1=\"\(fmt(m.left - 4))\" x2=\"\(fmt(width - m.right))\" y1=\"\(fmt(y))\" "
          + "y2=\"\(fmt(y))\" stroke=\"#e3e3e3\"/>")
      parts.append(
        "<text x=\"\(fmt(m.left - 7))\" y=\"\(fmt(y + 4))\" font-size=\"11\" "
          + "text-anchor=\"end\">\(escapeXML(tickLabel(tick)))</text>")
    }
    let xTicks = xTickLabels ?? xScale.ticks(count: 8).map { ($0, tickLabel($0)) }
    for (value, label) in xTicks {
      let x = xScale(value)
      parts.append(
        "<line x1=\"\(fmt(x))\" x2=\"\(fmt(x))\" y1=\"\(fmt(height - m.bottom))\" "
          + "y2=\"\(fmt(height - m.bottom + 4))\" stroke=\"#666\"/>")
      parts.append(
        "<text x=\"\(fmt(x))\" y=\"\(fmt(height - m.bottom + 16))\" font-size=\"11\" "
          + "text-anchor=\"middle\">\(escapeXML(label))</text>")
    }
    parts.append(
      "<text x=\"\(fmt((m.left + width - m.right) / 2))\" y=\"\(fmt(height - 8))\" "
        + "font-size=\"12\" text-anchor=\"middle\">\(escapeXML(xLabel))</text>")
    parts.append(
      "<text transform=\"translate(14 \(fmt((m.top + height - m.bottom) / 2))) rotate(-90)\" "
        + "font-size=\"12\" text-anchor=\"middle\">\(escapeXML(yLabel))</text>")
    parts += layers
    if !legend.isEmpty {
      parts.append(
        "<rect x=\"\(fmt(width - m.right - 176))\" y=\"\(fmt(m.top + 2))\" width=\"172\" "
          + "height=\"\(fmt(Double(legend.count) * 15 + 6))\" fill=\"white\" fill-opacity=\"0.85\"/>"
      )
    }
    for (index, entry) in legend.enumerated() {
      let y = m.top + 14 + Double(index) * 15
      let x = width - m.right - 170
      parts.append(
        "<rect x=\"\(fmt(x))\" y=\"\(fmt(y - 9))\" width=\"12\" height=\"10\" "
          + "fill=\"\(entry.1)\"/>")
      parts.append(
        "<text x=\"\(fmt(x + 17))\" y=\"\(fmt(y))\" font-size=\"11\">\(escapeXML(entry.0))</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  private func point(_ x: Double, _ y: Double) -> String { "\(fmt(xScale(x))),\(fmt(yScale(y)))" }

  private func tickLabel(_ value: Double) -> String { compactNumber(value) }
}

/// Two decimals at most, for SVG coordinates.
func fmt(_ value: Double) -> String {
  guard value.isFinite else { return "0" }
  let rounded = (value * 100).rounded() / 100
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

/// 1234567 -> "1.2M", 25000 -> "25k", 0.05 -> "0.05": for tick labels.
func compactNumber(_ value: Double) -> String {
  let magnitude = abs(value)
  func trimmed(_ x: Double, _ suffix: String) -> String {
    let text = x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
    return text + suffix
  }
  if magnitude >= 1e6 { return trimmed(value / 1e6, "M") }
  if magnitude >= 1e3 { return trimmed(value / 1e3, "k") }
  if magnitude >= 1 || magnitude == 0 { return trimmed(value, "") }
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
