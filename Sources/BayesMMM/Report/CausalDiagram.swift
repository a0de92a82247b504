/// The causal DAG of the model as an SVG: social channels -> Google (mediator) -> revenue,
/// social -> revenue directly, and the adjusted controls (trend, season, promotions) into
/// both the mediator and revenue, price into revenue.
struct CausalDiagram {
  let socialChannels: [String]
  let mediator: String
  let ownedChannels: [String]

  func render() -> String {
    let width = 720.0
    let rowHeight = 34.0
    let height = max(260, 70 + rowHeight * Double(socialChannels.count))
    let socialX = 120.0
    let mediatorPoint = (x: 380.0, y: 70.0)
    let revenuePoint = (x: 620.0, y: height / 2)
    let controlsPoint = (x: 380.0, y: height - 40)
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart dag\" role=\"img\" "
        + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" "
        + "height=\"\(fmt(height))\" font-family=\"sans-serif\">",
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
    func node(_ label: String, _ x: Double, _ y: Double, fill: String) {
      let w = Double(max(label.count, 6)) * 7 + 16
      parts.append(
        "<rect x=\"\(fmt(x - w / 2))\" y=\"\(fmt(y - 13))\" width=\"\(fmt(w))\" height=\"26\" "
          + "rx=\"6\" fill=\"\(fill)\" stroke=\"#333\"/>")
      parts.append(
        "<text x=\"\(fmt(x))\" y=\"\(fmt(y + 4))\" font-size=\"12\" text-anchor=\"middle\">"
          + "\(escapeXML(label))</text>")
    }
    for (index, channel) in socialChannels.enumerated() {
      let y = 50 + rowHeight * Double(index)
      arrow((socialX + 70, y), (mediatorPoint.x - 60, mediatorPoint.y + 6), colour: "#6a51a3")
      arrow(
        (socialX + 70, y), (revenuePoint.x - 50, revenuePoint.y), colour: "#2171b5", dashed: true)
      node(channel, socialX, y, fill: "#dadaeb")
    }
    arrow(
      (mediatorPoint.x + 60, mediatorPoint.y), (revenuePoint.x - 40, revenuePoint.y - 12),
      colour: "#6a51a3")
    arrow(
      (controlsPoint.x, controlsPoint.y - 14), (mediatorPoint.x, mediatorPoint.y + 14),
      colour: "#999")
    arrow(
      (controlsPoint.x + 80, controlsPoint.y - 6), (revenuePoint.x - 40, revenuePoint.y + 12),
      colour: "#999")
    node(mediator + " (mediator)", mediatorPoint.x, mediatorPoint.y, fill: "#efedf5")
    node("revenue", revenuePoint.x, revenuePoint.y, fill: "#fee6ce")
    let owned = ownedChannels.isEmpty ? "" : ", " + ownedChannels.joined(separator: ", ")
    node("trend, season, promotions", controlsPoint.x, controlsPoint.y, fill: "#f0f0f0")
    node("price\(owned)", revenuePoint.x - 40, height - 40, fill: "#f0f0f0")
    arrow(
      (revenuePoint.x - 40, height - 54), (revenuePoint.x - 10, revenuePoint.y + 14), colour: "#999"
    )
    parts.append(
      "<text x=\"10\" y=\"\(fmt(height - 8))\" font-size=\"11\" fill=\"#555\">solid purple: "
        + "indirect path through the mediator; dashed blue: direct path; grey: adjusted "
        + "controls (back-door paths closed)</text>")
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }
}
