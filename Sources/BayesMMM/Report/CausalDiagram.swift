/// The causal DAG of the model as an SVG: social channels -> Google (mediator) -> revenue,
/// social -> revenue directly, and the adjusted controls (trend, season, and promotions when
/// the model has them) into both the mediator and revenue, price (when the model has it) and
/// the owned channels into revenue.
///
/// ```swift
/// let svg = CausalDiagram(socialChannels: ["facebook_spend"], mediator: "google_spend",
///                         ownedChannels: []).render()
/// ```
///
/// Layout (`layout()`): the mediator on top, the social channels in a column below it on
/// the left, revenue on the right at the height of the channels' middle, the controls and
/// price with the owned channels side by side in a bottom row (no such box when the model has
/// neither). Box widths come from the
/// labels' estimated widths (`SVGText`); columns are spaced from the widest box, so boxes
/// never overlap, whatever the names, and the diagram widens beyond 720 px when the names
/// need it. Arrows are drawn first and run between box edges.
struct CausalDiagram {
  let socialChannels: [String]
  let mediator: String
  let ownedChannels: [String]
  /// The optional terms the model has; a term it lacks is not drawn.
  var terms: OptionalTerms = .all

  /// A labelled box, centre and size in pixels.
  struct Box: Equatable {
    let label: String
    let centreX: Double
    let centreY: Double
    let width: Double
    let height: Double

    var left: Double { centreX - width / 2 }
    var right: Double { centreX + width / 2 }
    var top: Double { centreY - height / 2 }
    var bottom: Double { centreY + height / 2 }

    /// True when the two boxes share interior points.
    func overlaps(_ other: Box) -> Bool {
      left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }
  }

  /// Every box and the size of the drawing.
  struct Layout {
    let social: [Box]
    let mediator: Box
    let revenue: Box
    let controls: Box
    /// Price and the owned channels; nil when the model has neither.
    let price: Box?
    let width: Double
    let height: Double
    /// Baselines of the two caption lines.
    let captionY: (Double, Double)

    var boxes: [Box] { social + [mediator, revenue, controls] + (price.map { [$0] } ?? []) }
  }

  static let fontSize = 12.0
  static let boxHeight = 26.0
  static let caption = (
    "solid purple: indirect path through the mediator; dashed blue: direct path;",
    "grey: adjusted controls (back-door paths closed)"
  )

  static func boxWidth(_ label: String) -> Double {
    max(SVGText.width(label, fontSize: fontSize), 48) + 16
  }

  func layout() -> Layout {
    let margin = 10.0
    let rowHeight = 34.0
    let columnGap = 110.0
    let h = Self.boxHeight
    let socialWidth = socialChannels.map(Self.boxWidth).max() ?? Self.boxWidth("")
    let socialX = margin + socialWidth / 2
    let mediatorLabel = mediator + " (mediator)"
    let mediatorWidth = Self.boxWidth(mediatorLabel)
    let mediatorBox = Box(
      label: mediatorLabel, centreX: margin + socialWidth + columnGap + mediatorWidth / 2,
      centreY: 24, width: mediatorWidth, height: h)
    let firstRow = mediatorBox.bottom + 40
    let social = socialChannels.enumerated().map { index, name in
      Box(
        label: name, centreX: socialX, centreY: firstRow + rowHeight * Double(index),
        width: Self.boxWidth(name), height: h)
    }
    let lastRow = social.last?.centreY ?? firstRow
    let bottomY = lastRow + 64
    let controlsLabel = "trend, season" + (terms.promotion ? ", promotions" : "")
    let controlsWidth = Self.boxWidth(controlsLabel)
    let controls = Box(
      label: controlsLabel, centreX: mediatorBox.centreX, centreY: bottomY,
      width: controlsWidth, height: h)
    let priceLabel = ((terms.price ? ["price"] : []) + ownedChannels).joined(separator: ", ")
    let priceWidth = Self.boxWidth(priceLabel)
    let price =
      priceLabel.isEmpty
      ? nil
      : Box(
        label: priceLabel, centreX: controls.right + 24 + priceWidth / 2, centreY: bottomY,
        width: priceWidth, height: h)
    let revenueWidth = Self.boxWidth("revenue")
    let revenueX = max(mediatorBox.right, controls.right) + columnGap + revenueWidth / 2
    let revenue = Box(
      label: "revenue", centreX: max(revenueX, price?.centreX ?? revenueX),
      centreY: (firstRow + lastRow) / 2,
      width: revenueWidth, height: h)
    let captionWidth = max(
      SVGText.width(Self.caption.0, fontSize: 11), SVGText.width(Self.caption.1, fontSize: 11))
    let width = max(
      720, revenue.right + margin, (price?.right ?? 0) + margin, captionWidth + 2 * margin)
    let captionY = (bottomY + h / 2 + 20, bottomY + h / 2 + 34)
    return Layout(
      social: social, mediator: mediatorBox, revenue: revenue, controls: controls, price: price,
      width: width, height: captionY.1 + 8, captionY: captionY)
  }

