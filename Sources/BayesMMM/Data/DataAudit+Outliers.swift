extension DataAudit {
  /// Extreme values of the outcome and the spend channels (mediator, social, owned), one
  /// warning per column, with every such week's date, 1-based row and value.
  ///
  /// Rule: a value is extreme when it is more than `extremeValueRatio` (1,000) times the
  /// median of the column's positive values. The median of positive values ignores the
  /// zero weeks of flighted channels; a ratio on the raw scale suits spend and revenue,
  /// which are positive and skewed (a robust z-score on the raw scale would flag ordinary
  /// seasonal peaks). The bundled data's largest ratio is about 410 (revenue).
  func extremeValueFindings(_ data: WeeklyDataset) -> [AuditFinding] {
    let columns =
      [(data.roles.outcome, data.outcome)]
      + data.spendChannels.map { ($0.name, $0.values) }
    return columns.compactMap { name, values in extremeValueFinding(name, values, data: data) }
  }

  private func extremeValueFinding(_ name: String, _ values: [Double], data: WeeklyDataset)
    -> AuditFinding?
  {
    let positive = values.filter { $0 > 0 && $0.isFinite }
    guard !positive.isEmpty else { return nil }
    let median = Statistics.median(positive)
    let limit = extremeValueRatio * median
    let rows = values.indices.filter { values[$0] > limit }.map { $0 + 1 }
    guard !rows.isEmpty else { return nil }
    let weeks = rows.prefix(5).map { row in
      "\(AuditText.amount(values[row - 1])) in \(data.dates[row - 1]) (row \(row))"
    }
    let more = rows.count > 5 ? ", and \(rows.count - 5) more" : ""
    return AuditFinding(
      .warning, .extremeValue, column: name, rows: rows,
      message: "\(name) is extreme in \(AuditText.weeks(rows.count)): "
        + weeks.joined(separator: ", ") + more + "; more than "
        + "\(AuditText.amount(extremeValueRatio)) times its median over positive weeks "
        + "(\(AuditText.amount(median)))",
      action: "kept; check the value: a typo or a unit error here dominates the column's "
        + "scale and the fit")
  }
}
