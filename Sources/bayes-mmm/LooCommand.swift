import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm loo`: PSIS-LOO of a run folder.
struct LooCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "loo",
    abstract: "PSIS-LOO of a run: elpd_loo, se, p_loo, looic and Pareto k per week.",
    discussion: """
      Reads DIR/run.json and its chain files, rebuilds the model from the recorded data (for \
      the weeks and Google's on weeks), takes each week's log likelihood at every draw from \
      the chain files' log_lik columns (revenue: Student-t, or the log CDF in floor weeks; \
      Google: the hurdle's on/off and amount terms; a run written before those columns \
      existed has them recomputed), and computes Pareto-smoothed importance-sampling \
      leave-one-out cross-validation, as ArviZ's az.loo defines it (r_eff over the model's \
      parameters). One observation is one week of both equations (joint); each equation \
      (revenue, search) and the hurdle's two parts are also scored alone. Weeks whose \
      Pareto k exceeds min(1 - 1/log10(draws), 0.7) are named.
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(name: .long, help: "Output format.")
  var format: LooFormat = .text

  enum LooFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func run() throws {
    try reportingErrors {
      let (stored, prepared) = try runOptions.load()
      let loo = try RunLeaveOneOut(run: stored, prepared: prepared)
      switch format {
      case .text: print(loo.text, terminator: "")
      case .json: print(loo.json.serialized(), terminator: "\n")
      }
    }
  }
}
