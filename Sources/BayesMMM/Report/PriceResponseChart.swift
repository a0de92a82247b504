#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Revenue change over the window when every week's price moves by a common fraction c,
/// for c inside the range the data observed, per posterior draw (`PriceScenario`, any
/// price form; under a constant elasticity e, about total revenue x ((1 + c)^e - 1)),
/// currency.
///
/// ```swift
/// let scenarios = draws.compactMap { PriceScenario(model: model, state: forward.state(parameters: $0)) }
/// if let response = PriceResponseChart(prices: data.price!, scenarios: scenarios) {
///   svg = response.plot().render()
/// }
/// ```
///
/// The observed range is that of the prices relative to their median: c runs from
/// min / median - 1 to max / median - 1 (e.g. -12% to +14%), so the chart does not
/// extrapolate beyond price levels the data contain; the chart's title says so. There is
/// no response (nil) without a positive finite price, when prices never vary, or without
/// draws.
struct PriceResponseChart {
  /// Median of the observed prices, currency.
  let medianPrice: Double
  /// Lowest and highest observed price relative to the median, minus 1 (fractions).
  let observedChange: (lower: Double, upper: Double)
  /// Price changes (fractions) on an even grid over `observedChange`.
  let changes: [Double]
  /// Revenue change over the window at each price change: median and 90% band, currency
  /// (NaN where a draw overflows).
  let median: [Double]
  let lower90: [Double]
  let upper90: [Double]

  /// - Parameter revenueChange: the draws' revenue changes (currency) at a price change c.
  init?(prices: [Double], points: Int = 17, revenueChange: (Double) -> [Double]) {
    let positive = prices.filter { $0.isFinite && $0 > 0 }
    guard let lowest = positive.min(), let highest = positive.max(), highest > lowest,
      points > 1
    else { return nil }
    let middle = Statistics.median(positive)
    let observed = (lower: lowest / middle - 1, upper: highest / middle - 1)
    let span = observed.upper - observed.lower
    let grid = (0..<points).map { observed.lower + span * Double($0) / Double(points - 1) }
    // An overflowed draw (wide priors) is left out, as in the summary's statistics.
    let curves = grid.map { revenueChange($0).filter(\.isFinite) }
    guard curves.allSatisfy({ !$0.isEmpty }) else { return nil }
    medianPrice = middle
    observedChange = observed
    changes = grid
    median = curves.map { Diagnostics.quantile($0, probability: 0.5) }
    lower90 = curves.map { Diagnostics.quantile($0, probability: 0.05) }
    upper90 = curves.map { Diagnostics.quantile($0, probability: 0.95) }
  }

  /// The chart of the draws' `PriceScenario`s.
  init?(prices: [Double], scenarios: [PriceScenario], points: Int = 17) {
    self.init(prices: prices, points: points) { change in
      scenarios.map { $0.revenueChange(priceChange: change) }
    }
  }

  /// The chart: x is the price change in percent over exactly the observed range.
  func plot() -> SVGPlot {
    let percent = changes.map { 100 * $0 }
    let extent = PlotScale.finiteExtent(lower90, upper90, median, [0])
    var plot = SVGPlot(
      title: "Revenue change against a price change, within observed prices",
      xLabel: "change of every week's price (%) from the median price "
        + NumberText.grouped(medianPrice, decimals: 2),
      yLabel: "revenue change over the window (currency)",
      x: (100 * observedChange.lower, 100 * observedChange.upper),
      y: (extent?.lower ?? -1, extent?.upper ?? 1), width: 440, height: 260)
    plot.band(percent, lower90, upper90, colour: "#fdd0a2", opacity: 0.8, label: "90% interval")
    plot.line(percent, median, colour: "#d94801", width: 2, label: "median")
    plot.horizontalRule(at: 0)
    return plot
  }

  /// One sentence on the range the chart covers.
  var rangeNote: String {
    "The price chart covers price changes from "
      + "\(ReportNumber.percent(observedChange.lower, decimals: 0)) to "
      + "\(ReportNumber.percent(observedChange.upper, decimals: 0)), the range of the observed "
      + "prices around their median (\(NumberText.grouped(medianPrice, decimals: 2))); beyond "
      + "it the model would extrapolate."
  }
}
