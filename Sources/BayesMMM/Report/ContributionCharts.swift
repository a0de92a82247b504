/// The report's charts of revenue contributions (`ContributionSummary`): weekly posterior
/// means stacked over time, and a waterfall of the window's totals. Both show the parts the
/// multiplicative model's convention defines (`ContributionSummary.convention`): baseline,
/// one-at-a-time removals (social totals, Google, owned, price, promotion) and the
/// interaction that closes the gap to observed revenue; the direct / via-Google split of a
/// social total is not stacked again.
struct ContributionCharts {
  let summary: ContributionSummary

  /// Baseline, the removal parts, then the interaction, in order.
  var series: [ContributionSummary.Series] {
    [summary.baseline]
      + summary.parts.filter { $0.kind != "social_direct" && $0.kind != "social_indirect" }
      + [summary.interaction]
  }

  private static let palette = [
    "#bdbdbd", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#fd8d3c", "#74c476",
    "#9e9ac8", "#d6616b", "#e7ba52", "#7b4173",
  ]

  /// Stacked weekly means: positive values stacked up from 0, negative ones down from 0, each
  /// series keeping its colour; the observed revenue (their sum) as a line.
  func stackedOverTime() -> SVGPlot {
    let series = self.series
    let weeks = summary.dates.count
    var positive = [Double](repeating: 0, count: weeks)
    var negative = [Double](repeating: 0, count: weeks)
    var layers: [(name: String, lower: [Double], upper: [Double])] = []
    for part in series {
      var lower = [Double](repeating: 0, count: weeks)
      var upper = [Double](repeating: 0, count: weeks)
      for t in 0..<weeks {
        let value = part.weekly[t].mean
        guard value.isFinite else {
          (lower[t], upper[t]) = (.nan, .nan)
          continue
        }
        if value >= 0 {
          (lower[t], upper[t]) = (positive[t], positive[t] + value)
          positive[t] += value
        } else {
          (lower[t], upper[t]) = (negative[t] + value, negative[t])
          negative[t] += value
        }
      }
      layers.append((part.name, lower, upper))
    }
    let total = (0..<weeks).map { t in series.reduce(0) { $0 + $1.weekly[t].mean } }
    let extent = PlotScale.finiteExtent(positive, negative, total, [0])
    let xs = (0..<weeks).map(Double.init)
    var plot = SVGPlot(
      title: "Revenue contributions over time (posterior means, stacked)",
      xLabel: "week", yLabel: "revenue (currency)", x: (0, Double(max(weeks - 1, 1))),
      y: (extent?.lower ?? -1, extent?.upper ?? 1))
    plot.xTickLabels = stride(from: 0, to: weeks, by: max(weeks / 6, 1)).map {
      (Double($0), summary.dates[$0])
    }
    for (k, layer) in layers.enumerated() {
      plot.band(
        xs, layer.lower, layer.upper, colour: Self.palette[k % Self.palette.count], opacity: 0.85,
        label: layer.name)
    }
    plot.line(xs, total, colour: "#000", width: 1.4, label: "observed revenue")
    return plot
  }

  /// The window's totals (posterior means) from the baseline through every part and the
  /// interaction to observed revenue.
  func waterfall() -> WaterfallChart {
    WaterfallChart(
      title: "Revenue over the window: baseline, contributions and interaction (means)",
      unit: "currency over the window",
      steps: series.map { ($0.name, $0.total.mean) }, totalLabel: "observed revenue")
  }
}
