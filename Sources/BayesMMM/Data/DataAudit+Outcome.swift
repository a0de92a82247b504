import Foundation

extension DataAudit {
  /// One warning per run of missing weeks (dates more than 7 days apart).
  func weekGapFindings(_ data: WeeklyDataset) -> [AuditFinding] {
    data.weekIndex.indices.dropFirst().compactMap { index in
      let missing = data.weekIndex[index] - data.weekIndex[index - 1] - 1
      guard missing > 0 else { return nil }
      let first = data.dayNumbers[index - 1] + 7
      let missingDates = (0..<missing).map { ISODate(dayNumber: first + 7 * $0).description }
      return AuditFinding(
        .warning, .weekGap, column: data.roles.date, rows: [index, index + 1],
        message: "\(AuditText.weeks(missing)) missing between \(data.dates[index - 1]) "
          + "(row \(index)) and \(data.dates[index]) (row \(index + 1)): "
          + missingDates.joined(separator: ", "),
        action: "kept; the missing weeks are not imputed, and trend and season follow the "
          + "true dates")
    }
  }

  /// The floor (left-censored weeks) and the outcome's dynamic range.
  func outcomeFindings(_ data: WeeklyDataset) -> [AuditFinding] {
    var findings: [AuditFinding] = []
    let column = data.roles.outcome
    if let floor = data.floorValue {
      let rows = data.floorRows
      findings.append(AuditFinding(
        .warning, .outcomeFloor, column: column, rows: rows,
        message: "\(column) is exactly \(AuditText.money(floor)), its minimum, in "
          + "\(rows.count) of \(AuditText.weeks(data.weekCount)): a reporting floor, not a sale ("
          + OutcomeFloor.ruleText + "; " + AuditText.dates(rows, in: data) + ")",
        action: "treated as left-censored: these weeks contribute P(\(column) <= "
          + "\(AuditText.money(floor))) instead of a density (MODEL.md 3.4)"))
    }
    if let finding = dynamicRangeFinding(data) { findings.append(finding) }
    return findings
  }

  private func dynamicRangeFinding(_ data: WeeklyDataset) -> AuditFinding? {
    let outcome = data.outcome
    guard let minimum = outcome.min(), let maximum = outcome.max(),
      maximum / minimum >= dynamicRangeRatio
    else { return nil }
    let column = data.roles.outcome
    let orders = NumberText.grouped(log10(maximum / minimum), decimals: 1)
    var message = "\(column) spans \(AuditText.money(minimum)) to \(AuditText.money(maximum)), "
      + "\(orders) orders of magnitude"
    let aboveFloor = zip(outcome, data.isFloor).filter { !$0.1 }.map(\.0)
    if data.floorValue != nil, let lowest = aboveFloor.min() {
      message += " (from \(AuditText.money(lowest)) without the floor weeks)"
    }
    let rows = outcome.indices.filter { outcome[$0] == minimum || outcome[$0] == maximum }
      .map { $0 + 1 }
    return AuditFinding(
      .warning, .outcomeDynamicRange, column: column, rows: rows, message: message,
      action: "modelled on the log scale, log(\(column) / mean), with Student-t errors so no "
        + "single week dominates the fit")
  }
}
