/// The allocation as text and JSON: what `bayes-mmm optimize` prints. Currency figures are
/// the mean, median and central 90% interval (q05, q95) over every posterior draw.
extension BudgetAllocation {
  private typealias Statistics = ForecastSummary.Statistics

  private var totalObservedSpend: Double { constraint.observedSpend.reduce(0, +) }

  /// Objective values of the current and optimised plans over every draw, currency.
  public var objectiveValues: (current: Double, optimized: Double) {
    (
      settings.objective.value(of: currentNetRevenue),
      settings.objective.value(of: optimizedNetRevenue)
    )
  }

  /// The lower-tail level reported with net revenue: the CVaR objective's alpha, else 0.1.
  public var tailLevel: Double {
    if case .conditionalValueAtRisk(let alpha) = settings.objective { return alpha }
    return 0.1
  }

  /// The `tailLevel` quantile and CVaR of per-draw net revenue, currency: how bad the worst
  /// draws are, what a CVaR objective trades mean revenue for.
  private func tailFigures(_ net: [Double]) -> (quantile: Double, cvar: Double) {
    (
      Diagnostics.quantile(net, probability: tailLevel),
      AllocationObjective.conditionalValueAtRisk(alpha: tailLevel).value(of: net)
    )
  }

  /// `{"alpha", "quantile", "cvar"}` of `tailFigures`.
  private func tail(_ net: [Double]) -> JSONValue {
    let figures = tailFigures(net)
    return .object([
      ("alpha", .number(tailLevel)), ("quantile", .number(figures.quantile)),
      ("cvar", .number(figures.cvar)),
    ])
  }

  /// `{CH: value}` in channel order.
  private func scaleObject(_ values: [Double]) -> JSONValue {
    .object(zip(channels, values).map { ($0, .number($1)) })
  }

  /// "the observed window (104 weeks, 2022-01-03 to 2023-12-25)" or "the plan's 12 weeks
  /// (...)".
  public var windowDescription: String {
    let weeks = "\(window.count) week\(window.count == 1 ? "" : "s")"
    let span = windowDates.map { ", \($0.first) to \($0.last)" } ?? ""
    return isPlanned
      ? "the plan's \(weeks)\(span.isEmpty ? "" : " (\(span.dropFirst(2)))")"
      : "the observed window (\(weeks)\(span))"
  }

  /// Under CVaR, `[("mean_optimal", {"scale", "net_revenue", "net_revenue_tail"})]`: the
  /// plan the mean objective picks on the same draws and paths; empty under the mean.
  private var meanOptimalJSON: [(String, JSONValue)] {
    guard let plan = meanOptimal, let net = meanOptimalNetRevenue else { return [] }
    return [
      (
        "mean_optimal",
        .object([
          ("scale", scaleObject(plan.scales)),
          ("net_revenue", Statistics(net).json),
          ("net_revenue_tail", tail(net)),
        ])
      )
    ]
  }

  /// "net revenue's 10% quantile q, CVaR c" of per-draw net revenue at `tailLevel`.
  private func tailText(_ net: [Double]) -> String {
    let percent = NumberText.grouped(100 * tailLevel, decimals: 1)
    let figures = tailFigures(net)
    return "\(percent)% quantile \(NumberText.grouped(figures.quantile, decimals: 2)), CVaR "
      + NumberText.grouped(figures.cvar, decimals: 2)
  }