  func render() -> String {
    let layout = layout()
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart dag\" role=\"img\" "
        + "viewBox=\"0 0 \(fmt(layout.width)) \(fmt(layout.height))\" "
        + "width=\"\(fmt(layout.width))\" height=\"\(fmt(layout.height))\" "
        + "font-family=\"sans-serif\">",
      "<title>Causal diagram</title>",
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
        + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>",
    ]
    func arrow(
      _ from: (Double, Double), _ to: (Double, Double), colour: String, dashed: Bool = false
    ) {
      let dash = dashed ? " stroke-dasharray=\"5 4\"" : ""
      parts.append(
        "<line x1=\"\(fmt(from.0))\" y1=\"\(fmt(from.1))\" x2=\"\(fmt(to.0))\" y2=\"\(fmt(to.1))\" "
          + "stroke=\"\(colour)\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"\(dash)/>")
    }
    let mediator = layout.mediator
    let revenue = layout.revenue
    for box in layout.social {
      arrow((box.right, box.centreY), (mediator.left + 12, mediator.bottom), colour: "#6a51a3")
      arrow(
        (box.right, box.centreY), (revenue.left, revenue.centreY), colour: "#2171b5", dashed: true)
    }
    arrow((mediator.right - 12, mediator.bottom), (revenue.centreX, revenue.top), colour: "#6a51a3")
    let controls = layout.controls
    arrow((controls.centreX, controls.top), (mediator.centreX, mediator.bottom), colour: "#999")
    arrow((controls.right - 12, controls.top), (revenue.left + 8, revenue.bottom), colour: "#999")
    if let price = layout.price {
      arrow((price.centreX, price.top), (revenue.centreX, revenue.bottom), colour: "#999")
    }
    let fills = [
      (layout.social, "#dadaeb"), ([mediator], "#efedf5"), ([revenue], "#fee6ce"),
      ([controls] + (layout.price.map { [$0] } ?? []), "#f0f0f0"),
    ]
    for (boxes, fill) in fills {
      for box in boxes {
        parts.append(
          "<rect x=\"\(fmt(box.left))\" y=\"\(fmt(box.top))\" width=\"\(fmt(box.width))\" "
            + "height=\"\(fmt(box.height))\" rx=\"6\" fill=\"\(fill)\" stroke=\"#333\"/>")
        parts.append(
          "<text x=\"\(fmt(box.centreX))\" y=\"\(fmt(box.centreY + 4))\" "
            + "font-size=\"\(fmt(Self.fontSize))\" text-anchor=\"middle\">"
            + "\(escapeXML(box.label))</text>")
      }
    }
    for (line, y) in [(Self.caption.0, layout.captionY.0), (Self.caption.1, layout.captionY.1)] {
      parts.append(
        "<text x=\"10\" y=\"\(fmt(y))\" font-size=\"11\" fill=\"#555\">\(escapeXML(line))</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }
}
