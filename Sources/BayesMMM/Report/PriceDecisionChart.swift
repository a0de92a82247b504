/// The price decision boundary: for a common change c of every week's price within the
/// observed range, the share of posterior draws in which the window's revenue rises
/// (`PriceScenario.revenueChange(priceChange:) > 0`). Where it crosses one half is the
/// boundary between changes the posterior favours and those it does not.
///
/// ```swift
/// if let chart = PriceDecisionChart(prices: data.price!, scenarios: scenarios) {
///   svg = chart.plot().render(); note = chart.note
/// }
/// ```
///
/// Nil without a positive finite price, when prices never vary, or without draws.
struct PriceDecisionChart {
  /// Price changes (fractions) on an even grid over the observed range.
  let changes: [Double]
  /// P(revenue change > 0) at each change, over the draws with a finite change.
  let probability: [Double]
  let medianPrice: Double

  init?(prices: [Double], scenarios: [PriceScenario], points: Int = 33) {
    let positive = prices.filter { $0.isFinite && $0 > 0 }
    guard let lowest = positive.min(), let highest = positive.max(), highest > lowest,
      !scenarios.isEmpty, points > 1
    else { return nil }
    let middle = Statistics.median(positive)
    let (lower, upper) = (lowest / middle - 1, highest / middle - 1)
    changes = (0..<points).map { lower + (upper - lower) * Double($0) / Double(points - 1) }
    probability = changes.map { change in
      let values = scenarios.map { $0.revenueChange(priceChange: change) }.filter(\.isFinite)
      return values.isEmpty
        ? .nan : Double(values.filter { $0 > 0 }.count) / Double(values.count)
    }
    medianPrice = middle
  }

  /// The price changes where the probability crosses 1/2, by linear interpolation.
  var boundaries: [Double] {
    var crossings: [Double] = []
    for k in 1..<changes.count {
      let (p0, p1) = (probability[k - 1] - 0.5, probability[k] - 0.5)
      guard p0.isFinite, p1.isFinite, p0 * p1 < 0 else { continue }
      crossings.append(changes[k - 1] + (changes[k] - changes[k - 1]) * p0 / (p0 - p1))
    }
    return crossings
  }

  func plot() -> SVGPlot {
    var plot = SVGPlot(
      title: "Price decision: probability that a price change raises revenue",
      xLabel: "change of every week's price (%) from the median price "
        + NumberText.grouped(medianPrice, decimals: 2),
      yLabel: "P(revenue over the window rises)",
      x: (100 * (changes.first ?? -0.1), 100 * (changes.last ?? 0.1)), y: (0, 1), width: 440,
      height: 260)
    plot.line(changes.map { 100 * $0 }, probability, colour: "#d94801", width: 2)
    plot.horizontalRule(at: 0.5, colour: "#888", label: "one half")
    for boundary in boundaries {
      plot.verticalRule(
        at: 100 * boundary, colour: "#333",
        note: "boundary \(ReportNumber.percent(boundary, decimals: 1))")
    }
    return plot
  }

  /// One sentence on where the boundary lies.
  var note: String {
    let range =
      "\(ReportNumber.percent(changes.first, decimals: 0)) to "
      + "\(ReportNumber.percent(changes.last, decimals: 0))"
    guard !boundaries.isEmpty else {
      let raises = probability.allSatisfy { !$0.isFinite || $0 >= 0.5 }
      return "Within the observed prices (\(range)), no price change crosses the boundary: "
        + (raises
          ? "every change raises revenue in at least half of the draws."
          : "changes raise revenue in fewer than half of the draws, except where none is made.")
    }
    let list = boundaries.map { ReportNumber.percent($0, decimals: 1) }.joined(separator: ", ")
    let cut = probability.first.map { $0 > 0.5 } ?? false
    return "Within the observed prices (\(range)), the probability that a common price change "
      + "raises revenue crosses one half at \(list): "
      + (cut
        ? "price cuts beyond it are favoured by the posterior, increases are not."
        : "price increases beyond it are favoured by the posterior, cuts are not.")
  }
}