  /// An aligned channel table, then revenue, net revenue, induced Google spend, the uplift
  /// and the warnings.
  public var text: String {
    let header = [
      "channel", "current_spend", "lower", "upper", "scale", "planned_spend", "mroi_mean",
      "mroi_q05", "mroi_q95",
    ]
    var rows = [header]
    for (s, channel) in channels.enumerated() {
      let roi = PosteriorStatistics(draws: marginalROI[s])
      rows.append(
        [channel, NumberText.grouped(constraint.observedSpend[s], decimals: 2)]
          + [constraint.lower[s], constraint.upper[s], scales[s]].map {
            NumberText.grouped($0, decimals: 3)
          }
          + [NumberText.grouped(scales[s] * constraint.observedSpend[s], decimals: 2)]
          + [roi.mean, roi.lower90, roi.upper90].map { NumberText.grouped($0, decimals: 3) })
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    func figures(_ label: String, _ statistics: Statistics) -> String {
      "\(label) \(NumberText.grouped(statistics.mean, decimals: 2)) (median "
        + "\(NumberText.grouped(statistics.median, decimals: 2)), 90% "
        + "\(NumberText.grouped(statistics.q05, decimals: 2)) to "
        + "\(NumberText.grouped(statistics.q95, decimals: 2)))"
    }
    let gain = PosteriorStatistics(draws: uplift)
    let values = objectiveValues
    var lines = [
      "Budget allocation over \(windowDescription): objective \(settings.objective), budget "
        + "\(NumberText.grouped(constraint.budget, decimals: 2)) (\(isPlanned ? "planned" : "observed") "
        + "\(NumberText.grouped(totalObservedSpend, decimals: 2))), \(current.count) posterior "
        + "draws x \(settings.resolvedPaths) Google paths (optimised on \(optimizationDrawCount) draws; "
        + "\(optimization.iterations) iterations, \(optimization.stopReason.rawValue)).",
      "Net revenue = revenue - the Google spend the plan induces (over the current plan's). "
        + "Marginal ROI: net revenue per extra unit of a channel's spend at the optimum.",
      "",
    ]
    for row in rows {
      lines.append(
        row.indices.map { $0 == 0 ? pad(row[$0], widths[$0]) : leftPad(row[$0], widths[$0]) }
          .joined(separator: "  "))
    }
    lines += [
      "",
      figures("current revenue:       ", Statistics(current.map(\.revenue))),
      figures("optimised revenue:     ", Statistics(optimized.map(\.revenue))),
      figures("optimised net revenue: ", Statistics(optimizedNetRevenue)),
      figures("induced Google spend:  ", Statistics(inducedGoogleSpend)),
      "uplift in net revenue:   \(NumberText.grouped(gain.mean, decimals: 2)) (90% "
        + "\(NumberText.grouped(gain.lower90, decimals: 2)) to "
        + "\(NumberText.grouped(gain.upper90, decimals: 2))), P(uplift > 0) = "
        + NumberText.grouped(gain.probabilityPositive, decimals: 3),
      "objective (\(settings.objective)): current \(NumberText.grouped(values.current, decimals: 2)), "
        + "optimised \(NumberText.grouped(values.optimized, decimals: 2))",
    ]
    lines.append(
      "net revenue tail: current \(tailText(currentNetRevenue)); optimised \(tailText(optimizedNetRevenue))"
    )
    if let plan = meanOptimal, let net = meanOptimalNetRevenue {
      let scales = zip(channels, plan.scales).map { "\($0) \(NumberText.grouped($1, decimals: 3))" }
      lines.append(
        "mean-optimal plan on the same draws and paths (\(scales.joined(separator: ", "))): "
          + "mean net revenue \(NumberText.grouped(Statistics(net).mean, decimals: 2)), "
          + tailText(net))
    }
    if !warnings.isEmpty {
      lines.append("")
      lines += warnings.map { "warning: \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"objective", "budget", "draws", "paths", "window": {"kind": "observed"|"plan",
  /// "weeks", "first", "last"}, "current": {"scale": {CH: 1}, "spend",
  /// "revenue", "net_revenue"}, "optimized": {"scale", "spend", "revenue", "net_revenue",
  /// "induced_google_spend"} (each plan also with "net_revenue_tail": {"alpha", "quantile",
  /// "cvar"}), "uplift": {"mean", "q05", "q95", "p_positive"},
  /// "marginal_roi": {CH: {"mean", "q05", "q95"}}, "objective_value": {"current",
  /// "optimized"}, "optimizer": {...}, "warnings": [...]}`; currency figures as {"mean",
  /// "median", "q05", "q95"}.
  public var json: JSONValue {
    let gain = PosteriorStatistics(draws: uplift)
    let values = objectiveValues
    return .object(
      [
        ("objective", .string(settings.objective.description)),
        ("budget", .number(constraint.budget)),
        ("draws", .number(Double(current.count))),
        ("paths", .number(Double(settings.resolvedPaths))),
        (
          "window",
          .object(
            [
              ("kind", .string(isPlanned ? "plan" : "observed")),
              ("weeks", .number(Double(window.count))),
            ]
              + (windowDates.map { [("first", .string($0.first)), ("last", .string($0.last))] }
                ?? []))
        ),
        (
          "current",
          .object([
            ("scale", scaleObject(channels.map { _ in 1 })),
            ("spend", .number(totalObservedSpend)),
            ("revenue", Statistics(current.map(\.revenue)).json),
            ("net_revenue", Statistics(currentNetRevenue).json),
            ("net_revenue_tail", tail(currentNetRevenue)),
          ])
        ),
        (
          "optimized",
          .object([
            ("scale", scaleObject(scales)),
            ("spend", .number(constraint.spend(of: scales))),
            ("revenue", Statistics(optimized.map(\.revenue)).json),
            ("net_revenue", Statistics(optimizedNetRevenue).json),
            ("net_revenue_tail", tail(optimizedNetRevenue)),
            ("induced_google_spend", Statistics(inducedGoogleSpend).json),
          ])
        ),
        (
          "uplift",
          .object([
            ("mean", .number(gain.mean)), ("q05", .number(gain.lower90)),
            ("q95", .number(gain.upper90)), ("p_positive", .number(gain.probabilityPositive)),
          ])
        ),
        (
          "marginal_roi",
          .object(
            channels.indices.map { s in
              let roi = PosteriorStatistics(draws: marginalROI[s])
              return (
                channels[s],
                .object([
                  ("mean", .number(roi.mean)), ("q05", .number(roi.lower90)),
                  ("q95", .number(roi.upper90)),
                ])
              )
            })
        ),
        (
          "objective_value",
          .object([("current", .number(values.current)), ("optimized", .number(values.optimized))])
        ),
        (
          "bounds",
          .object(
            channels.indices.map { s in
              (
                channels[s],
                .object([
                  ("lower", .number(constraint.lower[s])), ("upper", .number(constraint.upper[s])),
                ])
              )
            })
        ),
        (
          "optimizer",
          .object([
            ("method", .string("projected gradient ascent, central differences")),
            ("draws", .number(Double(optimizationDrawCount))),
            ("iterations", .number(Double(optimization.iterations))),
            ("evaluations", .number(Double(optimization.evaluations))),
            ("stop_reason", .string(optimization.stopReason.rawValue)),
            ("converged", .bool(optimization.converged)),
          ])
        ),
        ("warnings", .array(warnings.map { .string($0) })),
      ]
        + meanOptimalJSON)
  }
}
