/// The report's "Lift tests" section (`LiftTestSummary`), only for a run fitted with tests:
/// kept apart from `HTMLReport.swift` so the section is one insertion there.
extension HTMLReport {
  /// `<section id="lift-tests">` with one row per test; nil when the summary has no tests.
  static func liftTestsSection(summary: RunSummary) -> String? {
    guard !summary.liftTests.isEmpty else { return nil }
    var rows = [
      "<table><thead><tr><th>channel</th><th>weeks</th><th>change</th><th>lift (se)</th>"
        + "<th>model with test</th><th>model without test</th><th>p</th><th>conflict</th>"
        + "</tr></thead><tbody>"
    ]
    func figure(_ interval: LiftTestSummary.Interval) -> String {
      "\(currency(interval.mean)) (\(currency(interval.lower)) to \(currency(interval.upper)))"
    }
    for row in summary.liftTests {
      let test = row.test
      let weeks =
        "\(test.start) to \(test.end)"
        + (test.cooldownWeeks > 0 ? " + \(test.cooldownWeeks) weeks" : "")
      rows.append(
        "<tr><td>\(escapeXML(test.channel))</td><td>\(escapeXML(weeks))</td>"
          + "<td>\(escapeXML(test.spendChange.description))</td>"
          + "<td>\(currency(test.lift)) (\(currency(test.se)))</td>"
          + "<td>\(figure(row.posterior))</td><td>\(figure(row.withoutTest))</td>"
          + "<td>\(number(row.pValue))</td><td>\(row.conflict ? "CONFLICT" : "no")</td></tr>")
    }
    rows.append("</tbody></table>")
    let note =
      "Each experiment beside the model's total effect (direct and through Google, carry-over "
      + "included) of the same spend change over the same weeks: posterior mean (90% interval), "
      + "currency. Without the test: importance weights that remove its term, or a run fitted "
      + "without it (summarize --compare-run). Conflict: two-sided posterior-predictive p-value "
      + "of the lift under the model without the test below 0.01."
    return "<section id=\"lift-tests\">\n<h2>Lift tests</h2>\n" + rows.joined(separator: "\n")
      + "\n<p>\(escapeXML(note))</p>\n</section>"
  }
}
