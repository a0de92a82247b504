/// The report's first section, "Decisions" (MODEL.md 10): what the posterior says to do
/// with the budget, the price and the channels, from the same computations as `bayes-mmm
/// optimize` and `bayes-mmm contributions` with their defaults and the run's seed, so the
/// figures here are those the commands print.
extension HTMLReport {
  /// The section's content.
  /// - Parameters:
  ///   - draws: every posterior draw (constrained, layout order): the allocation and the
  ///     contributions use them all, as the commands do.
  ///   - chartDraws: the report's thinned draws, for the marginal-ROI curves and the price
  ///     decision chart.
  static func decisionsSection(
    run: StoredRun, prepared: PreparedModel, draws: [[Double]], chartDraws: [[Double]],
    threads: Int
  ) -> String {
    let model = prepared.model
    var parts: [String] = []
    var settings = BudgetAllocation.Settings(seed: run.seed)
    settings.threads = threads
    if !draws.isEmpty, !model.inputs.socialNames.isEmpty,
      let allocation = try? BudgetAllocation.compute(
        model: model, draws: draws, settings: settings, dates: prepared.dataset.dates)
    {
      parts.append(paragraph(allocationSummary(allocation)))
      let charts = AllocationCharts(allocation: allocation)
      parts.append(
        "<div class=\"row\">" + charts.spendBars().render() + "\n"
          + charts.netRevenueBars().render() + "</div>")
      let curves = MarginalROICurve.compute(
        allocation: allocation, model: model, draws: chartDraws, threads: threads)
      parts.append(
        "<div class=\"row\">" + charts.upliftHistogram().render() + "\n"
          + charts.marginalROICharts(curves).map { $0.render() }.joined(separator: "\n")
          + "</div>")
      parts.append(
        paragraph(
          "Marginal ROI: net revenue per extra unit of a channel's spend with the others at the "
            + "optimum (\(chartDraws.count) draws). At an interior optimum the free channels' "
            + "curves cross at the same value; a channel whose curve stays above the others at "
            + "its upper bound would take more budget if its bound allowed."))
      if !allocation.warnings.isEmpty {
        parts.append(
          "<ul>" + allocation.warnings.map { "<li>\(escapeXML($0))</li>" }.joined() + "</ul>")
      }
    }
    let forward = ForwardModel(model: model)
    let scenarios = chartDraws.compactMap {
      PriceScenario(model: model, state: forward.state(parameters: $0))
    }
    if let prices = prepared.dataset.price,
      let price = PriceDecisionChart(prices: prices, scenarios: scenarios)
    {
      parts.append("<div class=\"row\">" + price.plot().render() + "</div>")
      parts.append(paragraph(price.note))
    }
    let contributions = Contributions.compute(
      model: model, parameterDraws: draws, paths: Contributions.defaultPaths,
      random: GSLRandom(runSeed: run.seed, stream: RandomStreams.contributions.stream(0)))
    let summary = ContributionSummary(
      contributions, dates: prepared.dataset.dates, censored: model.inputs.censored)
    let contributionCharts = ContributionCharts(summary: summary)
    parts.append(contributionCharts.stackedOverTime().render())
    parts.append(contributionCharts.waterfall().render())
    parts.append(
      paragraph(
        ContributionSummary.convention + " (`bayes-mmm contributions --run DIR`, "
          + "\(Contributions.defaultPaths) Google paths per draw.)"))
    return parts.joined(separator: "\n")
  }

  /// The allocation in two sentences: what moves, what it gains, how sure, and the command.
  private static func allocationSummary(_ allocation: BudgetAllocation) -> String {
    let moves = zip(allocation.channels, allocation.scales).map { channel, scale in
      "\(channel) x\(NumberText.grouped(scale, decimals: 2))"
    }
    let gain = PosteriorStatistics(draws: allocation.uplift)
    let current = PosteriorStatistics(draws: allocation.currentNetRevenue)
    return "Reallocating the same social budget ("
      + "\(NumberText.grouped(allocation.constraint.budget, decimals: 0)) over "
      + "\(allocation.windowDescription)) within "
      + "\(NumberText.plain(ScaleBounds.defaultRange.lowerBound)) to "
      + "\(NumberText.plain(ScaleBounds.defaultRange.upperBound)) times each channel's spend, to "
      + "maximise expected net revenue (revenue less the Google spend the plan induces): "
      + moves.joined(separator: ", ") + ". The uplift in net revenue is "
      + "\(NumberText.grouped(gain.mean, decimals: 0)) on average (90% interval "
      + "\(NumberText.grouped(gain.lower90, decimals: 0)) to "
      + "\(NumberText.grouped(gain.upper90, decimals: 0))), "
      + ReportNumber.percent(gain.mean / current.mean, decimals: 1)
      + " of the current plan's, and the new plan beats the current one in "
      + ReportNumber.percent(gain.probabilityPositive, decimals: 1) + " of the "
      + "\(allocation.current.count) posterior draws. Reproduce, with bounds, budget, a risk-averse "
      + "objective or a plan of future weeks: bayes-mmm optimize --run DIR."
  }
}
