import XCTest

@testable import BayesMMM

/// The report's geometry, as it looked wrong at 1280 px in headless Chromium: a legend over
/// the data, labels cut at the right edge, overlapping diagram boxes, and a price chart
/// reaching far beyond the observed prices. Text extents are estimated as in `SVGText`.
final class ReportLayoutTests: XCTestCase {
  /// The fitted-revenue chart as the report draws it, with its five legend entries.
  private func fitLikePlot() -> SVGPlot {
    let xs = (1...104).map(Double.init)
    let ys = xs.map { 1 + 400_000 * abs(sin($0 / 5)) }
    var plot = SVGPlot(
      title: "Weekly revenue: observed and posterior predictive", xLabel: "week",
      yLabel: "revenue (currency, log scale)", x: (1, 104), y: (0.5, 400_000), yKind: .log10,
      width: 900, height: 340)
    plot.band(xs, ys.map { $0 / 2 }, ys.map { $0 * 2 }, colour: "#c6dbef", label: "90% predictive")
    plot.band(
      xs, ys.map { $0 / 1.3 }, ys.map { $0 * 1.3 }, colour: "#6baed6", label: "50% predictive")
    plot.line(xs, ys, colour: "#08519c", label: "posterior median")
    plot.points(xs, ys, colour: "#000", label: "observed")
    plot.points([8], [1], colour: "#e6550d", label: "floor week (censored)")
    return plot
  }

  func testLegendOfTheFittedRevenueChartLiesOutsideThePlotArea() {
    let plot = fitLikePlot()
    let inspection = SVGInspection(plot.render())
    let area = plot.plotArea
    let swatches = inspection.all("rect").filter {
      $0.number("width") == 12 && $0.number("height") == 10
    }
    XCTAssertEqual(swatches.count, 5)
    for swatch in swatches {
      let (x, y) = (swatch.number("x") ?? 0, swatch.number("y") ?? 0)
      let disjoint =
        y >= area.y + area.height || y + 10 <= area.y || x >= area.x + area.width
        || x + 12 <= area.x
      XCTAssertTrue(disjoint, "legend swatch at (\(x), \(y)) inside the plot area \(area)")
      XCTAssertLessThanOrEqual(y + 10, inspection.viewBox.height)
    }
    XCTAssertEqual(inspection.textsOutsideViewBox(), [])
  }

  func testResponseCurveNotesAndLongTitlesStayInsideTheViewBox() {
    let spend = stride(from: 0.0, through: 200_000, by: 10_000).map { $0 }
    let revenue = spend.map { 5e6 + 10 * $0 }
    var plot = SVGPlot(
      title: "instagram_spend: revenue vs spend (0-2x observed)",
      xLabel: "channel spend over the window (currency)",
      yLabel: "revenue over the window (currency)", x: (0, 200_000), y: (5e6, 7.1e6),
      width: 440, height: 260)
    plot.band(spend, revenue, revenue, colour: "#c7e9c0", label: "90% interval")
    plot.line(spend, revenue, colour: "#238b45", label: "median")
    plot.verticalRule(at: 100_000, note: "observed")
    plot.verticalRule(at: 195_000, note: "marginal ROI = 1")
    XCTAssertEqual(SVGInspection(plot.render()).textsOutsideViewBox(), [])

    let prior = SVGPlot(
      title: "beta_social.1 (facebook_spend, log revenue at saturation)", xLabel: "value",
      yLabel: "density", x: (-6, 6), y: (0, 0.3), width: 440, height: 230)
    XCTAssertEqual(SVGInspection(prior.render()).textsOutsideViewBox(), [])
  }

  func testForestPlotLabelsStayInsideTheViewBox() {
    let rows = ["facebook_spend", String(repeating: "a_very_long_channel_name_", count: 3)].map {
      ForestPlot.Row(
        label: "\($0) indirect", median: 1e5, lower90: -2e5, upper90: 4e5, lower95: -3e5,
        upper95: 5e5, colour: "#000", flagged: true)
    }
    let svg = ForestPlot(title: "Effects on revenue over the window", unit: "currency", rows: rows)
      .render()
    XCTAssertEqual(SVGInspection(svg).textsOutsideViewBox(), [])
  }

  private func diagramBoxes(_ diagram: CausalDiagram) -> [(Double, Double, Double, Double)] {
    SVGInspection(diagram.render()).all("rect").filter { $0.attributes["rx"] != nil }.map {
      ($0.number("x") ?? 0, $0.number("y") ?? 0, $0.number("width") ?? 0, $0.number("height") ?? 0)
    }
  }

