extension DataAudit {
  /// Zero weeks of the mediator (hurdle), then flighted and always-on channels.
  func channelFindings(_ data: WeeklyDataset) -> [AuditFinding] {
    var findings: [AuditFinding] = []
    let weeks = data.weekCount
    let mediatorZeros = AuditText.zeroRows(data.mediator)
    if !mediatorZeros.isEmpty {
      let mostlyOff = Double(mediatorZeros.count) > mostlyOffFraction * Double(weeks)
      findings.append(AuditFinding(
        mostlyOff ? .warning : .info, .mediatorZeroWeeks, column: data.roles.mediator,
        rows: mediatorZeros,
        message: "\(data.roles.mediator) is 0 in \(mediatorZeros.count) of \(weeks) weeks",
        action: "modelled as a hurdle: whether it is on and how much is spent when on are "
          + "separate parts (MODEL.md 3.2)"))
    }
    for (name, role, values) in data.spendChannels where role != .mediator {
      if let finding = switchFinding(name: name, role: role, values: values, weeks: weeks) {
        findings.append(finding)
      }
    }
    return findings
  }

  /// A channel off most weeks (flighting) or never off (no switched-off contrast).
  private func switchFinding(name: String, role: ColumnRole, values: [Double], weeks: Int)
    -> AuditFinding?
  {
    let zeros = AuditText.zeroRows(values)
    if zeros.isEmpty, let lowest = values.min() {
      return AuditFinding(
        role == .social ? .warning : .info, .channelNeverOff, column: name,
        message: "\(name) is never 0 (lowest week \(AuditText.amount(lowest)), mean "
          + "\(AuditText.amount(Statistics.mean(values)))): no week shows it switched off",
        action: "kept; the effect of switching it off is an extrapolation beyond the data that "
          + "rests on the shape of its response curve and its priors")
    }
    guard Double(zeros.count) > mostlyOffFraction * Double(weeks) else { return nil }
    let onWeeks = weeks - zeros.count
    return AuditFinding(
      .warning, .channelMostlyOff, column: name, rows: zeros,
      message: "\(name) is 0 in \(zeros.count) of \(weeks) weeks (flighting)",
      action: "kept; its effect is learnt from the \(AuditText.weeks(onWeeks)) it is on, so "
        + "expect wide intervals")
  }
}
