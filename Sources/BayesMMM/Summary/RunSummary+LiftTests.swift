/// The lift tests of a run in the summary (`LiftTestSummary`): a section of the text and
/// Markdown summary, and `lift_tests` in its JSON.
extension RunSummary {
  /// This summary with the lift-test rows (computed by the caller, which has the model and
  /// any comparison run).
  public func addingLiftTests(_ rows: [LiftTestSummary]) -> RunSummary {
    var copy = self
    copy.liftTests = rows
    return copy
  }

  /// The "Lift tests" section; nothing for a run without tests.
  func appendLiftTests(to document: inout SummaryDocument) {
    guard !liftTests.isEmpty else { return }
    document.append(.heading("Lift tests", level: 2))
    var table = SummaryTable(
      headers: [
        "channel", "window (+cooldown)", "change", "lift (se)", "model with test",
        "model without test", "p", "",
      ],
      alignments: [.left, .left, .left, .right, .right, .right, .right, .left])
    for row in liftTests {
      let test = row.test
      func figure(_ interval: LiftTestSummary.Interval) -> String {
        ReportNumber.currency(interval.mean) + " ["
          + ReportNumber.interval(interval.lower, interval.upper, ReportNumber.currency) + "]"
      }
      table.rows.append([
        test.channel,
        "\(test.start) to \(test.end)"
          + (test.cooldownWeeks > 0 ? " (+\(test.cooldownWeeks) wk)" : ""),
        test.spendChange.description,
        ReportNumber.currency(test.lift) + " (" + ReportNumber.currency(test.se) + ")",
        figure(row.posterior), figure(row.withoutTest), ReportNumber.probability(row.pValue),
        row.conflict ? "CONFLICT" : "",
      ])
    }
    document.append(.table(table))
    var notes = [
      "Each test is set beside the model's total effect (direct and through Google, carry-over "
        + "included) of the same spend change over the same weeks: posterior mean [90% "
        + "interval], currency; lift = revenue with more spend minus with less."
    ]
    let sources = liftTests.map { row -> String in
      switch row.reference {
      case .importanceWeights(let k):
        return "\(row.test.channel) row \(row.test.row): without the test by Pareto-smoothed "
          + "importance weights (k = " + NumberText.plain((k * 100).rounded() / 100) + ")"
          + (k > LiftTestSummary.paretoLimit
            ? "; k > 0.7, unreliable: fit without the test "
              + "and pass --compare-run" : "")
      case .comparisonRun(let directory):
        return "\(row.test.channel) row \(row.test.row): without the test from the run "
          + directory
      }
    }
    notes.append(contentsOf: sources)
    for row in liftTests {
      let error = row.approximationError
      notes.append(
        "\(row.test.channel) row \(row.test.row): the fit's mean-path effect minus the full "
          + "effect, per draw: mean " + ReportNumber.currency(error.mean) + " ["
          + ReportNumber.interval(error.lower, error.upper, ReportNumber.currency) + "]")
    }
    notes.append(
      "p: two-sided posterior-predictive p-value of the lift under the model without the test; "
        + "CONFLICT when p < 0.01 (the data and the model contradict the test).")
    document.append(.list(notes))
  }
}
