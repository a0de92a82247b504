/// The human-readable summary (text and Markdown share it): diagnostics first, then the
/// effects with their assumption, Google, price, promotion, fit, and the parameter table.
extension RunSummary {
  var document: SummaryDocument {
    var document = SummaryDocument()
    document.append(.heading("bayes-mmm summary of \(runDirectory)", level: 1))
    document.append(.paragraph(runLine))
    appendDiagnostics(to: &document)
    appendEffects(to: &document)
    appendLiftTests(to: &document)
    appendLevers(to: &document)
    appendFit(to: &document)
    appendParameters(to: &document)
    return document
  }

  private var runLine: String {
    var line =
      "\(chains) chains x \(NumberText.grouped(Double(drawsPerChain), decimals: 0)) "
      + "draws, seed \(seed)"
    if let dataPath { line += "; data \(dataPath)" }
    if let weeks, let firstWeek, let lastWeek {
      line += " (\(weeks) weeks, \(firstWeek) to \(lastWeek))"
    }
    return line + "."
  }

  private var window: String {
    if let firstWeek, let lastWeek { return "\(firstWeek) to \(lastWeek)" }
    return "the whole window"
  }

  // MARK: - Diagnostics

  private func appendDiagnostics(to document: inout SummaryDocument) {
    let d = diagnostics
    document.append(.heading("Diagnostics", level: 2))
    document.append(
      .facts([
        (
          "divergences",
          "\(d.divergences) of \(NumberText.grouped(Double(d.draws), decimals: 0)) transitions"
        ),
        (
          "max R-hat",
          d.chains < 2
            ? "not defined for 1 chain"
            : formatted(d.maxRHat, 3) + (d.maxRHatColumn.map { " (\($0))" } ?? "")
        ),
        (
          "min ESS",
          "bulk \(ReportNumber.count(d.minESSBulk)), tail \(ReportNumber.count(d.minESSTail))"
        ),
        ("E-BFMI per chain", d.eBFMI.map { formatted($0, 2) }.joined(separator: ", ")),
        ("tree-depth hits", "\(d.treeDepthHits) (max depth \(d.maxDepth))"),
      ]))
    if d.warnings.isEmpty {
      document.append(
        .paragraph(
          "No warnings: no divergences, R-hat at most 1.01 and ESS at least 400 for every "
            + "column, E-BFMI above 0.3 in every chain. The run looks healthy."))
    } else {
      document.append(.list(d.warnings.map { "warning: " + $0 }))
    }
  }

  // MARK: - Effects

  private func appendEffects(to document: inout SummaryDocument) {
    document.append(.heading("Social effects on revenue", level: 2))
    guard effectsInRun else {
      document.append(
        .paragraph(
          "Effects are not in this run: its chain files have no effect columns "
            + "(nde_zero.1, nie_zero.1, te_zero.1, ...). Sample again with a bayes-mmm that "
            + "writes them to get direct, indirect and total effects, Google's effect, the "
            + "revenue change for price +-10% and the promotion revenue."))
      return
    }
    document.append(
      .paragraph(
        "Currency over the whole window (\(window)), first arm minus second. direct: not "
          + "through Google; indirect: through the Google spend the social spend brings "
          + "about; total: both. estimate: posterior mean, except on rows marked * "
          + "(extrapolation), where it is the median. ROI and net ROI: revenue per unit of "
          + "spend change (posterior medians); net ROI also pays for the Google spend the "
          + "change induces. mediated: share of the total effect that goes through Google "
          + "(median)."))
    document.append(.paragraph("Assumption: " + assumption))
    for contrast in [EffectContrast.plus10, .zero] {
      let rows = effects.filter { $0.contrast == contrast }
      guard !rows.isEmpty else { continue }
      let title =
        contrast == .plus10
        ? "+10% of observed spend vs observed (marginal returns)"
        : "observed spend vs switched off"
      document.append(.heading(title, level: 3))
      document.append(.table(effectTable(rows)))
    }
    for note in extrapolationNotes { document.append(.paragraph(note)) }
  }

