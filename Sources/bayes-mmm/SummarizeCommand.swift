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
      docs/summary-json.md.
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(name: .long, help: "Output format.")
  var format: SummaryFormat = .text

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
      switch format {
      case .text: print(summary.text(), terminator: "")
      case .csv: print(summary.csv(), terminator: "")
      case .json: print(summary.jsonText(), terminator: "")
      case .markdown: print(summary.markdown(), terminator: "")
      }
    }
  }
}
