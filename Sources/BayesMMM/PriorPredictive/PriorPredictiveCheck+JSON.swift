extension PriorPredictiveCheck {
  /// The report as JSON. Keys:
  /// - `draws`, `seed`, `data`, `priors`: where the check came from;
  /// - `revenue`, `google_spend`: `observed_share_in_50`, `observed_share_in_95`,
  ///   `weeks_above_95`, `weeks_below_95` (1-based week numbers) and `quantiles` (per level:
  ///   `level`, `observed`, `simulated_5`, `simulated_median`, `simulated_95`,
  ///   `share_simulated_at_or_below_observed`, `inside`), in currency per week;
  /// - `google_spend` also: `observed_zero_share`, `simulated_zero_share_mean`,
  ///   `simulated_zero_share_central_90` ([5%, 95%]), `zero_share_inside`;
  /// - `implied`: per headline quantity (`price_elasticity`, `promo_lift` as
  ///   exp(promo_lift) - 1, `total_effect_share.<channel>`) `mean`, `q05` ... `q95`,
  ///   `non_finite_draws`;
  /// - `flags`: `[{priors: [...], message}]`; `passed`: true when there are none.
  public func json(context: Context) -> JSONValue {
    var google = seriesJSON(googleSpend)
    if case .object(var members) = google {
      members += [
        (key: "observed_zero_share", value: .number(zeroShare.observed)),
        (key: "simulated_zero_share_mean", value: .number(zeroShare.simulated.mean)),
        (
          key: "simulated_zero_share_central_90",
          value: [.number(zeroShare.simulated.q05), .number(zeroShare.simulated.q95)]
        ),
        (key: "zero_share_inside", value: .bool(zeroShare.isInsideCentral90)),
      ]
      google = .object(members)
    }
    return [
      "draws": .number(Double(drawCount)),
      "seed": .string(String(context.seed)),
      "data": .string(context.dataPath),
      "priors": .string(context.priorsPath),
      "revenue": seriesJSON(revenue),
      "google_spend": google,
      "implied": .object(implied.map { (key: $0.key, value: distributionJSON($0.distribution)) }),
      "flags": .array(
        flags.map { flag in
          ["priors": .array(flag.priors.map { .string($0) }), "message": .string(flag.message)]
        }),
      "passed": .bool(passed),
    ]
  }

  private func seriesJSON(_ series: SeriesCheck) -> JSONValue {
    [
      "column": .string(series.name),
      "observed_share_in_50": .number(series.shareIn50),
      "observed_share_in_95": .number(series.shareIn95),
      "weeks_above_95": .array(series.weeksAbove95.map { .number(Double($0 + 1)) }),
      "weeks_below_95": .array(series.weeksBelow95.map { .number(Double($0 + 1)) }),
      "quantiles": .array(
        series.quantiles.map { comparison in
          [
            "level": .number(comparison.level), "observed": .number(comparison.observed),
            "simulated_5": .number(comparison.simulatedLower),
            "simulated_median": .number(comparison.simulatedMedian),
            "simulated_95": .number(comparison.simulatedUpper),
            "share_simulated_at_or_below_observed": .number(comparison.shareAtOrBelowObserved),
            "inside": .bool(comparison.isInsideSimulatedRange),
          ]
        }),
    ]
  }

  private func distributionJSON(_ distribution: Distribution) -> JSONValue {
    [
      "mean": .number(distribution.mean), "q05": .number(distribution.q05),
      "q25": .number(distribution.q25), "q50": .number(distribution.q50),
      "q75": .number(distribution.q75), "q95": .number(distribution.q95),
      "non_finite_draws": .number(Double(distribution.nonFiniteDraws)),
    ]
  }
}
