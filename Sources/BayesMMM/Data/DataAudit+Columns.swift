extension DataAudit {
  /// Controls and columns without a role: leading zeros read as missing, columns downstream
  /// of social spend, columns the model does not read.
  func columnFindings(_ data: WeeklyDataset) -> [AuditFinding] {
    var findings: [AuditFinding] = []
    let downstream = Set(data.roles.downstreamOfSocial)
    for control in data.controls {
      findings += leadingZeroFindings(control, data: data, isControl: true)
      if downstream.contains(control.name) {
        findings.append(AuditFinding(
          .warning, .downstreamControl, column: control.name,
          message: "\(control.name) is a control but lies downstream of social spend (ads "
            + "move it), so adjusting for it blocks part of the social effect (MODEL.md 3.5)",
          action: "kept as asked; direct and total social effects are conditional on "
            + "\(control.name)"))
      }
    }
    for column in data.unusedColumns {
      findings += leadingZeroFindings(column, data: data, isControl: false)
      if downstream.contains(column.name) {
        findings.append(AuditFinding(
          .info, .downstreamExcluded, column: column.name,
          message: "\(column.name) lies downstream of social spend (ads grow it): adjusting "
            + "for it would block part of the social effect (MODEL.md 3.5)",
          action: "excluded from the model; list it in the controls to adjust for it anyway, "
            + "and direct effects then become conditional on it"))
      } else {
        findings.append(AuditFinding(
          .info, .columnNotUsed, column: column.name,
          message: "\(column.name) has no role in the model",
          action: "ignored; list it in the controls to use it"))
      }
    }
    for name in data.ignoredColumns {
      findings.append(AuditFinding(
        .info, .columnIgnored, column: name,
        message: "\(name) has no role in the model and is not numeric",
        action: "ignored"))
    }
    return findings
  }

  private func leadingZeroFindings(_ column: NumericColumn, data: WeeklyDataset, isControl: Bool)
    -> [AuditFinding]
  {
    let run = column.missingCount
    guard run > 0 else { return [] }
    return [AuditFinding(
      .warning, .leadingZerosMissing, column: column.name, rows: Array(1...run),
      message: "\(column.name) is 0 in the first \(run) weeks (\(data.dates[0]) to "
        + "\(data.dates[run - 1])), then jumps to \(AuditText.amount(column.values[run])): "
        + "missing data, not zero",
      action: isControl
        ? "marked missing in those weeks; the model must not read them as zero"
        : "marked missing in those weeks")]
  }
}
