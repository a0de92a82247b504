extension DataAudit {
  /// Pairs with |r| >= the threshold and regressors with VIF >= the threshold; when there
  /// are none, one note with the largest |r| and VIF so the check is visible.
  func collinearityFindings(_ data: WeeklyDataset) -> [AuditFinding] {
    let set = RegressorSet(data, seasonOrder: seasonOrder)
    let correlations = set.correlationMatrix()
    var findings: [AuditFinding] = []
    var strongest: (r: Double, pair: String) = (0, "")
    for i in set.labels.indices {
      for j in set.labels.indices where j > i {
        let r = correlations[i][j]
        guard r.isFinite else { continue }
        let pair = "\(set.labels[i]), \(set.labels[j])"
        if abs(r) > abs(strongest.r) { strongest = (r, pair) }
        guard abs(r) >= correlationThreshold else { continue }
        findings.append(AuditFinding(
          .warning, .collinearPair, column: pair,
          message: "\(set.labels[i]) and \(set.labels[j]) are strongly correlated: r = "
            + "\(NumberText.grouped(r, decimals: 2)) over \(set.weekCount) weeks",
          action: "kept; their effects are told apart only by the weeks where they move apart "
            + "and by the priors, so expect wide, correlated estimates for both"))
      }
    }
    guard let factors = VarianceInflation.factors(correlation: correlations) else {
      findings.append(AuditFinding(
        .warning, .exactCollinearity, column: set.labels.joined(separator: ", "),
        message: "the regressors are linearly dependent (their correlation matrix is "
          + "singular): some are exact combinations of others",
        action: "kept; only the priors separate the dependent regressors' effects"))
      return findings
    }
    for (label, factor) in zip(set.labels, factors) where factor >= varianceInflationThreshold {
      let explained = NumberText.grouped(100 * (1 - 1 / factor), decimals: 0)
      findings.append(AuditFinding(
        .warning, .highVarianceInflation, column: label,
        message: "\(label) has a variance inflation factor of "
          + "\(NumberText.grouped(factor, decimals: 1)): the other regressors explain "
          + "\(explained)% of its variation",
        action: "kept; its own coefficient is weakly identified, so judge the fit on the "
          + "effects"))
    }
    guard findings.isEmpty, let largest = factors.indices.max(by: { factors[$0] < factors[$1] })
    else { return findings }
    return [AuditFinding(
      .info, .collinearityChecked, column: nil,
      message: "no pair of the \(set.labels.count) regressors has |r| >= "
        + "\(NumberText.grouped(correlationThreshold, decimals: 2)) and no VIF reaches "
        + "\(NumberText.plain(varianceInflationThreshold)): the strongest correlation is r = "
        + "\(NumberText.grouped(strongest.r, decimals: 2)) (\(strongest.pair)), the largest "
        + "VIF \(NumberText.grouped(factors[largest], decimals: 2)) (\(set.labels[largest]))",
      action: "none needed; checked on raw spend, "
        + (data.roles.price == nil ? "" : "log price, ")
        + (data.roles.promotion == nil ? "" : "promotion, ") + "controls, trend and "
        + "season (Fourier order \(seasonOrder)) over \(set.weekCount) weeks")]
  }
}
