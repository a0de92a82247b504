/// Rank plot (Vehtari et al. 2021): the draws of all chains are ranked together and each
/// chain's ranks are binned; uniform bars mean the chains explore the same distribution.
struct RankPlot {
  let name: String
  /// chains x draws.
  let draws: [[Double]]
  var bins = 20

  func render() -> String {
    let ranks = Diagnostics.fractionalRanks(draws.flatMap { $0 })
    let total = Double(ranks.count)
    var plot = SVGPlot(
      title: "Rank plot: \(name)", xLabel: "rank bin", yLabel: "draws per bin",
      x: (0, Double(bins)), y: (0, 2.2 * total / Double(max(draws.count, 1) * bins)),
      width: 350, height: 220)
    let colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
    var offset = 0
    for (chain, series) in draws.enumerated() {
      var counts = [Double](repeating: 0, count: bins)
      for index in offset..<offset + series.count {
        let bin = min(bins - 1, Int((ranks[index] - 1) / total * Double(bins)))
        counts[bin] += 1
      }
      offset += series.count
      plot.line(
        (0..<bins).map { Double($0) + 0.5 }, counts, colour: colours[chain % colours.count],
        label: "chain \(chain + 1)")
    }
    plot.horizontalRule(at: Double(draws.first?.count ?? 0) / Double(bins))
    return plot.render()
  }
}