  func testCausalDiagramBoxesArePairwiseDisjointAndInsideTheViewBox() {
    let diagrams = [
      CausalDiagram(
        socialChannels: ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"],
        mediator: "google_spend", ownedChannels: ["emails_send", "sms_send"]),
      CausalDiagram(
        socialChannels: ["a_remarkably_long_social_channel_column_name", "x"],
        mediator: "paid_search_spend_in_local_currency",
        ownedChannels: ["newsletter_sends", "push_notifications", "direct_mail_pieces"]),
      CausalDiagram(socialChannels: ["meta"], mediator: "g", ownedChannels: []),
      CausalDiagram(
        socialChannels: ["meta", "tiktok"], mediator: "g", ownedChannels: [],
        terms: OptionalTerms(price: false, promotion: false)),
    ]
    for diagram in diagrams {
      let boxes = diagramBoxes(diagram)
      XCTAssertEqual(
        boxes.count, diagram.socialChannels.count + (diagram.layout().price == nil ? 3 : 4))
      for i in boxes.indices {
        for j in boxes.indices where j > i {
          let (a, b) = (boxes[i], boxes[j])
          let overlap = a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
          XCTAssertFalse(overlap, "boxes \(a) and \(b) overlap")
        }
      }
      let inspection = SVGInspection(diagram.render())
      for box in boxes {
        XCTAssertGreaterThanOrEqual(box.0, 0)
        XCTAssertLessThanOrEqual(box.0 + box.2, inspection.viewBox.width)
      }
      for text in inspection.all("text") where text.attributes["text-anchor"] == "middle" {
        let box = boxes.first { box in
          abs((text.number("x") ?? 0) - (box.0 + box.2 / 2)) < 0.01
            && abs((text.number("y") ?? 0) - (box.1 + box.3 / 2 + 4)) < 0.01
        }
        guard let box, let extent = SVGInspection.horizontalExtent(text) else {
          XCTFail("label \(text.text) has no box")
          continue
        }
        XCTAssertTrue(
          extent.0 >= box.0 && extent.1 <= box.0 + box.2, "\(text.text) outside its box")
      }
      XCTAssertEqual(inspection.textsOutsideViewBox(), [])
    }
  }

  func testPriceChartCoversOnlyTheObservedPriceRange() throws {
    let prices = [87.56, 99.49, 113.38, 95, 104]
    // A constant elasticity e: the change at c is total x ((1 + c)^e - 1) per draw.
    let response = try XCTUnwrap(
      PriceResponseChart(prices: prices) { change in
        [-13.0, -12, -14, -11].map { 5e6 * (pow(1 + change, $0) - 1) }
      })
    XCTAssertEqual(response.medianPrice, 99.49)
    XCTAssertEqual(response.observedChange.lower, 87.56 / 99.49 - 1, accuracy: 1e-12)
    XCTAssertEqual(response.observedChange.upper, 113.38 / 99.49 - 1, accuracy: 1e-12)
    XCTAssertEqual(response.changes.first ?? .nan, response.observedChange.lower, accuracy: 1e-12)
    XCTAssertEqual(response.changes.last ?? .nan, response.observedChange.upper, accuracy: 1e-12)
    let plot = response.plot()
    XCTAssertEqual(plot.xScale.lower, 100 * response.observedChange.lower, accuracy: 1e-9)
    XCTAssertEqual(plot.xScale.upper, 100 * response.observedChange.upper, accuracy: 1e-9)
    XCTAssertTrue(plot.title.contains("within observed prices"), plot.title)
    XCTAssertEqual(
      response.rangeNote,
      "The price chart covers price changes from -12% to 14%, the range of the observed prices "
        + "around their median (99.49); beyond it the model would extrapolate.")
    XCTAssertEqual(SVGInspection(plot.render()).textsOutsideViewBox(), [])
  }

  func testPriceChartIsLeftOutWhenPricesNeverVary() {
    let change: (Double) -> [Double] = { [100 * (pow(1 + $0, -1) - 1)] }
    XCTAssertNil(PriceResponseChart(prices: [10, 10, 10], revenueChange: change))
    XCTAssertNil(PriceResponseChart(prices: [], revenueChange: change))
    XCTAssertNil(PriceResponseChart(prices: [.nan, 0], revenueChange: change))
    XCTAssertNil(PriceResponseChart(prices: [9, 11], revenueChange: { _ in [.nan] }))
  }

  func testCausalDiagramDrawsOnlyTheTermsTheModelHas() {
    let without = CausalDiagram(
      socialChannels: ["meta"], mediator: "g", ownedChannels: [],
      terms: OptionalTerms(price: false, promotion: false)
    ).render()
    XCTAssertFalse(without.contains("price"), without)
    XCTAssertFalse(without.contains("promotions"), without)
    XCTAssertTrue(without.contains(">trend, season</text>"), without)
    let ownedOnly = CausalDiagram(
      socialChannels: ["meta"], mediator: "g", ownedChannels: ["emails"],
      terms: OptionalTerms(price: false, promotion: true)
    ).render()
    XCTAssertTrue(ownedOnly.contains(">emails</text>"), ownedOnly)
    XCTAssertTrue(ownedOnly.contains(">trend, season, promotions</text>"), ownedOnly)
  }
}