  private func effectTable(_ rows: [EffectSummary]) -> SummaryTable {
    var table = SummaryTable(
      headers: [
        "channel", "effect", "estimate", "90% interval", "95% interval", "P(>0)", "ROI",
        "net ROI", "mediated",
      ],
      alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right])
    for row in rows {
      let s = row.statistics
      let estimate =
        row.extrapolation
        ? "median \(ReportNumber.currency(s.median)) *" : ReportNumber.currency(s.mean)
      table.rows.append([
        row.channel, row.effect.rawValue, estimate,
        ReportNumber.interval(s.lower90, s.upper90, ReportNumber.currency),
        ReportNumber.interval(s.lower95, s.upper95, ReportNumber.currency),
        ReportNumber.probability(s.probabilityPositive), ReportNumber.ratio(row.roi),
        ReportNumber.ratio(row.netROI), ReportNumber.percent(row.shareMediated, decimals: 0),
      ])
    }
    return table
  }

  /// One note per flagged channel and contrast: why it is an extrapolation, and why the
  /// median leads.
  private var extrapolationNotes: [String] {
    effects.filter { $0.extrapolation && $0.effect == .total }.map { row in
      let reason: String
      switch row.contrast {
      case .zero:
        let never = neverOff.map { row.channelIndex < $0.count && $0[row.channelIndex] } ?? false
        reason =
          (never ? "\(row.channel) is never 0 in the data, so " : "")
          + "switching it off asks the model about weeks it has never seen"
      case .plus10:
        reason = "+10% takes \(row.channel) beyond the spend the data show"
      }
      return "* \(row.channel), \(row.contrast.phrase): an extrapolation: \(reason). A few "
        + "draws can dominate the mean (total effect: mean "
        + "\(ReportNumber.currency(row.statistics.mean)), median "
        + "\(ReportNumber.currency(row.statistics.median))), so read the median and the "
        + "intervals"
        + (row.contrast == .zero ? ", and take the +10% rows as the marginal answer." : ".")
    }
  }

  // MARK: - Google, price, promotion

  private func appendLevers(to document: inout SummaryDocument) {
    document.append(.heading("Google", level: 2))
    if google.effect == nil && google.roi == nil {
      document.append(.paragraph("Google's own effect is not in this run (no effect columns)."))
    } else {
      document.append(
        .paragraph(
          "Revenue over the window with Google spend as observed minus with none, currency; "
            + "ROI divides it by the total Google spend."))
      document.append(
        .table(
          leverTable([
            ("effect (observed vs no Google spend)", google.effect, ReportNumber.currency),
            ("ROI (effect per unit of spend)", google.roi, ReportNumber.ratio),
          ])))
      if let total = google.totalSpend {
        document.append(.paragraph("Total Google spend: \(ReportNumber.currency(total))."))
      }
    }
    if let price { appendPrice(price, to: &document) }
    if let promotion { appendPromotion(promotion, to: &document) }
  }

  /// The price section; only for a model with a price term.
  private func appendPrice(_ price: PriceSummary, to document: inout SummaryDocument) {
    document.append(.heading("Price", level: 2))
    let form = price.form.map { " Form: \($0.rawValue) (MODEL.md 8)." } ?? ""
    document.append(
      .paragraph(
        "Elasticity: d log revenue / d log price (-1.5: 1% dearer, 1.5% less revenue). Revenue "
          + "changes: every week's price 10% lower or higher, over the window, currency." + form))
    var rows: [(label: String, statistics: PosteriorStatistics?, format: (Double?) -> String)] =
      []
    if let analysis = price.analysis {
      for point in analysis.elasticityAcrossRange {
        let where_ = point.label == "median" ? "the median" : "the \(point.label) observed"
        // Past the choke there is no demand; the smoothed form's slope there is steep, not
        // an elasticity anyone faces.
        let past = analysis.chokePrice.map { point.price >= $0.median } ?? false
        rows.append(
          (
            "elasticity at \(where_) price \(ReportNumber.general(point.price))"
              + (past ? " (past the choke)" : ""), point.elasticity, ReportNumber.general
          ))
      }
      if let choke = analysis.chokePrice {
        rows.append(("choke price (no demand at or above)", choke, ReportNumber.general))
      }
    } else {
      rows.append(("elasticity", price.elasticity, ReportNumber.general))
    }
    rows.append(("revenue change, price -10%", price.revenueChangeMinus10, ReportNumber.currency))
    rows.append(("revenue change, price +10%", price.revenueChangePlus10, ReportNumber.currency))
    document.append(.table(leverTable(rows)))
    if let analysis = price.analysis {
      document.append(.paragraph(Self.peakSentence(analysis)))
    }
  }

  /// Where revenue peaks in price, in words: the share of draws below, inside and above
  /// the observed range, and the peak price when draws peak inside.
  static func peakSentence(_ analysis: PriceAnalysis) -> String {
    let peak = analysis.revenueMaximisingPrice
    let range =
      ReportNumber.general(analysis.observedRange.lowerBound) + " to "
      + ReportNumber.general(analysis.observedRange.upperBound)
    var parts: [String] = []
    if peak.belowShare > 0 {
      parts.append("below the lowest observed price in \(ReportNumber.percent(peak.belowShare))")
    }
    if let inside = peak.insidePrice {
      parts.append(
        "inside, at " + ReportNumber.general(inside.median) + " (90% "
          + ReportNumber.interval(inside.lower90, inside.upper90, ReportNumber.general) + "), in "
          + ReportNumber.percent(peak.insideShare))
    }
    if peak.aboveShare > 0 {
      parts.append("above the highest observed price in \(ReportNumber.percent(peak.aboveShare))")
    }
    return "Revenue-maximising price (of the price term, over the observed prices \(range)): "
      + parts.joined(separator: "; ") + " of draws."
  }

  /// The promotion section; only for a model with a promotion term.
  private func appendPromotion(_ promotion: PromotionSummary, to document: inout SummaryDocument) {
    document.append(.heading("Promotion", level: 2))
    document.append(
      .paragraph(
        "Lift: exp(promo_lift) - 1, the revenue increase of a full-intensity promotion week. "
          + "Revenue from promotions: over the window, currency."))
    document.append(
      .table(
        leverTable([
          ("lift in a promotion week", promotion.lift, { ReportNumber.percent($0) }),
          ("revenue from promotions", promotion.revenue, ReportNumber.currency),
        ])))
  }

  private func leverTable(
    _ rows: [(label: String, statistics: PosteriorStatistics?, format: (Double?) -> String)]
  ) -> SummaryTable {
    var table = SummaryTable(
      headers: ["quantity", "mean", "median", "90% interval", "95% interval", "P(>0)"],
      alignments: [.left, .right, .right, .right, .right, .right])
    for row in rows {
      guard let s = row.statistics else {
        table.rows.append([row.label, "not in this run", "", "", "", ""])
        continue
      }
      table.rows.append([
        row.label, row.format(s.mean), row.format(s.median),
        ReportNumber.interval(s.lower90, s.upper90, row.format),
        ReportNumber.interval(s.lower95, s.upper95, row.format),
        ReportNumber.probability(s.probabilityPositive),
      ])
    }
    return table
  }

  // MARK: - Fit

  private func appendFit(to document: inout SummaryDocument) {
    document.append(.heading("Fit", level: 2))
    guard let fit else {
      document.append(.paragraph("Not computed: the model was not rebuilt from the data."))
      return
    }
    let fitted = fit.weeks - fit.floorWeeks
    func coverage(_ share: Double, _ nominal: String) -> String {
      let count = (share * Double(fit.weeks)).rounded()
      let inside = count.isFinite ? String(Int(min(max(count, 0), Double(fit.weeks)))) : "n/a"
      return "\(inside) of \(fit.weeks) weeks (\(ReportNumber.percent(share)); about "
        + "\(nominal) expected)"
    }
    let atFloor = fit.floorWeekPredictions.filter(\.isAtFloor).count
    document.append(
      .facts([
        (
          "R-squared, all weeks",
          "\(formatted(fit.rSquared, 3)) (log revenue; \(fit.weeks) weeks, the \(fit.floorWeeks) "
            + "floor weeks at the floor)"
        ),
        ("R-squared, non-floor weeks", "\(formatted(fit.rSquaredNonFloor, 3)) (\(fitted) weeks)"),
        (
          "Bayesian R-squared, log revenue",
          "\(formatted(fit.bayesianR2.median, 3)) (90% interval "
            + "\(formatted(fit.bayesianR2.lower90, 3)) to \(formatted(fit.bayesianR2.upper90, 3)))"
            + ", \(fitted) non-floor weeks"
        ),
        (
          "MAPE of the median prediction",
          "\(ReportNumber.percent(fit.mape / 100)), non-floor weeks"
        ),
        ("inside the 50% predictive interval", coverage(fit.coverage50, "50%")),
        ("inside the 90% predictive interval", coverage(fit.coverage90, "90%")),
        (
          "floor weeks predicted at the floor",
          fit.floorWeeks == 0
            ? "no floor weeks"
            : "\(atFloor) of \(fit.floorWeeks) (predictive median at the floor)"
        ),
      ]))
    document.append(.paragraph(fitMethod(fit)))
    if !fit.floorWeekPredictions.isEmpty { document.append(.table(floorWeekTable(fit))) }
  }

  /// How the fit figures were computed, in words.
  private func fitMethod(_ fit: FitSummary) -> String {
    let draws = NumberText.grouped(Double(fit.draws), decimals: 0)
    let censoring =
      fit.floorValue.map {
        ", censored at the floor (\(ReportNumber.currency($0))) like the data: a week's "
          + "prediction is that of max(revenue, floor), what its report can show"
      } ?? ""
    let floorCoverage =
      fit.floorWeeks > 0
      ? " The \(fit.floorWeeks) floor weeks count as inside an interval when it reaches down to "
        + "the floor."
      : ""
    return "Predictive intervals and medians simulate log revenue with the model's Student-t "
      + "noise for each of the \(draws) draws\(censoring). R-squared is 1 - SSE/SST with the "
      + "predictive median as the point, each floor week observed at the floor; the Bayesian "
      + "R-squared (Gelman et al. 2019) leaves the floor weeks out.\(floorCoverage)"
  }

  /// Each floor week's predictive median, currency.
  private func floorWeekTable(_ fit: FitSummary) -> SummaryTable {
    var table = SummaryTable(
      headers: ["floor week", "predicted median revenue", "at the floor"],
      alignments: [.left, .right, .left])
    for week in fit.floorWeekPredictions {
      table.rows.append([
        week.date, ReportNumber.currency(week.predictedMedian), week.isAtFloor ? "yes" : "no",
      ])
    }
    return table
  }

  // MARK: - Parameters

  private func appendParameters(to document: inout SummaryDocument) {
    document.append(.heading("Parameters", level: 2))
    let (lowerLabel, upperLabel) = intervalLabels
    document.append(
      .paragraph(
        "Every chain-file column after the sampler statistics: the model's parameters, then "
          + "the per-draw effects (the pointwise log likelihood, the input of bayes-mmm loo, is "
          + "left out). \(lowerLabel) and \(upperLabel) bound the central "
          + "\(ReportNumber.percent(probability, decimals: 0)) interval; MCSE is the Monte "
          + "Carlo standard error of the mean."))
    var table = SummaryTable(
      headers: [
        "name", "mean", "sd", "median", lowerLabel, upperLabel, "MCSE", "ESS bulk", "ESS tail",
        "R-hat",
      ],
      alignments: [.left] + Array(repeating: .right, count: 9))
    for row in parameters {
      table.rows.append([
        row.name, ReportNumber.general(row.mean), ReportNumber.general(row.sd),
        ReportNumber.general(row.median), ReportNumber.general(row.lower),
        ReportNumber.general(row.upper), ReportNumber.general(row.mcseMean),
        ReportNumber.count(row.essBulk), ReportNumber.count(row.essTail), formatted(row.rHat, 3),
      ])
    }
    document.append(.table(table))
  }

  /// "5%" and "95%" for probability 0.9.
  var intervalLabels: (String, String) {
    let tail = 100 * (1 - probability) / 2
    func label(_ percent: Double) -> String {
      NumberText.plain((percent * 10_000).rounded() / 10_000) + "%"
    }
    return (label(tail), label(100 - tail))
  }
}

extension RunSummary {
  /// The summary as aligned plain text.
  public func text() -> String { document.text() }

  /// The summary as GitHub-flavoured Markdown.
  public func markdown() -> String { document.markdown() }
}
