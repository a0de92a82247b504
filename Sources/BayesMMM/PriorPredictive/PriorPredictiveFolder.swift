import Foundation

/// Writes the draws of a prior-predictive check as CSV files, all or nothing, through
/// `OutputTransaction`: refused when the folder holds anything but an earlier check of ours
/// (`OutputOwnership`); a user's own files in the folder stay.
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
/// - `summary.json`: `"tool": "bayes-mmm"`, `"kind": "prior-predictive"` (the marker of the
///   folder, written last), then the check as `PriorPredictiveCheck.json(context:)` writes it.
public enum PriorPredictiveFolder {
  public static let fileNames = [
    "parameters.csv", "revenue.csv", "google_spend.csv", "bands.csv", "summary.json",
  ]

  /// How a prior-predictive folder is recognised: summary.json with `"tool": "bayes-mmm"`
  /// and `"kind": "prior-predictive"` (or, as earlier versions wrote it, no `tool` but every
  /// key of the check); it wrote `fileNames`.
  public static let kind = OutputOwnership.FolderKind(
    noun: "prior-predictive folder", marker: "summary.json", kind: "prior-predictive",
    isLegacyMarker: { json in
      json["tool"] == nil
        && ["draws", "seed", "revenue", "google_spend", "implied", "flags", "passed"]
          .allSatisfy { json[$0] != nil }
    },
    listedFiles: { _ in fileNames }, ownsName: { fileNames.contains($0) })

  /// - Throws: `OutputRefusal` when the folder is not ours, `OutputCancelled` when `cancel`
  ///   is set before the files are committed (nothing is written), `OutputError` otherwise.
  public static func write(
    draws: PriorPredictiveDraws, check: PriorPredictiveCheck, weekLabels: [String],
    context: PriorPredictiveCheck.Context, to directory: String,
    cancel: CancellationFlag? = nil
  ) throws {
    let output = try OutputTransaction.folder(directory, kind: kind, cancel: cancel)
    let summary = OutputOwnership.marked(check.json(context: context), kind: kind.kind)
    let texts = [
      parametersCSV(draws),
      seriesCSV(draws.revenue, weekLabels: weekLabels),
      seriesCSV(draws.mediatorSpend, weekLabels: weekLabels),
      bandsCSV(check, weekLabels: weekLabels),
      summary.serialized(pretty: true) + "\n",
    ]
    for (name, text) in zip(fileNames, texts) { try output.stage(name, Data(text.utf8)) }
    try output.commit()
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
