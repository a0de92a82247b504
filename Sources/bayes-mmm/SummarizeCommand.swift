import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm summarize`: the posterior tables of a run folder.
struct SummarizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summarize",
    abstract: "Print the posterior tables of a run: effects, Google, price, promotion, fit, "
      + "diagnostics and every parameter.",
    discussion: """
      Reads DIR/run.json and the chain files it lists, rebuilds the model from the recorded \
      data file (whose sha256 must match the run's), roles and priors, and prints: \
      convergence diagnostics; direct, indirect and total effects of each social channel for \
      the contrasts "switched off" and "+10%" with their identifying assumption (when the \
      chain files carry effect columns); Google's effect, price and promotion; fit \
      (R-squared over all weeks with floor weeks at the floor and over the non-floor weeks, \
      Bayesian R-squared, MAPE, predictive-interval coverage, floor weeks predicted at the \
      floor, from the predictive of max(revenue, floor)); and mean, sd, median, central interval, \
      MCSE, ESS and R-hat of every column. --format csv writes one long table \
      (section,name,channel,effect,contrast,statistic,value); --format json follows \
      docs/summary-json.md. A run fitted with --lift-tests gets a lift-test table: each test \
      beside the model's posterior of its estimand with and without the test (by importance \
      weights, or from --compare-run DIR, a run of the same data without the tests) and a \
      conflict flag (docs/MODEL.md 11).
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(name: .long, help: "Output format.")
  var format: SummaryFormat = .text

  @Option(
    name: .customLong("compare-run"),
    help: ArgumentHelp(
      "A run of the same data fitted without the lift tests, for their \"without the test\" "
        + "figures (default: importance weights).", valueName: "dir"))
  var compareRun: String?

  @Option(name: .long, help: "Mass of the central interval in the parameter table.")
  var prob: Double = 0.9

  enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, markdown
  }

  func validate() throws {
    guard prob > 0, prob < 1 else {
      throw ValidationError("--prob must lie strictly between 0 and 1.")
    }
  }

  func run() throws {
    try reportingErrors {
      let (stored, prepared) = try runOptions.load()
      let summary = RunSummary(run: stored, prepared: prepared, probability: prob)
        .addingLiftTests(try liftTestRows(stored: stored, prepared: prepared))
      switch format {
      case .text: print(summary.text(), terminator: "")
      case .csv: print(summary.csv(), terminator: "")
      case .json: print(summary.jsonText(), terminator: "")
      case .markdown: print(summary.markdown(), terminator: "")
      }
    }
  }

  /// The lift tests of the run beside the model (none for a run without tests).
  private func liftTestRows(stored: StoredRun, prepared: PreparedModel) throws
    -> [LiftTestSummary]
  {
    let model = prepared.model
    guard !model.liftTests.isEmpty else { return [] }
    let comparison = try compareRun.map { directory in
      let other = try StoredRun.read(directory: directory)
      guard other.recordedDataSHA256 == stored.recordedDataSHA256 else {
        throw ValidationError(
          "--compare-run \(directory) was fitted to other data than \(stored.directory) (its "
            + "data sha256 differs); compare runs of the same data.")
      }
      let otherModel = try other.rebuildModel(
        dataPath: try RunDataLocator.locate(run: other, override: runOptions.data)
      ).model
      guard otherModel.liftTests.isEmpty else {
        throw ValidationError(
          "--compare-run \(directory) was fitted with lift tests; give a run of the same data "
            + "fitted without them.")
      }
      return (otherModel, try other.parameterDraws(for: otherModel), directory)
    }
    return LiftTestSummary.rows(
      model: model, draws: try stored.parameterDraws(for: model), seed: stored.seed,
      comparison: comparison)
  }
}
