/// Writes the draws of a prior-predictive check as CSV files, all or nothing (see
/// `StagedFolder`).
///
/// ```swift
/// try PriorPredictiveFolder.write(draws: draws, check: check, weekLabels: data.dates,
///                                 context: context, to: "runs/prior-predictive")
/// ```
///
/// Files (numbers as CmdStan writes them; `nan`, `inf` for non-finite values):
/// - `parameters.csv`: `draw` (1-based), every parameter in layout order (constrained
///   values), then per draw `google_zero_share` (share of weeks), `promo_lift_relative`
///   (exp(promo_lift) - 1) and `total_effect_share.<channel>` (share of observed revenue);
/// - `revenue.csv`, `google_spend.csv`: `draw`, then one column per week named by its date,
///   simulated values in currency;
/// - `bands.csv`: per week the observed value and the 2.5, 25, 75, 97.5% pointwise
///   prior-predictive quantiles of revenue and of Google spend;
/// - `summary.json`: the check as `PriorPredictiveCheck.json(context:)` writes it.
public enum PriorPredictiveFolder {
  public static let fileNames = [
    "parameters.csv", "revenue.csv", "google_spend.csv", "bands.csv", "summary.json",
  ]

  public static func write(
    draws: PriorPredictiveDraws, check: PriorPredictiveCheck, weekLabels: [String],
    context: PriorPredictiveCheck.Context, to directory: String
  ) throws {
    let texts = [
      parametersCSV(draws),
      seriesCSV(draws.revenue, weekLabels: weekLabels),
      seriesCSV(draws.mediatorSpend, weekLabels: weekLabels),
      bandsCSV(check, weekLabels: weekLabels),
      check.json(context: context).serialized(pretty: true) + "\n",
    ]
    try StagedFolder.write(
      zip(fileNames, texts).map { (name: $0, text: $1) }, to: directory)
  }

  static func parametersCSV(_ draws: PriorPredictiveDraws) -> String {
    let header =
      ["draw"] + draws.parameterNames + ["google_zero_share"]
      + (draws.promotionLift == nil ? [] : ["promo_lift_relative"])
      + draws.socialNames.map { "total_effect_share.\($0)" }
    var text = header.joined(separator: ",") + "\n"
    for k in 0..<draws.count {
      let values =
        draws.parameters[k] + [draws.mediatorZeroShare[k]]
        + (draws.promotionLift.map { [$0[k]] } ?? [])
        + draws.totalEffectShare.map { $0[k] }
      text += String(k + 1) + "," + values.map(CmdStanCSV.number).joined(separator: ",") + "\n"
    }
    return text
  }

  static func seriesCSV(_ series: [[Double]], weekLabels: [String]) -> String {
    var text = (["draw"] + weekLabels).joined(separator: ",") + "\n"
    for (k, values) in series.enumerated() {
      text += String(k + 1) + "," + values.map(CmdStanCSV.number).joined(separator: ",") + "\n"
    }
    return text
  }

  static func bandsCSV(_ check: PriorPredictiveCheck, weekLabels: [String]) -> String {
    var text = "week"
    for prefix in ["revenue", "google_spend"] {
      text += ",\(prefix)_observed,\(prefix)_q2.5,\(prefix)_q25,\(prefix)_q75,\(prefix)_q97.5"
    }
    text += "\n"
    for (t, label) in weekLabels.enumerated() {
      var row = label
      for series in [check.revenue, check.googleSpend] {
        let values = [
          series.observed[t], series.band95[t].lower, series.band50[t].lower,
          series.band50[t].upper, series.band95[t].upper,
        ]
        row += "," + values.map(CmdStanCSV.number).joined(separator: ",")
      }
      text += row + "\n"
    }
    return text
  }
}
