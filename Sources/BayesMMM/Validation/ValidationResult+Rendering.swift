extension ValidationResult {
  /// The report as plain text.
  public var text: String {
    let sampler = settings.sampler
    var lines: [String] = []
    lines.append(
      "Rolling-origin validation: \(folds.count) folds x \(settings.horizon) weeks ahead on "
        + "\(dataSource) (\(weeks) weeks)")
    lines.append("Fold i fits weeks 1..t_i only (scales, centring, median price and floor from")
    lines.append(
      "those weeks) and predicts t_i+1..t_i+H with the forward model, given the OBSERVED")
    lines.append(
      "social, owned and Google spend, price and promotions of those weeks (Google spend")
    lines.append("is a known input at prediction time; its uncertainty is not propagated).")
    lines.append(
      "Fits: \(sampler.chains) chain(s) x (\(sampler.warmup) warm-up + \(sampler.draws) "
        + "draws), seed \(sampler.seed).")
    lines.append("")
    lines.append(
      pad("fold", 5) + pad("train", 9) + pad("test", 9) + pad("method", 15)
        + ["R2", "R2 nf", "RMSE", "MAPE%", "CRPS", "cov50", "cov90", "at floor"].map {
          leftPad($0, 9)
        }.joined())
    for fold in folds {
      let scores = scores(fold: fold.index)
      let first = (fold.testWeeks.first ?? 0) + 1
      let last = (fold.testWeeks.last ?? 0) + 1
      lines += scoreLines(
        scores, fold: "\(fold.index + 1)", train: "1-\(fold.origin)", test: "\(first)-\(last)")
    }
    lines += scoreLines(overall, fold: "all", train: "", test: "")
    lines.append("")
    lines += [
      "Metrics on log revenue: R2 = 1 - SSE/SST around the test weeks' mean, over all test",
      "weeks; R2 nf: the same over the non-floor weeks only; RMSE in log units; MAPE (%) on",
      "revenue over the non-floor weeks; CRPS of the predictive draws (log units, lower is",
      "better); cov50/cov90: share of test weeks inside the central 50%/90% predictive",
      "intervals; at floor: floor weeks whose predictive median is at (baselines: at or below)",
      "the floor, of the floor weeks tested. A floor week is scored as its report shows: the",
      "observation is the floor, and the model predicts max(revenue, floor), its predictive",
      "draws censored at the floor of the fold's training weeks like the data; the baselines",
      "know no floor. Point forecasts: the predictive median (model); the last training week",
      "(last value); the mean of the training weeks in the same 4-week block of the ISO year,",
      "weeks 1-4, 5-8, ..., 49-53 (seasonal mean). Baseline intervals: last value + sqrt(h) x",
      "the training one-step changes; seasonal mean + its training residuals.",
    ]
    lines.append("")
    let r = residuals
    lines.append("Residual checks (fit on all weeks, \(r.residuals.count) non-floor weeks)")
    lines.append("  lag-1 autocorrelation        " + formatted(r.lag1Autocorrelation, 3))
    lines.append(
      "  Ljung-Box Q(\(r.ljungBoxLags))              " + formatted(r.ljungBoxQ, 2) + "  (p = "
        + formatted(r.ljungBoxPValue, 4) + ")")
    if let correlation = r.correlationWithLogPrice {
      lines.append("  corr(residual, log price)    " + formatted(correlation, 3))
    }
    if let correlation = r.correlationWithSquaredLogPrice {
      lines.append("  corr(residual, log price^2)  " + formatted(correlation, 3))
    }
    if let correlation = r.correlationWithPromotion {
      lines.append("  corr(residual, promotions)   " + formatted(correlation, 3))
    }
    lines.append("")
    lines.append("Stability across folds: median [5%, 95%]. Effects te/nde/nie_zero (the channel")
    lines.append(
      "off in every week) in currency over all \(weeks) weeks for every fit (k, M, B: thousand,")
    lines.append("million, billion); each fit's parameters come from its own training weeks.")
    let labels = fullFit.map(\.label)
    let width = (labels.map(\.count).max() ?? 0) + 2
    let cells = labels.indices.map { row in
      (folds.map { $0.summaries[row] } + [fullFit[row]]).map { summary in
        compact(summary.median) + " [" + compact(summary.interval90.lower) + ", "
          + compact(summary.interval90.upper) + "]"
      }
    }
    let cellWidth = (cells.flatMap { $0 }.map(\.count).max() ?? 0) + 2
    lines.append(
      pad("quantity", width)
        + (folds.map { "fold \($0.index + 1)" } + ["all weeks"]).map { pad($0, cellWidth) }
        .joined())
    for (row, label) in labels.enumerated() {
      lines.append(pad(label, width) + cells[row].map { pad($0, cellWidth) }.joined())
    }
    if labels.contains(where: { $0.hasSuffix(" *") }) {
      lines.append(
        "* extrapolation: the channel is never off in the data, so \"off\" asks the model about"
      )
      lines.append("  weeks it has never seen; prefer the +10% contrast of `sample` for it.")
    }
    lines.append("")
    let divergences = folds.map { String($0.divergences) } + [String(fullDivergences)]
    lines.append("divergences per fit (folds, all weeks): " + divergences.joined(separator: ", "))
    let ess = folds.map { formatted($0.minimumESS, 0) } + [formatted(fullMinimumESS, 0)]
    lines.append("smallest bulk ESS per fit: " + ess.joined(separator: ", "))
    return lines.map { line in
      String(line.reversed().drop { $0 == " " }.reversed())
    }.joined(separator: "\n") + "\n"
  }

  private func scoreLines(_ scores: Scores, fold: String, train: String, test: String)
    -> [String]
  {
    let methods = [
      ("model", scores.model), ("last value", scores.lastValue),
      ("seasonal mean", scores.seasonalMean),
    ]
    return methods.enumerated().map { offset, method in
      let prefix =
        offset == 0
        ? pad(fold, 5) + pad(train, 9) + pad(test, 9) : String(repeating: " ", count: 23)
      let s = method.1
      let values = [
        formatted(s.rSquared, 3), formatted(s.rSquaredNonFloor, 3), formatted(s.rmse, 3),
        formatted(s.mape, 1), formatted(s.crps, 3), formatted(s.coverage50, 2),
        formatted(s.coverage90, 2),
        s.floorWeeks > 0 ? "\(s.floorWeeksAtFloorCount)/\(s.floorWeeks)" : "-",
      ]
      return prefix + pad(method.0, 15) + values.map { leftPad($0, 9) }.joined()
    }
  }

  /// The report as JSON.
  public var json: JSONValue {
    func scoresJSON(_ s: ForecastScores) -> JSONValue {
      [
        "weeks": .number(Double(s.count)), "r_squared": jsonNumber(s.rSquared),
        "r_squared_non_floor": jsonNumber(s.rSquaredNonFloor),
        "rmse": jsonNumber(s.rmse), "mape_percent": jsonNumber(s.mape),
        "crps": jsonNumber(s.crps), "coverage_50": jsonNumber(s.coverage50),
        "coverage_90": jsonNumber(s.coverage90), "floor_weeks": .number(Double(s.floorWeeks)),
        "floor_weeks_predicted_at_floor": jsonNumber(s.floorWeeksPredictedAtFloor),
      ]
    }
    func methodsJSON(_ scores: Scores) -> JSONValue {
      [
        "model": scoresJSON(scores.model), "last_value": scoresJSON(scores.lastValue),
        "seasonal_mean": scoresJSON(scores.seasonalMean),
      ]
    }
    func summariesJSON(_ list: [KeyQuantity]) -> JSONValue {
      .array(
        list.map {
          [
            "name": .string($0.name), "label": .string($0.label), "median": jsonNumber($0.median),
            "q05": jsonNumber($0.interval90.lower), "q95": jsonNumber($0.interval90.upper),
          ]
        })
    }
    func forecastsJSON(_ list: [WeekForecast]) -> JSONValue {
      .array(
        list.map {
          let q = Quantiles.interval(sorted: $0.ensemble, level: 0.9)
          return [
            "week": .number(Double($0.week + 1)), "observed_log_revenue": .number($0.observed),
            "floor": .bool($0.isFloor), "point": jsonNumber($0.point),
            "median": jsonNumber($0.median),
            "q05": jsonNumber(q.lower), "q95": jsonNumber(q.upper), "crps": jsonNumber($0.crps),
          ]
        })
    }
    let sampler = settings.sampler
    return [
      "data": .string(dataSource),
      "weeks": .number(Double(weeks)),
      "settings": [
        "folds": .number(Double(settings.folds)), "horizon": .number(Double(settings.horizon)),
        "chains": .number(Double(sampler.chains)), "warmup": .number(Double(sampler.warmup)),
        "draws": .number(Double(sampler.draws)), "seed": .number(Double(sampler.seed)),
        "google_spend_in_test_weeks": "observed",
      ],
      "folds": .array(
        folds.map { fold in
          [
            "fold": .number(Double(fold.index + 1)),
            "train_weeks": .number(Double(fold.origin)),
            "test_weeks": .array(fold.testWeeks.map { .number(Double($0 + 1)) }),
            "scores": methodsJSON(scores(fold: fold.index)),
            "key_quantities": summariesJSON(fold.summaries),
            "divergences": .number(Double(fold.divergences)),
            "min_ess_bulk": jsonNumber(fold.minimumESS),
            "forecasts": [
              "model": forecastsJSON(fold.model), "last_value": forecastsJSON(fold.lastValue),
              "seasonal_mean": forecastsJSON(fold.seasonalMean),
            ],
          ]
        }),
      "overall": methodsJSON(overall),
      "residuals": [
        "weeks": .number(Double(residuals.residuals.count)),
        "lag1_autocorrelation": jsonNumber(residuals.lag1Autocorrelation),
        "ljung_box_lags": .number(Double(residuals.ljungBoxLags)),
        "ljung_box_q": jsonNumber(residuals.ljungBoxQ),
        "ljung_box_p": jsonNumber(residuals.ljungBoxPValue),
        "corr_log_price": residuals.correlationWithLogPrice.map(jsonNumber) ?? .null,
        "corr_log_price_squared": residuals.correlationWithSquaredLogPrice.map(jsonNumber)
          ?? .null,
        "corr_promotions": residuals.correlationWithPromotion.map(jsonNumber) ?? .null,
      ],
      "full_fit": [
        "key_quantities": summariesJSON(fullFit),
        "divergences": .number(Double(fullDivergences)),
        "min_ess_bulk": jsonNumber(fullMinimumESS),
      ],
    ]
  }
}

/// A number in at most about 6 characters: 2 decimals below 1,000 in magnitude, then
/// thousands (k), millions (M) or billions (B) with 2 significant decimals.
func compact(_ value: Double) -> String {
  let magnitude = abs(value)
  switch magnitude {
  case 1e9...: return formatted(value / 1e9, 2) + "B"
  case 1e6..<1e9: return formatted(value / 1e6, 2) + "M"
  case 1e3..<1e6: return formatted(value / 1e3, 1) + "k"
  default: return formatted(value, 2)
  }
}
