import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One self-contained HTML file describing a run: decisions (budget allocation, price
/// decision, contributions), causal diagram, fit, residuals, predictive check, prior vs
/// posterior, effects, response curves, price and promotion, diagnostics and the data
/// audit. Inline SVG and CSS only (no network, no scripts); the document is well-formed XML
/// (XHTML) so it can be checked by any XML parser.
///
/// ```swift
/// let html = HTMLReport.build(run: stored, summary: summary, prepared: prepared)
/// try AtomicFileWriter.write(html, to: "report.html")
/// ```
public enum HTMLReport {
  /// The section ids, in document order; every one is present in every report, except
  /// `price-promotion` for a model with neither a price nor a promotion term.
  public static let sectionIDs = [
    "decisions", "causal-diagram", "fit", "residuals", "predictive-check", "prior-posterior",
    "effects",
    "response-curves", "price-promotion", "diagnostics", "audit",
  ]

  /// - Parameters:
  ///   - maxDraws: posterior draws used for the charts that re-run the model (thinned evenly);
  ///     the decisions' allocation and contributions use every draw, as their commands do.
  ///   - threads: threads for the allocation (its result does not depend on them).
  public static func build(
    run: StoredRun, summary: RunSummary, prepared: PreparedModel, maxDraws: Int = 300,
    threads: Int = 1
  ) -> String {
    let model = prepared.model
    // Every draw's parameters, read once: the decisions and the price chart use them all,
    // the charts that re-run the model an even thinning.
    let allDraws = (try? run.parameterDraws(for: model)) ?? []
    let draws = thinned(allDraws, to: maxDraws)
    let random = GSLRandom(runSeed: run.seed, stream: RandomStreams.reportPredictive.first)
    let bands = PredictiveBands(model: model, parameterDraws: draws, random: random)
    let curves = ResponseCurve.compute(model: model, parameterDraws: draws, random: random)
    var body: [String] = []
    body.append(header(summary: summary, prepared: prepared))
    body.append(
      section(
        "decisions", "Decisions",
        decisionsSection(
          run: run, prepared: prepared,
          draws: allDraws, chartDraws: draws,
          threads: threads)))
    body.append(
      section("causal-diagram", "Causal diagram", dagSection(summary: summary, model: model)))
    body.append(
      section(
        "fit", "Actual and fitted revenue",
        fitChart(prepared: prepared, bands: bands, summary: summary)))
    body.append(section("residuals", "Residuals", residualCharts(prepared: prepared, bands: bands)))
    body.append(
      section(
        "predictive-check", "Posterior-predictive check",
        predictiveCheck(model: model, bands: bands)))
    body.append(
      section(
        "prior-posterior", "Prior and posterior of key parameters",
        priorPosterior(run: run, model: model)))
    body.append(
      section("effects", "Direct, indirect and total effects", effectsSection(summary: summary)))
    if let liftTests = liftTestsSection(summary: summary) { body.append(liftTests) }
    body.append(section("response-curves", "Response curves", responseSection(curves: curves)))
    let terms = model.layout.terms
    if terms.price || terms.promotion {
      let title =
        terms.price && terms.promotion
        ? "Price and promotions" : terms.price ? "Price" : "Promotions"
      body.append(
        section(
          "price-promotion", title,
          pricePromotion(run: run, prepared: prepared, summary: summary, draws: allDraws)))
    }
    body.append(
      section("diagnostics", "Sampler diagnostics", diagnosticsSection(run: run, summary: summary)))
    body.append(section("audit", "Data audit", auditSection(run: run)))
    return document(body.joined(separator: "\n"))
  }

  // MARK: - Sections

  private static func header(summary: RunSummary, prepared: PreparedModel) -> String {
    let data = prepared.dataset
    return """
      <h1>bayes-mmm report</h1>
      <p class="meta">Data \(escapeXML(data.sourcePath)) (\(data.weekCount) weeks, \
      \(escapeXML(data.dates.first ?? "")) to \(escapeXML(data.dates.last ?? ""))), \
      \(summary.chains) chains x \(summary.drawsPerChain) draws, seed \(summary.seed). \
      Currency is the data's own; weeks are ISO weeks.</p>
      """
  }

  private static func dagSection(summary: RunSummary, model: JointModel) -> String {
    CausalDiagram(
      socialChannels: model.inputs.socialNames, mediator: model.inputs.mediatorName,
      ownedChannels: model.inputs.ownedNames, terms: model.inputs.terms
    ).render()
      + paragraph(
        "Social spend acts on revenue directly and through search intent, which moves "
          + "\(model.inputs.mediatorName). Trend, seasonality"
          + (model.inputs.terms.promotion ? " and promotions" : "") + " drive both search "
          + "and sales, so both equations adjust for them (back-door paths). Google's observed "
          + "spend is not a mere control: adjusting for it would remove the indirect part of "
          + "each social effect; it is modelled as a mediator instead. " + summary.assumption)
  }

  private static func fitChart(prepared: PreparedModel, bands: PredictiveBands, summary: RunSummary)
    -> String
  {
    let data = prepared.dataset
    let weeks = (1...data.weekCount).map(Double.init)
    let positive = PlotScale.finiteExtent(data.outcome.filter { $0 > 0 })
    let highest = PlotScale.finiteExtent(bands.upper90, data.outcome)?.upper
    var plot = SVGPlot(
      title: "Weekly revenue: observed and posterior predictive", xLabel: "week",
      yLabel: "revenue (currency, log scale)", x: (1, Double(data.weekCount)),
      y: ((positive?.lower ?? 1) * 0.5, highest ?? 10), yKind: .log10, width: 900, height: 340)
    plot.xTickLabels = dateTicks(data.dates)
    plot.band(
      weeks, bands.lower90, bands.upper90, colour: "#c6dbef", opacity: 0.7, label: "90% predictive")
    plot.band(
      weeks, bands.lower50, bands.upper50, colour: "#6baed6", opacity: 0.6, label: "50% predictive")
    plot.line(weeks, bands.median, colour: "#08519c", label: "posterior median")
    plot.points(weeks, data.outcome, colour: "#000", radius: 2.2, label: "observed")
    let floors = data.isFloor.indices.filter { data.isFloor[$0] }
    plot.points(
      floors.map { Double($0 + 1) }, floors.map { data.outcome[$0] }, colour: "#e6550d", radius: 4,
      label: "floor week (censored)")
    var text =
      "Floor weeks (revenue at the reporting floor) are censored: the model only knows revenue was at or below the floor there, so the bands show the prediction of max(revenue, floor), what a week's report can show."
    if let fit = summary.fit {
      text +=
        " Bayesian R-squared of log revenue \(number(fit.bayesianR2.median)) (90%: "
        + "\(number(fit.bayesianR2.lower90)) to \(number(fit.bayesianR2.upper90))); "
        + "\(percent(fit.coverage50)) of weeks inside the 50% band and \(percent(fit.coverage90)) inside the 90% band; "
        + "MAPE on non-floor weeks \(fit.mape.isFinite ? number(fit.mape) + "%" : "n/a")."
    }
    return plot.render() + paragraph(text)
  }

  private static func residualCharts(prepared: PreparedModel, bands: PredictiveBands) -> String {
    let data = prepared.dataset
    let weeks = (1...data.weekCount).map(Double.init)
    let finite = bands.residuals.filter(\.isFinite)
    let extent = max(finite.map(abs).max() ?? 1, 0.5)
    var overTime = SVGPlot(
      title: "Residuals over time (log revenue minus posterior median)", xLabel: "week",
      yLabel: "residual (log scale)", x: (1, Double(data.weekCount)), y: (-extent, extent),
      width: 900, height: 260)
    overTime.xTickLabels = dateTicks(data.dates)
    overTime.horizontalRule(at: 0)
    overTime.points(weeks, bands.residuals, colour: "#3182bd")
    var against: [String] = []
    if let price = data.price {
      let prices = PlotScale.finiteExtent(price)
      var againstPrice = SVGPlot(
        title: "Residuals against price", xLabel: "average price (currency)",
        yLabel: "residual (log scale)",
        x: ((prices?.lower ?? 0) * 0.98, (prices?.upper ?? 1) * 1.02),
        y: (-extent, extent), width: 440, height: 260)
      againstPrice.horizontalRule(at: 0)
      againstPrice.points(price, bands.residuals, colour: "#756bb1")
      against.append(againstPrice.render())
    }
    if let promotion = data.promotion {
      var againstPromo = SVGPlot(
        title: "Residuals against promotions", xLabel: "promotion intensity",
        yLabel: "residual (log scale)", x: (-0.2, 1.2), y: (-extent, extent), width: 440,
        height: 260)
      againstPromo.horizontalRule(at: 0)
      againstPromo.points(promotion, bands.residuals, colour: "#31a354")
      against.append(againstPromo.render())
    }
    let terms = [data.price.map { _ in "price" }, data.promotion.map { _ in "promotions" }]
      .compactMap { $0 }
    let patternNote =
      terms.isEmpty
      ? ""
      : " A pattern against \(terms.joined(separator: " or ")) would mean "
        + "\(terms.count == 1 ? "its" : "their") effect is mis-specified."
    return overTime.render()
      + (against.isEmpty ? "" : "<div class=\"row\">" + against.joined() + "</div>")
      + paragraph("Floor weeks have no residual (censored)." + patternNote)
  }

  private static func predictiveCheck(model: JointModel, bands: PredictiveBands) -> String {
    let inputs = model.inputs
    let observed = inputs.logRevenue.indices.filter { !inputs.censored[$0] }.map {
      inputs.logRevenue[$0]
    }
    let all = observed + bands.replicated
    let observedHistogram = Histogram(
      observed, lower: Diagnostics.finiteQuantile(all, probability: 0.002),
      upper: Diagnostics.finiteQuantile(all, probability: 0.998), bins: 30)
    let (lower, upper) = (observedHistogram.lower, observedHistogram.upper)
    let width = observedHistogram.width
    let centres = observedHistogram.centres
    let observedDensity = observedHistogram.densities
    let replicatedDensity =
      Histogram(bands.replicated, lower: lower, upper: upper, bins: 30).densities
    var plot = SVGPlot(
      title: "Distribution of weekly log revenue: observed vs replicated",
      xLabel: "log(revenue / mean revenue)",
      yLabel: "density", x: (lower, upper),
      y: (0, (PlotScale.finiteExtent(observedDensity, replicatedDensity)?.upper ?? 1) * 1.1))
    plot.bars(
      centres, observedDensity, barWidth: width * 0.9, colour: "#9e9ac8",
      label: "observed (non-floor weeks)")
    plot.line(
      centres, replicatedDensity, colour: "#08519c", width: 2, label: "posterior predictive")
    return plot.render()
  }

  private static func priorPosterior(run: StoredRun, model: JointModel) -> String {
    let layout = model.layout
    var names = layout.priceParameters.map { layout.names[$0] } + ["promo_lift", "beta_google"]
    names += layout.socialChannels.indices.map { "beta_social.\($0 + 1)" }
    names.append("revenue_sigma")
    var charts: [String] = []
    for name in names {
      guard let index = layout.names.firstIndex(of: name),
        let posterior = run.draws.column(named: name)?.flatMap({ $0 })
      else { continue }
      let prior = model.priors[index]
      let ends = PlotScale.finiteExtent(
        [Diagnostics.finiteQuantile(posterior, probability: 0.001), prior.quantile(0.02)],
        [Diagnostics.finiteQuantile(posterior, probability: 0.999), prior.quantile(0.98)])
      let histogram = Histogram(
        posterior, lower: ends?.lower ?? .nan, upper: ends?.upper ?? .nan, bins: 30)
      let (lower, upper) = (histogram.lower, histogram.upper)
      let width = histogram.width
      let densities = histogram.densities
      let grid = (0...100).map { lower + (upper - lower) * Double($0) / 100 }
      let priorDensity = grid.map { exp(prior.logDensity(at: $0)) }
      var plot = SVGPlot(
        title: label(name, layout: layout), xLabel: "value", yLabel: "density", x: (lower, upper),
        y: (0, (PlotScale.finiteExtent(densities, priorDensity)?.upper ?? 1) * 1.1), width: 440,
        height: 230)
      plot.bars(
        histogram.centres, densities, barWidth: width * 0.9,
        colour: "#6baed6", label: "posterior")
      plot.line(grid, priorDensity, colour: "#e6550d", width: 2, dashed: true, label: "prior")
      charts.append(plot.render())
    }
    return "<div class=\"row\">" + charts.joined(separator: "\n") + "</div>"
      + paragraph(
        "A posterior much narrower than its prior was informed by the data; one that looks like its prior was not."
      )
  }

  private static func effectsSection(summary: RunSummary) -> String {
    guard summary.effectsInRun else { return paragraph("This run has no effect columns.") }
    var parts: [String] = []
    for contrast in EffectContrast.allCases {
      let rows = summary.effects.filter { $0.contrast == contrast }.map { row in
        ForestPlot.Row(
          label: "\(row.channel) \(row.effect.rawValue)", median: row.statistics.median,
          lower90: row.statistics.lower90, upper90: row.statistics.upper90,
          lower95: row.statistics.lower95, upper95: row.statistics.upper95,
          colour: colour(for: row.effect), flagged: row.extrapolation)
      }
      parts.append(
        ForestPlot(
          title: "Effects on revenue over the window: \(contrast.phrase)",
          unit: "revenue over the window (currency); dot = median, thick = 90%, thin = 95%",
          rows: rows, width: 900
        ).render())
    }
    parts.append(effectsTable(summary: summary))
    parts.append(
      paragraph(
        "Rows marked * switch off a channel that was never off in the data: an extrapolation that rests on the response curve's shape; read the median and the interval, not the mean, and prefer the +10% contrast as the marginal answer."
      ))
    parts.append(paragraph(summary.assumption))
    return parts.joined(separator: "\n")
  }

  private static func effectsTable(summary: RunSummary) -> String {
    var rows = [
      "<table><thead><tr><th>channel</th><th>effect</th><th>contrast</th><th>median</th><th>90% interval</th><th>P(&gt;0)</th><th>ROI</th><th>net ROI</th></tr></thead><tbody>"
    ]
    for row in summary.effects {
      let s = row.statistics
      rows.append(
        "<tr><td>\(escapeXML(row.channel))\(row.extrapolation ? " *" : "")</td><td>\(row.effect.rawValue)</td>"
          + "<td>\(row.contrast.rawValue)</td><td>\(currency(s.median))</td>"
          + "<td>\(currency(s.lower90)) to \(currency(s.upper90))</td><td>\(number(s.probabilityPositive))</td>"
          + "<td>\(row.roi.map(number) ?? "-")</td><td>\(row.netROI.map(number) ?? "-")</td></tr>")
    }
    rows.append("</tbody></table>")
    return rows.joined(separator: "\n")
  }

  private static func responseSection(curves: [ResponseCurve]) -> String {
    var charts: [String] = []
    for curve in curves {
      let spend = curve.spend
      var plot = SVGPlot(
        title: "\(curve.channel): revenue vs spend (0-2x observed)",
        xLabel: "channel spend over the window (currency)",
        yLabel: "revenue over the window (currency)", x: (0, spend.last ?? 1),
        y: (
          (PlotScale.finiteExtent(curve.lower90, curve.median)?.lower ?? 0) * 0.98,
          (PlotScale.finiteExtent(curve.upper90, curve.median)?.upper ?? 1) * 1.02
        ), width: 440, height: 260)
      plot.band(
        spend, curve.lower90, curve.upper90, colour: "#c7e9c0", opacity: 0.8, label: "90% interval")
      plot.line(spend, curve.median, colour: "#238b45", width: 2, label: "median")
      if spend.count > 10 { plot.verticalRule(at: spend[10], colour: "#555", note: "observed") }
      if let breakEven = curve.breakEvenMultiplier, breakEven > curve.multipliers[1] {
        plot.verticalRule(
          at: breakEven * (spend.last ?? 0) / 2, colour: "#e6550d", note: "marginal ROI = 1")
      }
      charts.append(plot.render())
    }
    let notes = curves.map { curve -> String in
      guard let breakEven = curve.breakEvenMultiplier else {
        return
          "\(curve.channel): the median marginal ROI stays above 1 up to 2x the observed spend."
      }
      if breakEven <= curve.multipliers[1] {
        return
          "\(curve.channel): the median marginal ROI is below 1 from the first unit of spend (no clear return)."
      }
      return
        "\(curve.channel): the median marginal ROI falls below 1 at about \(number(breakEven))x the observed spend."
    }
    return "<div class=\"row\">" + charts.joined(separator: "\n") + "</div>"
      + paragraph(
        "Each curve moves one channel's whole spend path by a common factor, with its effect through Google included (mediator paths simulated from the hurdle). "
          + notes.joined(separator: " "))
  }

  /// - Parameter draws: every posterior draw's constrained parameters.
  private static func pricePromotion(
    run: StoredRun, prepared: PreparedModel, summary: RunSummary, draws: [[Double]]
  ) -> String {
    var parts: [String] = []
    var text: [String] = []
    let model = prepared.model
    let forward = ForwardModel(model: model)
    if let prices = prepared.dataset.price,
      let response = PriceResponseChart(
        prices: prices,
        scenarios: draws.compactMap {
          PriceScenario(model: model, state: forward.state(parameters: $0))
        })
    {
      parts.append(response.plot().render())
      text.append(response.rangeNote)
    }
    if let analysis = summary.price?.analysis {
      if let choke = analysis.chokePrice {
        text.append(
          "Decision boundary: demand stops at the choke price "
            + "\(ReportNumber.general(choke.median)) (90% "
            + ReportNumber.interval(choke.lower90, choke.upper90, ReportNumber.general)
            + "); weeks priced there or above sell nothing.")
      }
      text.append(RunSummary.peakSentence(analysis))
    }
    if let lift = run.draws.column(named: "promo_lift")?.flatMap({ $0 }).map({ exp($0) - 1 }) {
      let histogram = Histogram(
        lift, lower: Diagnostics.finiteQuantile(lift, probability: 0.001),
        upper: Diagnostics.finiteQuantile(lift, probability: 0.999), bins: 30)
      let (lower, upper) = (histogram.lower, histogram.upper)
      let width = histogram.width
      let counts = histogram.counts
      var plot = SVGPlot(
        title: "Promotion lift on weekly revenue", xLabel: "lift (exp(promo_lift) - 1, share)",
        yLabel: "draws",
        x: (lower, upper), y: (0, (PlotScale.finiteExtent(counts)?.upper ?? 1) * 1.1), width: 440,
        height: 260)
      plot.bars(
        histogram.centres, counts, barWidth: width * 0.9,
        colour: "#74c476")
      plot.verticalRule(at: 0)
      parts.append(plot.render())
    }
    if let e = summary.price?.elasticity {
      text.append(
        "Price elasticity at the median price (d log revenue / d log price): median \(number(e.median)), 90% interval \(number(e.lower90)) to \(number(e.upper90))."
      )
    }
    if let lift = summary.promotion?.lift {
      text.append(
        "Promotion lift: median \(percent(lift.median)), 90% interval \(percent(lift.lower90)) to \(percent(lift.upper90))."
      )
    }
    return "<div class=\"row\">" + parts.joined(separator: "\n") + "</div>"
      + paragraph(text.joined(separator: " "))
  }

  private static func diagnosticsSection(run: StoredRun, summary: RunSummary) -> String {
    let d = summary.diagnostics
    var rows = [
      "<table><tbody>",
      "<tr><th>chains x draws</th><td>\(d.chains) x \(d.draws / max(d.chains, 1))</td></tr>",
      "<tr><th>divergent transitions</th><td>\(d.divergences)</td></tr>",
      "<tr><th>max R-hat</th><td>\(d.maxRHat.isFinite ? formatted(d.maxRHat, 3) : "n/a")\(d.maxRHatColumn.map { " (\(escapeXML($0)))" } ?? "")</td></tr>",
      "<tr><th>min ESS bulk / tail</th><td>\(number(d.minESSBulk)) / \(number(d.minESSTail))</td></tr>",
      "<tr><th>E-BFMI per chain</th><td>\(d.eBFMI.map(number).joined(separator: ", "))</td></tr>",
      "<tr><th>tree-depth hits (max \(d.maxDepth))</th><td>\(d.treeDepthHits)</td></tr>",
      "</tbody></table>",
    ]
    rows.append(
      d.warnings.isEmpty
        ? paragraph("No warnings: the run looks healthy.")
        : "<ul>" + d.warnings.map { "<li>\(escapeXML($0))</li>" }.joined() + "</ul>")
    let worst = summary.parameters.filter { run.parameterNames.contains($0.name) }
      .sorted { $0.essBulk < $1.essBulk }.prefix(3)
    let plots = worst.compactMap { parameter in
      run.draws.column(named: parameter.name).map {
        RankPlot(name: parameter.name, draws: $0).render()
      }
    }
    rows.append("<div class=\"row\">" + plots.joined(separator: "\n") + "</div>")
    rows.append(
      paragraph(
        "Rank plots of the three parameters with the lowest bulk ESS: flat, overlapping lines mean the chains agree."
      ))
    return rows.joined(separator: "\n")
  }

  private static func auditSection(run: StoredRun) -> String {
    let findings = run.recordedAuditFindings
    guard !findings.isEmpty else {
      return paragraph("The audit found nothing to report.")
    }
    var rows = [
      "<table><thead><tr><th>severity</th><th>column</th><th>finding</th><th>action</th></tr></thead><tbody>"
    ]
    for finding in findings {
      rows.append(
        "<tr><td>\(escapeXML(finding["severity"]?.stringValue ?? ""))</td>"
          + "<td>\(escapeXML(finding["column"]?.stringValue ?? "-"))</td>"
          + "<td>\(escapeXML(finding["message"]?.stringValue ?? ""))</td>"
          + "<td>\(escapeXML(finding["action"]?.stringValue ?? ""))</td></tr>")
    }
    rows.append("</tbody></table>")
    return rows.joined(separator: "\n")
  }

  // MARK: - Helpers

  /// `maxDraws` of `draws`, evenly spaced (draw i n / maxDraws), or all when there are no
  /// more than that.
  static func thinned(_ draws: [[Double]], to maxDraws: Int) -> [[Double]] {
    guard draws.count > maxDraws else { return draws }
    let step = Double(draws.count) / Double(maxDraws)
    return (0..<maxDraws).map { draws[Int(Double($0) * step)] }
  }

  private static func dateTicks(_ dates: [String]) -> [(Double, String)] {
    stride(from: 0, to: dates.count, by: max(1, dates.count / 8)).map {
      (Double($0 + 1), dates[$0])
    }
  }

  private static func label(_ name: String, layout: ParameterLayout) -> String {
    if name.hasPrefix("beta_social."), let k = Int(name.dropFirst("beta_social.".count)),
      k <= layout.socialChannels.count
    {
      return "\(name) (\(layout.socialChannels[k - 1]), log revenue at saturation)"
    }
    return name
  }

  private static func colour(for effect: EffectKind) -> String {
    switch effect {
    case .direct: return "#2171b5"
    case .indirect: return "#6a51a3"
    case .total: return "#222222"
    }
  }

  static func section(_ id: String, _ title: String, _ content: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(escapeXML(title))</h2>\n\(content)\n</section>"
  }

  static func paragraph(_ text: String) -> String { "<p>\(escapeXML(text))</p>" }

  /// Three significant digits, whole numbers from 100, scientific from 1e15; "n/a" when
  /// not finite.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    if abs(value) >= 1e15 { return NumberText.scientific(value, decimals: 2) }
    return abs(value) >= 100 ? String(format: "%.0f", value) : String(format: "%.3g", value)
  }

  static func percent(_ value: Double) -> String {
    guard value.isFinite, (100 * value).isFinite else { return "n/a" }
    if abs(100 * value) >= 1e15 { return NumberText.scientific(100 * value, decimals: 2) + "%" }
    return String(format: "%.1f%%", 100 * value)
  }

  /// Whole currency units with thousands separators ("-1,234,567"); scientific from 1e15
  /// ("1.00e+20"), where a whole-number conversion could trap; "n/a" when not finite.
  static func currency(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    if abs(value) >= 1e15 { return NumberText.scientific(value, decimals: 2) }
    return NumberText.grouped(value, decimals: 0)
  }

  private static func document(_ body: String) -> String {
    """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
    <head>
    <meta charset="utf-8"/>
    \(OutputOwnership.htmlGeneratorMeta)
    <title>bayes-mmm report</title>
    <style>
    body { font-family: sans-serif; max-width: 960px; margin: 1.5em auto; color: #222; line-height: 1.45; }
    h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.8em; }
    .meta { color: #555; } .row { display: flex; flex-wrap: wrap; gap: 12px; }
    table { border-collapse: collapse; font-size: 0.88em; margin: 0.6em 0; }
    th, td { border: 1px solid #ddd; padding: 3px 7px; text-align: left; vertical-align: top; }
    thead th { background: #f3f3f3; } svg.chart { max-width: 100%; height: auto; }
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }
}
