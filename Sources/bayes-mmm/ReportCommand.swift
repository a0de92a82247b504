import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm report`: one self-contained HTML file with the charts of a run.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a self-contained HTML report (inline SVG and CSS) of a run.",
    discussion: """
      Reads the run folder written by `sample`, rebuilds the model from the recorded data \
      (its sha256 must match) and priors, and writes one HTML file that opens from disk in \
      any browser: the causal diagram, actual vs fitted revenue with 50%/90% bands and the \
      floor weeks, residuals over time and against price and promotions, the \
      posterior-predictive check, prior vs posterior of key parameters, a forest plot of \
      direct, indirect and total effects, response curves (0-2x spend) with the spend where \
      the marginal ROI crosses 1, the price curve and promotion lift, the diagnostics with \
      rank plots, and the data audit. An existing --out file is replaced only when it is a \
      report of bayes-mmm; a missing folder is created.
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(name: .long, help: ArgumentHelp("HTML file to write.", valueName: "file"))
  var out: String = "report.html"

  @Option(name: .long, help: "Posterior draws used for the charts that re-run the model.")
  var draws: Int = 300

  func validate() throws {
    guard draws >= 20 else { throw ValidationError("--draws must be at least 20.") }
  }

  func run() throws {
    try reportingErrors {
      let interrupt = InterruptHandler.install()
      try OutputOwnership.checkFile(out, as: .htmlReport, newContent: Data(), option: "--out")
      let (stored, prepared) = try runOptions.load()
      let model = prepared.model
      let summary = RunSummary(run: stored, prepared: prepared).addingLiftTests(
        model.liftTests.isEmpty
          ? []
          : LiftTestSummary.rows(
            model: model, draws: try stored.parameterDraws(for: model), seed: stored.seed))
      let html = HTMLReport.build(
        run: stored, summary: summary, prepared: prepared, maxDraws: draws,
        threads: ProcessInfo.processInfo.activeProcessorCount)
      try OutputTransaction.writeFile(
        Data(html.utf8), to: out, kind: .htmlReport, cancel: interrupt.flag)
      writeToStandardError("wrote \(out)\n")
    }
  }
}
