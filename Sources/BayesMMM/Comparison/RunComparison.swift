/// Run folders of the same data ranked by their joint PSIS-LOO (`ModelComparison`): what
/// `bayes-mmm compare` prints.
public struct RunComparison: Sendable {
  public let comparison: ModelComparison

  /// The runs' folders and their LOO, in any order.
  /// - Throws: `SummaryError.badRecord` naming `data.sha256` when two runs were fitted to
  ///   different data (or one does not say which), since their elpd are then not comparable.
  public init(runs: [(directory: String, run: StoredRun, loo: RunLeaveOneOut)]) throws(SummaryError) {
    guard let first = runs.first else {
      comparison = ModelComparison([])
      return
    }
    let reference = first.run.recordedDataSHA256
    for entry in runs.dropFirst() where entry.run.recordedDataSHA256 != reference || reference == nil {
      throw .badRecord(
        path: entry.run.recordPath, key: "data.sha256",
        reason: "fitted to other data than \(first.directory) (sha256 "
          + "\(entry.run.recordedDataSHA256 ?? "missing") vs \(reference ?? "missing")); "
          + "only runs of the same data compare")
    }
    comparison = ModelComparison(runs.map { (name: $0.directory, loo: $0.loo.joint) })
  }

  /// `{"models": [{"run", "rank", "elpd_loo", "se", "p_loo", "looic", "elpd_diff",
  /// "se_diff", "pareto_k_counts"}]}`, best first.
  public var json: JSONValue {
    .object([
      (
        key: "models",
        value: .array(
          comparison.entries.map { entry in
            let counts = entry.loo.counts
            return .object([
              (key: "run", value: .string(entry.name)),
              (key: "rank", value: .number(Double(entry.rank))),
              (key: "elpd_loo", value: .number(entry.loo.elpd)),
              (key: "se", value: .number(entry.loo.standardError)),
              (key: "p_loo", value: .number(entry.loo.effectiveParameters)),
              (key: "looic", value: .number(entry.loo.informationCriterion)),
              (key: "elpd_diff", value: .number(entry.elpdDifference)),
              (key: "se_diff", value: .number(entry.differenceStandardError)),
              (
                key: "pareto_k_counts",
                value: .object([
                  (key: "good", value: .number(Double(counts.good))),
                  (key: "bad", value: .number(Double(counts.bad))),
                  (key: "very_bad", value: .number(Double(counts.veryBad))),
                ])
              ),
            ])
          })
      )
    ])
  }

  /// One row per run, best first.
  public var text: String {
    let width = max(5, comparison.entries.map(\.name.count).max() ?? 0) + 2
    var out = pad("rank", 6) + pad("run", width) + leftPad("elpd_loo", 11) + leftPad("se", 8)
      + leftPad("p_loo", 8) + leftPad("elpd_diff", 11) + leftPad("se_diff", 9) + "\n"
    for entry in comparison.entries {
      out += pad("\(entry.rank)", 6) + pad(entry.name, width)
        + leftPad(NumberText.grouped(entry.loo.elpd, decimals: 1), 11)
        + leftPad(NumberText.grouped(entry.loo.standardError, decimals: 1), 8)
        + leftPad(NumberText.grouped(entry.loo.effectiveParameters, decimals: 1), 8)
        + leftPad(NumberText.grouped(entry.elpdDifference, decimals: 1), 11)
        + leftPad(NumberText.grouped(entry.differenceStandardError, decimals: 1), 9) + "\n"
    }
    out += "\nelpd_diff and se_diff as az.compare: a difference within about 2 se_diff is not "
      + "resolved by the data.\n"
    return out
  }
}
