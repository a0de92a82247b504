/// The report's charts of a budget allocation (`BudgetAllocation`): spend per channel under
/// the current and the optimised plan, both plans' net revenue with intervals, the uplift's
/// distribution, and each channel's marginal-ROI curve around the optimum.
struct AllocationCharts {
  let allocation: BudgetAllocation

  private static let currentColour = "#9ecae1"
  private static let optimisedColour = "#08519c"

  /// Grouped bars: each channel's spend over the window, current and optimised.
  func spendBars() -> SVGPlot {
    let channels = allocation.channels
    let current = allocation.constraint.observedSpend
    let optimised = zip(current, allocation.scales).map { $0 * $1 }
    let top = (PlotScale.finiteExtent(current, optimised)?.upper ?? 1) * 1.1
    var plot = SVGPlot(
      title: "Spend by channel: current and optimised plan",
      xLabel: "social channel (scale factor of the optimised plan)",
      yLabel: "spend over the window (currency)", x: (-0.6, Double(channels.count) - 0.4),
      y: (0, top), width: 440, height: 260)
    plot.xTickLabels = channels.indices.map {
      (
        Double($0),
        "\(shortName(channels[$0])) x\(NumberText.grouped(allocation.scales[$0], decimals: 2))"
      )
    }
    let xs = channels.indices.map(Double.init)
    plot.bars(
      xs.map { $0 - 0.19 }, current, barWidth: 0.36, colour: Self.currentColour, label: "current")
    plot.bars(
      xs.map { $0 + 0.19 }, optimised, barWidth: 0.36, colour: Self.optimisedColour,
      label: "optimised")
    return plot
  }

  /// Net revenue of the current and the optimised plan: bars at the mean, whiskers over the
  /// central 90% interval of the draws.
  func netRevenueBars() -> SVGPlot {
    let plans = [allocation.currentNetRevenue, allocation.optimizedNetRevenue]
    let statistics = plans.map { PosteriorStatistics(draws: $0) }
    let top = (PlotScale.finiteExtent(statistics.map(\.upper90))?.upper ?? 1) * 1.08
    var plot = SVGPlot(
      title: "Net revenue over the window, current and optimised plan",
      xLabel: "plan (bar: mean; whiskers: 90% interval over draws)",
      yLabel: "net revenue (currency)", x: (-0.6, 1.6), y: (0, top), width: 440, height: 260)
    plot.xTickLabels = [(0, "current"), (1, "optimised")]
    plot.bars([0], [statistics[0].mean], barWidth: 0.6, colour: Self.currentColour)
    plot.bars([1], [statistics[1].mean], barWidth: 0.6, colour: Self.optimisedColour)
    plot.whiskers(
      [0, 1], statistics.map(\.lower90), statistics.map(\.upper90), label: "90% interval")
    return plot
  }

  /// Histogram of the uplift in net revenue over the draws, with 0 and the mean marked.
  func upliftHistogram() -> SVGPlot {
    let uplift = allocation.uplift
    let histogram = Histogram(
      uplift, lower: Diagnostics.finiteQuantile(uplift, probability: 0.001),
      upper: Diagnostics.finiteQuantile(uplift, probability: 0.999), bins: 30)
    let lower = min(histogram.lower, 0)
    var plot = SVGPlot(
      title: "Uplift in net revenue of the optimised plan, per draw",
      xLabel: "uplift over the current plan (currency)", yLabel: "draws",
      x: (lower, histogram.upper),
      y: (0, (PlotScale.finiteExtent(histogram.counts)?.upper ?? 1) * 1.1), width: 440,
      height: 260)
    plot.bars(
      histogram.centres, histogram.counts, barWidth: histogram.width * 0.9, colour: "#6baed6")
    plot.verticalRule(at: 0, colour: "#555", note: "no gain")
    let mean = PosteriorStatistics(draws: uplift).mean
    plot.verticalRule(at: mean, colour: "#08519c", note: "mean")
    return plot
  }

  /// One chart per channel: the marginal ROI (median, 90% band) against its spend, others
  /// at the optimum; the optimum and ROI = 1 (break-even in net revenue) marked.
  func marginalROICharts(_ curves: [MarginalROICurve]) -> [SVGPlot] {
    curves.map { curve in
      let extent = PlotScale.finiteExtent(curve.lower90, curve.upper90, [0, 1])
      var plot = SVGPlot(
        title: "\(curve.channel): marginal ROI around the optimum",
        xLabel: "the channel's spend over the window (currency), others at the optimum",
        yLabel: "net revenue per extra unit", x: (curve.spend.first ?? 0, curve.spend.last ?? 1),
        y: (extent?.lower ?? 0, extent?.upper ?? 1), width: 440, height: 260)
      plot.band(
        curve.spend, curve.lower90, curve.upper90, colour: "#c6dbef", opacity: 0.8,
        label: "90% interval")
      plot.line(curve.spend, curve.median, colour: "#08519c", width: 2, label: "median")
      plot.horizontalRule(at: 1, colour: "#e6550d", label: "ROI = 1")
      let spend = curve.optimum * (curve.spend.last ?? 0) / (curve.scales.last ?? 1)
      plot.verticalRule(at: spend, colour: "#333", note: "optimum")
      return plot
    }
  }

  /// The channel's column name without a "_spend" suffix, for tick labels.
  private func shortName(_ name: String) -> String {
    name.hasSuffix("_spend") ? String(name.dropLast(6)) : name
  }
}
